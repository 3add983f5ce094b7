using QuikGraph.Algorithms.Search;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Queries;

/// <summary>
/// Paths between actors in a view. Relations are followed either way unless <c>directed</c> is asked
/// for; then a directed relation is followed only from its source to its target, and a mutual one either way.
/// Paths are simple (no actor twice) and found by breadth-first search over actors, so parallel relations
/// between two actors make one hop that lists them all.
/// </summary>
public static class PathFinder
{
    /// <summary>Finds a shortest path (fewest hops) between two actors in a view.</summary>
    /// <param name="view">The view.</param>
    /// <param name="from">The start actor.</param>
    /// <param name="to">The end actor.</param>
    /// <param name="directed">Whether directed relations may only be followed forwards.</param>
    /// <returns>The path, or <see langword="null"/> when the actors are not connected in the view or either is unknown.
    /// Among several shortest paths, the one whose actor ids come first in ordinal order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> is null.</exception>
    public static ActorPath? Shortest(GraphView view, ActorId from, ActorId to, bool directed = false) =>
        KShortest(view, from, to, 1, directed) is [var path] ? path : null;

    /// <summary>
    /// Finds up to <paramref name="k"/> shortest simple paths between two actors (Yen's algorithm over
    /// actors), shortest first.
    /// </summary>
    /// <param name="view">The view.</param>
    /// <param name="from">The start actor.</param>
    /// <param name="to">The end actor.</param>
    /// <param name="k">How many paths at most; at least 1.</param>
    /// <param name="directed">Whether directed relations may only be followed forwards.</param>
    /// <returns>The paths, shortest first, ties in ordinal order of their actor ids; empty when none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 1.</exception>
    public static IReadOnlyList<ActorPath> KShortest(GraphView view, ActorId from, ActorId to, int k, bool directed = false)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"The number of paths must be 1 or more, not {k}.");
        }
        var graph = view.Graph;
        if (!graph.TryGetVertex(from, out var source) || !graph.TryGetVertex(to, out var target))
        {
            return [];
        }

        if (source == target)
        {
            return [new ActorPath([graph.ActorAt(source)], [])];
        }

        // Yen's algorithm written here over QuikGraph's search: QuikGraph's own YenShortestPathsAlgorithm needs a
        // weighted copy of the view and orders paths of equal length its own way, not by actor ids.
        var found = new List<int[]>();
        var first = Bfs(view, source, target, directed, [], []);
        if (first is null)
        {
            return [];
        }

        found.Add(first);
        var candidates = new SortedSet<int[]>(PathOrder.Instance);
        while (found.Count < k)
        {
            var last = found[^1];
            for (var i = 0; i < last.Length - 1; i++)
            {
                var root = last[..(i + 1)];
                var blockedHops = new HashSet<(int, int)>();
                foreach (var path in found)
                {
                    if (path.Length > i + 1 && path.AsSpan(0, i + 1).SequenceEqual(root))
                    {
                        blockedHops.Add((path[i], path[i + 1]));
                    }
                }

                var blockedActors = new HashSet<int>(root[..^1]);
                var spur = Bfs(view, last[i], target, directed, blockedActors, blockedHops);
                if (spur is not null)
                {
                    var candidate = root[..^1].Concat(spur).ToArray();
                    if (!found.Any(p => p.AsSpan().SequenceEqual(candidate)))
                    {
                        candidates.Add(candidate);
                    }
                }
            }

            if (candidates.Count == 0)
            {
                break;
            }

            var best = candidates.Min!;
            candidates.Remove(best);
            found.Add(best);
        }

        return found.Select(p => ToPath(view, p, directed)).ToArray();
    }

    /// <summary>
    /// Finds a time-respecting path: each hop uses a relation that is in force no earlier than the hop
    /// before it, starting on or after <paramref name="after"/>. It answers "could pressure have travelled
    /// from A to B after D": the path arrives as early as possible (exactly: an earliest-arrival search);
    /// among paths arriving on the same day it prefers fewer hops where the search meets them, which is not
    /// always the fewest possible.
    /// </summary>
    /// <param name="view">The view; its window also bounds the relations used.</param>
    /// <param name="from">The start actor.</param>
    /// <param name="to">The end actor.</param>
    /// <param name="after">The earliest start, at its precision (its first day); <see langword="null"/> for none.</param>
    /// <param name="directed">Whether directed relations may only be followed forwards.</param>
    /// <returns>The path, whose steps carry the first day each hop was possible; <see langword="null"/> when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> is null.</exception>
    public static ActorPath? TimeRespecting(GraphView view, ActorId from, ActorId to, PartialDate? after = null, bool directed = false)
    {
        ArgumentNullException.ThrowIfNull(view);
        var graph = view.Graph;
        if (!graph.TryGetVertex(from, out var source) || !graph.TryGetVertex(to, out var target))
        {
            return null;
        }

        var store = graph.Store;
        var n = graph.ActorCount;
        var arrival = new int[n];
        var hops = new int[n];
        var previous = new (int Vertex, int Row, int Day)[n];
        Array.Fill(arrival, int.MaxValue);
        var start = after is { } a ? TimeWindow.DayNumber(a.FirstDay) : int.MinValue;
        arrival[source] = start;
        previous[source] = (-1, -1, start);
        var queue = new PriorityQueue<int, (int Arrival, int Hops, int Vertex)>();
        queue.Enqueue(source, (start, 0, source));
        var done = new bool[n];
        while (queue.TryDequeue(out var u, out var key))
        {
            if (done[u] || key.Arrival != arrival[u] || key.Hops != hops[u])
            {
                continue;
            }

            done[u] = true;
            if (u == target)
            {
                break;
            }

            foreach (var (row, other) in view.Incident(u, directed))
            {
                var last = store.LastDays[row];
                if (last < arrival[u] || done[other])
                {
                    continue;
                }

                var day = Math.Max(arrival[u], store.FirstDays[row]);
                if (day < arrival[other] || (day == arrival[other] && hops[u] + 1 < hops[other])
                    || (day == arrival[other] && hops[u] + 1 == hops[other] && store.IdRank(row) < store.IdRank(previous[other].Row)))
                {
                    arrival[other] = day;
                    hops[other] = hops[u] + 1;
                    previous[other] = (u, row, day);
                    queue.Enqueue(other, (day, hops[other], other));
                }
            }
        }

        if (!done[target])
        {
            return null;
        }

        var actors = new List<Actor>();
        var steps = new List<PathStep>();
        for (var v = target; v != source; v = previous[v].Vertex)
        {
            var (u, row, day) = previous[v];
            steps.Add(new PathStep(graph.ActorAt(u), graph.ActorAt(v), [store.Relation(row)], DateOnly.FromDayNumber(Math.Max(day, 0))));
        }

        steps.Reverse();
        actors.Add(graph.ActorAt(source));
        actors.AddRange(steps.Select(s => s.To));
        return new ActorPath(actors, steps);
    }

    /// <summary>
    /// A shortest path over actors by QuikGraph's breadth-first search of the view's actor graph, visiting neighbours
    /// in id order (so among shortest paths, the first in ordinal order of actor ids); null when unreachable.
    /// </summary>
    private static int[]? Bfs(GraphView view, int source, int target, bool directed, HashSet<int> blockedActors, HashSet<(int, int)> blockedHops)
    {
        var graph = view.ActorGraph(
            directed,
            blockedActors.Count == 0 ? null : v => !blockedActors.Contains(v),
            blockedHops.Count == 0 ? null : e => !blockedHops.Contains((e.Source, e.Target)));
        var parent = new Dictionary<int, int> { [source] = -1 };
        var search = new BreadthFirstSearchAlgorithm<int, PairEdge>(graph);
        search.TreeEdge += edge =>
        {
            parent[edge.Target] = edge.Source;
            if (edge.Target == target)
            {
                search.Abort();
            }
        };
        search.Compute(source);
        if (!parent.ContainsKey(target))
        {
            return null;
        }

        var path = new List<int>();
        for (var x = target; x != -1; x = parent[x])
        {
            path.Add(x);
        }

        path.Reverse();
        return path.ToArray();
    }

    private static ActorPath ToPath(GraphView view, int[] vertices, bool directed)
    {
        var graph = view.Graph;
        var steps = new List<PathStep>(vertices.Length - 1);
        for (var i = 0; i + 1 < vertices.Length; i++)
        {
            var relations = view.InTimeOrder(view.RelationsBetween(vertices[i], vertices[i + 1], directed));
            steps.Add(new PathStep(graph.ActorAt(vertices[i]), graph.ActorAt(vertices[i + 1]), relations, null));
        }

        return new ActorPath(vertices.Select(graph.ActorAt).ToArray(), steps);
    }

    /// <summary>Shorter paths first; equal lengths by the ordinal order of their actor ids (vertices are id-sorted).</summary>
    private sealed class PathOrder : IComparer<int[]>
    {
        public static readonly PathOrder Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            var byLength = x!.Length.CompareTo(y!.Length);
            return byLength != 0 ? byLength : x.AsSpan().SequenceCompareTo(y);
        }
    }
}
