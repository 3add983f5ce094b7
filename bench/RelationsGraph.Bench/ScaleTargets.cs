using System.Diagnostics;
using System.Globalization;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Storage;
using RelationsGraph.Time;

namespace RelationsGraph.Bench;

/// <summary>
/// The scale targets on snapshots (<c>relgraph-bench targets FILE...</c>): for each file, in a fresh process, the
/// load, the first slice (which builds the time index), peak memory and memory per relation (the index included), the
/// slice against copying its own result, the warm triangle; then
/// the one-shot console triangle, a fresh relgraph process. One row per file.
/// </summary>
internal static class ScaleTargets
{
    public static void Header() => Console.WriteLine(
        $"{"relations",12} {"actors",7} {"file MB",8} {"load",9} {"1st slice",9} {"peak MB",8} {"B/rel",6} {"heap B/rel",10} {"slice",9} {"in slice",9} {"copy",9} {"slice/copy",10} {"triangle",9} {"(triangle relations)",22} {"one-shot",9}");

    /// <summary>
    /// Measures one file in this process (run it as the first work of a fresh one) and prints its row; the one-shot
    /// is left out (shown as "-") without a <paramref name="relgraph"/> to run.
    /// </summary>
    public static void Row(string file, Workload.Parameters asked, string? relgraph)
    {
        var row = Measure(file, asked);
        if (relgraph is null)
        {
            Console.WriteLine($"{row} {"-",9}");
            return;
        }

        // The graph is dropped first: a 100M graph and a second process loading it would not fit in memory together.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var oneShot = Stopwatch.StartNew();
        using (var process = Process.Start(new ProcessStartInfo(relgraph, ["triangle", .. asked.Triangle, "--in", asked.Period, "--graph", file]) { RedirectStandardOutput = true })!)
        {
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }

        Console.WriteLine($"{row} {Workload.Format(oneShot.Elapsed.TotalSeconds),9}");
    }

    private static string Measure(string file, Workload.Parameters asked)
    {
        var clock = Stopwatch.StartNew();
        var graph = GraphFile.Load(file);
        var load = clock.Elapsed.TotalSeconds;

        // The first slice builds the time index: timed on its own, and held in the heap measured after it.
        var period = TimeWindow.During(PartialDate.Parse(asked.Period));
        clock.Restart();
        var slice = graph.RelationsActiveIn(period);
        var firstSlice = clock.Elapsed.TotalSeconds;
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var sliceTime = Median(() => slice = graph.RelationsActiveIn(period), 3, 5);

        // Copying its own result: the result is a list of row numbers (relations are made as they are read), so the
        // floor is a copy of that many row numbers into a new array.
        var rows = Enumerable.Range(0, slice.Count).ToArray();
        var copyTime = Median(() => GC.KeepAlive(rows.ToArray()), 3, 5);
        var three = asked.Triangle.Select(id => new ActorId(id)).ToArray();
        GroupReport? report = null;
        var triangleTime = Median(() => report = GroupReport.Of(GraphView.Of(graph, period), three), 20, 5);
        double peak;
        using (var self = Process.GetCurrentProcess())
        {
            peak = self.PeakWorkingSet64;
        }

        var n = graph.Relations.Count;
        var actors = graph.Actors.Count;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{n,12:N0} {actors,7:N0} {new FileInfo(file).Length / 1e6,8:0} {Workload.Format(load),9} {Workload.Format(firstSlice),9} {peak / 1048576,8:0} {peak / n,6:0} {heap / (double)n,10:0.0} {Workload.Format(sliceTime),9} {slice.Count,9:N0} {Workload.Format(copyTime),9} {sliceTime / copyTime,9:0.00}× {Workload.Format(triangleTime),9} ({report?.RelationCount} triangle relations)");
    }

    private static double Median(Action action, int warm, int runs)
    {
        for (var i = 0; i < warm; i++)
        {
            action();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        return times[runs / 2];
    }
}
