using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using RelationsGraph.Export;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Export;

public sealed class GraphMlWriterTests : IDisposable
{
    /// <summary>Reads a GraphML file with NetworkX and prints its nodes and edges, with their attributes, as JSON.</summary>
    private const string ReadBack = """
        import json, sys
        import networkx as nx
        g = nx.read_graphml(sys.argv[1], force_multigraph=True)
        out = {
            "directed": g.is_directed(),
            "multigraph": g.is_multigraph(),
            "graph": g.graph,
            "nodes": {n: d for n, d in g.nodes(data=True)},
            "edges": [{"key": k, "source": u, "target": v, "data": d} for u, v, k, d in g.edges(keys=True, data=True)],
        }
        json.dump(out, sys.stdout, ensure_ascii=True)
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-graphml-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void GraphMl_SmallGraph_MatchesGolden()
    {
        ExportGolden.ShouldMatch(GraphMl(GraphView.Of(ExportSamples.Small())), "small.graphml");
    }

    [Fact]
    public void GraphMl_DeclaresTypedKeys_ForEveryAttribute()
    {
        var xml = XDocument.Parse(GraphMl(GraphView.Of(ExportSamples.Small())));
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";

        var keys = xml.Root!.Elements(ns + "key").Select(k => $"{k.Attribute("for")!.Value} {k.Attribute("attr.name")!.Value}:{k.Attribute("attr.type")!.Value}");

        keys.Should().Equal(
            "graph title:string", "graph window:string",
            "node label:string", "node kind:string", "node aliases:string", "node iso3:string", "node cow:int", "node cameo:string",
            "edge kind:string", "edge polarity:int", "edge cameo:string", "edge directed:boolean", "edge time:string", "edge at:string",
            "edge start:string", "edge end:string", "edge knownUntil:string", "edge label:string", "edge evidence:string", "edge note:string");
    }

    [SkippableFact]
    public void GraphMl_TheBundledGraph_ReadsBackInNetworkX_WithTheSameActorsRelationsAndAttributes()
    {
        ExternalTools.RequireNetworkX();

        var graph = GraphFile.LoadBundled();

        var read = ReadWithNetworkX(GraphView.Of(graph));

        ShouldHoldExactly(read, graph, graph.Actors, graph.Relations);
        ((string)read["graph"]!["window"]!).Should().Be("..");
    }

    [SkippableFact]
    public void GraphMl_HostileNames_ReadBackExactlyInNetworkX()
    {
        ExternalTools.RequireNetworkX();

        var graph = ExportSamples.WithNames(ExportSamples.Hostile);

        var read = ReadWithNetworkX(GraphView.Of(graph));

        ShouldHoldExactly(read, graph, graph.Actors, graph.Relations);
    }

    [SkippableFact]
    public void GraphMl_AWindowAndSelection_HoldsTheViewsRelationsAmongTheSelectedActors()
    {
        ExternalTools.RequireNetworkX();

        var graph = GraphFile.LoadBundled();
        var view = GraphView.During(graph, PartialDate.Parse("2017"));
        var triangle = DotWriterTests.Triangle;

        var read = ReadWithNetworkX(view, triangle);

        var actors = graph.Actors.Where(a => triangle.Actors.Contains(a.Id)).ToList();
        ShouldHoldExactly(read, view.Graph, actors, view.Relations.Where(r => triangle.Actors.Contains(r.Source) && triangle.Actors.Contains(r.Target)).ToList());
        ((string)read["graph"]!["window"]!).Should().Be("2017");
    }

    [Fact]
    public void GraphMl_ControlCharactersXmlCannotHold_AreReplaced_ButKeptInJsonValues()
    {
        var graph = ExportSamples.WithNames(["bell\u0007", "nul\0"]);

        var text = GraphMl(GraphView.Of(graph));

        var xml = XDocument.Parse(text);
        xml.Descendants().Where(e => e.Name.LocalName == "data" && (string?)e.Attribute("key") == "n_label").Select(e => e.Value)
            .Should().Equal("0 bell\uFFFD", "1 nul\uFFFD");
        text.Should().Contain("[\"alias 0 bell\\u0007\"]");
    }

    [Fact]
    public void WriteFile_WritesTheSameTextAsWrite()
    {
        var view = GraphView.Of(ExportSamples.Small());
        var path = Path.Combine(folder, "small.graphml");

        GraphMlWriter.WriteFile(path, view);

        File.ReadAllBytes(path).Should().Equal(System.Text.Encoding.UTF8.GetBytes(GraphMl(view)));
    }

    [Fact]
    public void Write_NullArguments_Throw()
    {
        FluentActions.Invoking(() => GraphMlWriter.Write(TextWriter.Null, null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("view");
        FluentActions.Invoking(() => GraphMlWriter.Write(null!, GraphView.Of(ExportSamples.Small()))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("writer");
    }

    private static string GraphMl(GraphView view, ExportSelection? selection = null)
    {
        var text = new StringWriter();
        GraphMlWriter.Write(text, view, selection);
        return text.ToString();
    }

    private JObject ReadWithNetworkX(GraphView view, ExportSelection? selection = null)
    {
        var path = Path.Combine(folder, "graph.graphml");
        GraphMlWriter.WriteFile(path, view, selection);
        var (code, json, error) = ExternalTools.Run(ExternalTools.Python, ["-c", ReadBack, path]);
        code.Should().Be(0, error);
        return JObject.Parse(json);
    }

    private static void ShouldHoldExactly(JObject read, RelationGraph graph, IReadOnlyList<Actor> actors, IReadOnlyList<Relation> relations)
    {
        ((bool)read["directed"]!).Should().BeTrue();
        var nodes = (JObject)read["nodes"]!;
        nodes.Properties().Select(p => p.Name).Should().BeEquivalentTo(actors.Select(a => a.Id.Value));
        foreach (var actor in actors)
        {
            var node = (JObject)nodes[actor.Id.Value]!;
            ((string)node["label"]!).Should().Be(ExportText.XmlSafe(actor.Name));
            ((string)node["kind"]!).Should().Be(actor.Kind.ToString().ToLowerInvariant());
            (node["aliases"] is null ? [] : JArray.Parse((string)node["aliases"]!).Select(t => (string)t!)).Should().Equal(actor.Aliases);
            ((string?)node["iso3"]).Should().Be(actor.Codes.Iso3);
            ((int?)node["cow"]).Should().Be(actor.Codes.Cow);
            ((string?)node["cameo"]).Should().Be(actor.Codes.Cameo);
        }

        var edges = ((JArray)read["edges"]!).Cast<JObject>().ToDictionary(e => (string)e["key"]!);
        edges.Keys.Should().BeEquivalentTo(relations.Select(r => r.Id));
        foreach (var r in relations)
        {
            var edge = edges[r.Id];
            ((string)edge["source"]!).Should().Be(r.Source.Value);
            ((string)edge["target"]!).Should().Be(r.Target.Value);
            var data = (JObject)edge["data"]!;
            ((string)data["kind"]!).Should().Be(r.Kind.Name);
            ((int)data["polarity"]!).Should().Be((int)r.Polarity);
            ((string?)data["cameo"]).Should().Be(r.Kind.CameoRoot);
            ((bool)data["directed"]!).Should().Be(r.Directed);
            ((string)data["time"]!).Should().Be(r.Time.ToString());
            ((string?)data["at"]).Should().Be(r.Time.At?.ToString());
            ((string?)data["start"]).Should().Be(r.Time.Start?.ToString());
            ((string?)data["end"]).Should().Be(r.Time.End?.ToString());
            ((string?)data["knownUntil"]).Should().Be(graph.LastKnownDay(r)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"relation {r.Id}'s last known day");
            ((string)data["label"]!).Should().Be(ExportText.XmlSafe(r.Label), $"relation {r.Id}'s label");
            ((string?)data["note"]).Should().Be(r.Note is null ? null : ExportText.XmlSafe(r.Note), $"relation {r.Id}'s note");
            JArray.Parse((string)data["evidence"]!).Select(e => new Evidence((string)e["source"]!, (string)e["quote"]!)).Should().Equal(r.Evidence);
        }
    }
}
