using RelationsGraph.Time;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Time;

public sealed class TimeWindowTests
{
    private static TimeWindow In(string date) => TimeWindow.During(PartialDate.Parse(date));

    [Fact]
    public void Overlaps_YearPrecisionEvent_WhenWindowIsAMonthOfThatYear()
    {
        At("2017").Overlaps(In("2017-11")).Should().BeTrue();
    }

    [Fact]
    public void Overlaps_MonthPrecisionEvent_WhenWindowIsItsYear()
    {
        At("2017-11").Overlaps(In("2017")).Should().BeTrue();
        At("2017-11").Overlaps(In("2017-10")).Should().BeFalse();
    }

    [Fact]
    public void Overlaps_EndIsInclusiveAtItsOwnPrecision()
    {
        Period("2006", "2012").Overlaps(In("2012-12-31")).Should().BeTrue();
        Period("2006", "2012").Overlaps(In("2013-01-01")).Should().BeFalse();
        Period("2006", "2012-06").Overlaps(In("2012-06-30")).Should().BeTrue();
        Period("2006", "2012-06").Overlaps(In("2012-07")).Should().BeFalse();
    }

    [Fact]
    public void Overlaps_OpenPeriod_StaysActiveForever()
    {
        Period("1961").Overlaps(In("2017")).Should().BeTrue();
        Period("1961").Overlaps(In("9999")).Should().BeTrue();
        Period("1961").Overlaps(In("1960")).Should().BeFalse();
    }

    [Fact]
    public void Overlaps_OpenWindows()
    {
        At("1950").Overlaps(TimeWindow.Until(PartialDate.Parse("1950-01"))).Should().BeTrue();
        At("1950").Overlaps(TimeWindow.Since(PartialDate.Parse("1951"))).Should().BeFalse();
        At("0001").Overlaps(TimeWindow.All).Should().BeTrue();
    }

    [Fact]
    public void Overlaps_WindowTouchingOnlyTheStartDay()
    {
        Period("1950-06-25", "1953-07-27").Overlaps(TimeWindow.Between(PartialDate.Parse("1940"), PartialDate.Parse("1950-06-25"))).Should().BeTrue();
        Period("1950-06-25", "1953-07-27").Overlaps(TimeWindow.Between(PartialDate.Parse("1940"), PartialDate.Parse("1950-06-24"))).Should().BeFalse();
    }

    [Fact]
    public void Between_RejectsEndBeforeStart_NamingTheParameter()
    {
        var create = () => TimeWindow.Between(PartialDate.Parse("2018"), PartialDate.Parse("2017"));

        create.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("to");
    }

    [Fact]
    public void Between_AcceptsMixedPrecisionThatOverlaps()
    {
        TimeWindow.Between(PartialDate.Parse("2017-06"), PartialDate.Parse("2017")).LastDay.Should().Be(new DateOnly(2017, 12, 31));
    }

    [Theory]
    [InlineData("2017", "2017")]
    [InlineData("1950/1953", "1950/1953")]
    public void ToString_UsesIsoIntervals(string expected, string input)
    {
        var parts = input.Split('/');
        var window = parts.Length == 1 ? In(parts[0]) : TimeWindow.Between(PartialDate.Parse(parts[0]), PartialDate.Parse(parts[1]));

        window.ToString().Should().Be(expected);
    }

    [Fact]
    public void Period_RejectsEndBeforeStart()
    {
        var create = () => Period("1961-07", "1961-06");

        create.Should().Throw<ArgumentException>().WithMessage("the end 1961-06 is before the start 1961-07*").Which.ParamName.Should().Be("end");
    }

    [Fact]
    public void Period_AcceptsCoarserEndContainingTheStart()
    {
        Period("1961-07-11", "1961").LastDay.Should().Be(new DateOnly(1961, 12, 31));
    }
}
