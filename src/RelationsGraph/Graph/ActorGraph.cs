using QuikGraph;

namespace RelationsGraph.Graph;

/// <summary>
/// The actors and who is related to whom, in QuikGraph: actors are vertices (their numbers in id order), and each
/// pair of actors with at least one relation, either way, is one edge in each direction, carrying the pair's number.
/// A pair's relations are one range of the store's rows, sorted by first day, with the running maximum of their last
/// days beside them, so whether a pair has a relation active in a window is a binary search.
/// </summary>
/// <remarks>Immutable once built; safe to read from many threads.</remarks>
internal sealed class ActorGraph
{
    private readonly AdjacencyGraph<int, PairEdge> graph;

    // Pair p's relations are rows [pairStart[p], pairStart[p + 1]); in step with the rows, the latest last day so far in each pair.
    private readonly int[] pairStart;
    private readonly int[] maxLastDays;
    private readonly RelationStore store;

    /// <summary>From this many rows up, the pairs are found on every core.</summary>
    private const int ParallelFrom = 100_000;

    /// <summary>Groups the store's rows (sorted by pair) into pairs and links the actors.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public ActorGraph(RelationStore store, int vertexCount)
    {
        this.store = store;
        var sources = store.Sources;
        var targets = store.Targets;
        int[] degree;
        (pairStart, maxLastDays, degree) = Pairs(store, vertexCount);

        // Each vertex gets room for its edges when added, so no edge list grows by doubling. Every vertex gets its
        // edges to lower actors (in order), then to higher ones (in order): every out-edge list is sorted by target.
        // The edges are added a vertex at a time, not a pair at a time (35.6 million pairs at a hundred million
        // relations): QuikGraph then finds the same vertex's list each time, in the cache (at a hundred
        // million relations 6.8 s became 2.8 s, each with a core to itself).
        // Pairs come sorted by their lower actor, then their higher one, so the edges up from a vertex are its own
        // run of pairs; the edges down, grouped by the higher actor, are dealt into place first, in pair order.
        var (downStart, downTarget, downPair) = EdgesDown(sources, targets, vertexCount);
        graph = new AdjacencyGraph<int, PairEdge>(true, vertexCount, -1);
        for (var v = 0; v < vertexCount; v++)
        {
            graph.EdgeCapacity = degree[v];
            graph.AddVertex(v);
        }

        var up = 0;
        for (var v = 0; v < vertexCount; v++)
        {
            for (var e = downStart[v]; e < downStart[v + 1]; e++)
            {
                graph.AddEdge(new PairEdge(v, downTarget[e], downPair[e]));
            }

            for (; up + 1 < pairStart.Length; up++)
            {
                var (low, high) = Ends(sources[pairStart[up]], targets[pairStart[up]]);
                if (low != v)
                {
                    break;
                }

                graph.AddEdge(new PairEdge(v, high, up));
            }
        }
    }

    /// <summary>Gets the QuikGraph graph: a vertex per actor, an edge each way per related pair.</summary>
    public IVertexListGraph<int, PairEdge> Graph => graph;

    public int PairCount => pairStart.Length - 1;

    /// <summary>The edges from a vertex, one per related actor, sorted by that actor.</summary>
    public IEnumerable<PairEdge> EdgesOf(int vertex) => graph.OutEdges(vertex);

    public int DegreeOf(int vertex) => graph.OutDegree(vertex);

    public PairEdge EdgeOf(int vertex, int index) => graph.OutEdge(vertex, index);

    /// <summary>Where a pair's rows lie: [Start, End).</summary>
    public (int Start, int End) Rows(int pair) => (pairStart[pair], pairStart[pair + 1]);

    /// <summary>The pair joining two vertices, or -1 when no relation does: a binary search of the sorted out-edges.</summary>
    public int PairOf(int a, int b)
    {
        int low = 0, high = graph.OutDegree(a) - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var edge = graph.OutEdge(a, mid);
            if (edge.Target == b)
            {
                return edge.Pair;
            }

            if (edge.Target < b)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>Whether a pair has a relation sharing a day with [from, to]: O(log of the pair's relations).</summary>
    public bool ActiveIn(int pair, int from, int to)
    {
        // The relations beginning by `to` are a prefix of the pair's rows; one of them reaches `from` exactly when
        // the latest end among them does.
        var last = EndOfBeginningBy(pair, to);
        return last > pairStart[pair] && maxLastDays[last - 1] >= from;
    }

    /// <summary>
    /// The part of a pair's rows that can hold a relation sharing a day with [from, to]: from its first row whose
    /// running latest last day reaches <paramref name="from"/> (every row before ends earlier) to its last row
    /// beginning by <paramref name="to"/>. Two binary searches; empty when none is active.
    /// </summary>
    public (int Start, int End) ActiveRange(int pair, int from, int to)
    {
        var last = EndOfBeginningBy(pair, to);
        int low = pairStart[pair], high = last;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (maxLastDays[mid] < from)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return (low, last);
    }

    /// <summary>The end of the pair's rows that begin by <paramref name="to"/> (the pair's rows are by first day): a binary search.</summary>
    private int EndOfBeginningBy(int pair, int to)
    {
        var firstDays = store.FirstDays;
        int low = pairStart[pair], high = pairStart[pair + 1];
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (firstDays[mid] <= to)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>
    /// The pairs: where each run of rows joining the same two actors starts (and the rows' end last), each row's
    /// latest last day so far in its pair, and each actor's number of pairs. Two passes over the rows, each on every
    /// core from <see cref="ParallelFrom"/> rows: a range's pairs are counted, then their starts put in place.
    /// </summary>
    private static (int[] PairStart, int[] MaxLastDays, int[] Degree) Pairs(RelationStore store, int vertexCount)
    {
        var n = store.Count;
        var ranges = n >= ParallelFrom ? Environment.ProcessorCount : 1;
        var bounds = Enumerable.Range(0, ranges + 1).Select(r => (int)((long)n * r / ranges)).ToArray();

        // Pairs are counted first, so their starts are one array of the right size (not a list grown by doubling and
        // copied: 35.6 million pairs at a hundred million rows).
        var firstPair = new int[ranges + 1];
        Parallel.For(0, ranges, r => firstPair[r + 1] = CountStarts(store, bounds[r], bounds[r + 1]));
        for (var r = 0; r < ranges; r++)
        {
            firstPair[r + 1] += firstPair[r];
        }

        var pairStart = new int[firstPair[ranges] + 1];
        pairStart[^1] = n;
        var maxLastDays = new int[n];
        var degrees = new int[ranges][];
        Parallel.For(0, ranges, r => degrees[r] = FillStarts(store, bounds[r], bounds[r + 1], firstPair[r], pairStart, maxLastDays, vertexCount));

        // A range's first rows may go on a pair begun in the range before: their latest last day counts that pair's
        // rows there too (taken in order, so the range before is already whole).
        for (var r = 1; r < ranges; r++)
        {
            for (var row = bounds[r]; row < bounds[r + 1] && !StartsPair(store.Sources, store.Targets, row); row++)
            {
                maxLastDays[row] = Math.Max(maxLastDays[row], maxLastDays[row - 1]);
            }
        }

        var degree = degrees[0];
        for (var r = 1; r < ranges; r++)
        {
            for (var v = 0; v < vertexCount; v++)
            {
                degree[v] += degrees[r][v];
            }
        }

        return (pairStart, maxLastDays, degree);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int CountStarts(RelationStore store, int from, int to)
    {
        var sources = store.Sources;
        var targets = store.Targets;
        var starts = 0;
        for (var row = from; row < to; row++)
        {
            if (StartsPair(sources, targets, row))
            {
                starts++;
            }
        }

        return starts;
    }

    /// <summary>Puts the starts of the pairs beginning in [from, to) in place and the rows' latest last days so far (from the range's first row); returns each actor's count of them.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int[] FillStarts(RelationStore store, int from, int to, int pair, int[] pairStart, int[] maxLastDays, int vertexCount)
    {
        var sources = store.Sources;
        var targets = store.Targets;
        var lastDays = store.LastDays;
        var degree = new int[vertexCount];
        for (var row = from; row < to; row++)
        {
            if (StartsPair(sources, targets, row))
            {
                maxLastDays[row] = lastDays[row];
                pairStart[pair++] = row;
                var (low, high) = Ends(sources[row], targets[row]);
                degree[low]++;
                degree[high]++;
            }
            else
            {
                // The range's first row goes on a pair begun in the range before: its latest last day is made whole after.
                maxLastDays[row] = row == from ? lastDays[row] : Math.Max(maxLastDays[row - 1], lastDays[row]);
            }
        }

        return degree;
    }

    private static bool StartsPair(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, int row) =>
        row == 0 || Ends(sources[row], targets[row]) != Ends(sources[row - 1], targets[row - 1]);

    /// <summary>
    /// Each pair as an edge from its higher actor down to its lower one, grouped by the higher actor (where each
    /// vertex's run begins, by vertex, then the edges' targets and pairs), each group in pair order.
    /// </summary>
    private (int[] Start, int[] Target, int[] Pair) EdgesDown(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, int vertexCount)
    {
        var pairs = pairStart.Length - 1;
        var start = new int[vertexCount + 1];
        for (var p = 0; p < pairs; p++)
        {
            start[Ends(sources[pairStart[p]], targets[pairStart[p]]).High + 1]++;
        }

        for (var v = 0; v < vertexCount; v++)
        {
            start[v + 1] += start[v];
        }

        var next = start[..vertexCount];
        var (target, pair) = (new int[pairs], new int[pairs]);
        for (var p = 0; p < pairs; p++)
        {
            var (low, high) = Ends(sources[pairStart[p]], targets[pairStart[p]]);
            var at = next[high]++;
            (target[at], pair[at]) = (low, p);
        }

        return (start, target, pair);
    }

    private static (int Low, int High) Ends(int a, int b) => a < b ? (a, b) : (b, a);
}

/// <summary>A QuikGraph edge from one actor to another, standing for the pair's relations (either way).</summary>
internal readonly record struct PairEdge(int Source, int Target, int Pair) : IEdge<int>;
