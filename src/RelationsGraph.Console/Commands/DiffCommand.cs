using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;
using RelationsGraph.Serialization;

namespace RelationsGraph.Cli.Commands;

internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Argument<string>("FROM") { Description = "The first date (YYYY, YYYY-MM or YYYY-MM-DD)." };
        var to = new Argument<string>("TO") { Description = "The second date, after the first." };
        var command = new Command(
            "diff",
            "What changed between two dates: periods that started or ended, and what happened in between (after the first date, up to the end of the second, including periods that came and went).\n\n" +
            "Examples:\n  relgraph diff 2016 2018\n  relgraph diff 1991 1993 --kinds diplomatic-relations,trade,aid")
        {
            from, to,
        };
        var view = context.ViewOptions;
        command.Options.Add(view.Kinds);
        command.Options.Add(view.Polarity);
        command.Options.Add(view.ActorKinds);
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var graph = context.Graph(result);
            var first = ViewOptions.Date(result.GetValue(from)!, "FROM");
            var second = ViewOptions.Date(result.GetValue(to)!, "TO");
            if (second.LastDay <= first.LastDay)
            {
                throw new UserInputException($"the second date {second} must end after the first date {first}.");
            }

            var filtered = view.View(result, graph);
            var diff = GraphDiff.Between(filtered, first, second);
            if (context.IsJson(result))
            {
                ResultJson.Write(context.Output, diff);
            }
            else
            {
                ReportText.Diff(context.Output, diff, graph, filtered.ToString(), context.StyleFor(result));
            }

            return diff.IsEmpty ? ExitCodes.NoResult : ExitCodes.Answered;
        }));
        return command;
    }
}
