using QuikGraph;
using RelationsGraph.Model;
using RelationsGraph.Serialization;
using RelationsGraph.Time;

namespace RelationsGraph.Graph;

/// <summary>
/// An immutable temporal knowledge graph: sources, actors, the typed and dated relations between them
/// and the actors' own events. Built by <see cref="RelationGraphBuilder"/> or loaded from graph.json;
/// indexed by time so that the relations active in a window are found in O(log n + k).
/// </summary>
/// <remarks>
/// Immutable and safe to query from many threads at once. Lists are sorted by id (ordinal) and every
/// query returns its results in a stated, deterministic order.
/// </remarks>
public sealed class RelationGraph
{
    private const string BundledResource = "RelationsGraph.graph.json";
    private static readonly Lazy<RelationGraph> BundledGraph = new(LoadBundledCore, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Relation[] relations;
    private readonly ActorEvent[] events;
    // Keyed by the id's text: a dictionary of strings runs optimized code from the first call, where one keyed
    // by ActorId starts in the JIT's quick code, and the load looks up two ids for every relation.
    private readonly Dictionary<string, int> actorIndex;
    private readonly BidirectionalGraph<int, RelationEdge> graph;
    private readonly IntervalIndex relationTimes;

    // The relations laid out as the interval index holds them, made at the first slice, so that a slice copies
    // contiguous ranges (see IntervalIndex.Overlapping).
    private readonly Lazy<(Relation[] InLowOrder, Relation[] InHighOrder)> relationLayout;
    private readonly int[] relationFirstDay;
    private readonly int[] relationLastDay;

    // The precision of each relation's beginning, finest first (day 0, month 1, year 2): with the first day,
    // it orders relations by beginning without reading the relation objects.
    private readonly byte[] beginningRank;
    private readonly IntervalIndex eventTimes;

    // The two ends of each relation as vertices.
    private readonly int[] relationSource;
    private readonly int[] relationTarget;

    // The adjacency of actors: every pair of actors with at least one relation (either way) is a pair id p,
    // whose relation ordinals are pairOrdinals[pairStart[p] .. pairStart[p + 1]), ascending. Per vertex, its
    // neighbours ascending and, in step, the pair id joining it to each.
    private readonly int[] pairStart;
    private readonly int[] pairOrdinals;
    private readonly int[][] neighbours;
    private readonly int[][] neighbourPairs;

    // In step with pairOrdinals: each relation's first and last day and beginning precision, so walking a
    // pair's relations reads memory in sequence instead of jumping through the million-entry arrays above.
    private readonly int[] pairFirstDay;
    private readonly int[] pairLastDay;
    private readonly byte[] pairBeginningRank;

    // Per pair, in the same ranges: the first days of its relations ascending, and the running maximum of
    // their last days, so whether a pair has a relation active in a window is two binary-search steps.
    private readonly Lazy<(int[] FirstDays, int[] MaxLastDays)> pairTimes;
    private readonly List<int>[] eventsByActor;
    private readonly ActorDirectory directory;
    private readonly SourceHorizon horizon;

    internal RelationGraph(Source[] sources, Actor[] actors, Relation[] relations, ActorEvent[] events, ActorDirectory directory, TimeWindow? coverage = null)
    {
        Coverage = coverage ?? TimeWindow.All;
        Sources = Array.AsReadOnly(sources);
        Actors = Array.AsReadOnly(actors);
        Relations = Array.AsReadOnly(relations);
        Events = Array.AsReadOnly(events);
        this.relations = relations;
        this.events = events;
        this.directory = directory;
        horizon = new SourceHorizon(sources);

        actorIndex = new Dictionary<string, int>(actors.Length, StringComparer.Ordinal);
        for (var i = 0; i < actors.Length; i++)
        {
            actorIndex.Add(actors[i].Id.Value, i);
        }

        var lo = new int[relations.Length];
        var hi = new int[relations.Length];
        relationSource = new int[relations.Length];
        relationTarget = new int[relations.Length];
        var rank = new byte[relations.Length];
        var byReference = new VertexByReference(actors, actorIndex);
        void Columns(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var r = relations[i];
                relationSource[i] = byReference.Find(r.Source.Value);
                relationTarget[i] = byReference.Find(r.Target.Value);
                lo[i] = r.Time.FirstDayNumber;
                hi[i] = horizon.LastKnownDayNumber(r);
                rank[i] = r.Time.Beginning.Precision switch
                {
                    DatePrecision.Day => 0,
                    DatePrecision.Month => 1,
                    _ => 2,
                };
            }
        }

        // On a big graph, this pass and the three indexes after it are spread over the cores: every relation
        // is a memory read of its own, and the indexes are independent of each other.
        var parallel = relations.Length >= 100_000 && Environment.ProcessorCount > 1;
        if (parallel)
        {
            var parts = Environment.ProcessorCount;
            Parallel.For(0, parts, part => Columns((int)((long)relations.Length * part / parts), (int)((long)relations.Length * (part + 1) / parts)));
        }
        else
        {
            Columns(0, relations.Length);
        }

        beginningRank = rank;

        BidirectionalGraph<int, RelationEdge>? edges = null;
        IntervalIndex? times = null;
        (int[] Start, int[] Ordinals, int[][] Neighbours, int[][] Pairs) adjacency = ([], [], [], []);
        var ends = (Sources: relationSource, Targets: relationTarget);
        Action[] builds =
        [
            () => edges = BuildEdges(actors.Length, ends.Sources, ends.Targets),
            () => times = new IntervalIndex(lo, hi),
            () => adjacency = IndexPairs(actors.Length, ends.Sources, ends.Targets),
        ];
        if (parallel)
        {
            Parallel.Invoke(builds);
        }
        else
        {
            Array.ForEach(builds, build => build());
        }

        graph = edges!;
        relationTimes = times!;
        relationLayout = new(() => relationTimes.Layout(relations), LazyThreadSafetyMode.ExecutionAndPublication);
        (pairStart, pairOrdinals, neighbours, neighbourPairs) = adjacency;
        pairFirstDay = new int[pairOrdinals.Length];
        pairLastDay = new int[pairOrdinals.Length];
        pairBeginningRank = new byte[pairOrdinals.Length];
        for (var i = 0; i < pairOrdinals.Length; i++)
        {
            pairFirstDay[i] = lo[pairOrdinals[i]];
            pairLastDay[i] = hi[pairOrdinals[i]];
            pairBeginningRank[i] = rank[pairOrdinals[i]];
        }

        pairTimes = new Lazy<(int[], int[])>(IndexPairTimes, LazyThreadSafetyMode.ExecutionAndPublication);
        relationFirstDay = lo;
        relationLastDay = hi;

        eventsByActor = new List<int>[actors.Length];
        var elo = new int[events.Length];
        var ehi = new int[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            (eventsByActor[actorIndex[e.Actor.Value]] ??= []).Add(i);
            elo[i] = e.Time.FirstDayNumber;
            ehi[i] = horizon.LastKnownDayNumber(e);
        }

        eventTimes = new IntervalIndex(elo, ehi);
    }

    /// <summary>
    /// Gets the time window this graph holds every relation of: <see cref="TimeWindow.All"/> unless it was
    /// loaded with <see cref="GraphLoadOptions.Window"/>, in which case <see cref="Relations"/> holds only the
    /// relations active in that window. Views (and so every query) outside it are refused;
    /// <see cref="RelationsOf"/>, <see cref="RelationsBetween"/> and <see cref="Save"/> cover only what the graph
    /// holds.
    /// </summary>
    public TimeWindow Coverage { get; }

    /// <summary>
    /// Gets the latest publication date of the graph's sources, or <see langword="null"/> when it has none:
    /// nothing after it is known. Answers whose window reaches past it say so (<see cref="Queries.GraphView.BeyondSources"/>).
    /// </summary>
    public PartialDate? SourcesEnd => horizon.End;

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

    /// <summary>
    /// Gets the knowledge graph bundled with the library: what the IPIS article on China and North Korea
    /// (2021) says, with a verbatim quote for every fact. Loaded once, on first use.
    /// </summary>
    /// <returns>The bundled graph.</returns>
    public static RelationGraph LoadBundled() => BundledGraph.Value;

    /// <summary>Loads a graph from a graph.json file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits for the load; <see langword="null"/> for the defaults.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="GraphDataException">The file is not a valid graph; the message says where and why.</exception>
    /// <exception cref="IOException">The file cannot be read, does not exist or is a directory.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static RelationGraph Load(string path, GraphLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return GraphJsonReader.ReadFile(path, options ?? GraphLoadOptions.Default);
    }

    /// <summary>Loads a graph from graph.json text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to report in errors, or <see langword="null"/>.</param>
    /// <param name="options">Limits for the load; <see langword="null"/> for the defaults.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="GraphDataException">The text is not a valid graph; the message says where and why.</exception>
    public static RelationGraph Load(TextReader reader, string? fileName = null, GraphLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return GraphJsonReader.Read(reader, fileName, options ?? GraphLoadOptions.Default);
    }

    /// <summary>
    /// Saves the graph as graph.json, atomically: the text goes to a temporary file beside
    /// <paramref name="path"/>, is flushed to disk, then renamed over it, so a failed save leaves any
    /// previous file intact. The output is deterministic: the same graph gives the same bytes.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder may not be written.</exception>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.Write(path, stream => GraphJsonWriter.Write(this, stream));
    }

    /// <summary>Writes the graph as graph.json text (UTF-8 text with "\n" line ends is what <see cref="Save"/> produces).</summary>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteJson(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        GraphJsonWriter.Write(this, writer);
    }

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
            actor = Actors[i];
            return true;
        }

        actor = null;
        return false;
    }

    /// <summary>Gets a relation by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="relation">The relation when found.</param>
    /// <returns><see langword="true"/> when the graph has the relation.</returns>
    public bool TryGetRelation(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Relation? relation)
    {
        ArgumentNullException.ThrowIfNull(id);

        // Relations are sorted by id (ordinal), so a binary search needs no index of its own.
        int low = 0, high = relations.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var order = relations[mid].CompareIdOrdinal(id);
            if (order == 0)
            {
                relation = relations[mid];
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
        var day = horizon.LastKnownDayNumber(relation);
        return day == int.MaxValue ? null : DateOnly.FromDayNumber(day);
    }

    /// <summary>
    /// Finds the relations active in a window: those sharing at least one day with it, an open period up to
    /// its <see cref="LastKnownDay"/>.
    /// </summary>
    /// <param name="window">The window.</param>
    /// <returns>
    /// The relations, each once, in the order the time index holds them: the same for the same graph and window,
    /// but neither by id nor by time. Finding them costs about what copying them costs, even for a slice of a
    /// million-relation graph. <see cref="Queries.GraphView.Relations"/> lists the same relations sorted by id.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentException">The window reaches outside the graph's <see cref="Coverage"/>.</exception>
    public IReadOnlyList<Relation> RelationsActiveIn(TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        RequireCovered(window, nameof(window));
        var (low, high) = relationLayout.Value;
        return relationTimes.Overlapping(window.FirstDayNumber, window.LastDayNumber, low, high);
    }

    /// <summary>Finds the actor events that happened in a window (an open period up to its sources' date, as for relations).</summary>
    /// <param name="window">The window.</param>
    /// <returns>The events, sorted by id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> is null.</exception>
    public IReadOnlyList<ActorEvent> EventsActiveIn(TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        using var ordinals = eventTimes.QueryPooled(window.FirstDayNumber, window.LastDayNumber);
        return Pick(events, ordinals.Span);
    }

    /// <summary>Finds every relation an actor takes part in, either end.</summary>
    /// <param name="actor">The actor id.</param>
    /// <returns>The relations, sorted by id; empty for an unknown actor.</returns>
    public IReadOnlyList<Relation> RelationsOf(ActorId actor)
    {
        if (actor.Value is null || !actorIndex.TryGetValue(actor.Value, out var v))
        {
            return [];
        }

        var ordinals = graph.OutEdges(v).Concat(graph.InEdges(v)).Select(e => e.Ordinal).ToArray();
        Array.Sort(ordinals);
        return Pick(relations, ordinals);
    }

    /// <summary>Finds every relation between two actors, in either direction.</summary>
    /// <param name="first">One actor.</param>
    /// <param name="second">The other actor.</param>
    /// <returns>The relations, sorted by id; empty when either actor is unknown.</returns>
    public IReadOnlyList<Relation> RelationsBetween(ActorId first, ActorId second)
    {
        if (first.Value is null || second.Value is null
            || !actorIndex.TryGetValue(first.Value, out var a) || !actorIndex.TryGetValue(second.Value, out var b))
        {
            return [];
        }

        var pair = PairOf(a, b);
        return pair < 0 ? [] : Pick(relations, PairRelations(pair));
    }

    /// <summary>Finds an actor's events.</summary>
    /// <param name="actor">The actor id.</param>
    /// <returns>The events, sorted by id; empty for an unknown actor.</returns>
    public IReadOnlyList<ActorEvent> EventsOf(ActorId actor)
    {
        if (actor.Value is null || !actorIndex.TryGetValue(actor.Value, out var v) || eventsByActor[v] is not { } list)
        {
            return [];
        }

        return list.Select(i => events[i]).ToArray();
    }

    internal int ActorCount => Actors.Count;

    /// <summary>What the sources can know: the one rule for the last known day of relations and events.</summary>
    internal SourceHorizon Horizon => horizon;

    internal int RelationCount => relations.Length;

    internal bool TryGetVertex(ActorId actor, out int vertex)
    {
        vertex = -1;
        return actor.Value is not null && actorIndex.TryGetValue(actor.Value, out vertex);
    }

    internal Actor ActorAt(int vertex) => Actors[vertex];

    internal Relation RelationAt(int ordinal) => relations[ordinal];

    internal int FirstDayOf(int ordinal) => relationFirstDay[ordinal];

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

    internal int LastDayOf(int ordinal) => relationLastDay[ordinal];

    internal int BeginningRankOf(int ordinal) => beginningRank[ordinal];

    internal IEnumerable<RelationEdge> OutEdges(int vertex) => graph.OutEdges(vertex);

    internal IEnumerable<RelationEdge> InEdges(int vertex) => graph.InEdges(vertex);

    /// <summary>The ordinals of the relations active in a window, ascending.</summary>
    internal PooledOrdinals ActiveOrdinals(TimeWindow window) => relationTimes.QueryPooled(window.FirstDayNumber, window.LastDayNumber);

    internal IReadOnlyList<Relation> Pick(ReadOnlySpan<int> ordinals) => Pick(relations, ordinals);

    internal int SourceOf(int ordinal) => relationSource[ordinal];

    internal int TargetOf(int ordinal) => relationTarget[ordinal];

    /// <summary>The actors joined to a vertex by at least one relation, either way, ascending.</summary>
    internal ReadOnlySpan<int> NeighboursOf(int vertex) => neighbours[vertex];

    /// <summary>In step with <see cref="NeighboursOf"/>: the pair id joining the vertex to each neighbour.</summary>
    internal ReadOnlySpan<int> PairsOf(int vertex) => neighbourPairs[vertex];

    /// <summary>Where a pair's relations lie in the columns of <see cref="PairColumns"/>: [start, end).</summary>
    internal int PairCount => pairStart.Length - 1;

    internal (int Start, int End) PairRange(int pair) => (pairStart[pair], pairStart[pair + 1]);

    /// <summary>The pair index's columns: ordinal, first day, last day and beginning precision of each relation, pair by pair.</summary>
    internal (int[] Ordinals, int[] FirstDays, int[] LastDays, byte[] BeginningRanks) PairColumns =>
        (pairOrdinals, pairFirstDay, pairLastDay, pairBeginningRank);

    /// <summary>The ordinals of a pair's relations, either way, ascending.</summary>
    internal ReadOnlySpan<int> PairRelations(int pair) => pairOrdinals.AsSpan(pairStart[pair], pairStart[pair + 1] - pairStart[pair]);

    /// <summary>The pair id of two vertices, or -1 when no relation joins them.</summary>
    internal int PairOf(int a, int b)
    {
        var at = Array.BinarySearch(neighbours[a], b);
        return at < 0 ? -1 : neighbourPairs[a][at];
    }

    /// <summary>Whether a pair has a relation sharing a day with [from, to]: O(log of the pair's relations).</summary>
    internal bool PairActiveIn(int pair, int from, int to)
    {
        var (firstDays, maxLastDays) = pairTimes.Value;
        int start = pairStart[pair], end = pairStart[pair + 1];

        // The relations beginning by `to` are a prefix in first-day order; one of them reaches `from` exactly
        // when the latest end among them does.
        int low = start, high = end;
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

        return low > start && maxLastDays[low - 1] >= from;
    }

    /// <summary>
    /// Actor vertices found by the id string's identity first: a loaded graph's relations share their actors' id
    /// strings, so a million lookups need no string hashing; any other string is looked up by its text.
    /// </summary>
    private sealed class VertexByReference
    {
        private readonly string?[] keys;
        private readonly int[] vertices;
        private readonly Dictionary<string, int> byText;

        public VertexByReference(Actor[] actors, Dictionary<string, int> byText)
        {
            this.byText = byText;
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, actors.Length * 4));
            keys = new string?[size];
            vertices = new int[size];
            for (var v = 0; v < actors.Length; v++)
            {
                var key = actors[v].Id.Value;
                var at = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key) & (size - 1);
                while (keys[at] is not null)
                {
                    at = (at + 1) & (size - 1);
                }

                (keys[at], vertices[at]) = (key, v);
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public int Find(string id)
        {
            var mask = keys.Length - 1;
            for (var at = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(id) & mask; keys[at] is { } key; at = (at + 1) & mask)
            {
                if (ReferenceEquals(key, id))
                {
                    return vertices[at];
                }
            }

            return byText[id];
        }
    }

    private static BidirectionalGraph<int, RelationEdge> BuildEdges(int vertexCount, int[] sources, int[] targets)
    {
        // QuikGraph gives a vertex's out- and in-edge lists the capacity set when the vertex is added, so each
        // vertex is added with room for the larger of its two degrees: no list grows by doubling (a million
        // relations would otherwise allocate and copy about three times the edges they keep).
        var outDegree = new int[vertexCount];
        var inDegree = new int[vertexCount];
        for (var i = 0; i < sources.Length; i++)
        {
            outDegree[sources[i]]++;
            inDegree[targets[i]]++;
        }

        var edges = new BidirectionalGraph<int, RelationEdge>(allowParallelEdges: true, vertexCapacity: vertexCount, edgeCapacity: -1);
        for (var v = 0; v < vertexCount; v++)
        {
            edges.EdgeCapacity = Math.Max(outDegree[v], inDegree[v]);
            edges.AddVertex(v);
        }

        for (var i = 0; i < sources.Length; i++)
        {
            edges.AddEdge(new RelationEdge(sources[i], targets[i], i));
        }

        // The shorter list of each vertex has room for the longer one's edges; trimming gives that room back.
        edges.TrimEdgeExcess();
        return edges;
    }

    /// <summary>
    /// Groups relation ordinals by the pair of actors they join (a pass in ordinal order keeps each range
    /// ascending) and lists each vertex's neighbours ascending.
    /// </summary>
    private static (int[] Start, int[] Ordinals, int[][] Neighbours, int[][] Pairs) IndexPairs(int vertexCount, int[] sources, int[] targets)
    {
        // Pair numbers in order of first appearance. With up to 1,024 actors a square table finds them (at most
        // 4 MB, for a moment); beyond, a dictionary does.
        var dense = vertexCount <= 1024 ? new int[vertexCount * vertexCount] : null;
        var ids = dense is null ? new Dictionary<long, int>() : null;
        var keys = new List<long>();
        var pairOf = new int[sources.Length];
        var counts = new List<int>();
        var degree = new int[vertexCount];
        for (var i = 0; i < sources.Length; i++)
        {
            int a = Math.Min(sources[i], targets[i]), b = Math.Max(sources[i], targets[i]);
            var key = ((long)a << 32) | (uint)b;
            int pair;
            if (dense is not null ? (pair = dense[(a * vertexCount) + b] - 1) < 0 : !ids!.TryGetValue(key, out pair))
            {
                pair = keys.Count;
                keys.Add(key);
                if (dense is not null)
                {
                    dense[(a * vertexCount) + b] = pair + 1;
                }
                else
                {
                    ids!.Add(key, pair);
                }

                counts.Add(0);
                degree[a]++;
                degree[b]++;
            }

            pairOf[i] = pair;
            counts[pair]++;
        }

        var start = new int[keys.Count + 1];
        for (var p = 0; p < keys.Count; p++)
        {
            start[p + 1] = start[p] + counts[p];
        }

        var next = start[..^1];
        var ordinals = new int[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            ordinals[next[pairOf[i]]++] = i;
        }

        var neighbourLists = new int[vertexCount][];
        var pairLists = new int[vertexCount][];
        var fill = new int[vertexCount];
        for (var v = 0; v < vertexCount; v++)
        {
            neighbourLists[v] = degree[v] == 0 ? [] : new int[degree[v]];
            pairLists[v] = degree[v] == 0 ? [] : new int[degree[v]];
        }

        for (var pair = 0; pair < keys.Count; pair++)
        {
            var key = keys[pair];
            int a = (int)(key >> 32), b = (int)(uint)key;
            neighbourLists[a][fill[a]] = b;
            pairLists[a][fill[a]++] = pair;
            neighbourLists[b][fill[b]] = a;
            pairLists[b][fill[b]++] = pair;
        }

        for (var v = 0; v < vertexCount; v++)
        {
            Array.Sort(neighbourLists[v], pairLists[v]);
        }

        return (start, ordinals, neighbourLists, pairLists);
    }

    private (int[] FirstDays, int[] MaxLastDays) IndexPairTimes()
    {
        var firstDays = new int[pairOrdinals.Length];
        var maxLastDays = new int[pairOrdinals.Length];
        var keys = new ulong[pairOrdinals.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((ulong)(uint)(pairFirstDay[i] ^ int.MinValue) << 32) | (uint)(pairLastDay[i] ^ int.MinValue);
        }

        for (var p = 0; p + 1 < pairStart.Length; p++)
        {
            var range = keys.AsSpan(pairStart[p], pairStart[p + 1] - pairStart[p]);
            range.Sort();
            var max = int.MinValue;
            for (var i = 0; i < range.Length; i++)
            {
                var at = pairStart[p] + i;
                firstDays[at] = (int)(uint)(range[i] >> 32) ^ int.MinValue;
                max = Math.Max(max, (int)(uint)range[i] ^ int.MinValue);
                maxLastDays[at] = max;
            }
        }

        return (firstDays, maxLastDays);
    }

    private static IReadOnlyList<T> Pick<T>(T[] items, ReadOnlySpan<int> ordinals) => ChunkedList<T>.Pick(items, ordinals);

    private static RelationGraph LoadBundledCore()
    {
        using var stream = typeof(RelationGraph).Assembly.GetManifestResourceStream(BundledResource)
            ?? throw new InvalidOperationException($"The bundled graph resource '{BundledResource}' is missing from {typeof(RelationGraph).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, GraphJsonReader.StrictUtf8);
        return GraphJsonReader.Read(reader, "graph.json (bundled)", GraphLoadOptions.Default);
    }
}
