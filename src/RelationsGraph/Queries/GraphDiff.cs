using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Queries;

/// <summary>
/// What changed between two dates: periods that started after the first date and are in force on the
/// second, periods in force on the first date that ended before the second, and what happened in between:
/// point relations and events after the first date up to and including the second, and periods that both began
/// after the first date and ended before the second. Dates keep their precision: between
/// <c>2016</c> and <c>2018</c>, "after the first" means from 2017-01-01 and "the second" means all of 2018.
/// A period with no end is in force up to its sources' date (<see cref="Graph.RelationGraph.LastKnownDay(RelationsGraph.Model.Relation)"/>) and
/// never ends: past that date nothing is known, so nothing is said to have ended.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class GraphDiff
{
    private GraphDiff(PartialDate from, PartialDate to, IReadOnlyList<Relation> started, IReadOnlyList<Relation> ended,
        IReadOnlyList<Relation> happened, IReadOnlyList<ActorEvent> events, PartialDate? sourcesEnd, string? beyondSources)
    {
        SourcesEnd = sourcesEnd;
        BeyondSources = beyondSources;
        From = from;
        To = to;
        Started = started;
        Ended = ended;
        Happened = happened;
        Events = events;
    }

    /// <summary>Gets the first date.</summary>
    public PartialDate From { get; }

    /// <summary>Gets the second date.</summary>
    public PartialDate To { get; }

    /// <summary>Gets the periods that began after <see cref="From"/> and are in force during <see cref="To"/>, sorted by time then id.</summary>
    public IReadOnlyList<Relation> Started { get; }

    /// <summary>Gets the periods in force during <see cref="From"/> that ended before <see cref="To"/>, sorted by time then id.</summary>
    public IReadOnlyList<Relation> Ended { get; }

    /// <summary>
    /// Gets the point relations after <see cref="From"/> up to the end of <see cref="To"/>, and the periods that
    /// began after <see cref="From"/> and ended before <see cref="To"/>, sorted by time then id.
    /// </summary>
    public IReadOnlyList<Relation> Happened { get; }

    /// <summary>Gets the actor events after <see cref="From"/> up to the end of <see cref="To"/>, sorted by time then id.</summary>
    public IReadOnlyList<ActorEvent> Events { get; }

    /// <summary>Gets the latest publication date of the graph's sources (<see cref="Graph.RelationGraph.SourcesEnd"/>).</summary>
    public PartialDate? SourcesEnd { get; }

    /// <summary>
    /// Gets the note the diff carries when its second date reaches past the latest publication date of the
    /// graph's sources (<c>the sources end 2021-09-04; nothing is known after</c>), or <see langword="null"/>.
    /// An open period is then not listed as ended: the sources stop knowing about it, they do not say it ended.
    /// </summary>
    public string? BeyondSources { get; }

    /// <summary>Gets a value telling whether nothing changed.</summary>
    public bool IsEmpty => Started.Count == 0 && Ended.Count == 0 && Happened.Count == 0 && Events.Count == 0;

    /// <summary>Compares the graph on two dates. The view's filters apply; its window does not.</summary>
    /// <param name="view">The view whose filters apply.</param>
    /// <param name="from">The first date.</param>
    /// <param name="to">The second date, after the first.</param>
    /// <returns>The changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="to"/> does not end after <paramref name="from"/> ends.</exception>
    public static GraphDiff Between(GraphView view, PartialDate from, PartialDate to)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (to.LastDay <= from.LastDay)
        {
            throw new ArgumentException($"The second date {to} must end after the first date {from}.", nameof(to));
        }

        var before = TimeWindow.During(from);
        var after = TimeWindow.During(to);
        var afterFrom = TimeWindow.DayNumber(from.LastDay) + 1;
        var span = view.WithWindow(TimeWindow.Between(PartialDate.FromDateOnly(DateOnly.FromDayNumber(afterFrom)), to));
        var whole = view.WithWindow(TimeWindow.Between(from, to));
        var periods = whole.Relations.Where(r => !r.Time.IsPoint).ToArray();

        // In force and known are the view's (an open period up to its sources' date); ended is the stated end
        // only, so a period the sources stop knowing about is not said to have ended.
        var started = periods.Where(r => r.Time.FirstDayNumber >= afterFrom && view.KnownIn(r, after));
        var ended = periods.Where(r => view.KnownIn(r, before) && r.Time.LastDayNumber < after.FirstDayNumber);
        var happened = span.Relations.Where(r => r.Time.FirstDayNumber >= afterFrom
            && (r.Time.IsPoint || r.Time.LastDayNumber < after.FirstDayNumber));
        var events = span.Events.Where(e => e.Time.FirstDayNumber >= afterFrom);
        return new GraphDiff(from, to, ByTime(started), ByTime(ended), ByTime(happened),
            events.OrderBy(e => e.Time.Beginning).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray(), view.Graph.SourcesEnd, whole.BeyondSources);
    }

    private static Relation[] ByTime(IEnumerable<Relation> relations) =>
        relations.OrderBy(r => r.Time.Beginning).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
}
