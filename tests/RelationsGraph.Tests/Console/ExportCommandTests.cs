using RelationsGraph.Export;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Tests.Export;
using RelationsGraph.Time;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Console;

public sealed class ExportCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-export-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Dot_TheTriangleIn2017_PrintsTheGoldenPicture()
    {
        var (code, output, error) = CliRunner.Run("dot", "--in", "2017", "--actors", "US,China,north korea");

        code.Should().Be(0, error);
        error.Should().BeEmpty();
        ExportGolden.ShouldMatch(output, "triangle-2017.dot");
    }

    [Fact]
    public void Dot_AroundAnActor_DrawsItsNeighbourhood()
    {
        var (code, output, _) = CliRunner.Run("dot", "--from", "1950", "--to", "1953", "--around", "DPRK", "--depth", "2", "--no-legend");

        code.Should().Be(0);
        var graph = GraphFile.LoadBundled();
        var view = GraphView.Of(graph, TimeWindow.Between(PartialDate.Parse("1950"), PartialDate.Parse("1953")));
        output.Should().Be(DotWriterTests.Dot(view, ExportSelection.Around(new ActorId("DPRK"), 2), new DotOptions { Legend = false }));
    }

    [Fact]
    public void Dot_WithKinds_DrawsOnlyThoseKinds_AndSaysSoInTheTitle()
    {
        var (code, output, _) = CliRunner.Run("dot", "--kinds", "treaty,ally");

        code.Should().Be(0);
        output.Should().Contain("All actors · all time · kinds: treaty, ally").And.Contain("label=\"treaty").And.NotContain("label=\"summit");
    }

    [Fact]
    public void Dot_ToAFile_WritesItAndSaysWhere()
    {
        var path = Path.Combine(folder, "triangle.dot");

        var (code, output, _) = CliRunner.Run("dot", "--in", "2017", "--actors", "US,China,DPRK", "-o", path);

        code.Should().Be(0);
        output.Should().Be($"wrote {path}\n");
        File.ReadAllText(path).Should().Be(CliRunner.Run("dot", "--in", "2017", "--actors", "US,China,DPRK").Output);
    }

    [Fact]
    public void Dot_EachYear_WritesOneFilePerYear()
    {
        var path = Path.Combine(folder, "triangle.dot");

        var (code, output, _) = CliRunner.Run("dot", "--from", "2016", "--to", "2019", "--actors", "US,China,DPRK", "--each", "year", "-o", path);

        code.Should().Be(0);
        var files = new[] { 2016, 2017, 2018, 2019 }.Select(y => Path.Combine(folder, $"triangle-{y}.dot")).ToList();
        output.Should().Be(string.Concat(files.Select(f => $"wrote {f}\n")));
        files.Should().OnlyContain(f => File.Exists(f));
    }

    [Theory]
    [InlineData("error: --each year writes several files; name them with -o FILE.\nRun 'relgraph dot --help' for usage and examples.\n", "dot", "--from", "2016", "--to", "2019", "--each", "year")]
    [InlineData("error: The window 2016/.. is open at an end; one picture per year needs a first and a last year.\n", "dot", "--from", "2016", "--each", "year", "-o", "x.dot")]
    [InlineData("error: give --actors or --around, not both.\nRun 'relgraph dot --help' for usage and examples.\n", "dot", "--actors", "US", "--around", "DPRK")]
    [InlineData("error: --depth goes with --around.\nRun 'relgraph dot --help' for usage and examples.\n", "dot", "--depth", "2")]
    [InlineData("error: The depth around the centers must be 0 steps or more, not -1.\n", "dot", "--around", "DPRK", "--depth", "-1")]
    [InlineData("error: unknown actor 'Nort Korea'; did you mean 'North Korea' (DPRK)?\n", "dot", "--actors", "US,Nort Korea")]
    [InlineData("error: --actors needs at least one actor.\n", "export", "graphml", "--actors", ",")]
    public void Dot_And_Export_BadInput_ExitTwo_WithOneLine(string expected, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be(expected);
    }

    [Fact]
    public void Dot_EachSomethingOtherThanYear_IsAParseError()
    {
        var (code, _, error) = CliRunner.Run("dot", "--in", "2017", "--each", "month", "-o", "x.dot");

        code.Should().Be(2);
        error.Should().StartWith("error: ").And.Contain("month");
    }

    [Fact]
    public void ExportGraphMl_PrintsWhatTheLibraryWrites()
    {
        var (code, output, _) = CliRunner.Run("export", "graphml", "--at", "1953-07", "--around", "China");

        code.Should().Be(0);
        var text = new StringWriter();
        GraphMlWriter.Write(text, GraphView.AsOf(GraphFile.LoadBundled(), PartialDate.Parse("1953-07")), ExportSelection.Around(new ActorId("China"), 1));
        output.Should().Be(text.ToString());
    }

    [Fact]
    public void ExportNeo4j_WritesTheFiles_AndPrintsTheImportCommand()
    {
        var (code, output, error) = CliRunner.Run("export", "neo4j", "-o", folder);

        code.Should().Be(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(7);
        lines[..6].Should().Equal(new[] { "actors.csv", "sources.csv", "events.csv", "relations.csv", "actor-events.csv", "import.sh" }.Select(f => $"wrote {Path.Combine(folder, f)}"));
        lines[6].Should().StartWith($"import (from {folder}, with Neo4j stopped): neo4j-admin database import full ");
    }

    [Fact]
    public void ExportNeo4j_WithoutAFolder_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run("export", "neo4j");

        code.Should().Be(2);
        error.Should().Contain("--output");
    }
}
