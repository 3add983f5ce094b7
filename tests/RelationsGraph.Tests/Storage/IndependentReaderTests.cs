using System.Globalization;
using Newtonsoft.Json.Linq;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Parquet;
using RelationsGraph.Queries;
using RelationsGraph.Storage;
using RelationsGraph.Time;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Storage;

/// <summary>
/// Readers that share no code with the library read what it writes: apache-arrow (pure JavaScript) the snapshot,
/// DuckDB the Parquet export. Each gives the same row counts, the same slice and the same triangle as the library,
/// on the real graph and on a random one over several record batches and year partitions.
/// </summary>
public sealed class IndependentReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-readers-").FullName;

    public static TheoryData<string> Graphs => ["real", "random"];

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [SkippableTheory]
    [MemberData(nameof(Graphs))]
    public void ApacheArrowForJavaScript_ReadsTheSnapshot_AsTheLibraryDoes(string which)
    {
        ExternalTools.RequireNodeModules();
        var (graph, triangle, year) = Graph(which);
        var snapshot = Path.Combine(folder, "graph.arrows");
        GraphFile.Save(snapshot, graph);
        var polarity = new JObject(RelationKind.All.Select(k => new JProperty(k.Name, (int)k.Polarity)));

        var read = Node("snapshot-reader.cjs", snapshot, Ask(triangle, year, polarity));

        read["counts"]!.ToObject<Dictionary<string, int>>().Should().Equal(new Dictionary<string, int>
        {
            ["sources"] = graph.Sources.Count, ["actors"] = graph.Actors.Count, ["events"] = graph.Events.Count, ["relations"] = graph.Relations.Count,
        });
        AssertSliceAndTriangle(read, graph, triangle, year);
    }

    [SkippableTheory]
    [MemberData(nameof(Graphs))]
    public void DuckDb_ReadsTheParquetExport_AsTheLibraryDoes(string which)
    {
        ExternalTools.RequireNodeModules();
        var (graph, triangle, year) = Graph(which);
        var export = Path.Combine(folder, "export");
        ParquetExport.Write(export, graph);

        var read = Node("parquet-reader.cjs", export, Ask(triangle, year, null));

        read["counts"]!.ToObject<Dictionary<string, int>>().Should().Equal(new Dictionary<string, int>
        {
            ["sources"] = graph.Sources.Count, ["actors"] = graph.Actors.Count, ["events"] = graph.Events.Count, ["relations"] = graph.Relations.Count,
            ["evidence"] = graph.Relations.Sum(r => r.Evidence.Count),
        });
        AssertSliceAndTriangle(read, graph, triangle, year);
    }

    private static void AssertSliceAndTriangle(JObject read, RelationGraph graph, string[] triangle, int year)
    {
        var window = TimeWindow.During(new PartialDate(year));
        var slice = graph.RelationsActiveIn(window).Select(r => r.Id).ToList();
        slice.Should().NotBeEmpty("the comparison must have something to compare");
        read["slice"]!.ToObject<List<string>>().Should().Equal(slice);

        var report = GroupReport.Of(GraphView.Of(graph, window), triangle.Select(a => new ActorId(a)));
        var expected = report.Pairs.Where(p => p.Relations.Count > 0).ToDictionary(
            p => string.Join('|', new[] { p.First.Id.Value, p.Second.Id.Value }.Order(StringComparer.Ordinal)),
            p => (p.Relations.Count, p.Cooperative, p.Conflictual));
        expected.Should().NotBeEmpty();
        var pairs = ((JObject)read["pairs"]!).Properties().ToDictionary(
            p => p.Name, p => ((int)p.Value["relations"]!, (int)p.Value["cooperative"]!, (int)p.Value["conflictual"]!));
        pairs.Should().Equal(expected);
    }

    private static (RelationGraph Graph, string[] Triangle, int Year) Graph(string which) => which == "real"
        ? (GraphFile.LoadBundled(), ["US", "China", "DPRK"], 2018)
        : (Random(17, actors: 6, relations: (SnapshotWriter.BatchRows * 2) + 500), ["A0", "A1", "A2"], 2017);

    private static string Ask(string[] triangle, int year, JObject? polarity)
    {
        var ask = new JObject
        {
            ["from"] = string.Create(CultureInfo.InvariantCulture, $"{year}-01-01"),
            ["to"] = string.Create(CultureInfo.InvariantCulture, $"{year}-12-31"),
            ["triangle"] = new JArray(triangle),
        };
        if (polarity is not null)
        {
            ask["polarity"] = polarity;
        }

        return ask.ToString(Newtonsoft.Json.Formatting.None);
    }

    private static JObject Node(string script, string input, string ask)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Storage", "Readers", script);
        var (code, output, error) = ExternalTools.Run(ExternalTools.Node, [path, input, ask]);
        code.Should().Be(0, $"the reader should read the file, but said: {error}");
        return JObject.Parse(output);
    }
}
