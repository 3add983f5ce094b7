using System.Globalization;

namespace RelationsGraph.Time;

/// <summary>
/// A calendar date known to year, month or day precision, written as ISO 8601 (<c>1961</c>,
/// <c>1961-07</c>, <c>1961-07-11</c>). Precision is kept, never invented: <c>1961</c> stands for the
/// whole of 1961 (<see cref="FirstDay"/> to <see cref="LastDay"/>), not for 1 January.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Two values are equal when they have the same year, month, day and
/// precision, so <c>1961</c> and <c>1961-01-01</c> differ. Ordering is by <see cref="FirstDay"/>, then
/// <see cref="LastDay"/>, so a coarser date sorts after the finer dates that start on its first day.
/// The default value is the year 1.
/// </remarks>
public readonly struct PartialDate : IEquatable<PartialDate>, IComparable<PartialDate>, IComparable
{
    /// <summary>The earliest year a <see cref="PartialDate"/> can hold.</summary>
    public const int MinYear = 1;

    /// <summary>The latest year a <see cref="PartialDate"/> can hold.</summary>
    public const int MaxYear = 9999;

    // Stored as year - 1 so that default(PartialDate) is the valid year 1.
    private readonly short yearOffset;
    private readonly byte month;
    private readonly byte day;

    /// <summary>Creates a date known to the year.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1 to 9999.</exception>
    public PartialDate(int year)
        : this(year, 0, 0)
    {
    }

    /// <summary>Creates a date known to the month.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <exception cref="ArgumentOutOfRangeException">A component is out of range.</exception>
    public PartialDate(int year, int month)
        : this(year, month, 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
    }

    /// <summary>Creates a date known to the day.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day of the month, valid for that month and year.</param>
    /// <exception cref="ArgumentOutOfRangeException">A component is out of range or the day does not exist.</exception>
    public PartialDate(int year, int month, int day)
    {
        var error = Validate(year, month, day);
        if (error is not null)
        {
            throw new ArgumentOutOfRangeException(
                day > 0 ? nameof(day) : month > 0 ? nameof(month) : nameof(year), error);
        }

        yearOffset = (short)(year - 1);
        this.month = (byte)month;
        this.day = (byte)day;
    }

    /// <summary>Gets the year.</summary>
    public int Year => yearOffset + 1;

    /// <summary>Gets the month, or <see langword="null"/> at year precision.</summary>
    public int? Month => month == 0 ? null : month;

    /// <summary>Gets the day of the month, or <see langword="null"/> at year or month precision.</summary>
    public int? Day => day == 0 ? null : day;

    /// <summary>Gets how much of the date is known.</summary>
    public DatePrecision Precision => day != 0 ? DatePrecision.Day : month != 0 ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>Gets the first calendar day this date covers.</summary>
    public DateOnly FirstDay => new(Year, month == 0 ? 1 : month, day == 0 ? 1 : day);

    /// <summary>Gets the last calendar day this date covers (inclusive).</summary>
    public DateOnly LastDay => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year, 12, 31),
        DatePrecision.Month => new DateOnly(Year, month, DateTime.DaysInMonth(Year, month)),
        _ => new DateOnly(Year, month, day),
    };

    /// <summary>Creates a day-precision date from a calendar day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The same day as a <see cref="PartialDate"/>.</returns>
    public static PartialDate FromDateOnly(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The date, at the precision the text gives.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not such a date, or names a day that does not exist.</exception>
    public static PartialDate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var date, out var error) ? date : throw new FormatException(error);
    }

    /// <summary>Tries to parse <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="date">The date when parsing succeeds.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid partial date.</returns>
    public static bool TryParse(string? text, out PartialDate date) => TryParse(text, out date, out _);

    /// <summary>Tries to parse, explaining a failure in a whole sentence.</summary>
    internal static bool TryParse(string? text, out PartialDate date, out string error)
    {
        date = default;
        if (text is null)
        {
            error = "expected a date as YYYY, YYYY-MM or YYYY-MM-DD but found nothing.";
            return false;
        }

        var problem = Parse(text, out date);
        error = problem is null ? string.Empty : $"'{text}' is not a date{problem}";
        return problem is null;
    }

    /// <summary>Null when <paramref name="span"/> is a date; otherwise what is wrong, to follow "'text' is not a date".</summary>
    private static string? Parse(ReadOnlySpan<char> span, out PartialDate date)
    {
        date = default;
        int year, month = 0, day = 0;
        bool shapeOk = span.Length switch
        {
            4 => TryDigits(span, out year),
            7 => TryDigits(span[..4], out year) && span[4] == '-' && TryDigits(span[5..7], out month),
            10 => TryDigits(span[..4], out year) && span[4] == '-' && TryDigits(span[5..7], out month)
                  && span[7] == '-' && TryDigits(span[8..10], out day),
            _ => Fail(out year),
        };
        if (!shapeOk)
        {
            return "; expected YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601).";
        }

        if (span.Length >= 7 && month == 0)
        {
            return ": month 00 does not exist.";
        }

        if (span.Length == 10 && day == 0)
        {
            return ": day 00 does not exist.";
        }

        if (Validate(year, month, day) is { } problem)
        {
            return ": " + problem;
        }

        date = new PartialDate(year, month, day);
        return null;
    }

    /// <summary>Tells whether this date covers the given day.</summary>
    /// <param name="date">The day to test.</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> lies between <see cref="FirstDay"/> and <see cref="LastDay"/>.</returns>
    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    /// <summary>Formats the date as ISO 8601 at its own precision.</summary>
    /// <returns><c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</returns>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{month:D2}-{day:D2}"),
    };

    /// <inheritdoc />
    public bool Equals(PartialDate other) => yearOffset == other.yearOffset && month == other.month && day == other.day;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(yearOffset, month, day);

    /// <inheritdoc />
    public int CompareTo(PartialDate other)
    {
        var byFirst = FirstDay.CompareTo(other.FirstDay);
        return byFirst != 0 ? byFirst : LastDay.CompareTo(other.LastDay);
    }

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        PartialDate other => CompareTo(other),
        _ => throw new ArgumentException("The object to compare with is not a PartialDate.", nameof(obj)),
    };

    /// <summary>Tells whether two dates are equal, precision included.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    /// <summary>Tells whether two dates differ, precision included.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    /// <summary>Compares two dates by <see cref="CompareTo(PartialDate)"/>.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    /// <summary>Compares two dates by <see cref="CompareTo(PartialDate)"/>.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    /// <summary>Compares two dates by <see cref="CompareTo(PartialDate)"/>.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two dates by <see cref="CompareTo(PartialDate)"/>.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    private static string? Validate(int year, int month, int day)
    {
        if (year is < MinYear or > MaxYear)
        {
            return $"year {year} is outside {MinYear} to {MaxYear}.";
        }

        if (month is < 0 or > 12)
        {
            return $"month {month} is outside 1 to 12.";
        }

        if (month == 0 && day != 0)
        {
            return "a day needs a month.";
        }

        if (day != 0 && (day < 1 || day > DateTime.DaysInMonth(year, month)))
        {
            return $"day {day} does not exist in {year:D4}-{month:D2}, which has {DateTime.DaysInMonth(year, month)} days.";
        }

        return null;
    }

    private static bool TryDigits(ReadOnlySpan<char> span, out int value)
    {
        value = 0;
        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool Fail(out int value)
    {
        value = 0;
        return false;
    }
}
