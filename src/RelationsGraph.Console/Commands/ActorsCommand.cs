using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Serialization;

namespace RelationsGraph.Cli.Commands;

internal static class ActorsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command(
            "actors",
            "List the actors: id, kind, name and the aliases they can be called by.\n\n" +
            "Examples:\n  relgraph actors\n  relgraph actors --format json");
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var graph = context.Graph(result);
            if (context.IsJson(result))
            {
                ResultJson.Write(context.Output, graph.Actors);
                return ExitCodes.Answered;
            }

            var table = new TextTable("ID", "KIND", "NAME", "ALIASES");
            foreach (var actor in graph.Actors)
            {
                table.Add(actor.Id.Value, TextFormat.Kind(actor.Kind), actor.Name, string.Join(", ", actor.Aliases));
            }

            table.WriteTo(context.Output);
            return graph.Actors.Count > 0 ? ExitCodes.Answered : ExitCodes.NoResult;
        }));
        return command;
    }
}
