using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;
using RelationsGraph.Serialization;

namespace RelationsGraph.Cli.Commands;

internal static class NeighboursCommand
{
    public static Command Create(CliContext context)
    {
        var actor = new Argument<string>("ACTOR") { Description = "The actor at the centre." };
        var depth = new Option<int>("--depth") { Description = "How many hops out.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var directed = new Option<bool>("--directed") { Description = "Follow directed relations only from their source to their target." };
        var command = new Command(
            "neighbours",
            "The actors within some hops of an actor in a window, with the relations among them.\n\n" +
            "Examples:\n  relgraph neighbours DPRK --depth 2 --at 1953-07\n  relgraph neighbours China --in 2018 --kinds summit")
        {
            actor, depth, directed,
        };
        command.Aliases.Add("neighbors");
        context.ViewOptions.AddTo(command);
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var graph = context.Graph(result, context.ViewOptions.Window(result));
            var view = context.ViewOptions.View(result, graph);
            var center = CliContext.ResolveActor(graph, result.GetValue(actor)!);
            var hops = result.GetValue(depth);
            if (hops < 1)
            {
                throw new UserInputException($"--depth must be 1 or more, not {hops}.");
            }

            var found = Neighbourhood.Of(view, center.Id, hops, result.GetValue(directed))!;
            if (context.IsJson(result))
            {
                ResultJson.Write(context.Output, view, found);
            }
            else
            {
                ReportText.Neighbourhood(context.Output, view, found, context.StyleFor(result));
            }

            return found.Members.Count > 1 ? ExitCodes.Answered : ExitCodes.NoResult;
        }));
        return command;
    }
}
