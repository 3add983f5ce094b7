using RelationsGraph.Graph;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Console;

public sealed class ImportCommandTests : IDisposable
{
    private static readonly string Fixture = Repo.File("tests", "RelationsGraph.Tests", "Import", "Fixtures", "icews-mini");
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-import-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ImportIcews_WritesTheGraph_AndReportsWhatItReadMappedAndLeftOut()
    {
        var output = Path.Combine(folder, "mini.json");

        var (code, text, error) = CliRunner.Run("import", "icews", Fixture, "-o", output);

        code.Should().Be(0, error);
        error.Should().BeEmpty();
        text.Should().Be(
            $"{output}: 7 relations among 8 actors (2 state, 1 organization, 2 person, 3 group) from valid.txt, test.txt.\n" +
            "Read 9 events; left out 1 of an actor with itself and 1 of unmapped types.\n" +
            "Event types: 8; matched to CAMEO codes 3 exactly, 3 ignoring case and 'not specified below', 1 by the table of ICEWS wordings; 1 unmapped.\n" +
            "  unmapped: \"Dance the tango\" (1 events)\n" +
            "  one actor for names differing only by case: Hamas / HAMAS\n" +
            "Countries: 2 states got their ISO 3166, COW and CAMEO codes and short names as aliases.\n");
        GraphFile.Load(output).Relations.Should().HaveCount(7);
    }

    [Fact]
    public void ImportIcews_ABadOrigin_ExitsTwo_WithOneLine()
    {
        var (code, _, error) = CliRunner.Run("import", "icews", Fixture, "--origin", "2018-13-01", "-o", Path.Combine(folder, "x.json"));

        code.Should().Be(2);
        error.Should().Be("error: --origin '2018-13-01' is not a day; expected YYYY-MM-DD.\nRun 'relgraph import icews --help' for usage and examples.\n");
    }

    [Fact]
    public void ImportIcews_AMissingFolder_ExitsTwo_WithoutWritingAGraph()
    {
        var output = Path.Combine(folder, "x.json");

        var (code, _, error) = CliRunner.Run("import", "icews", Path.Combine(folder, "nowhere"), "-o", output);

        code.Should().Be(2);
        error.Should().Be($"error: The dataset folder '{Path.Combine(folder, "nowhere")}' does not exist.\n");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public void ImportIcews_WithoutOutput_IsAParseError()
    {
        var (code, _, error) = CliRunner.Run("import", "icews", Fixture);

        code.Should().Be(2);
        error.Should().Contain("--output");
    }
}
