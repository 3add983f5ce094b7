namespace RelationsGraph.Time;

/// <summary>
/// When a relation or event holds: either at a point in time (<see cref="At"/>) or over a period from
/// <see cref="Start"/> to an optional <see cref="End"/>, never both. Ends are inclusive at their own
/// precision, so a period ending <c>2012</c> covers all of 2012. A period with no end is still in force
/// at its source's date and is treated as open-ended.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Equality compares the kind (point or period) and the dates with their
/// precision. The default value is a point at the year 1.
/// </remarks>
public readonly struct TimeExtent : IEquatable<TimeExtent>
{
    private readonly PartialDate first;
    private readonly PartialDate last;
    private readonly Shape shape;

    private TimeExtent(PartialDate first, PartialDate last, Shape shape)
    {
        this.first = first;
        this.last = last;
        this.shape = shape;
    }

    private enum Shape : byte
    {
        Point,
        ClosedPeriod,
        OpenPeriod,
    }

    /// <summary>Gets a value telling whether this is a point in time rather than a period.</summary>
    public bool IsPoint => shape == Shape.Point;

    /// <summary>Gets the point in time, or <see langword="null"/> for a period.</summary>
    public PartialDate? At => shape == Shape.Point ? first : null;

    /// <summary>Gets the start of the period, or <see langword="null"/> for a point.</summary>
    public PartialDate? Start => shape == Shape.Point ? null : first;

    /// <summary>Gets the inclusive end of the period, or <see langword="null"/> for a point or an open period.</summary>
    public PartialDate? End => shape == Shape.ClosedPeriod ? last : null;

    /// <summary>Gets the point, or the start of the period: the date this extent begins with.</summary>
    public PartialDate Beginning => first;

    /// <summary>Gets the first calendar day covered.</summary>
    public DateOnly FirstDay => first.FirstDay;

    /// <summary>Gets the last calendar day covered, or <see langword="null"/> when the period is open.</summary>
    public DateOnly? LastDay => shape == Shape.OpenPeriod ? null : last.LastDay;

    /// <summary>Creates a point in time.</summary>
    /// <param name="date">The date, at its own precision.</param>
    /// <returns>The extent covering exactly <paramref name="date"/>.</returns>
    public static TimeExtent Point(PartialDate date) => new(date, date, Shape.Point);

    /// <summary>Creates a period.</summary>
    /// <param name="start">The start.</param>
    /// <param name="end">The inclusive end, or <see langword="null"/> when still in force.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> lies wholly before <paramref name="start"/>.</exception>
    public static TimeExtent Period(PartialDate start, PartialDate? end = null)
    {
        if (end is { } e)
        {
            var error = CheckOrder(start, e);
            if (error is not null)
            {
                throw new ArgumentException(error, nameof(end));
            }

            return new TimeExtent(start, e, Shape.ClosedPeriod);
        }

        return new TimeExtent(start, start, Shape.OpenPeriod);
    }

    /// <summary>Tells whether this extent and a window share at least one day.</summary>
    /// <param name="window">The window.</param>
    /// <returns><see langword="true"/> when they overlap.</returns>
    public bool Overlaps(TimeWindow window) =>
        TimeWindow.DayNumber(FirstDay) <= window.LastDayNumber && LastDayNumber >= window.FirstDayNumber;

    /// <summary>Formats the extent: <c>1961</c> for a point, <c>1950/1953</c> or <c>1961/..</c> for a period (ISO 8601 intervals).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => shape switch
    {
        Shape.Point => first.ToString(),
        Shape.ClosedPeriod => $"{first}/{last}",
        _ => $"{first}/..",
    };

    /// <inheritdoc />
    public bool Equals(TimeExtent other) => shape == other.shape && first == other.first && last == other.last;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TimeExtent other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(first, last, shape);

    /// <summary>Tells whether two extents are equal.</summary>
    /// <param name="left">The first extent.</param>
    /// <param name="right">The second extent.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(TimeExtent left, TimeExtent right) => left.Equals(right);

    /// <summary>Tells whether two extents differ.</summary>
    /// <param name="left">The first extent.</param>
    /// <param name="right">The second extent.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(TimeExtent left, TimeExtent right) => !left.Equals(right);

    internal int FirstDayNumber => TimeWindow.DayNumber(FirstDay);

    /// <summary>Whether this is a period with no end: known to hold only up to its sources' date (see SourceHorizon).</summary>
    internal bool IsOpen => shape == Shape.OpenPeriod;

    internal int LastDayNumber => shape == Shape.OpenPeriod ? int.MaxValue : TimeWindow.DayNumber(last.LastDay);

    /// <summary>Returns why an end cannot close a period that begins at a start, or null when it can.</summary>
    internal static string? CheckOrder(PartialDate start, PartialDate end) =>
        end.LastDay < start.FirstDay
            ? $"the end {end} is before the start {start}; a period must end on or after the day it starts."
            : null;
}
