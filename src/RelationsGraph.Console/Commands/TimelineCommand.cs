using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;
using RelationsGraph.Serialization;

namespace RelationsGraph.Cli.Commands;

internal static class TimelineCommand
{
    public static Command Create(CliContext context)
    {
        var actors = new Argument<string[]>("ACTORS") { Description = "One actor, or two for the history between them.", Arity = new ArgumentArity(1, 2) };
        var command = new Command(
            "timeline",
            "The relations of one actor, or between two, in date order, with the actors' events interleaved.\n\n" +
            "Examples:\n  relgraph timeline China DPRK\n  relgraph timeline China DPRK --from 1949 --to 2021\n  relgraph timeline Kim-Jong-Un")
        {
            actors,
        };
        context.ViewOptions.AddTo(command);
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var graph = context.Graph(result, context.ViewOptions.Window(result));
            var view = context.ViewOptions.View(result, graph);
            var resolved = result.GetValue(actors)!.Select(a => CliContext.ResolveActor(graph, a)).ToArray();
            if (resolved.Length == 2 && resolved[0].Id == resolved[1].Id)
            {
                throw new UserInputException($"actor '{resolved[0].Id}' is named twice; give one actor, or two different ones.");
            }

            var timeline = resolved.Length == 1 ? Timeline.Of(view, resolved[0].Id)! : Timeline.Between(view, resolved[0].Id, resolved[1].Id)!;
            if (context.IsJson(result))
            {
                ResultJson.Write(context.Output, view, timeline);
            }
            else
            {
                ReportText.Timeline(context.Output, view, timeline, context.StyleFor(result));
            }

            return timeline.Entries.Count > 0 ? ExitCodes.Answered : ExitCodes.NoResult;
        }));
        return command;
    }
}
