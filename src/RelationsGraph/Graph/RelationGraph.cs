using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Graph;

/// <summary>
/// An immutable temporal knowledge graph: sources, actors, the typed and dated relations between them
/// and the actors' own events. Built by <see cref="RelationGraphBuilder"/> or read by <see cref="Storage.GraphFile"/>;
/// indexed by time so that the relations active in a window are found in O(log n + k).
/// </summary>
/// <remarks>
/// Immutable and safe to query from many threads at once. Lists are sorted by id (ordinal) and every
/// query returns its results in a stated, deterministic order. Relations are kept in columns and made into
/// <see cref="Relation"/> values as they are read from a result. The time index is built by the first query that
/// slices by time (<see cref="RelationsActiveIn"/>, or a view's list of relations), not by the load: queries that
/// walk actor pairs never need it.
/// </remarks>
public sealed class RelationGraph
{
    private readonly Actor[] actors;
    private readonly ActorEvent[] events;

    // Keyed by the id's text: a dictionary of strings runs optimized code from the first call.
    private readonly Dictionary<string, int> actorIndex;

    // Over the relations' id ranks, not their rows: a slice read back from its bitmap is then in id order as it is.
    // Built by the first query that slices by time, not by the load: a command that walks actor pairs (triangle,
    // path, a neighbourhood of less than half the graph) never needs it (70 ms of a 1.4 s load at a million
    // relations; seconds at a hundred million).
    private readonly Lazy<IntervalIndex> relationTimes;
    private readonly IntervalIndex eventTimes;
    private readonly List<int>[] eventsByActor;
    private readonly ActorDirectory directory;

    internal RelationGraph(Source[] sources, Actor[] actors, RelationStore store, ActorEvent[] events, ActorDirectory directory, SourceHorizon horizon, TimeWindow? coverage)
    {
        Horizon = horizon;
        Coverage = coverage ?? TimeWindow.All;
        Sources = Array.AsReadOnly(sources);
        Actors = Array.AsReadOnly(actors);
        Events = Array.AsReadOnly(events);
        this.actors = actors;
        this.events = events;
        this.directory = directory;
        Store = store;
        Relations = RelationList.All(store);

        actorIndex = new Dictionary<string, int>(actors.Length, StringComparer.Ordinal);
        for (var i = 0; i < actors.Length; i++)
        {
            actorIndex.Add(actors[i].Id.Value, i);
        }

        ActorGraph = new ActorGraph(store, actors.Length);
        store.CompleteIdOrder();
        relationTimes = new Lazy<IntervalIndex>(() => ByIdRank(store), LazyThreadSafetyMode.ExecutionAndPublication);

        eventsByActor = new List<int>[actors.Length];
        var elo = new int[events.Length];
        var ehi = new int[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            (eventsByActor[actorIndex[e.Actor.Value]] ??= []).Add(i);
            elo[i] = e.Time.FirstDayNumber;
            ehi[i] = Horizon.LastKnownDayNumber(e);
        }

        eventTimes = new IntervalIndex(elo, ehi);
    }

    /// <summary>
    /// Gets the time window this graph holds every relation of: <see cref="TimeWindow.All"/> unless it was
    /// loaded with <see cref="Storage.GraphLoadOptions.Window"/>, in which case <see cref="Relations"/> holds only the
    /// relations active in that window. Views (and so every query) outside it are refused;
    /// <see cref="RelationsOf"/>, <see cref="RelationsBetween"/> and saving cover only what the graph holds.
    /// </summary>
    public TimeWindow Coverage { get; }

    /// <summary>
    /// Gets the latest publication date of the graph's sources, or <see langword="null"/> when it has none:
    /// nothing after it is known. Answers whose window reaches past it say so (<see cref="Queries.GraphView.BeyondSources"/>).
    /// </summary>
    public PartialDate? SourcesEnd => Horizon.End;

    /// <summary>Gets the graph with nothing in it.</summary>
    public static RelationGraph Empty { get; } = new RelationGraphBuilder().Build();

    /// <summary>Gets the sources, sorted by id.</summary>
    public IReadOnlyList<Source> Sources { get; }

    /// <summary>Gets the actors, sorted by id.</summary>
    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>Gets the relations, sorted by id.</summary>
    public IReadOnlyList<Relation> Relations { get; }

    /// <summary>Gets the actor events, sorted by id.</summary>
    public IReadOnlyList<ActorEvent> Events { get; }

    internal RelationStore Store { get; }

    internal ActorGraph ActorGraph { get; }

    internal int ActorCount => actors.Length;

    /// <summary>Looks an actor up by id, name or alias, ignoring case.</summary>
    /// <param name="nameOrAlias">The text, such as <c>north korea</c>, <c>Pyongyang</c> or <c>DPRK</c>.</param>
    /// <returns>The match, with suggestions when nothing matched.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nameOrAlias"/> is null.</exception>
    public ActorMatch FindActor(string nameOrAlias)
    {
        ArgumentNullException.ThrowIfNull(nameOrAlias);
        return directory.Find(nameOrAlias);
    }

    /// <summary>Gets an actor by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="actor">The actor when found.</param>
    /// <returns><see langword="true"/> when the graph has the actor.</returns>
    public bool TryGetActor(ActorId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Actor? actor)
    {
        if (id.Value is not null && actorIndex.TryGetValue(id.Value, out var i))
        {
            actor = actors[i];
            return true;
        }

        actor = null;
        return false;
    }

    /// <summary>Gets a relation by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="relation">The relation when found.</param>
    /// <returns><see langword="true"/> when the graph has the relation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public bool TryGetRelation(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Relation? relation)
    {
        ArgumentNullException.ThrowIfNull(id);

        // A binary search over the id order, comparing each id's bytes with the string.
        int low = 0, high = Store.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var row = Store.RowOfIdRank(mid);
            var order = Store.CompareId(row, id);
            if (order == 0)
            {
                relation = Store.Relation(row);
                return true;
            }

            if (order < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        relation = null;
        return false;
    }

    /// <summary>
    /// Gives the last day a relation is known to hold. A point or a closed period holds to its own last day. An
    /// open period (a start and no end) is known to hold up to the latest publication date among the sources
    /// its evidence cites, and not after: a source cannot say what held after it was written. (An open period
    /// that starts after all its sources were published is known only over its start.) Every query uses this
    /// day, so <c>triangle US China DPRK --in 2035</c> finds nothing in an article of 2021.
    /// </summary>
    /// <param name="relation">The relation; its evidence should cite sources of this graph.</param>
    /// <returns>The day, or <see langword="null"/> for an open period none of whose sources is in this graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="relation"/> is null.</exception>
    public DateOnly? LastKnownDay(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        var day = Horizon.LastKnownDayNumber(relation);
        return day == int.MaxValue ? null : DateOnly.FromDayNumber(day);
    }

    /// <summary>Gives the last day an actor event is known to hold, by the rule of <see cref="LastKnownDay(RelationsGraph.Model.Relation)"/>.</summary>
    /// <param name="actorEvent">The event; its evidence should cite sources of this graph.</param>
    /// <returns>The day, or <see langword="null"/> for an open period none of whose sources is in this graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actorEvent"/> is null.</exception>
    public DateOnly? LastKnownDay(ActorEvent actorEvent)
    {
        ArgumentNullException.ThrowIfNull(actorEvent);
        var day = Horizon.LastKnownDayNumber(actorEvent);
        return day == int.MaxValue ? null : DateOnly.FromDayNumber(day);
    }

    /// <summary>
    /// Finds the relations active in a window: those sharing at least one day with it, an open period up to
    /// its <see cref="LastKnownDay(RelationsGraph.Model.Relation)"/>.
    /// </summary>
    /// <param name="window">The window.</param>
    /// <returns>The relations, sorted by id, as <see cref="Queries.GraphView.Relations"/> lists them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentException">The window reaches outside the graph's <see cref="Coverage"/>.</exception>
    public IReadOnlyList<Relation> RelationsActiveIn(TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        RequireCovered(window, nameof(window));
        return ActiveList(window);
    }

    /// <summary>Finds the actor events that happened in a window (an open period up to its sources' date, as for relations).</summary>
    /// <param name="window">The window.</param>
    /// <returns>The events, sorted by id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> is null.</exception>
    public IReadOnlyList<ActorEvent> EventsActiveIn(TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        using var ordinals = eventTimes.QueryPooled(window.FirstDayNumber, window.LastDayNumber);
        return ChunkedList<ActorEvent>.Pick(events, ordinals.Span);
    }

    /// <summary>Finds every relation an actor takes part in, either end.</summary>
    /// <param name="actor">The actor id.</param>
    /// <returns>The relations, sorted by id; empty for an unknown actor.</returns>
    public IReadOnlyList<Relation> RelationsOf(ActorId actor)
    {
        if (!TryGetVertex(actor, out var v))
        {
            return [];
        }

        var rows = new List<int>();
        foreach (var edge in ActorGraph.EdgesOf(v))
        {
            var (start, end) = ActorGraph.Rows(edge.Pair);
            for (var row = start; row < end; row++)
            {
                rows.Add(row);
            }
        }

        return ById(rows);
    }

    /// <summary>Finds every relation between two actors, in either direction.</summary>
    /// <param name="first">One actor.</param>
    /// <param name="second">The other actor.</param>
    /// <returns>The relations, sorted by id; empty when either actor is unknown.</returns>
    public IReadOnlyList<Relation> RelationsBetween(ActorId first, ActorId second)
    {
        if (!TryGetVertex(first, out var a) || !TryGetVertex(second, out var b) || a == b)
        {
            return [];
        }

        var pair = ActorGraph.PairOf(a, b);
        if (pair < 0)
        {
            return [];
        }

        var (start, end) = ActorGraph.Rows(pair);
        return ById(Enumerable.Range(start, end - start).ToList());
    }

    /// <summary>Finds an actor's events.</summary>
    /// <param name="actor">The actor id.</param>
    /// <returns>The events, sorted by id; empty for an unknown actor.</returns>
    public IReadOnlyList<ActorEvent> EventsOf(ActorId actor)
    {
        if (!TryGetVertex(actor, out var v) || eventsByActor[v] is not { } list)
        {
            return [];
        }

        return list.Select(i => events[i]).ToArray();
    }

    /// <summary>What the sources can know: the one rule for the last known day of relations and events.</summary>
    internal SourceHorizon Horizon { get; }

    internal bool TryGetVertex(ActorId actor, out int vertex)
    {
        vertex = -1;
        return actor.Value is not null && actorIndex.TryGetValue(actor.Value, out vertex);
    }

    internal Actor ActorAt(int vertex) => actors[vertex];

    /// <summary>Refuses a window this graph does not hold every relation of (see <see cref="Coverage"/>).</summary>
    internal void RequireCovered(TimeWindow window, string parameter)
    {
        if (!Coverage.Contains(window))
        {
            throw new ArgumentException(
                $"The graph was loaded for {Coverage} only (GraphLoadOptions.Window), so it cannot answer for {window}; load it with a window covering {window}, or without one.",
                parameter);
        }
    }

    /// <summary>The id ranks of the relations active in a window, ascending.</summary>
    internal PooledOrdinals ActiveRanks(TimeWindow window) => relationTimes.Value.QueryPooled(window.FirstDayNumber, window.LastDayNumber);

    /// <summary>The relations active in a window, in id order: their ranks, written once, into the result.</summary>
    internal RelationList ActiveList(TimeWindow window) => RelationList.OfRanks(Store, relationTimes.Value.QueryList(window.FirstDayNumber, window.LastDayNumber));

    /// <summary>
    /// The interval index over the relations' days, by id rank: each block of ranks gathers its days from the
    /// day columns through the id order as it is built, so the days are never all copied into id order at once (two
    /// arrays of 400 MB at a hundred million).
    /// </summary>
    private static IntervalIndex ByIdRank(RelationStore store) => new(store.Count, (first, lo, hi) =>
    {
        var rows = store.IdRankToRow.Slice(first, lo.Length);
        var firstDays = store.FirstDays;
        var lastDays = store.LastDays;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            (lo[i], hi[i]) = (firstDays[row], lastDays[row]);
        }
    });

    /// <summary>The relations of some rows, in the order given.</summary>
    internal RelationList List(ReadOnlySpan<int> rows) => RelationList.Of(Store, rows);

    /// <summary>The relations of some rows, sorted by id.</summary>
    internal RelationList ById(List<int> rows)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows);
        var keys = new ulong[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            keys[i] = (uint)Store.IdRank(span[i]);
        }

        KeySort.Order(keys, span);
        return List(span);
    }
}
