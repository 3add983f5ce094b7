using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Queries;

/// <summary>
/// A read-only view of a graph: the relations active in a time window, optionally narrowed to some
/// relation kinds, polarities and actor kinds. Every query takes a view; filters compose, each call
/// returning a new view. A view copies nothing: it tests relations against the window and filters as
/// queries meet them, and lists its relations only when asked.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GraphView
{
    private readonly HashSet<RelationKind>? kinds;
    private readonly HashSet<Polarity>? polarities;
    private readonly HashSet<ActorKind>? actorKinds;
    private readonly Lazy<IReadOnlyList<Relation>> relations;
    private readonly bool unfiltered;

    private GraphView(RelationGraph graph, TimeWindow window, HashSet<RelationKind>? kinds, HashSet<Polarity>? polarities, HashSet<ActorKind>? actorKinds)
    {
        graph.RequireCovered(window, nameof(window));
        Graph = graph;
        Window = window;
        this.kinds = kinds;
        this.polarities = polarities;
        this.actorKinds = actorKinds;
        unfiltered = kinds is null && polarities is null && actorKinds is null;
        relations = new Lazy<IReadOnlyList<Relation>>(ListRelations, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the graph viewed.</summary>
    public RelationGraph Graph { get; }

    /// <summary>Gets the time window.</summary>
    public TimeWindow Window { get; }

    /// <summary>Gets the relation kinds kept, or <see langword="null"/> for all.</summary>
    public IReadOnlyCollection<RelationKind>? Kinds => kinds;

    /// <summary>Gets the polarities kept, or <see langword="null"/> for all.</summary>
    public IReadOnlyCollection<Polarity>? Polarities => polarities;

    /// <summary>Gets the actor kinds kept (a relation is kept when both ends are of a kept kind), or <see langword="null"/> for all.</summary>
    public IReadOnlyCollection<ActorKind>? ActorKinds => actorKinds;

    /// <summary>Gets the relations in the view, sorted by id.</summary>
    public IReadOnlyList<Relation> Relations => relations.Value;

    /// <summary>Gets the actor events in the window (of kept actor kinds), sorted by id.</summary>
    public IReadOnlyList<ActorEvent> Events =>
        Graph.EventsActiveIn(Window).Where(e => actorKinds is null || (Graph.TryGetActor(e.Actor, out var a) && actorKinds.Contains(a.Kind))).ToArray();

    /// <summary>Creates a view of the whole graph over all time.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="ArgumentException">The window reaches outside the graph's <see cref="RelationGraph.Coverage"/> (it was loaded for a narrower window).</exception>
    public static GraphView Of(RelationGraph graph) => Of(graph, TimeWindow.All);

    /// <summary>Creates a view of the relations active in a window.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="window">The window.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The window reaches outside the graph's <see cref="RelationGraph.Coverage"/> (it was loaded for a narrower window).</exception>
    public static GraphView Of(RelationGraph graph, TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(window);
        return new GraphView(graph, window, null, null, null);
    }

    /// <summary>Creates a view of the graph as of a date: the relations in force on it (at its precision).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="date">The date, such as <c>1953-07</c>.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="ArgumentException">The window reaches outside the graph's <see cref="RelationGraph.Coverage"/> (it was loaded for a narrower window).</exception>
    public static GraphView AsOf(RelationGraph graph, PartialDate date) => Of(graph, TimeWindow.During(date));

    /// <summary>Creates a view of a year, month or day: the relations active at any time during it.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="period">The year or month, such as <c>2017</c> or <c>2017-11</c>.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="ArgumentException">The window reaches outside the graph's <see cref="RelationGraph.Coverage"/> (it was loaded for a narrower window).</exception>
    public static GraphView During(RelationGraph graph, PartialDate period) => Of(graph, TimeWindow.During(period));

    /// <summary>Narrows the view to some relation kinds.</summary>
    /// <param name="relationKinds">The kinds to keep; at least one.</param>
    /// <returns>A new view.</returns>
    /// <exception cref="ArgumentException">No kind is given.</exception>
    public GraphView WithKinds(params IEnumerable<RelationKind> relationKinds) =>
        new(Graph, Window, Narrow(kinds, relationKinds, nameof(relationKinds)), polarities, actorKinds);

    /// <summary>Narrows the view to relations of some polarities.</summary>
    /// <param name="kept">The polarities to keep; at least one.</param>
    /// <returns>A new view.</returns>
    /// <exception cref="ArgumentException">No polarity is given.</exception>
    public GraphView WithPolarities(params IEnumerable<Polarity> kept) =>
        new(Graph, Window, kinds, Narrow(polarities, kept, nameof(kept)), actorKinds);

    /// <summary>Narrows the view to relations whose two ends are actors of some kinds.</summary>
    /// <param name="kept">The actor kinds to keep; at least one.</param>
    /// <returns>A new view.</returns>
    /// <exception cref="ArgumentException">No kind is given.</exception>
    public GraphView WithActorKinds(params IEnumerable<ActorKind> kept) =>
        new(Graph, Window, kinds, polarities, Narrow(actorKinds, kept, nameof(kept)));

    /// <summary>Returns the same filters over another window.</summary>
    /// <param name="window">The window.</param>
    /// <returns>A new view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentException">The window reaches outside the graph's <see cref="RelationGraph.Coverage"/> (it was loaded for a narrower window).</exception>
    public GraphView WithWindow(TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return new GraphView(Graph, window, kinds, polarities, actorKinds);
    }

    /// <summary>
    /// Gets the note an answer over this view carries when its window reaches past the latest publication date
    /// of the graph's sources (<see cref="RelationGraph.SourcesEnd"/>), such as
    /// <c>the sources end 2021-09-04; nothing is known after</c>; <see langword="null"/> when it does not.
    /// </summary>
    public string? BeyondSources => Graph.Horizon.NoteFor(Window);

    /// <summary>Tells whether a relation of the graph is in the view.</summary>
    /// <param name="relation">The relation.</param>
    /// <returns>
    /// <see langword="true"/> when it is active in the window (an open period up to its
    /// <see cref="RelationGraph.LastKnownDay"/>) and passes the filters.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="relation"/> is null.</exception>
    public bool Contains(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return KnownIn(relation, Window) && PassesFilters(relation);
    }

    /// <summary>Whether a relation is known to hold on a day of a window: its first day, and its last known day.</summary>
    internal bool KnownIn(Relation relation, TimeWindow window) =>
        relation.Time.FirstDayNumber <= window.LastDayNumber && Graph.Horizon.LastKnownDayNumber(relation) >= window.FirstDayNumber;

    /// <summary>Whether an actor event is known to happen on a day of the window (an open one up to its sources' date).</summary>
    internal bool KnownIn(ActorEvent actorEvent) =>
        actorEvent.Time.FirstDayNumber <= Window.LastDayNumber && Graph.Horizon.LastKnownDayNumber(actorEvent) >= Window.FirstDayNumber;

    /// <summary>Describes the view, as in <c>2017</c>, <c>all time</c> or <c>2017 · kinds: ally, treaty</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var parts = new List<string> { Window.From is null && Window.To is null ? "all time" : Window.ToString() };
        if (kinds is not null)
        {
            parts.Add("kinds: " + string.Join(", ", RelationKind.All.Where(kinds.Contains)));
        }

        if (polarities is not null)
        {
            parts.Add("polarity: " + string.Join(", ", polarities.Order().Select(p => p.Name())));
        }

        if (actorKinds is not null)
        {
            parts.Add("actors: " + string.Join(", ", actorKinds.Order().Select(k => k.Name())));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>Tests a relation by ordinal: the fast path queries use while walking edges.</summary>
    internal bool Contains(int ordinal) =>
        Graph.FirstDayOf(ordinal) <= Window.LastDayNumber && Graph.LastDayOf(ordinal) >= Window.FirstDayNumber
        && (unfiltered || PassesFilters(Graph.RelationAt(ordinal)));

    /// <summary>Whether the view has a relation of a pair that can be followed from <paramref name="from"/>, one end of the pair.</summary>
    internal bool Links(int from, int pair, bool directed)
    {
        if (!directed && unfiltered)
        {
            return Graph.PairActiveIn(pair, Window.FirstDayNumber, Window.LastDayNumber);
        }

        var hits = new List<int>();
        PairHits(pair, hits);
        var ordinals = Graph.PairColumns.Ordinals;
        return hits.Exists(at => Followable(from, ordinals[at], directed));
    }

    /// <summary>Whether a relation can be followed from one of its ends: any way, or forwards only when directed.</summary>
    private bool Followable(int from, int ordinal, bool directed) =>
        !directed || Graph.SourceOf(ordinal) == from || !Graph.RelationAt(ordinal).Directed;

    /// <summary>
    /// Lists the positions in the pair index of a pair's relations in the view, reading their days from the
    /// index in sequence (the hot loop of pair walks: locals only, no reads scattered over the graph).
    /// </summary>
    private void PairHits(int pair, List<int> positions)
    {
        var (start, end) = Graph.PairRange(pair);
        var (ordinals, firstDays, lastDays, _) = Graph.PairColumns;
        int from = Window.FirstDayNumber, to = Window.LastDayNumber;
        for (var at = start; at < end; at++)
        {
            if (firstDays[at] <= to && lastDays[at] >= from && (unfiltered || PassesFilters(Graph.RelationAt(ordinals[at]))))
            {
                positions.Add(at);
            }
        }
    }

    /// <summary>The actors one hop from a vertex in the view, ascending: only the vertex's neighbours are tested, never its every relation.</summary>
    internal List<int> Neighbours(int vertex, bool directed)
    {
        var result = new List<int>();
        var others = Graph.NeighboursOf(vertex);
        var pairs = Graph.PairsOf(vertex);
        for (var i = 0; i < others.Length; i++)
        {
            if (Links(vertex, pairs[i], directed))
            {
                result.Add(others[i]);
            }
        }

        return result;
    }

    /// <summary>
    /// The ordinals of the view's relations between two vertices that can be followed from <paramref name="from"/>,
    /// ascending; empty when no relation joins them (or they are one vertex).
    /// </summary>
    internal List<int> RelationsBetween(int from, int to, bool directed)
    {
        var result = new List<int>();
        var pair = from == to ? -1 : Graph.PairOf(from, to);
        if (pair >= 0)
        {
            var hits = new List<int>();
            PairHits(pair, hits);
            var ordinals = Graph.PairColumns.Ordinals;
            result.AddRange(hits.Select(at => ordinals[at]).Where(ordinal => Followable(from, ordinal, directed)));
        }

        return result;
    }

    /// <summary>
    /// The ordinals of the view's relations whose two ends <paramref name="joins"/> accepts, ascending, where every
    /// such relation touches one of <paramref name="vertices"/>. Walks the pair index for the pairs of those
    /// vertices that <paramref name="joins"/> accepts when they hold few relations, else the window's slice from
    /// the interval index, so the cost is at most a few times the cheaper of the two.
    /// </summary>
    /// <param name="vertices">Vertices one of which every accepted relation touches.</param>
    /// <param name="joins">Whether a relation between two vertices belongs; symmetric.</param>
    internal PooledOrdinals RelationsWhere(IEnumerable<int> vertices, Func<int, int, bool> joins)
    {
        var ordinals = Graph.PairColumns.Ordinals;
        if (PairWalkHits(vertices, joins) is { } hits)
        {
            var walked = System.Buffers.ArrayPool<int>.Shared.Rent(hits.Count);
            for (var i = 0; i < hits.Count; i++)
            {
                walked[i] = ordinals[hits[i]];
            }

            Array.Sort(walked, 0, hits.Count);
            return new PooledOrdinals(walked, hits.Count);
        }

        return SliceWhere(joins);
    }

    /// <summary>As <see cref="RelationsWhere"/>, sorted by beginning then id (see <see cref="InTimeOrder(ReadOnlySpan{int})"/>).</summary>
    internal IReadOnlyList<Relation> RelationsInTimeOrderWhere(IEnumerable<int> vertices, Func<int, int, bool> joins)
    {
        if (PairWalkHits(vertices, joins) is not { } hits)
        {
            using var slice = SliceWhere(joins);
            return InTimeOrder(slice.Span);
        }

        // The walk reads each relation's first day and beginning precision from the pair index, in sequence,
        // so the sort keys cost no reads scattered over the graph's arrays.
        var (ordinals, firstDays, _, ranks) = Graph.PairColumns;
        var keys = System.Buffers.ArrayPool<ulong>.Shared.Rent(hits.Count);
        for (var i = 0; i < hits.Count; i++)
        {
            keys[i] = TimeKey(firstDays[hits[i]], ranks[hits[i]], ordinals[hits[i]]);
        }

        return FromTimeKeys(keys, hits.Count);
    }

    /// <summary>
    /// The pair-index positions of the view's relations in the pairs of <paramref name="vertices"/> that
    /// <paramref name="joins"/> accepts, or null when those pairs hold so many relations that the slice is
    /// cheaper. A pair walk reads the pair index in sequence; a slice walks the interval tree, sets bits and
    /// lists what is active, then tests both ends of each. Measured at a million relations, walking up to
    /// about half the graph is the cheaper.
    /// </summary>
    private List<int>? PairWalkHits(IEnumerable<int> vertices, Func<int, int, bool> joins)
    {
        // The pairs met, in a pooled bitmap and list: a dense graph's neighbourhood meets tens of thousands.
        var words = (Graph.PairCount + 63) >> 6;
        var seen = System.Buffers.ArrayPool<ulong>.Shared.Rent(Math.Max(words, 1));
        var pairs = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(Graph.PairCount, 1));
        try
        {
            Array.Clear(seen, 0, words);
            var count = 0;
            long walk = 0;
            foreach (var vertex in vertices)
            {
                var others = Graph.NeighboursOf(vertex);
                var pairIds = Graph.PairsOf(vertex);
                for (var i = 0; i < others.Length; i++)
                {
                    var pair = pairIds[i];
                    if ((seen[pair >> 6] & (1UL << (pair & 63))) == 0 && joins(vertex, others[i]))
                    {
                        seen[pair >> 6] |= 1UL << (pair & 63);
                        pairs[count++] = pair;
                        var (start, end) = Graph.PairRange(pair);
                        walk += end - start;
                    }
                }
            }

            if (walk > Graph.RelationCount / 2)
            {
                return null;
            }

            var hits = new List<int>();
            for (var i = 0; i < count; i++)
            {
                PairHits(pairs[i], hits);
            }

            return hits;
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(seen);
            System.Buffers.ArrayPool<int>.Shared.Return(pairs);
        }
    }

    /// <summary>The ordinals of the view's relations in the window's slice whose two ends <paramref name="joins"/> accepts, ascending.</summary>
    private PooledOrdinals SliceWhere(Func<int, int, bool> joins)
    {
        using var active = Graph.ActiveOrdinals(Window);
        var result = System.Buffers.ArrayPool<int>.Shared.Rent(active.Count);
        var count = 0;
        foreach (var ordinal in active.Span)
        {
            if (joins(Graph.SourceOf(ordinal), Graph.TargetOf(ordinal)) && (unfiltered || PassesFilters(Graph.RelationAt(ordinal))))
            {
                result[count++] = ordinal;
            }
        }

        return new PooledOrdinals(result, count);
    }

    /// <summary>Relations by ordinal, sorted by when they begin (<see cref="PartialDate"/> order), then by id.</summary>
    internal IReadOnlyList<Relation> InTimeOrder(List<int> ordinals) => InTimeOrder(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ordinals));

    /// <summary>As <see cref="InTimeOrder(List{int})"/>.</summary>
    internal IReadOnlyList<Relation> InTimeOrder(ReadOnlySpan<int> ordinals)
    {
        // One 64-bit key per relation: the beginning's first day (a relation's first day is its beginning's),
        // then its precision, finest first (dates sharing a first day order by last day, and a day ends before
        // the month that starts with it, which ends before the year), then the ordinal, which is id order.
        var keys = System.Buffers.ArrayPool<ulong>.Shared.Rent(ordinals.Length);
        for (var i = 0; i < ordinals.Length; i++)
        {
            var ordinal = ordinals[i];
            keys[i] = TimeKey(Graph.FirstDayOf(ordinal), Graph.BeginningRankOf(ordinal), ordinal);
        }

        return FromTimeKeys(keys, ordinals.Length);
    }

    private static ulong TimeKey(int firstDay, int beginningRank, int ordinal) =>
        ((ulong)(uint)firstDay << 34) | ((ulong)(uint)beginningRank << 32) | (uint)ordinal;

    /// <summary>The relations of the first <paramref name="count"/> keys (a pooled array, returned here), in key order.</summary>
    private IReadOnlyList<Relation> FromTimeKeys(ulong[] keys, int count)
    {
        var order = System.Buffers.ArrayPool<int>.Shared.Rent(count);
        try
        {
            KeySort.Sort(keys.AsSpan(0, count));
            for (var i = 0; i < count; i++)
            {
                order[i] = (int)(uint)keys[i];
            }

            return Graph.Pick(order.AsSpan(0, count));
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(keys);
            System.Buffers.ArrayPool<int>.Shared.Return(order);
        }
    }

    /// <summary>The relations of the view touching an actor vertex, each with the vertex at its other end.</summary>
    internal IEnumerable<(Relation Relation, int Other, bool Forward)> Incident(int vertex, bool directedOnly)
    {
        foreach (var edge in Graph.OutEdges(vertex))
        {
            if (Contains(edge.Ordinal))
            {
                yield return (Graph.RelationAt(edge.Ordinal), edge.Target, true);
            }
        }

        foreach (var edge in Graph.InEdges(vertex))
        {
            if (Contains(edge.Ordinal) && (!directedOnly || !Graph.RelationAt(edge.Ordinal).Directed))
            {
                yield return (Graph.RelationAt(edge.Ordinal), edge.Source, false);
            }
        }
    }

    private bool PassesFilters(Relation relation)
    {
        if (kinds is not null && !kinds.Contains(relation.Kind))
        {
            return false;
        }

        if (polarities is not null && !polarities.Contains(relation.Polarity))
        {
            return false;
        }

        return actorKinds is null
            || (Graph.TryGetActor(relation.Source, out var s) && actorKinds.Contains(s.Kind)
                && Graph.TryGetActor(relation.Target, out var t) && actorKinds.Contains(t.Kind));
    }

    private IReadOnlyList<Relation> ListRelations()
    {
        // Unfiltered, the slice is the answer; filtered, the slice with every pair of ends accepted.
        using var ordinals = unfiltered ? Graph.ActiveOrdinals(Window) : SliceWhere(static (_, _) => true);
        return Graph.Pick(ordinals.Span);
    }

    private static HashSet<T> Narrow<T>(HashSet<T>? current, IEnumerable<T> kept, string paramName)
    {
        ArgumentNullException.ThrowIfNull(kept, paramName);
        var set = kept.ToHashSet();
        if (set.Count == 0)
        {
            throw new ArgumentException("Give at least one value to keep.", paramName);
        }

        if (current is not null)
        {
            set.IntersectWith(current);
        }

        return set;
    }
}
