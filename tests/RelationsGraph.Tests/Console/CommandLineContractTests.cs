using System.CommandLine;
using Newtonsoft.Json.Linq;
using RelationsGraph.Cli;

namespace RelationsGraph.Tests.Console;

/// <summary>How the command line is put together: help order, typed options, errors mapped in one place.</summary>
public sealed class CommandLineContractTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-contract-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Help_ListsTheQuestionsFirst_InTheOrderPeopleAskThem()
    {
        var (code, output, _) = CliRunner.Run("--help");

        code.Should().Be(0);
        var commands = output[output.IndexOf("Commands:", StringComparison.Ordinal)..]
            .Split('\n').Skip(1).Where(l => l.Length > 2 && l.StartsWith("  ", StringComparison.Ordinal) && l[2] != ' ')
            .Select(l => l.Trim().Split(" <")[0].Split("  ")[0].Split(", ").Order(StringComparer.Ordinal).Last()).ToList();
        commands.Take(8).Should().Equal("triangle", "group", "path", "neighbours", "timeline", "trend", "diff", "ask");
        commands.Should().Contain(["show", "actors", "validate", "dot", "export", "import", "repl"]);
    }

    [Fact]
    public void Help_TheRootCommand_IsBuiltFromTheRegistry_OnePerEntry()
    {
        var root = Cli.Cli.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null));

        root.Subcommands.Should().HaveCount(CommandRegistry.Commands.Count);
        root.Subcommands.Select(c => c.Name).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("import", "icews")]
    [InlineData("export", "graphml")]
    [InlineData("export", "neo4j")]
    [InlineData("dot")]
    public void Help_ACommandThatPrintsNoReport_DoesNotListFormatOrNotes(params string[] command)
    {
        var (_, output, _) = CliRunner.Run([.. command, "--help"]);

        output.Should().NotContain("--format").And.NotContain("--notes");
    }

    [Fact]
    public void Help_ImportReadsNoGraph_SoDoesNotListGraph()
    {
        CliRunner.Run("import", "icews", "--help").Output.Should().NotContain("--graph");
    }

    [Theory]
    [InlineData("--k", "99999999999", "path", "US", "DPRK", "error: --k takes a whole number no larger than 2,147,483,647, not '99999999999'.")]
    [InlineData("--k", "three", "path", "US", "DPRK", "error: --k takes a whole number, such as 3, not 'three'.")]
    [InlineData("--depth", "1.5", "neighbours", "DPRK", "", "error: --depth takes a whole number, such as 3, not '1.5'.")]
    public void ANumberOption_SaysInWordsWhatItExpects(string option, string value, string command, string first, string second, string expected)
    {
        string[] args = second.Length == 0 ? [command, first, option, value] : [command, first, second, option, value];

        var (code, output, error) = CliRunner.Run(args);

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().StartWith(expected + "\n").And.NotContain("System.Int32");
    }

    [Fact]
    public void Triangle_OfFourActors_PointsToGroup()
    {
        var (code, _, error) = CliRunner.Run("triangle", "US", "China", "DPRK", "ROK");

        code.Should().Be(2);
        error.Should().StartWith("error: a triangle is three actors, and 4 are given; for more, ask for a group: relgraph group US China DPRK ROK\n");
    }

    [Theory]
    [InlineData("show", "Nort", "Korea")]
    [InlineData("neighbours", "North", "Korea")]
    public void AnActorOfSeveralUnquotedWords_GetsAHintToQuoteIt(params string[] args)
    {
        var (code, _, error) = CliRunner.Run(args);

        code.Should().Be(2);
        error.Should().StartWith($"error: ACTOR is one actor, and 2 words are given; quote a name with spaces, as in \"{args[1]} {args[2]}\".\n");
    }

    [Fact]
    public void AHugeName_IsNotEchoedWhole()
    {
        var name = new string('x', 100_000);

        var (code, _, error) = CliRunner.Run("show", name);

        code.Should().Be(2);
        error.Length.Should().BeLessThan(1_000);
        error.Should().StartWith($"error: unknown actor '{new string('x', Cli.Cli.QuotedLimit - 1)}…'");
    }

    [Fact]
    public void AHugeUnrecognizedWord_IsNotEchoedWhole()
    {
        var (code, _, error) = CliRunner.Run("actors", new string('y', 100_000));

        code.Should().Be(2);
        error.Should().StartWith($"error: Unrecognized command or argument '{new string('y', Cli.Cli.QuotedLimit - 1)}…'.\n");
    }

    [Fact]
    public void ALibraryArgumentError_IsItsSentence_WithoutWhatDotNetAdds()
    {
        var outOfRange = new ArgumentOutOfRangeException("k", 0, "The number of paths must be 1 or more, not 0.");
        var plain = new ArgumentException("The second date 2016 must end after the first date 2018.", "to");

        Cli.Cli.Sentence(outOfRange).Should().Be("The number of paths must be 1 or more, not 0.");
        Cli.Cli.Sentence(plain).Should().Be("The second date 2016 must end after the first date 2018.");
    }

    [Fact]
    public void Validate_Json_PrintsTheReportAsJson()
    {
        var (code, output, error) = CliRunner.Run("validate", Repo.GraphJson, "--format", "json");

        code.Should().Be(0, error);
        var json = JObject.Parse(output);
        json["query"]!.Value<string>().Should().Be("validate");
        json["file"]!.Value<string>().Should().Be(Repo.GraphJson);
        json["valid"]!.Value<bool>().Should().BeTrue();
        json["actors"]!.Value<int>().Should().BeGreaterThan(10);
        var text = CliRunner.Run("validate", Repo.GraphJson).Output;
        text.Should().Contain($"Evidence: {json["quotesChecked"]!.Value<int>()} quotes checked");
        json["problems"]!.Should().BeEmpty();
    }

    [Fact]
    public void Diff_Json_HasTheWindowAndTheViewWithItsFilters()
    {
        var (code, output, _) = CliRunner.Run("diff", "2016", "2018", "--kinds", "summit,sanctions", "--format", "json");

        code.Should().Be(0);
        var json = JObject.Parse(output);
        json["window"]!.Value<string>().Should().Be("2016/2018");
        json["view"]!.Value<string>().Should().Be("2016/2018 · kinds: summit, sanctions");
    }

    [Fact]
    public void Path_Temporal_TitleSaysWhenItMayStart_NotAllTime()
    {
        var (_, output, _) = CliRunner.Run("path", "USSR", "ROK", "--temporal");

        output.Should().StartWith("Time-respecting path Soviet Union → South Korea · starting at any date\n").And.NotContain("all time");
    }

    [Fact]
    public void ExportNeo4j_WritesAnExecutableScript_ForADatabaseOtherThanNeo4j_ByDefault()
    {
        var (code, output, error) = CliRunner.Run("export", "neo4j", "-o", folder);

        code.Should().Be(0, error);
        var script = Path.Combine(folder, "import.sh");
        File.ReadAllText(script).Should().Contain("\"${1:-relationsgraph}\"").And.NotContain("neo4j}");
        output.Should().EndWith(" relationsgraph\n");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(script).Should().HaveFlag(UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void ExportNeo4j_NamedDatabase_GoesIntoTheCommandAndTheScript()
    {
        var (code, output, _) = CliRunner.Run("export", "neo4j", "-o", folder, "--database", "korean-war");

        code.Should().Be(0);
        output.Should().EndWith(" korean-war\n");
        File.ReadAllText(Path.Combine(folder, "import.sh")).Should().Contain("\"${1:-korean-war}\"");
    }

    [Theory]
    [InlineData("Korean_War", "error: 'Korean_War' is not a Neo4j database name; expected 3 to 63 lower-case ASCII letters, digits, dots and dashes, starting with a letter.\n")]
    [InlineData("system2", "error: 'system2' is not a Neo4j database name; names starting with 'system' are reserved.\n")]
    public void ExportNeo4j_ABadDatabaseName_IsTheLibrarysSentence_ExitTwo(string name, string expected)
    {
        var (code, output, error) = CliRunner.Run("export", "neo4j", "-o", folder, "--database", name);

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be(expected);
    }
}
