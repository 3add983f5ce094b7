namespace RelationsGraph.Tests.Console;

public sealed class QueryCommandTests
{
    [Theory]
    [InlineData("triangle-2017.txt", "triangle", "US", "China", "DPRK", "--in", "2017")]
    [InlineData("triangle-2017.json", "triangle", "US", "China", "DPRK", "--in", "2017", "--format", "json")]
    [InlineData("triangle-korean-war.txt", "triangle", "China", "DPRK", "US", "--from", "1950", "--to", "1953")]
    [InlineData("group-2018.txt", "group", "US", "China", "DPRK", "ROK", "--in", "2018")]
    [InlineData("triangle-each-year-2016-2019.txt", "triangle", "US", "China", "DPRK", "--each", "year", "--from", "2016", "--to", "2019")]
    [InlineData("group-each-year-2016-2019.json", "group", "China", "DPRK", "--each", "year", "--from", "2016", "--to", "2019", "--format", "json")]
    [InlineData("path-us-dprk-k3.txt", "path", "US", "DPRK", "--k", "3")]
    [InlineData("path-us-dprk-2017.json", "path", "US", "DPRK", "--in", "2017", "--format", "json")]
    [InlineData("path-temporal.txt", "path", "USSR", "ROK", "--temporal", "--after", "1950")]
    [InlineData("neighbours-dprk-1953.txt", "neighbours", "DPRK", "--depth", "2", "--at", "1953-07")]
    [InlineData("neighbours-dprk-1953.json", "neighbours", "DPRK", "--depth", "2", "--at", "1953-07", "--format", "json")]
    [InlineData("timeline-china-dprk.txt", "timeline", "China", "DPRK", "--from", "1949", "--to", "2021")]
    [InlineData("timeline-kim-jong-un.json", "timeline", "Kim Jong Un", "--format", "json")]
    [InlineData("diff-2016-2018.txt", "diff", "2016", "2018")]
    [InlineData("diff-2016-2018.json", "diff", "2016", "2018", "--format", "json")]
    public void Command_PrintsTheGoldenAnswer(string golden, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);

        error.Should().BeEmpty();
        code.Should().Be(0);
        CliRunner.ShouldMatchGolden(output, golden);
    }

    [Fact]
    public void Triangle_WithNotes_PrintsHowDatesWereRead()
    {
        var (_, output, _) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2017", "--notes");

        output.Should().Contain("note: Ends with 2017: in 2018 the article has U.S. dialogues with Kim Jong Un.");
    }

    [Fact]
    public void Triangle_ResolvesAliasesInAnyCase()
    {
        var (_, byAlias, _) = CliRunner.Run("triangle", "washington", "Beijing", "Pyongyang", "--in", "2017");
        var (_, byId, _) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2017");

        byAlias.Should().Be(byId);
    }

    [Fact]
    public void Triangle_InAMonth_FindsYearPrecisionRelations()
    {
        var (code, output, _) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2017-11", "--width", "200");

        code.Should().Be(0);
        output.Should().Contain("China calls on North Korea to cease actions that increase tensions")
            .And.Contain("North Korea–United States face-off");
    }

    [Fact]
    public void Path_NoConnection_ExitsOne()
    {
        var (code, output, _) = CliRunner.Run("path", "Japan", "USSR", "--in", "2017");

        code.Should().Be(1);
        output.Should().Be("No path from Japan to Soviet Union in 2017.\n");
    }

    [Fact]
    public void Triangle_EmptyWindow_ExitsOne()
    {
        var (code, _, _) = CliRunner.Run("triangle", "US", "Japan", "Russia", "--in", "1930");

        code.Should().Be(1);
    }

    [Theory]
    [InlineData(new[] { "triangle", "US", "China", "--in", "2017" }, "error: ")]
    [InlineData(new[] { "triangle", "US", "China", "Nort Korea", "--in", "2017" }, "error: unknown actor 'Nort Korea'; did you mean 'North Korea' (DPRK)?\n")]
    [InlineData(new[] { "triangle", "US", "China", "DPRK", "--in", "2017-13" }, "error: --in: '2017-13' is not a date: month 13 is outside 1 to 12.\nRun 'relgraph triangle --help' for usage and examples.\n")]
    [InlineData(new[] { "triangle", "US", "China", "DPRK", "--in", "2017-11-05" }, "error: --in takes a year or a month (YYYY or YYYY-MM), not the day '2017-11-05'; use --at for a day.\nRun 'relgraph triangle --help' for usage and examples.\n")]
    [InlineData(new[] { "triangle", "US", "China", "DPRK", "--in", "2017", "--at", "2017" }, "error: give one of --at, --in, or --from/--to, not several.\nRun 'relgraph triangle --help' for usage and examples.\n")]
    [InlineData(new[] { "triangle", "US", "China", "DPRK", "--from", "2018", "--to", "2017" }, "error: the end 2017 is before the start 2018; a period must end on or after the day it starts.\n")]
    [InlineData(new[] { "triangle", "US", "US", "DPRK" }, "error: Actor 'US' is given twice; the actors of a group must be distinct.\n")]
    [InlineData(new[] { "triangle", "US", "China", "DPRK", "--each", "year" }, "error: --each year needs a window with both ends: --from and --to, or --in a year with --each month.\n")]
    [InlineData(new[] { "triangle", "US", "China", "DPRK", "--each", "week", "--in", "2017" }, "error: Argument 'week' not recognized. Must be one of:")]
    [InlineData(new[] { "path", "US", "DPRK", "--kinds", "friendship" }, "error: unknown relation kind 'friendship'; expected one of statement, ")]
    [InlineData(new[] { "path", "US", "DPRK", "--k", "0" }, "error: The number of paths must be 1 or more, not 0.\n")]
    [InlineData(new[] { "path", "US", "DPRK", "--after", "1950" }, "error: --after needs --temporal.\nRun 'relgraph path --help' for usage and examples.\n")]
    [InlineData(new[] { "neighbours", "DPRK", "--depth", "0" }, "error: The depth of a neighbourhood must be 1 hop or more, not 0.\n")]
    [InlineData(new[] { "diff", "2018", "2016" }, "error: The second date 2016 must end after the first date 2018.\n")]
    [InlineData(new[] { "path", "US", "DPRK", "--polarity", "friendly" }, "error: unknown polarity 'friendly'; expected cooperative, conflictual or neutral.\nRun 'relgraph path --help' for usage and examples.\n")]
    public void BadInput_ExitsTwo_WithOneClearLine(string[] args, string errorStart)
    {
        var (code, output, error) = CliRunner.Run(args);

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().StartWith(errorStart).And.NotContain("   at ");
    }

    /// <summary>Every command that runs something (not one that only groups subcommands), from the registry.</summary>
    public static TheoryData<string> EveryCommand()
    {
        var data = new TheoryData<string>();
        void Walk(System.CommandLine.Command command, string path)
        {
            if (command.Subcommands.Count == 0)
            {
                data.Add(path);
            }

            foreach (var sub in command.Subcommands)
            {
                Walk(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}");
            }
        }

        Walk(Cli.Cli.BuildRoot(new Cli.CliContext(TextWriter.Null, TextWriter.Null)), string.Empty);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Help_ForEveryCommand_HasExamples(string command)
    {
        var (code, output, _) = CliRunner.Run([.. command.Split(' '), "--help"]);

        code.Should().Be(0);
        output.Should().Contain("Examples:").And.Contain($"relgraph {command} ");
    }
}
