using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;
using RelationsGraph.Time;

namespace RelationsGraph.Cli.Commands;

/// <summary>What changed between two dates.</summary>
/// <param name="From">The first date.</param>
/// <param name="To">The second date; the library checks that it ends after the first.</param>
/// <param name="Filters">The filters; the window is not used.</param>
internal sealed record DiffQuery(PartialDate From, PartialDate To, ViewRequest Filters) : IQuery
{
    public IReadOnlyList<string> Arguments => ["diff", From.ToString(), To.ToString(), .. Filters.Arguments(withWindow: false)];

    public int Answer(CliContext context, Answering answering)
    {
        var graph = context.Graph(answering.GraphPath);
        var filtered = Filters.On(graph);
        var diff = GraphDiff.Between(filtered, From, To);
        if (answering.Json)
        {
            ResultJson.Write(context.Output, filtered, diff);
        }
        else
        {
            ReportText.Diff(context.Output, diff, filtered, answering.Style);
        }

        return diff.IsEmpty ? ExitCodes.NoResult : ExitCodes.Answered;
    }
}

internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var from = CliOptions.DateArgument("FROM", "The first date (YYYY, YYYY-MM or YYYY-MM-DD).");
        var to = CliOptions.DateArgument("TO", "The second date, after the first.");
        var command = new Command(
            "diff",
            "What changed between two dates: periods that started or ended, and what happened in between (after the first date, up to the end of the second, including periods that came and went).\n\n" +
            "Examples:\n  relgraph diff 2016 2018\n  relgraph diff 1991 1993 --kinds diplomatic-relations,trade,aid")
        {
            from, to,
        };
        context.ViewOptions.AddTo(command, withTime: false);
        context.AddShared(command, Shared.Question);
        command.SetAction(result => Cli.Guard(context, () =>
            new DiffQuery(result.GetValue(from), result.GetValue(to), context.ViewOptions.Read(result)).Answer(context, context.Answering(result))));
        return command;
    }
}
