using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;

namespace RelationsGraph.Cli.Commands;

internal static class ActorsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command(
            "actors",
            "List the actors: id, kind, name and the aliases they can be called by.\n\n" +
            "Examples:\n  relgraph actors\n  relgraph actors --format json");
        context.AddShared(command, Shared.Graph | Shared.Format | Shared.Width);
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var answering = context.Answering(result);
            var graph = context.Graph(answering.GraphPath);
            if (answering.Json)
            {
                ResultJson.Write(context.Output, graph.Actors);
                return ExitCodes.Answered;
            }

            ReportText.Actors(context.Output, graph.Actors, answering.Style);
            return graph.Actors.Count > 0 ? ExitCodes.Answered : ExitCodes.NoResult;
        }));
        return command;
    }
}
