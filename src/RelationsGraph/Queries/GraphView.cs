using QuikGraph;
using QuikGraph.Predicates;
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

    // By kind ordinal: whether the view keeps relations of that kind (the kind and polarity filters together).
    private readonly bool[] keptKinds;

    private GraphView(RelationGraph graph, TimeWindow window, HashSet<RelationKind>? kinds, HashSet<Polarity>? polarities, HashSet<ActorKind>? actorKinds)
    {
        graph.RequireCovered(window, nameof(window));
        Graph = graph;
        Window = window;
        this.kinds = kinds;
        this.polarities = polarities;
        this.actorKinds = actorKinds;
        unfiltered = kinds is null && polarities is null && actorKinds is null;
        keptKinds = RelationKind.All.Select(k => (kinds is null || kinds.Contains(k)) && (polarities is null || polarities.Contains(k.Polarity))).ToArray();
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
    /// <see cref="RelationGraph.LastKnownDay(RelationsGraph.Model.Relation)"/>) and passes the filters.
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

    /// <summary>Tests a row: the fast path queries use while walking pairs.</summary>
    internal bool Contains(int row)
    {
        var store = Graph.Store;
        return store.FirstDays[row] <= Window.LastDayNumber && store.LastDays[row] >= Window.FirstDayNumber && (unfiltered || PassesFilters(row));
    }

    /// <summary>
    /// The actor graph as this view sees it, in QuikGraph: the graph's pair edges that have a relation in the view
    /// which can be followed from the edge's source (any way, or forwards only when <paramref name="directed"/>),
    /// less any vertex or edge the caller leaves out.
    /// </summary>
    internal IVertexListGraph<int, PairEdge> ActorGraph(bool directed, Func<int, bool>? keepVertex = null, Func<PairEdge, bool>? keepEdge = null) =>
        new FilteredVertexListGraph<int, PairEdge, IVertexListGraph<int, PairEdge>>(
            Graph.ActorGraph.Graph,
            v => keepVertex is null || keepVertex(v),
            e => (keepEdge is null || keepEdge(e)) && Links(e.Source, e.Pair, directed));

    /// <summary>Whether the view has a relation of a pair that can be followed from <paramref name="from"/>, one end of the pair.</summary>
    internal bool Links(int from, int pair, bool directed)
    {
        if (!directed && unfiltered)
        {
            return Graph.ActorGraph.ActiveIn(pair, Window.FirstDayNumber, Window.LastDayNumber);
        }

        var (start, end) = Graph.ActorGraph.Rows(pair);
        for (var row = start; row < end; row++)
        {
            if (Contains(row) && Followable(from, row, directed))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a relation can be followed from one of its ends: any way, or forwards only when directed.</summary>
    private bool Followable(int from, int row, bool directed) =>
        !directed || Graph.Store.Sources[row] == from || !Graph.Store.IsDirected(row);

    /// <summary>Lists the rows of a pair's relations in the view, reading the part of the pair's range that can hold them in sequence.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private void PairHits(int pair, List<int> rows)
    {
        int from = Window.FirstDayNumber, to = Window.LastDayNumber;
        var actorGraph = Graph.ActorGraph;
        var (start, end) = actorGraph.Rows(pair);

        // A long range is first narrowed by two binary searches; a short one is read whole (its few cache lines
        // cost less than the searches' jumps).
        if (end - start > 64)
        {
            (start, end) = actorGraph.ActiveRange(pair, from, to);
        }

        var firstDays = Graph.Store.FirstDays;
        var lastDays = Graph.Store.LastDays;
        if (!unfiltered)
        {
            for (var row = start; row < end; row++)
            {
                if (firstDays[row] <= to && lastDays[row] >= from && PassesFilters(row))
                {
                    rows.Add(row);
                }
            }

            return;
        }

        // Each row is written and counted only when in the window, without a branch to mispredict (a busy actor's
        // pairs hold millions of rows, a few percent of them in a year).
        Span<int> block = stackalloc int[Math.Min(1024, Math.Max(0, end - start))];
        for (var blockStart = start; blockStart < end; blockStart += block.Length)
        {
            var blockEnd = Math.Min(end, blockStart + block.Length);
            var kept = 0;
            for (var row = blockStart; row < blockEnd; row++)
            {
                block[kept] = row;
                kept += firstDays[row] <= to & lastDays[row] >= from ? 1 : 0;
            }

            rows.AddRange(block[..kept]);
        }
    }

    /// <summary>
    /// The rows of the view's relations between two vertices that can be followed from <paramref name="from"/>;
    /// empty when no relation joins them (or they are one vertex).
    /// </summary>
    internal List<int> RelationsBetween(int from, int to, bool directed)
    {
        var result = new List<int>();
        var pair = from == to ? -1 : Graph.ActorGraph.PairOf(from, to);
        if (pair >= 0)
        {
            PairHits(pair, result);
            if (directed)
            {
                result.RemoveAll(row => !Followable(from, row, directed));
            }
        }

        return result;
    }

    /// <summary>
    /// The rows of the view's relations whose two ends <paramref name="joins"/> accepts, in id order, where every
    /// such relation touches one of <paramref name="vertices"/>. Walks the pairs of those vertices that
    /// <paramref name="joins"/> accepts when they hold few relations, else the window's slice from the interval
    /// index, so the cost is at most a few times the cheaper of the two.
    /// </summary>
    /// <param name="vertices">Vertices one of which every accepted relation touches.</param>
    /// <param name="joins">Whether a relation between two vertices belongs; symmetric.</param>
    internal PooledOrdinals RelationsWhere(IEnumerable<int> vertices, Func<int, int, bool> joins)
    {
        if (PairWalkKeys(vertices, joins, byTime: false) is not { } keys)
        {
            return SliceWhere(joins);
        }

        using var held = keys;
        var store = Graph.Store;
        var span = keys.Span;
        var rows = System.Buffers.ArrayPool<int>.Shared.Rent(span.Length);
        KeySort.Sort(span);
        for (var i = 0; i < span.Length; i++)
        {
            rows[i] = store.RowOfIdRank((int)span[i]);
        }

        return new PooledOrdinals(rows, span.Length);
    }

    /// <summary>As <see cref="RelationsWhere"/>, sorted by beginning then id (see <see cref="InTimeOrder(ReadOnlySpan{int})"/>).</summary>
    internal IReadOnlyList<Relation> RelationsInTimeOrderWhere(IEnumerable<int> vertices, Func<int, int, bool> joins)
    {
        if (PairWalkKeys(vertices, joins, byTime: true) is { } keys)
        {
            using (keys)
            {
                return SortedByKey(keys.Span);
            }
        }

        using var slice = SliceWhere(joins);
        return InTimeOrder(slice.Span);
    }

    /// <summary>From this many rows in the pairs walked, the walk is read on two cores.</summary>
    private const int ParallelWalkFrom = 200_000;

    /// <summary>
    /// The keys (<see cref="TimeKey"/> when <paramref name="byTime"/>, else the id rank) of the view's relations in the
    /// pairs of <paramref name="vertices"/> that <paramref name="joins"/> accepts, or null when those pairs hold so
    /// many relations that the slice is cheaper. A pair walk reads a range of the columns per pair, and makes each
    /// hit's key while its rows are in the cache; a slice walks the interval tree, sets bits and lists what is
    /// active, then tests both ends of each. Measured at a million relations, walking up to about half the graph
    /// is the cheaper.
    /// </summary>
    private PooledBuffer<ulong>? PairWalkKeys(IEnumerable<int> vertices, Func<int, int, bool> joins, bool byTime)
    {
        // The pairs met, in a pooled bitmap and a list: a dense graph's neighbourhood meets tens of thousands (a
        // pooled list as long as all pairs would hold a quarter of a gigabyte for a 100M graph).
        var actorGraph = Graph.ActorGraph;
        var words = (actorGraph.PairCount + 63) >> 6;
        var seen = System.Buffers.ArrayPool<ulong>.Shared.Rent(Math.Max(words, 1));
        using var pairs = new PooledBuffer<int>();
        try
        {
            Array.Clear(seen, 0, words);
            long walk = 0;
            foreach (var vertex in vertices)
            {
                foreach (var edge in actorGraph.EdgesOf(vertex))
                {
                    var pair = edge.Pair;
                    if ((seen[pair >> 6] & (1UL << (pair & 63))) == 0 && joins(vertex, edge.Target))
                    {
                        seen[pair >> 6] |= 1UL << (pair & 63);
                        pairs.Add(pair);
                        var (start, end) = actorGraph.Rows(pair);
                        walk += end - start;
                    }
                }
            }

            if (walk > Graph.Store.Count / 2)
            {
                return null;
            }

            // The pairs lie all over the columns, so reading them waits on memory: a long walk is read in two halves
            // side by side, gathered in order.
            var store = Graph.Store;
            var (halves, count) = (walk >= ParallelWalkFrom && Environment.ProcessorCount > 1 ? 2 : 1, pairs.Count);
            var parts = new PooledBuffer<ulong>[halves];
            Parallel.For(0, halves, half =>
            {
                var (rows, keys) = (new List<int>(), parts[half] = new PooledBuffer<ulong>());
                for (var i = count * half / halves; i < count * (half + 1) / halves; i++)
                {
                    rows.Clear();
                    PairHits(pairs.Span[i], rows);
                    foreach (var row in rows)
                    {
                        keys.Add(byTime ? TimeKey(store, row) : (uint)store.IdRank(row));
                    }
                }
            });

            var all = parts[0];
            for (var half = 1; half < halves; half++)
            {
                all.AddRange(parts[half].Span);
                parts[half].Dispose();
            }

            return all;
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(seen);
        }
    }

    /// <summary>The rows of the view's relations in the window's slice whose two ends <paramref name="joins"/> accepts, in id order.</summary>
    private PooledOrdinals SliceWhere(Func<int, int, bool> joins)
    {
        var store = Graph.Store;
        using var active = ActiveRanks();
        var result = System.Buffers.ArrayPool<int>.Shared.Rent(active.Count);
        var count = 0;
        foreach (var rank in active.Span)
        {
            var row = store.RowOfIdRank(rank);
            if (joins(store.Sources[row], store.Targets[row]) && (unfiltered || PassesFilters(row)))
            {
                result[count++] = row;
            }
        }

        return new PooledOrdinals(result, count);
    }

    /// <summary>The id ranks of the relations active in the window, ascending.</summary>
    private PooledOrdinals ActiveRanks() => Graph.ActiveRanks(Window);

    /// <summary>Relations by row, sorted by when they begin (<see cref="PartialDate"/> order), then by id.</summary>
    internal RelationList InTimeOrder(List<int> rows) => InTimeOrder(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));

    /// <summary>As <see cref="InTimeOrder(List{int})"/>.</summary>
    internal RelationList InTimeOrder(ReadOnlySpan<int> rows)
    {
        var store = Graph.Store;
        var keys = System.Buffers.ArrayPool<ulong>.Shared.Rent(rows.Length);
        try
        {
            for (var i = 0; i < rows.Length; i++)
            {
                keys[i] = TimeKey(store, rows[i]);
            }

            return SortedByKey(keys.AsSpan(0, rows.Length));
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(keys);
        }
    }

    /// <summary>
    /// A relation's key in time order, one 64-bit number: the beginning's first day (a relation's first day is its
    /// beginning's), then its precision, finest first (dates sharing a first day order by last day, and a day ends
    /// before the month that starts with it, which ends before the year), then its id rank.
    /// </summary>
    private static ulong TimeKey(RelationStore store, int row) =>
        ((ulong)(uint)store.FirstDays[row] << 34) | ((ulong)(uint)store.BeginningRank(row) << 32) | (uint)store.IdRank(row);

    /// <summary>The relations of some keys ending in their id ranks (<see cref="TimeKey"/>), sorted by key: the ranks, as they are.</summary>
    private RelationList SortedByKey(Span<ulong> keys)
    {
        KeySort.Sort(keys);
        var chunks = ChunkedList<int>.Chunks(keys.Length);
        var at = 0;
        foreach (var chunk in chunks)
        {
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i] = (int)(uint)keys[at++];
            }
        }

        return RelationList.OfRanks(Graph.Store, ChunkedList<int>.FromChunks(chunks));
    }

    /// <summary>The rows of the view's relations touching an actor vertex, each with the vertex at its other end; with <paramref name="directedOnly"/>, only those that can be followed from it.</summary>
    internal IEnumerable<(int Row, int Other)> Incident(int vertex, bool directedOnly)
    {
        var rows = new List<int>();
        foreach (var edge in Graph.ActorGraph.EdgesOf(vertex))
        {
            rows.Clear();
            PairHits(edge.Pair, rows);
            foreach (var row in rows)
            {
                if (Followable(vertex, row, directedOnly))
                {
                    yield return (row, edge.Target);
                }
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

    /// <summary>The filters on a row's columns: its kind (and so its polarity) and its two actors' kinds.</summary>
    private bool PassesFilters(int row)
    {
        var store = Graph.Store;
        return keptKinds[store.Kinds[row]]
            && (actorKinds is null || (actorKinds.Contains(Graph.ActorAt(store.Sources[row]).Kind) && actorKinds.Contains(Graph.ActorAt(store.Targets[row]).Kind)));
    }

    private RelationList ListRelations()
    {
        // Unfiltered, the slice is the answer; filtered, the slice with every pair of ends accepted.
        if (!unfiltered)
        {
            using var rows = SliceWhere(static (_, _) => true);
            return Graph.List(rows.Span);
        }

        return Graph.ActiveList(Window);
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
