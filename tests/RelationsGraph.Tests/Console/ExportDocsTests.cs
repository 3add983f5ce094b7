using RelationsGraph.Export;
using RelationsGraph.Graph;
using RelationsGraph.Queries;
using RelationsGraph.Tests.Export;
using RelationsGraph.Time;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Console;

/// <summary>The pictures and commands of docs/exports.md are the tool's own, current output.</summary>
public sealed class ExportDocsTests : IDisposable
{
    private static readonly string ExportsPage = File.ReadAllText(Repo.File("docs", "exports.md"));

    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-docs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("triangle-2017.dot", "dot --in 2017 --actors US,China,DPRK")]
    [InlineData("korean-war-1950-1953.dot", "dot --from 1950 --to 1953")]
    public void Docs_PicturesAreWhatTheirCommandsWriteNow(string file, string command)
    {
        var (code, output, _) = CliRunner.Run(command.Split(' '));

        code.Should().Be(0);
        File.ReadAllText(Repo.File("docs", file)).Should().Be(output, $"docs/{file} should be redrawn with bash docs/pictures.sh");
        File.Exists(Repo.File("docs", Path.ChangeExtension(file, ".svg"))).Should().BeTrue();
        File.ReadAllText(Repo.File("docs", "pictures.sh")).Should().Contain($"relgraph {command} -o docs/{file}");
        ExportsPage.Should().Contain($"relgraph {command} -o docs/{file}").And.Contain($"]({Path.ChangeExtension(file, ".svg")})");
    }

    [Fact]
    public void Docs_SmallMultiplesAreWhatTheirCommandWritesNow()
    {
        var view = GraphView.Of(GraphFile.LoadBundled(), TimeWindow.Between(PartialDate.Parse("2016"), PartialDate.Parse("2019")));

        var files = DotWriter.WriteEachYear(Path.Combine(folder, "triangle.dot"), view, DotWriterTests.Triangle);

        foreach (var file in files)
        {
            File.ReadAllText(Repo.File("docs", Path.GetFileName(file))).Should().Be(File.ReadAllText(file));
            ExportsPage.Should().Contain($"]({Path.ChangeExtension(Path.GetFileName(file), ".svg")})");
        }

        File.ReadAllText(Repo.File("docs", "pictures.sh")).Should().Contain("relgraph dot --from 2016 --to 2019 --actors US,China,DPRK --each year -o docs/triangle.dot");
    }

    [Fact]
    public void Docs_ShowTheImportCommandTheExportPrints()
    {
        var written = Neo4jCsvWriter.Write(folder, GraphView.Of(GraphFile.LoadBundled()));

        ExportsPage.Should().Contain(written.ImportCommand);
    }

    [Fact]
    public void Docs_CypherAsksWhatTheCsvTestsCheck()
    {
        ExportsPage.Should().Contain("WHERE a.id IN ['US', 'China', 'DPRK'] AND b.id IN ['US', 'China', 'DPRK']")
            .And.Contain("AND r.start <= date('2017-12-31') AND r.knownUntil >= date('2017-01-01')");
    }
}
