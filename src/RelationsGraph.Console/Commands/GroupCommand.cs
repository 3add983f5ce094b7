using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;
using RelationsGraph.Time;

namespace RelationsGraph.Cli.Commands;

/// <summary>A triangle or group of actors in a window.</summary>
/// <param name="Name"><c>triangle</c> or <c>group</c>: the command, and the report's title.</param>
/// <param name="Actors">The actors as typed: ids, names or aliases.</param>
/// <param name="View">The window and filters.</param>
/// <param name="Each">Read the group once per year or month of the window, as one table; null for one window.</param>
internal sealed record GroupQuery(string Name, IReadOnlyList<string> Actors, ViewRequest View, TrendStep? Each = null) : IQuery
{
    public IReadOnlyList<string> Arguments =>
        [Name, .. Actors, .. Each is { } step ? ["--each", step.ToString().ToLowerInvariant()] : Array.Empty<string>(), .. View.Arguments()];

    public int Answer(CliContext context, Answering answering)
    {
        if (Each is { } each)
        {
            return AnswerEach(context, answering, each);
        }

        // The report compares the window with the one before it, so the graph must hold both.
        var window = View.Window;
        var graph = context.GraphTouching(answering, window.Previous() is { From: { } before } ? TimeWindow.Between(before, window.To!.Value) : window, Actors);
        var report = GroupReport.Of(View.On(graph), Actors.Select(a => CliContext.ResolveActor(graph, a).Id));
        context.WriteAnswer(answering, o =>
        {
            if (answering.Json)
            {
                ResultJson.Write(o, report);
            }
            else
            {
                ReportText.Group(o, report, Name == GroupCommand.Triangle ? "Triangle" : "Group", answering.Style);
            }
        });

        return report.RelationCount > 0 || report.Events.Count > 0 ? ExitCodes.Answered : ExitCodes.NoResult;
    }

    /// <summary>One report per year or month of the window, answered as one table.</summary>
    private int AnswerEach(CliContext context, Answering answering, TrendStep step)
    {
        var window = View.Window;
        if (window.From is not { } from || window.To is not { } to)
        {
            throw new UserInputException($"--each {step.ToString().ToLowerInvariant()} needs a window with both ends: --from and --to, or --in a year with --each month.");
        }

        var periods = Periods(from, to, step);
        if (periods.Count > MaxPeriods)
        {
            throw new UserInputException($"--each {step.ToString().ToLowerInvariant()} over {window} makes {periods.Count} periods; at most {MaxPeriods} fit one table: take a shorter window, or 'relgraph trend' for two actors.");
        }

        var graph = context.GraphTouching(answering, window.Previous() is { From: { } before } ? TimeWindow.Between(before, to) : window, Actors);
        var ids = Actors.Select(a => CliContext.ResolveActor(graph, a).Id).ToList();
        var view = View.On(graph);
        var reports = periods.Select(p => GroupReport.Of(view.WithWindow(TimeWindow.During(p)), ids)).ToList();
        context.WriteAnswer(answering, o =>
        {
            if (answering.Json)
            {
                ResultJson.Write(o, view, reports);
            }
            else
            {
                ReportText.GroupEach(o, view, reports, Name == GroupCommand.Triangle ? "Triangle" : "Group", step, answering.Style);
            }
        });

        return reports.Any(r => r.RelationCount > 0) ? ExitCodes.Answered : ExitCodes.NoResult;
    }

    /// <summary>The most periods one --each table holds.</summary>
    private const int MaxPeriods = 120;

    /// <summary>The years or months from one date's to another's.</summary>
    private static List<PartialDate> Periods(PartialDate from, PartialDate to, TrendStep step)
    {
        var periods = new List<PartialDate>();
        if (step == TrendStep.Year)
        {
            for (var year = from.Year; year <= to.Year && periods.Count <= MaxPeriods; year++)
            {
                periods.Add(new PartialDate(year));
            }

            return periods;
        }

        var (month, last) = (from.Year * 12 + (from.Month ?? 1) - 1, to.Year * 12 + (to.Month ?? 12) - 1);
        for (; month <= last && periods.Count <= MaxPeriods; month++)
        {
            periods.Add(new PartialDate(month / 12, (month % 12) + 1));
        }

        return periods;
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
        "Examples:\n  relgraph triangle US China DPRK --in 2017\n  relgraph triangle US China DPRK --each year --from 2016 --to 2019\n  relgraph triangle China DPRK USSR --from 1950 --to 1953\n  relgraph triangle US China DPRK --in 2018 --format json",
        "Three actors: ids, names or aliases, any case.");

    public static Command CreateGroup(CliContext context) => Create(
        context,
        Group,
        "A group of two or more actors in a window: the triangle for any number of actors, with the balance of every triad.\n\n" +
        "Examples:\n  relgraph group US China DPRK ROK --in 2018\n  relgraph group China DPRK --each year --from 2016 --to 2019\n  relgraph group China DPRK --from 1949 --to 2021",
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

        var each = new Option<string?>("--each")
        {
            Description = "Read the group once per year or month of the window (--from/--to) and answer with one table: pairs and triads as rows, periods as columns.",
            HelpName = "year|month",
        };
        each.AcceptOnlyFromAmong("year", "month");
        command.Options.Add(each);
        context.ViewOptions.AddTo(command);
        context.AddShared(command, Shared.Question);
        command.SetAction(result => Cli.Guard(context, () =>
            new GroupQuery(name, result.GetValue(actors)!, context.ViewOptions.Read(result), result.GetValue(each) switch
            {
                "year" => TrendStep.Year,
                "month" => TrendStep.Month,
                _ => null,
            }).Answer(context, context.Answering(result))));
        return command;
    }
}
