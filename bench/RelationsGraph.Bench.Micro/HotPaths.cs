using BenchmarkDotNet.Attributes;
using RelationsGraph.Bench;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using RelationsGraph.Storage;

namespace RelationsGraph.Bench.Micro;

/// <summary>
/// Micro-benchmarks of the hot paths on a synthetic graph (200 actors, Zipf-skewed, 1900–2025):
/// dotnet run -c Release --project bench/RelationsGraph.Bench.Micro -- --filter '*'
/// </summary>
[MemoryDiagnoser]
public class HotPaths
{
    private RelationGraph graph = RelationGraph.Empty;
    private string file = string.Empty;
    private readonly TimeWindow year = TimeWindow.During(new PartialDate(2017));
    private readonly TimeWindow day = TimeWindow.During(new PartialDate(2017, 5, 3));

    /// <summary>Gets or sets the number of relations in the graph.</summary>
    [Params(100_000)]
    public int Relations { get; set; }

    /// <summary>Builds and saves the graph once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        file = Path.Combine(Path.GetTempPath(), $"relgraph-micro-{Relations}.json");
        new Generator(200, Relations, 1).Write(file, "own");
        graph = GraphFile.Load(file);
    }

    /// <summary>Removes the saved graph.</summary>
    [GlobalCleanup]
    public void Cleanup() => File.Delete(file);

    /// <summary>Load: parse, check and index the file.</summary>
    [Benchmark]
    public RelationGraph Load() => GraphFile.Load(file);

    /// <summary>The interval index: relations active in a year.</summary>
    [Benchmark]
    public int SliceYear() => graph.RelationsActiveIn(year).Count;

    /// <summary>The interval index: relations active on a day.</summary>
    [Benchmark]
    public int SliceDay() => graph.RelationsActiveIn(day).Count;

    /// <summary>A view's relations (the same slice through GraphView).</summary>
    [Benchmark]
    public int ViewRelations() => GraphView.Of(graph, year).Relations.Count;

    /// <summary>Relations between the busiest pair.</summary>
    [Benchmark]
    public int RelationsBetween() => graph.RelationsBetween(new ActorId("US"), new ActorId("China")).Count;

    /// <summary>Relations of the busiest actor.</summary>
    [Benchmark]
    public int RelationsOf() => graph.RelationsOf(new ActorId("US")).Count;

    /// <summary>Shortest path in the 2017 slice.</summary>
    [Benchmark]
    public int? ShortestPath() => PathFinder.Shortest(GraphView.Of(graph, year), new ActorId("A0199"), new ActorId("A0198"))?.Length;
}
