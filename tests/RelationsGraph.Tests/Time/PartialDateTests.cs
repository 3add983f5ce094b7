using RelationsGraph.Time;

namespace RelationsGraph.Tests.Time;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("1961", DatePrecision.Year, "1961-01-01", "1961-12-31")]
    [InlineData("1961-07", DatePrecision.Month, "1961-07-01", "1961-07-31")]
    [InlineData("2016-02", DatePrecision.Month, "2016-02-01", "2016-02-29")]
    [InlineData("2017-02", DatePrecision.Month, "2017-02-01", "2017-02-28")]
    [InlineData("1961-07-11", DatePrecision.Day, "1961-07-11", "1961-07-11")]
    public void Parse_KeepsPrecision_AndCoversItsWholeSpan(string text, DatePrecision precision, string first, string last)
    {
        var date = PartialDate.Parse(text);

        date.Precision.Should().Be(precision);
        date.FirstDay.Should().Be(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture));
        date.LastDay.Should().Be(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
        date.ToString().Should().Be(text);
    }

    [Fact]
    public void Parse_YearIsNotTheFirstOfJanuary()
    {
        PartialDate.Parse("1961").Should().NotBe(PartialDate.Parse("1961-01-01"));
        PartialDate.Parse("1961").Month.Should().BeNull();
        PartialDate.Parse("1961").Day.Should().BeNull();
    }

    [Theory]
    [InlineData("2017-13", "'2017-13' is not a date: month 13 is outside 1 to 12.")]
    [InlineData("2017-02-30", "'2017-02-30' is not a date: day 30 does not exist in 2017-02, which has 28 days.")]
    [InlineData("2017-02-29", "'2017-02-29' is not a date: day 29 does not exist in 2017-02, which has 28 days.")]
    [InlineData("2017-00", "'2017-00' is not a date: month 00 does not exist.")]
    [InlineData("2017-01-00", "'2017-01-00' is not a date: day 00 does not exist.")]
    [InlineData("0000", "'0000' is not a date: year 0 is outside 1 to 9999.")]
    [InlineData("17", "'17' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601).")]
    [InlineData("2017-2", "'2017-2' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601).")]
    [InlineData("2017/02", "'2017/02' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601).")]
    [InlineData("１９６１", "'１９６１' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601).")]
    [InlineData("", "'' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601).")]
    public void Parse_RejectsInvalidOrImpossibleDates_WithASentence(string text, string message)
    {
        var parse = () => PartialDate.Parse(text);

        parse.Should().Throw<FormatException>().WithMessage(message);
        PartialDate.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Parse_AcceptsLeapDay()
    {
        PartialDate.Parse("2016-02-29").LastDay.Should().Be(new DateOnly(2016, 2, 29));
    }

    [Fact]
    public void Constructor_RejectsImpossibleDay_NamingTheParameter()
    {
        var create = () => new PartialDate(2017, 2, 30);

        create.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("day");
    }

    [Fact]
    public void Constructor_RejectsMonthOutOfRange_NamingTheParameter()
    {
        var create = () => new PartialDate(2017, 13);

        create.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("month");
    }

    [Fact]
    public void CompareTo_OrdersByFirstDayThenLastDay()
    {
        var dates = new[] { "1961", "1961-07-11", "1960", "1961-07", "1961-01" }.Select(PartialDate.Parse).ToList();

        dates.Sort();

        dates.Select(d => d.ToString()).Should().Equal("1960", "1961-01", "1961", "1961-07", "1961-07-11");
    }

    [Fact]
    public void Default_IsTheYearOne()
    {
        default(PartialDate).ToString().Should().Be("0001");
    }
}
