using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using RelationsGraph.Storage;

namespace RelationsGraph.Bench;

/// <summary>
/// The operations compared with NetworkX, timed on one file in one process: load; the slice of the relations
/// active in a period (2017 unless asked otherwise); a shortest path, the 2-hop neighbourhood and a triangle
/// (US–China–DPRK unless asked otherwise) in that slice; the timeline of the busiest pair; peak memory. Queries use the library's API (PathFinder, Neighbourhood,
/// GroupReport, Timeline) on a fresh view each time, so no run profits from a list cached by the one before.
/// </summary>
internal static class Workload
{
    public const int Runs = 5;

    public static Dictionary<string, object> Run(string path, Parameters parameters)
    {
        var results = new Dictionary<string, object> { ["tool"] = "RelationsGraph", ["file"] = Path.GetFileName(path) };
        var clock = Stopwatch.StartNew();
        var graph = GraphFile.Load(path);
        results["load_s"] = clock.Elapsed.TotalSeconds;
        results["relations"] = graph.Relations.Count;
        results["actors"] = graph.Actors.Count;

        var period = TimeWindow.During(PartialDate.Parse(parameters.Period));
        GraphView Slice() => GraphView.Of(graph, period);
        // The slice as RelationGraph.RelationsActiveIn gives it, and as a fresh view lists it, timed alongside:
        // both are in id order.
        IReadOnlyList<Relation> slice = [];

        // The first slice builds the time index (a load leaves it to the first query that slices by time).
        clock.Restart();
        slice = graph.RelationsActiveIn(period);
        results["first_slice_s"] = clock.Elapsed.TotalSeconds;
        results["slice_s"] = Median(() => slice = graph.RelationsActiveIn(period));
        results["slice_count"] = slice.Count;
        IReadOnlyList<Relation> byId = [];
        results["slice_by_id_s"] = Median(() => byId = Slice().Relations);
        results["slice_by_id_count"] = byId.Count;

        var from = new ActorId(parameters.PathFrom ?? Generator.ActorIdOf(graph.Actors.Count - 1));
        var to = new ActorId(parameters.PathTo ?? Generator.ActorIdOf(graph.Actors.Count - 2));
        results["path_from"] = from.Value;
        results["path_to"] = to.Value;
        ActorPath? path1 = null;
        results["path_s"] = Median(() => path1 = PathFinder.Shortest(Slice(), from, to));
        results["path_hops"] = path1?.Length ?? -1;

        Neighbourhood? ego = null;
        var center = new ActorId(parameters.Center ?? Generator.ActorIdOf(graph.Actors.Count - 1));
        results["center"] = center.Value;
        results["ego_s"] = Median(() => ego = Neighbourhood.Of(Slice(), center, 2));
        results["ego_members"] = ego?.Members.Count ?? 0;
        results["ego_relations"] = ego?.Relations.Count ?? 0;

        GroupReport? triangle = null;
        var three = parameters.Triangle.Select(id => new ActorId(id)).ToArray();
        results["triangle_s"] = Median(() => triangle = GroupReport.Of(Slice(), three));
        results["triangle_relations"] = triangle?.RelationCount ?? 0;

        var (a, b) = BusiestPair(graph);
        Timeline? timeline = null;
        results["timeline_s"] = Median(() => timeline = Timeline.Between(GraphView.Of(graph), a, b));
        results["timeline_pair"] = $"{a}|{b}";
        results["timeline_entries"] = timeline?.Entries.Count ?? 0;

        // Peak memory covers the load and the compared queries. The two reference measures come after it.
        using (var self = Process.GetCurrentProcess())
        {
            results["peak_mb"] = self.PeakWorkingSet64 / (1024.0 * 1024.0);
        }

        // Two plain copies of the slice's references: into new arrays of 8,192 (as the result itself is held; one
        // new 630 KB array's time jumps between 50 µs and 2-3 ms, by whether the runtime hands out reused memory
        // or fresh pages for it), and into one array made beforehand, which times the copying alone.
        var flat = slice.ToArray();
        results["copy_s"] = Median(() => GC.KeepAlive(CopyInChunks(flat)));
        var copy = new Relation[flat.Length];
        results["copy_only_s"] = Median(() => flat.CopyTo(copy, 0));
        GC.KeepAlive(copy);
        GC.KeepAlive(graph);
        return results;
    }

    /// <summary>
    /// What the compared queries ask: the period of the slice (a year or a month), the triangle's three actor ids,
    /// the path's ends and the neighbourhood's center (null: the generator's last two actors and its last).
    /// </summary>
    public sealed record Parameters(string Period, string[] Triangle, string? PathFrom, string? PathTo, string? Center)
    {
        public static Parameters Synthetic { get; } = new("2017", ["US", "China", "DPRK"], null, null, null);

        /// <summary>The same, as options of relgraph-bench and of the NetworkX peer.</summary>
        public IEnumerable<string> Options()
        {
            string[] options = ["--in", Period, "--triangle", string.Join(",", Triangle)];
            return options
                .Concat(PathFrom is null || PathTo is null ? [] : new[] { "--path", PathFrom + "," + PathTo })
                .Concat(Center is null ? [] : new[] { "--center", Center });
        }
    }

    /// <summary>A copy of the items into new arrays of 8,192, the most that stay off the large object heap.</summary>
    private static Relation[][] CopyInChunks(Relation[] items)
    {
        const int Chunk = 8192;
        var chunks = new Relation[(items.Length + Chunk - 1) / Chunk][];
        for (var c = 0; c < chunks.Length; c++)
        {
            chunks[c] = new Relation[Math.Min(Chunk, items.Length - (c * Chunk))];
            Array.Copy(items, c * Chunk, chunks[c], 0, chunks[c].Length);
        }

        return chunks;
    }

    /// <summary>A bare Newtonsoft token scan of the file: the floor for any JSON load that reads every value.</summary>
    public static double Scan(string path)
    {
        var clock = Stopwatch.StartNew();
        using var text = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
        long tokens = 0;
        while (json.Read())
        {
            tokens++;
        }

        GC.KeepAlive(tokens);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The pair of actors with the most relations between them, either way; ties to the smaller ids (from the actor graph's pairs, not by making every relation).</summary>
    public static (ActorId A, ActorId B) BusiestPair(RelationGraph graph)
    {
        var (best, count) = ((0, 0), -1);
        for (var v = 0; v < graph.Actors.Count; v++)
        {
            foreach (var edge in graph.ActorGraph.EdgesOf(v).Where(e => e.Target > v))
            {
                var (start, end) = graph.ActorGraph.Rows(edge.Pair);
                if (end - start > count)
                {
                    (best, count) = ((v, edge.Target), end - start);
                }
            }
        }

        return (graph.Actors[best.Item1].Id, graph.Actors[best.Item2].Id);
    }

    /// <summary>
    /// The median of <see cref="Runs"/> timed calls, after warming up: .NET first runs code from a quick
    /// JIT and recompiles it optimized once a method has been called 30 times and the process has been quiet
    /// for a moment (measured here: about 90 calls of the slice), so the query runs for a second and at least
    /// 150 times (at most 10 s), and the JIT gets a pause, as in a service that has answered a few hundred
    /// questions. The load is timed at its first call, cold.
    /// </summary>
    private static double Median(Action action)
    {
        var warm = Stopwatch.StartNew();
        for (var i = 0; (i < 150 || warm.Elapsed.TotalSeconds < 1) && warm.Elapsed.TotalSeconds < 10; i++)
        {
            action();
        }

        Thread.Sleep(500);
        action();

        var times = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        return times[Runs / 2];
    }

    public static string Format(double seconds) => seconds switch
    {
        >= 1 => seconds.ToString("0.00 's'", CultureInfo.InvariantCulture),
        >= 1e-3 => (seconds * 1e3).ToString("0.0 'ms'", CultureInfo.InvariantCulture),
        _ => (seconds * 1e6).ToString("0 'µs'", CultureInfo.InvariantCulture),
    };
}
