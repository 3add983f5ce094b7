using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;
using RelationsGraph.Serialization;

namespace RelationsGraph.Cli.Commands;

internal static class PathCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Argument<string>("FROM") { Description = "The actor the path starts from." };
        var to = new Argument<string>("TO") { Description = "The actor the path ends at." };
        var k = new Option<int>("--k") { Description = "How many shortest paths to list (Yen's algorithm).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var directed = new Option<bool>("--directed") { Description = "Follow directed relations only from their source to their target." };
        var temporal = new Option<bool>("--temporal") { Description = "A time-respecting path: each hop no earlier than the one before; arrives as early as possible." };
        var after = new Option<string?>("--after") { Description = "With --temporal: the earliest date the path may start.", HelpName = "DATE" };
        var command = new Command(
            "path",
            "How two actors are connected in a window: the shortest chain of relations (followed either way unless --directed), " +
            "the k shortest with --k, or a time-respecting path with --temporal. Each hop lists its relations with kind, date and evidence.\n\n" +
            "Examples:\n  relgraph path US DPRK --in 2017\n  relgraph path US DPRK --k 3\n  relgraph path US DPRK --kinds ally,treaty,war\n" +
            "  relgraph path USSR US --temporal --after 1950")
        {
            from, to, k, directed, temporal, after,
        };
        context.ViewOptions.AddTo(command);
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var graph = context.Graph(result, context.ViewOptions.Window(result));
            var view = context.ViewOptions.View(result, graph);
            var source = CliContext.ResolveActor(graph, result.GetValue(from)!).Id;
            var target = CliContext.ResolveActor(graph, result.GetValue(to)!).Id;
            var count = result.GetValue(k);
            if (count < 1)
            {
                throw new UserInputException($"--k must be 1 or more, not {count}.");
            }

            var afterText = result.GetValue(after);
            if (afterText is not null && !result.GetValue(temporal))
            {
                throw new UserInputException("--after needs --temporal.");
            }

            if (result.GetValue(temporal) && count > 1)
            {
                throw new UserInputException("--temporal finds one earliest-arriving path; it does not combine with --k.");
            }

            IReadOnlyList<ActorPath> paths = result.GetValue(temporal)
                ? PathFinder.TimeRespecting(view, source, target, afterText is null ? null : ViewOptions.Date(afterText, "--after"), result.GetValue(directed)) is { } p ? [p] : []
                : PathFinder.KShortest(view, source, target, count, result.GetValue(directed));
            if (context.IsJson(result))
            {
                ResultJson.Write(context.Output, view, paths);
            }
            else if (paths.Count == 0)
            {
                context.Output.WriteLine($"No path from {source} to {target} in {view}.");
            }
            else
            {
                ReportText.Paths(context.Output, view, source, target, paths, context.StyleFor(result));
            }

            return paths.Count > 0 ? ExitCodes.Answered : ExitCodes.NoResult;
        }));
        return command;
    }
}
