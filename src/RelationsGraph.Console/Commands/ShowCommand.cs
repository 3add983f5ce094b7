using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;

namespace RelationsGraph.Cli.Commands;

/// <summary>One actor: names, codes, relations and events.</summary>
/// <param name="Actor">The actor, as typed.</param>
internal sealed record ShowQuery(string Actor) : IQuery
{
    public IReadOnlyList<string> Arguments => ["show", Actor];

    public int Answer(CliContext context, Answering answering)
    {
        var graph = context.Graph(answering.GraphPath);
        var actor = CliContext.ResolveActor(graph, Actor);
        var relations = graph.RelationsOf(actor.Id).OrderBy(r => r.Time.Beginning).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var events = graph.EventsOf(actor.Id).OrderBy(e => e.Time.Beginning).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (answering.Json)
        {
            ResultJson.Write(context.Output, actor, relations, events);
        }
        else
        {
            ReportText.Actor(context.Output, graph, actor, relations, events, answering.Style);
        }

        return ExitCodes.Answered;
    }
}

internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var actor = CliOptions.Actor("ACTOR", "An actor id, name or alias, any case (DPRK, \"north korea\", Pyongyang).", context);
        var command = new Command(
            "show",
            "Show one actor: its names, codes, relations in date order and its events.\n\n" +
            "Examples:\n  relgraph show DPRK\n  relgraph show \"South Korea\" --format json")
        {
            actor,
        };
        context.AddShared(command, Shared.Graph | Shared.Format | Shared.Width | Shared.All);
        command.SetAction(result => Cli.Guard(context, () => new ShowQuery(result.GetValue(actor)!).Answer(context, context.Answering(result))));
        return command;
    }
}
