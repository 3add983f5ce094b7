using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;
using RelationsGraph.Time;

namespace RelationsGraph.Cli.Commands;

/// <summary>A triangle or group of actors in a window.</summary>
/// <param name="Name"><c>triangle</c> or <c>group</c>: the command, and the report's title.</param>
/// <param name="Actors">The actors as typed: ids, names or aliases.</param>
/// <param name="View">The window and filters.</param>
internal sealed record GroupQuery(string Name, IReadOnlyList<string> Actors, ViewRequest View) : IQuery
{
    public IReadOnlyList<string> Arguments => [Name, .. Actors, .. View.Arguments()];

    public int Answer(CliContext context, Answering answering)
    {
        // The report compares the window with the one before it, so the graph must hold both.
        var window = View.Window;
        var graph = context.Graph(answering.GraphPath, window.Previous() is { From: { } before } ? TimeWindow.Between(before, window.To!.Value) : window);
        var report = GroupReport.Of(View.On(graph), Actors.Select(a => CliContext.ResolveActor(graph, a).Id));
        if (answering.Json)
        {
            ResultJson.Write(context.Output, report);
        }
        else
        {
            ReportText.Group(context.Output, report, Name == GroupCommand.Triangle ? "Triangle" : "Group", answering.Style);
        }

        return report.RelationCount > 0 || report.Events.Count > 0 ? ExitCodes.Answered : ExitCodes.NoResult;
    }
}

internal static class GroupCommand
{
    public const string Triangle = "triangle";

    public const string Group = "group";

    public static Command CreateTriangle(CliContext context) => Create(
        context,
        Triangle,
        "The triangle of three actors in a window: every relation between each pair with its evidence, each pair's sign, " +
        "the triad's structural balance (Heider), the actors' events, and what changed since the previous window of the same length.\n\n" +
        "Examples:\n  relgraph triangle US China DPRK --in 2017\n  relgraph triangle China DPRK USSR --from 1950 --to 1953\n  relgraph triangle US China DPRK --in 2018 --format json",
        "Three actors: ids, names or aliases, any case.");

    public static Command CreateGroup(CliContext context) => Create(
        context,
        Group,
        "A group of two or more actors in a window: the triangle for any number of actors, with the balance of every triad.\n\n" +
        "Examples:\n  relgraph group US China DPRK ROK --in 2018\n  relgraph group China DPRK --from 1949 --to 2021",
        "Two or more actors: ids, names or aliases, any case.");

    private static Command Create(CliContext context, string name, string description, string actorsDescription)
    {
        var actors = CliOptions.Actors("ACTORS", actorsDescription, new ArgumentArity(1, 64), context);
        var command = new Command(name, description) { actors };
        if (name == Triangle)
        {
            // Any other number of actors is a group: say so rather than "unrecognized argument".
            actors.Validators.Add(result =>
            {
                var given = result.Tokens.Select(t => t.Value).ToList();
                if (given.Count != 3)
                {
                    var quoted = string.Join(" ", given.Select(Repl.ShellWords.Quote));
                    result.AddError($"a triangle is three actors, and {given.Count} are given; for {(given.Count < 3 ? "two" : "more")}, ask for a group: relgraph group {quoted}");
                }
            });
        }
        else
        {
            actors.Validators.Add(result =>
            {
                if (result.Tokens.Count < 2)
                {
                    result.AddError("a group is two or more actors, and one is given; for one actor, see 'relgraph timeline' or 'relgraph neighbours'.");
                }
            });
        }

        context.ViewOptions.AddTo(command);
        context.AddShared(command, Shared.Question);
        command.SetAction(result => Cli.Guard(context, () =>
            new GroupQuery(name, result.GetValue(actors)!, context.ViewOptions.Read(result)).Answer(context, context.Answering(result))));
        return command;
    }
}
