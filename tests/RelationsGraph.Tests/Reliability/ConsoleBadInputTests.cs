using RelationsGraph.Tests.Console;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// Every command that reads a graph, given a missing file, a directory or random bytes, and every command that
/// writes one, given a path it cannot write, prints one line naming the problem on stderr, nothing on stdout, and
/// exits 2. So do unknown formats and kinds. (Console/ tests the commands' own mistakes of input.)
/// </summary>
public sealed class ConsoleBadInputTests : IDisposable
{
    private const string Fixture = "tests/RelationsGraph.Tests/Import/Fixtures/icews-mini";
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-console-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Each command that reads the graph, with arguments that are fine on the bundled graph.</summary>
    public static TheoryData<string[]> GraphCommands() => new(
        ["validate"],
        ["actors"],
        ["show", "DPRK"],
        ["triangle", "US", "China", "DPRK", "--in", "2017"],
        ["group", "US", "China", "DPRK", "ROK"],
        ["path", "US", "DPRK", "--k", "2"],
        ["neighbours", "DPRK"],
        ["timeline", "China", "DPRK"],
        ["diff", "2016", "2018"],
        ["dot"],
        ["export", "graphml"],
        ["ask", "how did the US–China–DPRK triangle look in 2017?"]);

    [Theory]
    [MemberData(nameof(GraphCommands))]
    public void AMissingGraphFile_IsNamed(string[] command)
    {
        var path = Path.Combine(folder, "nowhere.json");

        ShouldFail([.. command, "--graph", path], $"Cannot read the graph '{path}': the file does not exist.");
    }

    [Theory]
    [MemberData(nameof(GraphCommands))]
    public void ADirectoryAsTheGraph_IsNamed(string[] command)
    {
        ShouldFail([.. command, "--graph", folder], $"Cannot read the graph '{folder}': it is a directory, not a file.");
    }

    [Theory]
    [MemberData(nameof(GraphCommands))]
    public void RandomBytesAsTheGraph_GiveTheCorpusMessage(string[] command)
    {
        using var input = MalformedCorpus.Open("random-bytes");

        ShouldFail([.. command, "--graph", input.Path], input.Expected.Replace("random-bytes.json", input.Path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dot")]
    [InlineData("export graphml")]
    [InlineData("import icews " + Fixture)]
    public void AnOutputFileThatCannotBeWritten_IsNamed_WithItsReason(string command)
    {
        var words = command.Split(' ').Select(w => w == Fixture ? Repo.File(Fixture.Split('/')) : w).ToArray();
        var proc = $"/proc/relgraph-{Guid.NewGuid():N}.out";
        var missing = Path.Combine(folder, "missing", "out.txt");

        ShouldFail([.. words, "-o", proc], $"Cannot save to '{proc}': a file cannot be created in the folder '/proc'.");
        ShouldFail([.. words, "-o", missing], $"Cannot save to '{missing}': the folder '{Path.GetDirectoryName(missing)}' does not exist.");
        ShouldFail([.. words, "-o", folder], $"Cannot save to '{folder}': it is a directory.");
    }

    [Fact]
    public void AnOutputFolderThatCannotBeMade_IsNamed_WithItsReason()
    {
        var file = Path.Combine(folder, "a-file");
        File.WriteAllText(file, "x");
        var proc = $"/proc/relgraph-{Guid.NewGuid():N}";

        ShouldFail(["export", "neo4j", "-o", file], $"Cannot write the export to '{file}': it is a file, not a folder.");
        ShouldFail(["export", "neo4j", "-o", proc], $"Cannot write the export to '{proc}': the folder cannot be created.");
        ShouldFail(["export", "neo4j", "-o", Path.Combine(file, "inside")], $"Cannot write the export to '{Path.Combine(file, "inside")}': the folder cannot be created.");
    }

    [Theory]
    [InlineData("unknown relation kind 'friendship'; expected one of statement, appeal, pledge, talks, summit, diplomatic-relations, treaty, agreement, support, ally, trade, cooperation, aid, concession, investigation, demand, criticism, rejection, hostility, protest, provocation, reduced-relations, sanctions, coercion, assault, war, mass-violence, leader-of, member-of.", "path", "US", "DPRK", "--kinds", "ally,friendship")]
    [InlineData("unknown actor kind 'planet'; expected state, organization, person or group.", "neighbours", "DPRK", "--actor-kinds", "state,planet")]
    [InlineData("unknown polarity 'friendly'; expected cooperative, conflictual or neutral.", "timeline", "DPRK", "--polarity", "friendly")]
    public void AnUnknownKind_IsNamed_WithTheVocabulary(string message, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be($"error: {message}\nRun 'relgraph {args[0]} --help' for usage and examples.\n");
    }

    [Theory]
    [InlineData("Argument 'xml' not recognized. Must be one of: 'text' 'json'", "relgraph actors", "actors", "--format", "xml")]
    [InlineData("Unrecognized command or argument '--format'.\nerror: Unrecognized command or argument 'json'.", "relgraph export graphml", "export", "graphml", "--format", "json")]
    [InlineData("--unit takes days, hours or minutes, not 'weeks'.", "relgraph import icews", "import", "icews", "x", "-o", "x.json", "--unit", "weeks")]
    [InlineData("Argument 'month' not recognized. Must be one of: 'year'", "relgraph dot", "dot", "--each", "month", "-o", "x.dot")]
    public void AnUnknownFormatOrChoice_IsOneLine_AndTheHelpHintNamesTheWholeCommand(string message, string command, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be($"error: {message}\nRun '{command} --help' for usage and examples.\n");
    }

    [Theory]
    [InlineData("--graph is empty; give a path.", "relgraph show", "show", "DPRK", "--graph", "")]
    [InlineData("--graph contains a NUL character, which no path can hold.", "relgraph actors", "actors", "--graph", "a\0b")]
    [InlineData("--output is empty; give a path.", "relgraph dot", "dot", "-o", "")]
    [InlineData("--output is empty; give a path.", "relgraph export neo4j", "export", "neo4j", "-o", "")]
    [InlineData("DIR is empty; give a path.", "relgraph import icews", "import", "icews", "", "-o", "x.json")]
    [InlineData("FILE is empty; give a path.", "relgraph validate", "validate", "")]
    public void AnEmptyPath_OrOneWithANulCharacter_IsAParseError(string message, string command, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be($"error: {message}\nRun '{command} --help' for usage and examples.\n");
    }

    [Fact]
    public void UserTextWithALineBreak_StaysOnOneLine()
    {
        ShouldFail(["show", "North\nKorea"], "unknown actor 'North\\u000AKorea'; did you mean 'North Korea' (DPRK)?");
    }

    private static void ShouldFail(string[] args, string message)
    {
        var (code, output, error) = CliRunner.Run(args);

        code.Should().Be(2, error);
        output.Should().BeEmpty();
        error.Should().Be($"error: {message}\n");
    }
}
