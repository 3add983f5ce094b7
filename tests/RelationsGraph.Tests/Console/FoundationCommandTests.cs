namespace RelationsGraph.Tests.Console;

public sealed class FoundationCommandTests
{
    [Fact]
    public void Validate_TheRealGraph_IsValid_AndChecksEveryQuote()
    {
        var (code, output, error) = CliRunner.Run("validate", Repo.GraphJson);

        code.Should().Be(0, error);
        output.Should().MatchRegex(@"valid: 1 sources, \d+ actors, \d+ relations, \d+ events\.\nEvidence: \d+ quotes checked against their sources\.\n$");
        error.Should().BeEmpty();
    }

    [Fact]
    public void Validate_BadData_ExitsTwo_WithTheLocatedError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"relgraph-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\n\"formatVersion\": 1,\n\"actors\": [{\"id\": \"A\", \"name\": \"A\", \"kind\": \"planet\"}]\n}");
        try
        {
            var (code, output, error) = CliRunner.Run("validate", path);

            code.Should().Be(2);
            output.Should().BeEmpty();
            error.Should().Be($"error: {path}:3:52: $.actors[0].kind: Unknown actor kind 'planet'; expected state, organization, person or group.\n");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_AQuoteNotInTheSource_ExitsTwo_NamingTheRelation()
    {
        var folder = Directory.CreateTempSubdirectory("relgraph-validate-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "seeds"));
            File.Copy(Repo.File("seeds", "ipis-2021-china-north-korea-allies-or-partners.txt"), Path.Combine(folder, "seeds", "ipis-2021-china-north-korea-allies-or-partners.txt"));
            var text = File.ReadAllText(Repo.GraphJson).Replace("safe heaven", "safe haven", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "graph.json"), text);

            var (code, _, error) = CliRunner.Run("validate", Path.Combine(folder, "graph.json"));

            code.Should().Be(2);
            error.Should().Contain("the quote \"").And.Contain("safe haven").And.Contain("does not occur in source 'ipis-2021-china-north-korea'");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Validate_MissingFile_ExitsTwo_WithOneLine()
    {
        var (code, output, error) = CliRunner.Run("validate", "/nonexistent/graph.json");

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be("error: Cannot read the graph '/nonexistent/graph.json': the file does not exist.\n");
    }

    [Fact]
    public void Actors_ListsTheBundledGraph_AsTheGoldenFile()
    {
        var (code, output, _) = CliRunner.Run("actors");

        code.Should().Be(0);
        CliRunner.ShouldMatchGolden(output, "actors.txt");
    }

    [Fact]
    public void Actors_Json_ListsTheBundledGraph_AsTheGoldenFile()
    {
        var (code, output, _) = CliRunner.Run("actors", "--format", "json");

        code.Should().Be(0);
        CliRunner.ShouldMatchGolden(output, "actors.json");
    }

    [Fact]
    public void Show_ResolvesAnAlias_AndPrintsTheGoldenFile()
    {
        var (code, output, _) = CliRunner.Run("show", "pyongyang");

        code.Should().Be(0);
        CliRunner.ShouldMatchGolden(output, "show-dprk.txt");
    }

    [Fact]
    public void Show_UnknownActor_ExitsTwo_WithASuggestion()
    {
        var (code, output, error) = CliRunner.Run("show", "Nort Korea");

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be("error: unknown actor 'Nort Korea'; did you mean 'North Korea' (DPRK)?\n");
    }

    [Fact]
    public void UnknownCommand_ExitsTwo_WithoutAStackTrace()
    {
        var (code, _, error) = CliRunner.Run("frobnicate");

        code.Should().Be(2);
        error.Should().StartWith("error: ").And.NotContain("   at ");
    }

    [Fact]
    public void UnknownFormat_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run("actors", "--format", "xml");

        code.Should().Be(2);
        error.Should().Contain("xml");
    }

    [Fact]
    public void GraphOption_PointingAtADirectory_ExitsTwo_WithOneLine()
    {
        var dir = Path.GetTempPath();

        var (code, _, error) = CliRunner.Run("actors", "--graph", dir);

        code.Should().Be(2);
        error.Should().Be($"error: Cannot read the graph '{dir}': it is a directory, not a file.\n");
    }
}
