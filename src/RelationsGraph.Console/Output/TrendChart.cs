using System.Globalization;
using System.Text.RegularExpressions;
using RelationsGraph.Queries;
using ScottPlot;

namespace RelationsGraph.Cli.Output;

/// <summary>
/// A trend as an SVG chart, drawn by ScottPlot: per period a bar of the cooperative relations above the zero line
/// and one of the conflictual relations below it, and, where the data carries CAMEO weights, the Goldstein sum as a
/// line on the right axis. The SVG stands alone (no script, no font file), so it opens offline in any browser.
/// </summary>
internal static partial class TrendChart
{
    /// <summary>The cooperative bars' colour (ColorBrewer Dark2 green).</summary>
    public const string CooperativeColour = "#1B9E77";

    /// <summary>The conflictual bars' colour (ColorBrewer Dark2 orange).</summary>
    public const string ConflictualColour = "#D95F02";

    /// <summary>The Goldstein line's colour (ColorBrewer Dark2 purple).</summary>
    public const string GoldsteinColour = "#7570B3";

    public const int DefaultWidth = 960;

    public const int DefaultHeight = 480;

    /// <summary>Where a period's bars were drawn, in pixels of the chart: the bar's middle and the zero line.</summary>
    /// <param name="X">The bars' horizontal middle.</param>
    /// <param name="Zero">The zero line.</param>
    /// <param name="Up">The top of the cooperative bar (the zero line when there is none).</param>
    /// <param name="Down">The bottom of the conflictual bar (the zero line when there is none).</param>
    public readonly record struct Drawn(float X, float Zero, float Up, float Down);

    /// <summary>Draws a trend.</summary>
    /// <returns>The SVG document and, per period in order, where its bars are.</returns>
    public static (string Svg, IReadOnlyList<Drawn> Bars) Render(Trend trend, int width = DefaultWidth, int height = DefaultHeight)
    {
        var periods = trend.Periods;
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var positions = Enumerable.Range(0, periods.Count).Select(i => (double)i).ToArray();
        var up = plot.Add.Bars(positions, periods.Select(p => (double)p.Cooperative).ToArray());
        up.Color = Color.FromHex(CooperativeColour);
        up.LegendText = "cooperative";
        var down = plot.Add.Bars(positions, periods.Select(p => -(double)p.Conflictual).ToArray());
        down.Color = Color.FromHex(ConflictualColour);
        down.LegendText = "conflictual (below zero)";
        foreach (var bar in up.Bars.Concat(down.Bars))
        {
            bar.Size = 0.8;
            bar.LineWidth = 0;
        }

        if (trend.HasGoldstein)
        {
            var line = plot.Add.Scatter(positions, periods.Select(p => p.Goldstein ?? 0).ToArray());
            line.Color = Color.FromHex(GoldsteinColour);
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = "Goldstein sum (right axis)";
            line.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Right.Label.Text = "Goldstein sum";
            var largest = Math.Max(1, periods.Max(p => Math.Abs(p.Goldstein ?? 0)));
            plot.Axes.SetLimitsY(-largest * 1.1, largest * 1.1, plot.Axes.Right);
        }

        var every = Math.Max(1, (int)Math.Ceiling(periods.Count / 12.0));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < periods.Count; i += every)
        {
            ticks.AddMajor(i, periods[i].Period.ToString());
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.Label.Text = trend.Step.ToString().ToLowerInvariant();
        plot.Axes.Left.Label.Text = "relations active";
        plot.Title($"{trend.First.Name} – {trend.Second.Name}: relations per {trend.Step.ToString().ToLowerInvariant()}, {trend.Window}");
        var most = Math.Max(1, periods.Count == 0 ? 1 : periods.Max(p => Math.Max(p.Cooperative, p.Conflictual)));
        plot.Axes.SetLimitsY(-most * 1.1, most * 1.1, plot.Axes.Left);
        plot.Axes.SetLimitsX(-0.7, Math.Max(periods.Count, 1) - 0.3);
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        plot.ShowLegend(Edge.Bottom);
        var svg = plot.GetSvgXml(width, height);
        var bars = periods.Select((p, i) => new Drawn(
            plot.GetPixel(new Coordinates(i, 0)).X,
            plot.GetPixel(new Coordinates(i, 0)).Y,
            plot.GetPixel(new Coordinates(i, p.Cooperative)).Y,
            plot.GetPixel(new Coordinates(i, -p.Conflictual)).Y)).ToList();
        return (Deterministic(svg), bars);
    }

    /// <summary>Numbers clip paths from 1 in each document: ScottPlot counts them across a process, so the same trend would not give the same bytes.</summary>
    private static string Deterministic(string svg)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            if (!ids.TryGetValue(m.Groups[1].Value, out var id))
            {
                id = string.Create(CultureInfo.InvariantCulture, $"clip{ids.Count + 1}");
                ids[m.Groups[1].Value] = id;
            }

            return id;
        });
    }

    [GeneratedRegex(@"\b(cl_[0-9a-zA-Z]+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClipId();
}
