using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Graph;

/// <summary>
/// What a graph's sources can know. A source reports what held up to its publication, so an open period (a
/// relation or event with a start and no end) is known to hold from its start up to the latest publication date
/// among the sources its evidence cites, and not after; and nothing at all is known after the latest
/// publication date of all the graph's sources (<see cref="End"/>). Closed periods and points keep their own
/// dates.
/// </summary>
/// <remarks>
/// <see cref="LastKnownDayNumber(Relation)"/> is the one place that gives a relation's last known day: the time
/// index, the pair index, views and path search all take it from there.
/// </remarks>
internal sealed class SourceHorizon
{
    // Each source's last day of publication (a source published in 2021 is read as of 2021-12-31), by id and by
    // its number in the list given (as the relation store numbers the sources its evidence cites).
    private readonly Dictionary<string, int> publishedLastDay;
    private readonly int[] publishedLastDayByNumber;

    public SourceHorizon(IReadOnlyList<Source> sources)
    {
        publishedLastDay = new Dictionary<string, int>(sources.Count, StringComparer.Ordinal);
        publishedLastDayByNumber = new int[sources.Count];
        EndDayNumber = int.MaxValue;
        for (var number = 0; number < sources.Count; number++)
        {
            var source = sources[number];
            var day = TimeWindow.DayNumber(source.Published.LastDay);
            publishedLastDay[source.Id] = day;
            publishedLastDayByNumber[number] = day;
            if (End is null || day > EndDayNumber)
            {
                (End, EndDayNumber) = (source.Published, day);
            }
        }
    }

    /// <summary>The latest publication date of all sources, or null when there are none (then nothing is clipped).</summary>
    public PartialDate? End { get; }

    /// <summary>The last day of <see cref="End"/>, or <see cref="int.MaxValue"/> when there is no source.</summary>
    public int EndDayNumber { get; }

    /// <summary>
    /// The last day (as a day number) a relation is known to hold: the last day of its point or of its
    /// period's end; for an open period, the last day of the latest publication among the sources it cites, or
    /// the last day of its start when it starts after all of them (a source dating a period after itself).
    /// <see cref="int.MaxValue"/> only when an open period cites no source of the graph.
    /// </summary>
    public int LastKnownDayNumber(Relation relation) =>
        relation.Time.IsOpen ? OpenUntil(relation.Time, Days(relation.Evidence.Select(e => e.Source))) : relation.Time.LastDayNumber;

    /// <summary>As <see cref="LastKnownDayNumber(Relation)"/>, for a relation in columns: its time and the numbers of the sources it cites.</summary>
    public int LastKnownDayNumber(TimeExtent time, ReadOnlySpan<int> citedSources)
    {
        if (!time.IsOpen)
        {
            return time.LastDayNumber;
        }

        var days = new List<int>(citedSources.Length);
        foreach (var number in citedSources)
        {
            days.Add(publishedLastDayByNumber[number]);
        }

        return OpenUntil(time, days);
    }

    /// <summary>The last day an actor event is known to hold, by the same rule as a relation's.</summary>
    public int LastKnownDayNumber(ActorEvent actorEvent) =>
        actorEvent.Time.IsOpen ? OpenUntil(actorEvent.Time, Days(actorEvent.Evidence.Select(e => e.Source))) : actorEvent.Time.LastDayNumber;

    /// <summary>Whether a window reaches past what the sources can know: it has days after <see cref="End"/>.</summary>
    public bool IsPassedBy(TimeWindow window) => End is not null && window.LastDayNumber > EndDayNumber;

    /// <summary>The note for an answer whose window reaches past the sources, or null when it does not.</summary>
    public string? NoteFor(TimeWindow window) =>
        IsPassedBy(window) ? $"the sources end {End}; nothing is known after" : null;

    /// <summary>The publication days of the sources among these ids that the graph has.</summary>
    private IEnumerable<int> Days(IEnumerable<string> sources)
    {
        foreach (var source in sources)
        {
            if (publishedLastDay.TryGetValue(source, out var day))
            {
                yield return day;
            }
        }
    }

    private static int OpenUntil(TimeExtent time, IEnumerable<int> publishedDays)
    {
        var horizon = int.MinValue;
        foreach (var day in publishedDays)
        {
            horizon = Math.Max(horizon, day);
        }

        if (horizon == int.MinValue)
        {
            return int.MaxValue;
        }

        return horizon >= time.FirstDayNumber ? horizon : TimeWindow.DayNumber(time.Beginning.LastDay);
    }
}
