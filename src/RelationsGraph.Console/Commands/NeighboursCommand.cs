using System.CommandLine;
using System.Globalization;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;

namespace RelationsGraph.Cli.Commands;

/// <summary>The actors within some hops of an actor in a window.</summary>
/// <param name="Actor">The actor at the center, as typed.</param>
/// <param name="View">The window and filters.</param>
/// <param name="Depth">How many hops; the library checks it.</param>
/// <param name="Directed">Whether directed relations are followed only forwards.</param>
internal sealed record NeighboursQuery(string Actor, ViewRequest View, int Depth = 1, bool Directed = false) : IQuery
{
    public IReadOnlyList<string> Arguments =>
    [
        "neighbours", Actor, .. View.Arguments(),
        .. Depth != 1 ? ["--depth", Depth.ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>(),
        .. Directed ? ["--directed"] : Array.Empty<string>(),
    ];

    public int Answer(CliContext context, Answering answering)
    {
        var graph = context.Graph(answering.GraphPath, View.Window);
        var view = View.On(graph);
        var center = CliContext.ResolveActor(graph, Actor);
        var found = Neighbourhood.Of(view, center.Id, Depth, Directed)!;
        if (answering.Json)
        {
            ResultJson.Write(context.Output, view, found);
        }
        else
        {
            ReportText.Neighbourhood(context.Output, view, found, answering.Style);
        }

        return found.Members.Count > 1 ? ExitCodes.Answered : ExitCodes.NoResult;
    }
}

internal static class NeighboursCommand
{
    public static Command Create(CliContext context)
    {
        var actor = CliOptions.Actor("ACTOR", "The actor at the center.", context);
        var depth = CliOptions.WholeNumber("--depth", "How many hops out.", 1);
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
        context.AddShared(command, Shared.Question);
        command.SetAction(result => Cli.Guard(context, () =>
            new NeighboursQuery(result.GetValue(actor)!, context.ViewOptions.Read(result), result.GetValue(depth), result.GetValue(directed))
                .Answer(context, context.Answering(result))));
        return command;
    }
}
