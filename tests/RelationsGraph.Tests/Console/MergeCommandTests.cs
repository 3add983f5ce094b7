using RelationsGraph.Import;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Console;

public sealed class MergeCommandTests : IDisposable
{
    private static readonly string Fixture = Repo.File("tests", "RelationsGraph.Tests", "Import", "Fixtures", "icews-mini");
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-merge-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>The mini ICEWS dataset imported without its last event (see GraphMergeTests), beside the temp folder's output.</summary>
    private string Imported(bool whole = false)
    {
        var data = Path.Combine(folder, "icews-mini");
        foreach (var file in Directory.GetFiles(Fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(data, Path.GetRelativePath(Fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        if (!whole)
        {
            File.WriteAllLines(Path.Combine(data, "test.txt"), File.ReadAllLines(Path.Combine(data, "test.txt"))[..^1]);
        }

        var path = Path.Combine(folder, "mini.json");
        GraphFile.Save(path, IcewsImport.Read(data, path).Graph);
        return path;
    }

    [Fact]
    public void Merge_WritesTheMergedGraph_AndSaysWhichActorsItJoined()
    {
        var output = Path.Combine(folder, "merged.json");

        var (code, text, error) = CliRunner.Run("merge", Repo.GraphJson, Imported(), "-o", output);

        code.Should().Be(0, error);
        error.Should().BeEmpty();
        text.Should().StartWith($"{output}: 5 sources, 15 actors, ").And.Contain("  North-Korea (input 2) is DPRK: ISO code PRK\n")
            .And.Contain("  China (input 2) is China: ISO code CHN\n");
        CliRunner.Run("validate", output).ExitCode.Should().Be(0);
    }

    [Fact]
    public void Merge_ThenTriangle_AnswersFromBothSources()
    {
        var output = Path.Combine(folder, "merged.json");
        CliRunner.Run("merge", Repo.GraphJson, Imported(), "-o", output).ExitCode.Should().Be(0);

        var (code, text, _) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2018-01", "--graph", output);

        code.Should().Be(0);
        text.Should().Contain("China – North Korea: mixed").And.Contain("CAMEO 163 Impose embargo, boycott, or sanctions", "the ICEWS event shows its coding")
            .And.Contain("“renewed contacts between party and military officials”", "the article is quoted");
    }

    [Fact]
    public void Merge_Refused_ExitsTwo_SaysWhy_AndWritesNothing()
    {
        var output = Path.Combine(folder, "merged.json");

        var (code, text, error) = CliRunner.Run("merge", Repo.GraphJson, Imported(whole: true), "-o", output);

        code.Should().Be(2);
        text.Should().BeEmpty();
        error.Should().Be(
            "error: Kim-Jong-Un (Kim-Jong-Un) (input 2) is a group and Kim-Jong-Un a person, though they share the id 'Kim-Jong-Un'.\n" +
            $"error: nothing written to {output}: the merge is refused until each actor matches one actor or none.\n");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public void Merge_WithoutAnOutput_IsAParseError()
    {
        var (code, _, error) = CliRunner.Run("merge", Repo.GraphJson);

        code.Should().Be(2);
        error.Should().Contain("--output");
    }
}
