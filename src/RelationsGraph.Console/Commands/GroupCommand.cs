using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;
using RelationsGraph.Serialization;
using RelationsGraph.Time;

namespace RelationsGraph.Cli.Commands;

internal static class GroupCommand
{
    public static Command CreateTriangle(CliContext context) => Create(
        context,
        "triangle",
        "The triangle of three actors in a window: every relation between each pair with its evidence, each pair's sign, " +
        "the triad's structural balance (Heider), the actors' events, and what changed since the previous window of the same length.\n\n" +
        "Examples:\n  relgraph triangle US China DPRK --in 2017\n  relgraph triangle China DPRK USSR --from 1950 --to 1953\n  relgraph triangle US China DPRK --in 2018 --format json",
        exactly: 3);

    public static Command CreateGroup(CliContext context) => Create(
        context,
        "group",
        "A group of two or more actors in a window: the triangle for any number of actors, with the balance of every triad.\n\n" +
        "Examples:\n  relgraph group US China DPRK ROK --in 2018\n  relgraph group China DPRK --from 1949 --to 2021",
        exactly: null);

    private static Command Create(CliContext context, string name, string description, int? exactly)
    {
        var actors = new Argument<string[]>("ACTORS")
        {
            Description = exactly is { } n ? $"{n} actors: ids, names or aliases, any case." : "Two or more actors: ids, names or aliases, any case.",
            Arity = exactly is { } m ? new ArgumentArity(m, m) : new ArgumentArity(2, 64),
        };
        var command = new Command(name, description) { actors };
        context.ViewOptions.AddTo(command);
        command.SetAction(result => Cli.Guard(context, () =>
        {
            // The report compares the window with the one before it, so the graph must hold both.
            var window = context.ViewOptions.Window(result);
            var graph = context.Graph(result, window.Previous() is { From: { } before } ? TimeWindow.Between(before, window.To!.Value) : window);
            var view = context.ViewOptions.View(result, graph);
            var resolved = result.GetValue(actors)!.Select(a => CliContext.ResolveActor(graph, a)).ToList();
            var duplicate = resolved.GroupBy(a => a.Id).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new UserInputException($"actor '{duplicate.Key}' is named twice; a {name} needs distinct actors.");
            }

            var report = GroupReport.Of(view, resolved.Select(a => a.Id));
            if (context.IsJson(result))
            {
                ResultJson.Write(context.Output, report);
            }
            else
            {
                ReportText.Group(context.Output, report, name == "triangle" ? "Triangle" : "Group", context.StyleFor(result));
            }

            return report.RelationCount > 0 || report.Events.Count > 0 ? ExitCodes.Answered : ExitCodes.NoResult;
        }));
        return command;
    }
}
