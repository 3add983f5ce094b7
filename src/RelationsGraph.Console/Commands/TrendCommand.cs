using System.CommandLine;
using System.Text;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;

namespace RelationsGraph.Cli.Commands;

/// <summary>How the relations between two actors moved, period by period.</summary>
/// <param name="First">One actor, as typed.</param>
/// <param name="Second">The other, as typed.</param>
/// <param name="View">The window and filters; an open side is the pair's first or last known day.</param>
/// <param name="Step">The length of each period.</param>
/// <param name="Chart">Where to write the SVG chart, or null to print the trend.</param>
internal sealed record TrendQuery(string First, string Second, ViewRequest View, TrendStep Step = TrendStep.Year, string? Chart = null) : IQuery
{
    public IReadOnlyList<string> Arguments =>
    [
        "trend", First, Second, .. View.Arguments(),
        .. Step != TrendStep.Year ? ["--by", Step.ToString().ToLowerInvariant()] : Array.Empty<string>(),
        .. Chart is not null ? ["-o", Chart] : Array.Empty<string>(),
    ];

    public int Answer(CliContext context, Answering answering)
    {
        var graph = context.GraphTouching(answering, View.Window, [First, Second]);
        var trend = Trend.Of(View.On(graph), CliContext.ResolveActor(graph, First).Id, CliContext.ResolveActor(graph, Second).Id, Step);
        if (Chart is not null)
        {
            var (svg, _) = TrendChart.Render(trend);
            var temporary = Chart + ".tmp";
            File.WriteAllText(temporary, svg, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, Chart, overwrite: true);
            context.Output.WriteLine($"wrote {Chart}");
        }
        else
        {
            context.WriteAnswer(answering, o =>
            {
                if (answering.Json)
                {
                    ResultJson.Write(o, trend);
                }
                else
                {
                    ReportText.Trend(o, trend, answering.Style);
                }
            });
        }

        return trend.Relations.Count > 0 ? ExitCodes.Answered : ExitCodes.NoResult;
    }
}

internal static class TrendCommand
{
    public static Command Create(CliContext context)
    {
        var first = CliOptions.Actor("A", "One actor.", context, last: false);
        var second = CliOptions.Actor("B", "The other actor.", context);
        var by = CliOptions.Choice("--by", "The length of each period", [TrendStep.Year, TrendStep.Month, TrendStep.Day], s => s.ToString().ToLowerInvariant(), TrendStep.Year);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the trend as an SVG chart to this file instead of printing it (it opens offline in any browser).",
            HelpName = "FILE",
        };
        var command = new Command(
            "trend",
            "How the relations between two actors moved: per year, month or day, how many cooperative, conflictual and neutral " +
            "relations between them were active (a lasting relation counts in every period it covers), and the Goldstein sum where " +
            "the data carries CAMEO weights; as a table with sparklines, as JSON, or as an SVG chart (-o). Without --from/--to the " +
            "periods run from the pair's first relation to its last known day.\n\n" +
            "Examples:\n  relgraph trend China DPRK --from 1949 --to 2021\n  relgraph trend China DPRK -o trend.svg\n" +
            "  relgraph trend US China --in 2018 --by day --graph icews18.json -o us-china.svg")
        {
            first, second, by, output,
        };
        context.ViewOptions.AddTo(command);
        context.AddShared(command, Shared.Question);
        command.SetAction(result => Cli.Guard(context, () =>
            new TrendQuery(result.GetValue(first)!, result.GetValue(second)!, context.ViewOptions.Read(result), result.GetValue(by), result.GetValue(output))
                .Answer(context, context.Answering(result))));
        return command;
    }
}
