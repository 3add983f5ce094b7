namespace RelationsGraph.Time;

/// <summary>
/// A query window: the closed range of calendar days from <see cref="From"/> to <see cref="To"/>, either
/// end possibly open. A relation is active in a window when the two share at least one day, so a relation
/// dated <c>2017</c> is active in a window of <c>2017-11</c>, and one dated <c>2017-11</c> in a window of <c>2017</c>.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Equality compares the bounds with their precision. Windows are built from
/// partial dates: <see cref="During"/> covers one date, <see cref="Between"/> a range of dates.
/// </remarks>
public sealed class TimeWindow : IEquatable<TimeWindow>
{
    private TimeWindow(PartialDate? from, PartialDate? to)
    {
        From = from;
        To = to;
        FirstDayNumber = from is { } f ? DayNumber(f.FirstDay) : int.MinValue;
        LastDayNumber = to is { } t ? DayNumber(t.LastDay) : int.MaxValue;
    }

    /// <summary>Gets the window that holds all time.</summary>
    public static TimeWindow All { get; } = new(null, null);

    /// <summary>Gets the first date of the window, or <see langword="null"/> when unbounded in the past.</summary>
    public PartialDate? From { get; }

    /// <summary>Gets the last date of the window (inclusive at its precision), or <see langword="null"/> when unbounded in the future.</summary>
    public PartialDate? To { get; }

    /// <summary>Gets the first calendar day in the window, or <see langword="null"/> when unbounded.</summary>
    public DateOnly? FirstDay => From?.FirstDay;

    /// <summary>Gets the last calendar day in the window, or <see langword="null"/> when unbounded.</summary>
    public DateOnly? LastDay => To?.LastDay;

    /// <summary>Creates the window covering one partial date: a year, a month or a day.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The window from the first to the last day of <paramref name="date"/>.</returns>
    public static TimeWindow During(PartialDate date) => new(date, date);

    /// <summary>Creates the window from one date to another, both inclusive at their precision.</summary>
    /// <param name="from">The first date.</param>
    /// <param name="to">The last date.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> lies wholly before <paramref name="from"/>.</exception>
    public static TimeWindow Between(PartialDate from, PartialDate to)
    {
        var error = TimeExtent.CheckOrder(from, to);
        return error is null ? new TimeWindow(from, to) : throw new ArgumentException(error, nameof(to));
    }

    /// <summary>Creates the window from a date on, with no end.</summary>
    /// <param name="from">The first date.</param>
    /// <returns>The window.</returns>
    public static TimeWindow Since(PartialDate from) => new(from, null);

    /// <summary>Creates the window up to a date, with no beginning.</summary>
    /// <param name="to">The last date, inclusive at its precision.</param>
    /// <returns>The window.</returns>
    public static TimeWindow Until(PartialDate to) => new(null, to);

    /// <summary>
    /// Returns the window of the same length just before this one: the previous year for a year, the
    /// previous month for a month, the three years before for <c>1950/1952</c>, and the same number of
    /// days before for windows of mixed or day precision.
    /// </summary>
    /// <returns>The previous window, or <see langword="null"/> when this window is open at either end.</returns>
    public TimeWindow? Previous()
    {
        if (From is not { } from || To is not { } to)
        {
            return null;
        }

        if (from.Precision == to.Precision && from.Precision == DatePrecision.Year)
        {
            var years = to.Year - from.Year + 1;
            return from.Year - years < PartialDate.MinYear ? null
                : Span(new PartialDate(from.Year - years), new PartialDate(from.Year - 1));
        }

        if (from.Precision == to.Precision && from.Precision == DatePrecision.Month)
        {
            var first = (from.Year * 12) + from.Month!.Value - 1;
            var last = (to.Year * 12) + to.Month!.Value - 1;
            var start = first - (last - first + 1);
            return start < PartialDate.MinYear * 12 ? null
                : Span(new PartialDate(start / 12, (start % 12) + 1), new PartialDate((first - 1) / 12, ((first - 1) % 12) + 1));
        }

        var length = DayNumber(to.LastDay) - DayNumber(from.FirstDay) + 1;
        var startDay = DayNumber(from.FirstDay) - length;
        return startDay < DayNumber(DateOnly.MinValue) ? null
            : Span(PartialDate.FromDateOnly(DateOnly.FromDayNumber(startDay)), PartialDate.FromDateOnly(DateOnly.FromDayNumber(DayNumber(from.FirstDay) - 1)));
    }

    /// <summary>Tells whether a calendar day lies in the window.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Contains(DateOnly date)
    {
        var n = DayNumber(date);
        return n >= FirstDayNumber && n <= LastDayNumber;
    }

    /// <summary>Tells whether every day of another window lies in this one.</summary>
    /// <param name="window">The other window.</param>
    /// <returns><see langword="true"/> when it does; <see cref="All"/> contains every window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> is null.</exception>
    public bool Contains(TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return FirstDayNumber <= window.FirstDayNumber && window.LastDayNumber <= LastDayNumber;
    }

    /// <summary>Formats the window: <c>2017</c>, <c>1950/1953</c>, <c>1950/..</c>, <c>../1953</c> or <c>..</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => (From, To) switch
    {
        (null, null) => "..",
        ({ } f, { } t) when f == t => f.ToString(),
        ({ } f, { } t) => $"{f}/{t}",
        ({ } f, null) => $"{f}/..",
        (null, { } t) => $"../{t}",
    };

    /// <inheritdoc />
    public bool Equals(TimeWindow? other) => other is not null && From == other.From && To == other.To;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TimeWindow);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(From, To);

    // Kept as fields: queries compare every relation they meet with these two numbers.
    internal int FirstDayNumber { get; }

    internal int LastDayNumber { get; }

    internal static int DayNumber(DateOnly date) => date.DayNumber;

    private static TimeWindow Span(PartialDate from, PartialDate to) => from == to ? During(from) : new TimeWindow(from, to);
}
