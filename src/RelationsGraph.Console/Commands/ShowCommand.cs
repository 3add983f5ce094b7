using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Serialization;

namespace RelationsGraph.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var actorArgument = new Argument<string>("ACTOR") { Description = "An actor id, name or alias, any case (DPRK, north korea, Pyongyang)." };
        var command = new Command(
            "show",
            "Show one actor: its names, codes, relations in date order and its events.\n\n" +
            "Examples:\n  relgraph show DPRK\n  relgraph show \"South Korea\" --format json")
        {
            actorArgument,
        };
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var graph = context.Graph(result);
            var actor = CliContext.ResolveActor(graph, result.GetValue(actorArgument)!);
            var relations = graph.RelationsOf(actor.Id).OrderBy(r => r.Time.Beginning).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            var events = graph.EventsOf(actor.Id).OrderBy(e => e.Time.Beginning).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
            if (context.IsJson(result))
            {
                ResultJson.Write(context.Output, actor, relations, events);
                return ExitCodes.Answered;
            }

            var o = context.Output;
            o.WriteLine($"{actor.Name} ({actor.Id}), {TextFormat.Kind(actor.Kind)}");
            if (actor.Aliases.Count > 0)
            {
                o.WriteLine($"  also: {string.Join(", ", actor.Aliases)}");
            }

            if (!actor.Codes.IsEmpty)
            {
                o.WriteLine($"  codes: {TextFormat.Codes(actor.Codes)}");
            }

            o.WriteLine();
            o.WriteLine($"Relations ({relations.Count})");
            var table = new TextTable("WHEN", "KIND", "+/-", "BETWEEN", "LABEL");
            foreach (var r in relations)
            {
                table.Add(r.Time.ToString(), r.Kind.Name, TextFormat.Polarity(r.Polarity), TextFormat.Ends(r), r.Label);
            }

            table.WriteTo(o, "  ");
            if (events.Count > 0)
            {
                o.WriteLine();
                o.WriteLine($"Events ({events.Count})");
                var eventTable = new TextTable("WHEN", "KIND", "LABEL");
                foreach (var e in events)
                {
                    eventTable.Add(e.Time.ToString(), e.Kind.Name, e.Label);
                }

                eventTable.WriteTo(o, "  ");
            }

            return ExitCodes.Answered;
        }));
        return command;
    }
}
