using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;
using RelationsGraph.Storage;
using RelationsGraph.Time;
using SkiaSharp;

namespace RelationsGraph.Tests.Console;

public sealed class TrendCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-trend-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Trend_ChinaDprk_PrintsTheGoldenTable()
    {
        var (code, output, error) = CliRunner.Run("trend", "China", "DPRK", "--from", "1949", "--to", "2021");

        code.Should().Be(0, error);
        output.Split('\n').Should().OnlyContain(l => l.Length <= Style.DefaultWidth);
        CliRunner.ShouldMatchGolden(output, "trend-china-dprk.txt");
    }

    [Fact]
    public void Trend_OnTheIcewsFixture_ByDay_PrintsTheGoldenTable_AndJson()
    {
        var graph = Path.Combine(folder, "icews.json");
        CliRunner.Run("import", "icews", Repo.File("tests", "RelationsGraph.Tests", "Import", "Fixtures", "icews-triangle"), "-o", graph).ExitCode.Should().Be(0);

        var text = CliRunner.Run("trend", "US", "China", "--by", "day", "--graph", graph);
        var json = CliRunner.Run("trend", "US", "China", "--by", "month", "--graph", graph, "--format", "json");

        text.ExitCode.Should().Be(0, text.Error);
        CliRunner.ShouldMatchGolden(text.Output, "trend-icews-fixture-us-china-daily.txt");
        CliRunner.ShouldMatchGolden(json.Output, "trend-icews-fixture-us-china-monthly.json");
    }

    [Fact]
    public void Trend_NoRelation_ExitsOne()
    {
        var (code, output, _) = CliRunner.Run("trend", "Japan", "USSR", "--from", "1950", "--to", "1960");

        code.Should().Be(1);
        output.Should().Contain("No relation between Japan and Soviet Union");
    }

    [Fact]
    public void Trend_BadStep_IsAParseError()
    {
        var (code, _, error) = CliRunner.Run("trend", "China", "DPRK", "--by", "week");

        code.Should().Be(2);
        error.Should().StartWith("error: --by takes year, month or day, not 'week'.");
    }

    [Fact]
    public void Chart_IsTheSameBytes_EachTime()
    {
        var trend = Trend.Of(GraphView.Of(GraphFile.LoadBundled()), new RelationsGraph.Model.ActorId("China"), new RelationsGraph.Model.ActorId("DPRK"));

        TrendChart.Render(trend).Svg.Should().Be(TrendChart.Render(trend).Svg);
    }

    [Fact]
    public void Chart_TheDocsPicture_IsWhatTheCommandDrawsNow()
    {
        var path = Path.Combine(folder, "trend.svg");

        var (code, _, error) = CliRunner.Run("trend", "China", "DPRK", "--from", "1949", "--to", "2021", "-o", path);

        code.Should().Be(0, error);
        File.ReadAllText(path).Should().Be(File.ReadAllText(Repo.File("docs", "trend-china-dprk.svg")), "docs/pictures.sh redraws it");
    }

    /// <summary>
    /// The chart as a browser shows it: Chromium renders the SVG, and in the picture each year's cooperative bar is
    /// green just above the zero line and its conflictual bar orange just below it exactly where the data has such
    /// relations, and neither where it has none.
    /// </summary>
    [SkippableFact]
    public void Chart_ChinaDprk_InChromium_ShowsEachSeriesColour_WhereTheDataSays()
    {
        ExternalTools.RequireChromium();
        var trend = Trend.Of(GraphView.Of(GraphFile.LoadBundled(), TimeWindow.Between(new PartialDate(1949), new PartialDate(2021))), new RelationsGraph.Model.ActorId("China"), new RelationsGraph.Model.ActorId("DPRK"));
        var (svg, bars) = TrendChart.Render(trend);
        var file = Path.Combine(folder, "trend.svg");
        File.WriteAllText(file, svg);

        using var picture = SKBitmap.Decode(ExternalTools.Screenshot(file, TrendChart.DefaultWidth, TrendChart.DefaultHeight));

        picture.Width.Should().Be(TrendChart.DefaultWidth);
        var green = SKColor.Parse(TrendChart.CooperativeColour);
        var orange = SKColor.Parse(TrendChart.ConflictualColour);
        trend.Periods.Should().Contain(p => p.Conflictual > 0).And.Contain(p => p.Conflictual == 0);
        for (var i = 0; i < trend.Periods.Count; i++)
        {
            var (period, bar) = (trend.Periods[i], bars[i]);
            var above = picture.GetPixel((int)bar.X, (int)bar.Zero - 4);
            var below = picture.GetPixel((int)bar.X, (int)bar.Zero + 4);
            Near(above, green).Should().Be(period.Cooperative > 0, $"{period.Period} has {period.Cooperative} cooperative relations (pixel {above})");
            Near(below, orange).Should().Be(period.Conflictual > 0, $"{period.Period} has {period.Conflictual} conflictual relations (pixel {below})");
            if (period.Cooperative > 0)
            {
                Near(picture.GetPixel((int)bar.X, (int)bar.Up + 3), green).Should().BeTrue($"{period.Period}'s bar reaches {period.Cooperative}");
                Near(picture.GetPixel((int)bar.X, (int)bar.Up - 4), green).Should().BeFalse($"{period.Period}'s bar stops at {period.Cooperative}");
            }
        }
    }

    private static bool Near(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) <= 40 && Math.Abs(a.Green - b.Green) <= 40 && Math.Abs(a.Blue - b.Blue) <= 40;
}
