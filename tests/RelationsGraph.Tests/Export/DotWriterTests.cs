using System.Text.RegularExpressions;
using System.Xml.Linq;
using RelationsGraph.Export;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using RelationsGraph.Storage;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Export;

public sealed partial class DotWriterTests : IDisposable
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>A name far longer than Graphviz takes in one quoted string.</summary>
    private static readonly string LongName = string.Concat(Enumerable.Repeat("長い名前 \"quoted\" \\ & ", 2000));

    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-dot-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Dot_SmallGraph_MatchesGolden()
    {
        ExportGolden.ShouldMatch(Dot(GraphView.Of(ExportSamples.Small())), "small.dot");
    }

    [Fact]
    public void Dot_Triangle2017_MatchesGolden()
    {
        var view = GraphView.During(GraphFile.LoadBundled(), PartialDate.Parse("2017"));

        ExportGolden.ShouldMatch(Dot(view, Triangle), "triangle-2017.dot");
    }

    [Fact]
    public void Dot_SameGraphBuiltInAnotherOrder_GivesTheSameBytes()
    {
        var graph = ExportSamples.Small();
        var shuffled = new RelationGraphBuilder().Add(Source());
        foreach (var actor in graph.Actors.Reverse())
        {
            shuffled.Add(actor);
        }

        foreach (var relation in graph.Relations.Reverse())
        {
            shuffled.Add(relation);
        }

        Dot(GraphView.Of(shuffled.Build())).Should().Be(Dot(GraphView.Of(graph)));
    }

    [Fact]
    public void Dot_LabelsEachRelationWithKindAndDateAtItsOwnPrecision()
    {
        var dot = Dot(GraphView.Of(ExportSamples.Small()));

        dot.Should().Contain("label=\"treaty\\n1961-07-11/..\"")
            .And.Contain("label=\"sanctions\\n2017-02\"")
            .And.Contain("label=\"criticism\\n2017\"")
            .And.Contain("label=\"leader-of\\n2012/2019\"");
    }

    [SkippableFact]
    public void Dot_DrawsArrowsForDirectedRelations_AndNoneForMutualOnes()
    {
        ExternalTools.RequireDot();

        var graph = ExportSamples.Small();
        var svg = ExternalTools.RenderSvg(Dot(GraphView.Of(graph)));

        foreach (var relation in graph.Relations)
        {
            var edge = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == "relation:" + relation.Id);
            edge.Descendants(Svg + "polygon").Any().Should().Be(relation.Directed, $"relation {relation.Id} is {(relation.Directed ? "directed" : "mutual")}");
        }
    }

    [Fact]
    public void Dot_ColoursByPolarity_AndStylesByKind()
    {
        var lines = Dot(GraphView.Of(ExportSamples.Small())).Split('\n');

        Edge(lines, "r1").Should().Contain("color=\"#2166ac\"").And.Contain("penwidth=\"2.8\"");
        Edge(lines, "r2").Should().Contain("color=\"#b2182b\"").And.Contain("style=\"solid\"");
        Edge(lines, "r3").Should().Contain("color=\"#b2182b\"").And.Contain("style=\"dashed\"");
        Edge(lines, "r4").Should().Contain("color=\"#7f7f7f\"").And.Contain("style=\"dotted\"");
    }

    [SkippableFact]
    public void Dot_DrawsParallelRelationsAsSeparateEdges()
    {
        ExternalTools.RequireDot();

        var svg = ExternalTools.RenderSvg(Dot(GraphView.Of(ExportSamples.Small())));

        var paths = new[] { "r1", "r2", "r3", "r6" }
            .Select(id => svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == "relation:" + id).Descendants(Svg + "path").Single().Attribute("d")!.Value)
            .ToList();
        paths.Should().OnlyHaveUniqueItems("each of the four relations between A and B gets its own curve");
    }

    [Fact]
    public void Dot_TitleNamesTheActorsTheWindowAndTheSource()
    {
        var view = GraphView.Of(GraphFile.LoadBundled(), TimeWindow.Between(PartialDate.Parse("1950"), PartialDate.Parse("1953")));

        var dot = Dot(view, ExportSelection.Around(new ActorId("DPRK"), 2));

        dot.Should().Contain("label=\"Around North Korea, 2 steps · 1950 to 1953\\nSource: Hossein Ebrahimkhani, “China and North Korea, Allies or Partners of Geopolitical Necessity?”");
    }

    [Fact]
    public void Dot_HasALegendOfWhatItUses_UnlessAskedNotTo()
    {
        var view = GraphView.Of(ExportSamples.Small());

        var dot = Dot(view);
        var bare = Dot(view, options: new DotOptions { Legend = false });

        dot.Should().Contain("subgraph \"cluster legend\"")
            .And.Contain("[label=\"cooperative\"").And.Contain("[label=\"conflictual\"").And.Contain("[label=\"neutral\"")
            .And.Contain("[label=\"treaty, war\"").And.Contain("[label=\"summit, sanctions\"").And.Contain("[label=\"criticism\"").And.Contain("[label=\"leader-of\"")
            .And.Contain("[label=\"directed: one way\"").And.Contain("[label=\"mutual: both ways\"")
            .And.Contain("\"legend state\"").And.Contain("\"legend organization\"").And.Contain("\"legend person\"").And.Contain("\"legend group\"");
        bare.Should().NotContain("legend");
    }

    [Fact]
    public void Dot_LeavesOutActorsWithNoRelation_UnlessTheSelectionNamesThem()
    {
        var view = GraphView.Of(ExportSamples.Small());

        Dot(view).Should().NotContain("\"E\" [");
        Dot(view, ExportSelection.Only(new ActorId("A"), new ActorId("E"))).Should().Contain("\"E\" [").And.NotContain("\"B\" [");
    }

    [SkippableFact]
    public void Dot_QuotesDotKeywordsInNames()
    {
        ExternalTools.RequireDot();

        string[] keywords = ["node", "edge", "graph", "digraph", "subgraph", "strict", "node [shape=box]", "strict digraph { a -> b }"];
        var builder = new RelationGraphBuilder().Add(Source());
        for (var i = 0; i < keywords.Length; i++)
        {
            builder.Add(new Actor(new ActorId(i < 6 ? keywords[i] : $"k{i}"), keywords[i], ActorKind.State));
        }

        var graph = builder
            .Add(Relation("r1", "node", "edge", At("2017"), RelationKind.War, directed: true))
            .Add(Relation("r2", "graph", "subgraph", At("2017")))
            .Add(Relation("r3", "strict", "digraph", At("2017")))
            .Add(Relation("r4", "k6", "k7", At("2017")))
            .Build();

        var svg = ExternalTools.RenderSvg(Dot(GraphView.Of(graph)));

        foreach (var actor in graph.Actors)
        {
            ExternalTools.DrawnText(svg, "actor:" + actor.Id).Should().Be(actor.Name);
        }
    }

    [SkippableFact]
    public void Dot_HostileNamesAndLabels_RenderExactlyWithGraphviz()
    {
        ExternalTools.RequireDot();

        var graph = ExportSamples.WithNames(ExportSamples.Hostile);
        var dot = Dot(GraphView.Of(graph));

        var svg = ExternalTools.RenderSvg(dot);

        foreach (var actor in graph.Actors)
        {
            ExternalTools.DrawnText(svg, "actor:" + actor.Id).Should().Be(ExternalTools.AsDrawn(actor.Name), $"actor {actor.Id} is named {actor.Name}");
        }

        foreach (var relation in graph.Relations)
        {
            ExternalTools.DrawnText(svg, "relation:" + relation.Id).Should().Be($"{relation.Kind.Name}\n{relation.Time}");
            if (!relation.Label.Contains('\\', StringComparison.Ordinal))
            {
                var tooltip = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == "a_relation:" + relation.Id)
                    .Element(Svg + "a")!.Attribute(XNamespace.Get("http://www.w3.org/1999/xlink") + "title")!.Value.Replace('\u00A0', ' ');
                tooltip.Should().Be(Tooltip($"{relation.Label} ({relation.Id})"), $"relation {relation.Id} is labelled {relation.Label}");
            }
        }
    }

    [SkippableFact]
    public void Dot_RandomHostileNames_AlwaysGiveDotThatGraphvizAccepts()
    {
        ExternalTools.RequireDot();

        for (var seed = 0; seed < 25; seed++)
        {
            var random = new Random(seed);
            var names = Enumerable.Range(0, 12).Select(_ => ExportSamples.RandomName(random)).ToList();
            var graph = ExportSamples.WithNames(names, seed);

            var svg = ExternalTools.RenderSvg(Dot(GraphView.Of(graph)));

            foreach (var actor in graph.Actors)
            {
                ExternalTools.DrawnText(svg, "actor:" + actor.Id).Should().Be(ExternalTools.AsDrawn(actor.Name), $"seed {seed}: actor {actor.Id} is named {actor.Name}");
            }
        }
    }

    [Fact]
    public void Dot_TextLongerThanGraphvizAcceptsInOneString_IsSplitIntoPiecesItAccepts()
    {
        var dot = Dot(GraphView.Of(LongNameGraph()));

        QuotedPieces().Matches(dot).Max(m => System.Text.Encoding.UTF8.GetByteCount(m.Value)).Should().BeLessThan(16384);
    }

    [SkippableFact]
    public void Dot_TextLongerThanGraphvizAcceptsInOneString_IsDrawnExactly()
    {
        ExternalTools.RequireDot();
        var dot = Dot(GraphView.Of(LongNameGraph()));

        ExternalTools.DrawnText(ExternalTools.RenderSvg(dot), "actor:L").Should().Be(LongName);
    }

    [SkippableFact]
    public void Dot_TheBundledGraphOverAllTime_IsAcceptedByGraphviz()
    {
        ExternalTools.RequireDot();

        var graph = GraphFile.LoadBundled();
        var svg = ExternalTools.RenderSvg(Dot(GraphView.Of(graph)));
        var edges = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "edge").Select(g => (string)g.Attribute("id")!).ToList();

        // One edge per relation, or per many relations of one kind between a pair: "relations:FIRST+OTHERS".
        var drawn = edges.Sum(id => id.StartsWith("relations:", StringComparison.Ordinal) ? 1 + int.Parse(id[(id.LastIndexOf('+') + 1)..], System.Globalization.CultureInfo.InvariantCulture)
            : id.StartsWith("relation:", StringComparison.Ordinal) ? 1 : 0);
        drawn.Should().Be(graph.Relations.Count);
        edges.Should().Contain(id => id.StartsWith("relations:", StringComparison.Ordinal), "China and North Korea have six summits");
    }

    [SkippableFact]
    public void Dot_EachRelation_DrawsEveryRelationApart()
    {
        ExternalTools.RequireDot();

        var graph = GraphFile.LoadBundled();
        var text = new StringWriter();
        DotWriter.Write(text, GraphView.Of(graph), options: DotOptions.Default with { EachRelation = true });
        var svg = ExternalTools.RenderSvg(text.ToString());

        svg.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "edge" && ((string?)g.Attribute("id"))!.StartsWith("relation:", StringComparison.Ordinal))
            .Should().Be(graph.Relations.Count);
    }

    [Fact]
    public void Dot_ManyRelationsOfAKind_AreOneEdge_WithTheirCountAndDates()
    {
        var text = new StringWriter();
        DotWriter.Write(text, GraphView.Of(GraphFile.LoadBundled()), ExportSelection.Only(new ActorId("China"), new ActorId("DPRK")));

        text.ToString().Should().Contain("label=\"summit ×6\\n2005–2019\"").And.Contain("dir=\"both\"");
    }

    [Fact]
    public void WriteEachYear_WritesOnePicturePerYear_WithTheSameActorsInEach()
    {
        var graph = GraphFile.LoadBundled();
        var view = GraphView.Of(graph, TimeWindow.Between(PartialDate.Parse("2016"), PartialDate.Parse("2019")));
        var path = Path.Combine(folder, "triangle.dot");

        var files = DotWriter.WriteEachYear(path, view, Triangle);

        files.Should().Equal(new[] { 2016, 2017, 2018, 2019 }.Select(y => Path.Combine(folder, $"triangle-{y}.dot")));
        for (var year = 2016; year <= 2019; year++)
        {
            var text = File.ReadAllText(Path.Combine(folder, $"triangle-{year}.dot"));
            var single = Dot(GraphView.During(graph, new PartialDate(year)), Triangle);
            text.Should().Be(single, $"{year} alone draws the same picture");
            text.Should().Contain("\"US\" [").And.Contain("\"China\" [").And.Contain("\"DPRK\" [");
        }

        Directory.GetFiles(folder).Should().HaveCount(4, "nothing else, no temporary files, is left behind");
    }

    [Fact]
    public void WriteEachYear_DrawsAPartYearForThePartOfItInTheWindow()
    {
        var view = GraphView.Of(ExportSamples.Small(), TimeWindow.Between(PartialDate.Parse("2017-03"), PartialDate.Parse("2018")));

        var files = DotWriter.WriteEachYear(Path.Combine(folder, "small.dot"), view);

        files.Should().HaveCount(2);
        var first = File.ReadAllText(files[0]);
        first.Should().Contain("2017-03 to 2017").And.Contain("relation:r3").And.NotContain("relation:r2", "the sanctions of 2017-02 are before the window");
        File.ReadAllText(files[1]).Should().Contain("relation:r6");
    }

    [Fact]
    public void WriteEachYear_WindowOpenAtAnEnd_Throws()
    {
        var view = GraphView.Of(ExportSamples.Small(), TimeWindow.Since(PartialDate.Parse("2017")));

        var write = () => DotWriter.WriteEachYear(Path.Combine(folder, "x.dot"), view);

        write.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("view");
        Directory.GetFiles(folder).Should().BeEmpty();
    }

    [Fact]
    public void WriteFile_WritesTheSameTextAsWrite()
    {
        var view = GraphView.Of(ExportSamples.Small());
        var path = Path.Combine(folder, "small.dot");

        DotWriter.WriteFile(path, view);

        File.ReadAllBytes(path).Should().Equal(System.Text.Encoding.UTF8.GetBytes(Dot(view)), "UTF-8 without a byte order mark");
    }

    [Fact]
    public void Write_NullArguments_Throw()
    {
        var view = GraphView.Of(ExportSamples.Small());

        FluentActions.Invoking(() => DotWriter.Write(TextWriter.Null, null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("view");
        FluentActions.Invoking(() => DotWriter.Write(null!, view)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("writer");
        FluentActions.Invoking(() => DotWriter.WriteFile(null!, view)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("path");
    }

    [Fact]
    public void Write_SelectionNamingAnUnknownActor_Throws()
    {
        var write = () => Dot(GraphView.Of(ExportSamples.Small()), ExportSelection.Only(new ActorId("Nobody")));

        write.Should().Throw<ArgumentException>().WithMessage("*'Nobody'*").Which.ParamName.Should().Be("selection");
    }

    internal static ExportSelection Triangle { get; } = ExportSelection.Only(new ActorId("US"), new ActorId("China"), new ActorId("DPRK"));

    internal static string Dot(GraphView view, ExportSelection? selection = null, DotOptions? options = null)
    {
        var text = new StringWriter();
        DotWriter.Write(text, view, selection, options);
        return text.ToString();
    }

    /// <summary>How a tooltip reads in SVG: on one line, tabs as spaces, what SVG cannot hold replaced.</summary>
    private static string Tooltip(string text) =>
        new(text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ').Select(c => c >= ' ' ? c : '\uFFFD').ToArray());

    private static string Edge(string[] lines, string id) => lines.Single(l => l.Contains($"id=\"relation:{id}\"", StringComparison.Ordinal));

    /// <summary>Two actors, one named <see cref="LongName"/>.</summary>
    private static RelationGraph LongNameGraph() =>
        new RelationGraphBuilder().Add(Source())
            .Add(new Actor(new ActorId("L"), LongName, ActorKind.State))
            .Add(Actor("B"))
            .Add(Relation("r1", "L", "B", At("2017")))
            .Build();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex QuotedPieces();
}
