using RelationsGraph.Cli.Output;

namespace RelationsGraph.Tests.Console;

/// <summary>
/// How text answers read: the summary first, wrapped to the width, names not ids, a key at the end, and sections
/// of event data summarised unless --all; on the bundled graph and on an ICEWS-format fixture (three states'
/// events in August and September 2018, generated for the tests, with a CAMEO codebook of its nine codes).
/// </summary>
public sealed class AnswerLayoutTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-layout-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Fixture => Repo.File("tests", "RelationsGraph.Tests", "Import", "Fixtures", "icews-triangle");

    /// <summary>Imports the fixture into the test's folder and returns the graph file.</summary>
    private string Imported()
    {
        var path = Path.Combine(folder, "icews-triangle.json");
        var (code, _, error) = CliRunner.Run("import", "icews", Fixture, "-o", path);
        code.Should().Be(0, error);
        return path;
    }

    [Fact]
    public void Triangle2017_PutsTheSummaryAndItsBalance_InTheFirstTenLines()
    {
        var (_, output, _) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2017");
        var first = output.Split('\n').Take(10).ToList();

        first[0].Should().Be("Triangle United States, China, North Korea · 2017");
        first.Should().Contain(l => l.StartsWith("Summary", StringComparison.Ordinal));
        first.Should().Contain(l => l.StartsWith("  China – North Korea ", StringComparison.Ordinal) && l.Contains("mixed", StringComparison.Ordinal));
        first.Should().Contain("  Balance: open, as United States – China has no signed relation; in 2016: open.");
        first.Should().Contain(l => l.Contains("rests on one relation: hostility 2017/2017", StringComparison.Ordinal));
    }

    public static TheoryData<string[]> Answers() => new()
    {
        new[] { "triangle", "US", "China", "DPRK", "--in", "2017" },
        new[] { "triangle", "US", "China", "DPRK", "--in", "2017", "--notes" },
        new[] { "group", "US", "China", "DPRK", "ROK", "--in", "2018" },
        new[] { "path", "US", "DPRK", "--k", "3" },
        new[] { "path", "USSR", "ROK", "--temporal" },
        new[] { "neighbours", "DPRK", "--depth", "2" },
        new[] { "timeline", "China", "DPRK", "--all" },
        new[] { "diff", "1949", "2021", "--all" },
        new[] { "show", "China", "--all" },
        new[] { "actors" },
        new[] { "ask", "how did the US–China–DPRK triangle look in 2017?" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void EveryLine_FitsInAHundredColumns_WhenPiped(string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);

        code.Should().Be(0, error);
        output.Split('\n').Where(l => l.Length > Style.DefaultWidth).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public void EveryLine_FitsInTheWidthAsked(string[] args)
    {
        var (code, output, error) = CliRunner.Run([.. args, "--width", "60"]);

        code.Should().Be(0, error);
        output.Split('\n').Where(l => l.Length > 60).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public void EveryAnswer_EndsWithTheKey(string[] args)
    {
        var (_, output, _) = CliRunner.Run(args);

        if (args[0] is not "actors" and not "show")
        {
            output.TrimEnd('\n').Split('\n')[^1].Should().Be(ReportText.Key);
        }
    }

    [Fact]
    public void RootHelp_NamesEveryCommand_InOneSentence_AndFitsTheWidth()
    {
        var (code, output, _) = CliRunner.Run("--help");

        code.Should().Be(0);
        output.Split('\n').Should().OnlyContain(l => l.Length <= Style.DefaultWidth).And.HaveCountLessThan(60);
        output.Should().NotContain("Examples:", "each command's own --help has its examples");
        foreach (var command in Cli.CommandRegistry.Commands.Select(create => create(new Cli.CliContext(TextWriter.Null, TextWriter.Null))))
        {
            output.Should().Contain($"\n  {command.Name}");
        }
    }

    [Fact]
    public void Width_BelowTheMinimum_IsAParseError()
    {
        var (code, _, error) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2017", "--width", "10");

        code.Should().Be(2);
        error.Should().StartWith($"error: --width takes {Style.MinimumWidth} columns or more, not 10.");
    }

    [Fact]
    public void IcewsTriangle_SummarisesEachPair_AsTheGoldenFile()
    {
        var graph = Imported();

        var (code, output, error) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2018-09", "--graph", graph);

        code.Should().Be(0, error);
        output.Split('\n').Should().NotContain(l => l.TrimStart().StartsWith('“'), "an imported event's quadruple is its evidence, not what a reader is shown");
        CliRunner.ShouldMatchGolden(output, "triangle-icews-fixture-2018-09.txt");
    }

    [Fact]
    public void IcewsTriangle_WithAll_ListsEveryRelation_WithItsCameoCoding()
    {
        var graph = Imported();

        var (_, summarised, _) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2018-09", "--graph", graph);
        var (code, output, error) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2018-09", "--graph", graph, "--all");

        code.Should().Be(0, error);
        summarised.Should().Contain("(summarised; --all lists all 30 with their evidence)");
        output.Should().NotContain("summarised");
        output.Split('\n').Count(l => l.StartsWith("      CAMEO ", StringComparison.Ordinal)).Should().Be(30 + 16 + 14, "each pair relation shows its coding");
        output.Should().Contain("      CAMEO 163 Impose embargo, boycott, or sanctions · Goldstein -8.0");
    }

    [Fact]
    public void IcewsTriangle_EachMonth_IsOneTable_AsTheGoldenFile()
    {
        var graph = Imported();

        var (code, output, error) = CliRunner.Run("triangle", "US", "China", "DPRK", "--each", "month", "--from", "2018-07", "--to", "2018-09", "--graph", graph);

        code.Should().Be(0, error);
        CliRunner.ShouldMatchGolden(output, "triangle-icews-fixture-each-month.txt");
    }

    [Fact]
    public void Each_ManyPeriods_ContinuesInBlocksOfColumns_ThatFitTheWidth()
    {
        var (code, output, error) = CliRunner.Run("group", "China", "DPRK", "--each", "year", "--from", "1949", "--to", "2021");

        code.Should().Be(0, error);
        output.Split('\n').Should().OnlyContain(l => l.Length <= Style.DefaultWidth);
        output.Split('\n').Count(l => l.TrimStart().StartsWith("China – North Korea ", StringComparison.Ordinal)).Should().BeGreaterThan(2);
        foreach (var year in Enumerable.Range(1949, 73))
        {
            output.Should().Contain($" {year}", "every year is a column");
        }
    }

    [Fact]
    public void IcewsDot_MergesManyRelationsOfAKind_UnlessEachRelation()
    {
        var graph = Imported();
        string[] args = ["dot", "--in", "2018-09", "--actors", "US,China,DPRK", "--no-legend", "--graph", graph];

        var merged = CliRunner.Run(args).Output.Split('\n').Where(l => l.Contains("[id=\"relation", StringComparison.Ordinal)).ToList();
        var each = CliRunner.Run([.. args, "--each-relation"]).Output.Split('\n').Count(l => l.Contains("[id=\"relation:", StringComparison.Ordinal));

        each.Should().Be(30 + 16 + 14);
        merged.Should().HaveCountLessThan(each).And.Contain(l => l.Contains("label=\"talks ×8\\n2018\"", StringComparison.Ordinal));
        merged.Sum(l => l.Contains("[id=\"relations:", StringComparison.Ordinal) ? int.Parse(l.Split('+')[1].Split('"')[0], System.Globalization.CultureInfo.InvariantCulture) + 1 : 1)
            .Should().Be(each, "every relation is drawn, alone or in a merged edge");
    }

    [Fact]
    public void IcewsTriangle_Json_StaysComplete()
    {
        var graph = Imported();

        var (_, output, _) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2018-09", "--graph", graph, "--format", "json");
        var json = Newtonsoft.Json.Linq.JObject.Parse(output);

        json["pairs"]!.Sum(p => p["relations"]!.Count()).Should().Be(30 + 16 + 14);
    }

    [Fact]
    public void IcewsTriangle_SinceTheMonthBefore_ComparesCounts_NotKindsOfPointEvents()
    {
        var graph = Imported();

        var (_, output, _) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2018-09", "--graph", graph, "--width", "300");

        output.Should().Contain("  United States – North Korea: conflictual → mixed; 16 relations (7 cooperative, 7 conflictual, 2 neutral), before 5 (4 conflictual, 1 neutral)\n")
            .And.NotContain("new: ").And.NotContain("gone: ");
    }
}
