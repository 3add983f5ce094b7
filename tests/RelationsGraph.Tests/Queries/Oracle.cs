using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;

namespace RelationsGraph.Tests.Queries;

/// <summary>Brute-force answers to check the query algorithms against.</summary>
internal static class Oracle
{
    /// <summary>Every hop a path may take in a view: (from, to, relation), both ways for mutual relations or when undirected.</summary>
    public static List<(string From, string To, Relation Relation)> Hops(GraphView view, bool directed)
    {
        var hops = new List<(string, string, Relation)>();
        foreach (var r in view.Graph.Relations.Where(r => Known(view.Graph, r, view.Window) && view.Contains(r)))
        {
            hops.Add((r.Source.Value, r.Target.Value, r));
            if (!directed || !r.Directed)
            {
                hops.Add((r.Target.Value, r.Source.Value, r));
            }
        }

        return hops;
    }

    /// <summary>All simple paths (as actor id lists) from one actor to another, by depth-first enumeration.</summary>
    public static List<List<string>> SimplePaths(GraphView view, string from, string to, bool directed)
    {
        var next = Hops(view, directed).GroupBy(h => h.From).ToDictionary(g => g.Key, g => g.Select(h => h.To).Distinct().ToList());
        var paths = new List<List<string>>();
        var current = new List<string> { from };
        void Walk(string at)
        {
            if (at == to)
            {
                paths.Add([.. current]);
                return;
            }

            foreach (var n in next.GetValueOrDefault(at, []))
            {
                if (!current.Contains(n))
                {
                    current.Add(n);
                    Walk(n);
                    current.RemoveAt(current.Count - 1);
                }
            }
        }

        Walk(from);
        return paths;
    }

    /// <summary>Distances by plain breadth-first search over the hop list.</summary>
    public static Dictionary<string, int> Distances(GraphView view, string from, bool directed, int maxDepth = int.MaxValue)
    {
        var hops = Hops(view, directed);
        var distance = new Dictionary<string, int> { [from] = 0 };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            if (distance[u] == maxDepth)
            {
                continue;
            }

            foreach (var h in hops.Where(h => h.From == u))
            {
                if (distance.TryAdd(h.To, distance[u] + 1))
                {
                    queue.Enqueue(h.To);
                }
            }
        }

        return distance;
    }

    /// <summary>The earliest day a time-respecting walk along a fixed actor path can arrive, or null when it cannot.</summary>
    public static int? EarliestArrival(GraphView view, List<string> path, int start, bool directed)
    {
        var hops = Hops(view, directed);
        var time = start;
        for (var i = 0; i + 1 < path.Count; i++)
        {
            var options = hops.Where(h => h.From == path[i] && h.To == path[i + 1] && LastDay(view.Graph, h.Relation) >= time)
                .Select(h => Math.Max(time, h.Relation.Time.FirstDay.DayNumber)).ToList();
            if (options.Count == 0)
            {
                return null;
            }

            time = options.Min();
        }

        return time;
    }

    /// <summary>
    /// The rule of what a source can know, written out plainly: a point or closed period holds to its own last
    /// day; an open period up to the latest publication date of the sources its evidence cites (or over its
    /// start, when it starts after them).
    /// </summary>
    public static int LastDay(RelationGraph graph, Relation r) => LastDay(graph, r.Time, r.Evidence);

    public static int LastDay(RelationGraph graph, TimeExtent time, IEnumerable<Evidence> evidence)
    {
        if (time.LastDay is { } last)
        {
            return last.DayNumber;
        }

        var published = evidence.Select(e => graph.Sources.Single(s => s.Id == e.Source).Published.LastDay.DayNumber).Max();
        return published >= time.FirstDay.DayNumber ? published : time.Beginning.LastDay.DayNumber;
    }

    /// <summary>Whether a relation is known to hold on a day of a window, by <see cref="LastDay(RelationGraph, Relation)"/>.</summary>
    public static bool Known(RelationGraph graph, Relation r, TimeWindow window) =>
        r.Time.FirstDay.DayNumber <= (window.LastDay?.DayNumber ?? int.MaxValue) && LastDay(graph, r) >= (window.FirstDay?.DayNumber ?? int.MinValue);

    /// <summary>Whether an actor event is known to happen on a day of a window, by the same rule.</summary>
    public static bool Known(RelationGraph graph, ActorEvent e, TimeWindow window) =>
        e.Time.FirstDay.DayNumber <= (window.LastDay?.DayNumber ?? int.MaxValue) && LastDay(graph, e.Time, e.Evidence) >= (window.FirstDay?.DayNumber ?? int.MinValue);
}
