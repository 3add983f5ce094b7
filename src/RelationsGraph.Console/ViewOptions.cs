using System.CommandLine;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;

namespace RelationsGraph.Cli;

/// <summary>
/// The time and filter options every query command takes: <c>--at DATE</c>, <c>--in YEAR|YEAR-MONTH</c>,
/// <c>--from DATE --to DATE</c>, <c>--kinds</c>, <c>--polarity</c>, <c>--actor-kinds</c>. They build one <see cref="GraphView"/>.
/// </summary>
internal sealed class ViewOptions
{
    public Option<string?> At { get; } = new("--at") { Description = "The graph as of a date: relations in force on it (YYYY, YYYY-MM or YYYY-MM-DD).", HelpName = "DATE" };

    public Option<string?> In { get; } = new("--in") { Description = "Relations active at any time during a year or month (YYYY or YYYY-MM).", HelpName = "PERIOD" };

    public Option<string?> From { get; } = new("--from") { Description = "Start of the window (inclusive, any precision).", HelpName = "DATE" };

    public Option<string?> To { get; } = new("--to") { Description = "End of the window (inclusive at its precision).", HelpName = "DATE" };

    public Option<string?> Kinds { get; } = new("--kinds") { Description = "Only these relation kinds, comma-separated (e.g. ally,treaty).", HelpName = "KINDS" };

    public Option<string?> Polarity { get; } = new("--polarity") { Description = "Only these polarities, comma-separated: cooperative, conflictual, neutral.", HelpName = "POLARITIES" };

    public Option<string?> ActorKinds { get; } = new("--actor-kinds") { Description = "Only relations between actors of these kinds: state, organization, person, group.", HelpName = "KINDS" };

    public void AddTo(Command command, bool withFilters = true)
    {
        command.Options.Add(At);
        command.Options.Add(In);
        command.Options.Add(From);
        command.Options.Add(To);
        if (withFilters)
        {
            command.Options.Add(Kinds);
            command.Options.Add(Polarity);
            command.Options.Add(ActorKinds);
        }
    }

    public TimeWindow Window(ParseResult result)
    {
        var at = result.GetValue(At);
        var during = result.GetValue(In);
        var from = result.GetValue(From);
        var to = result.GetValue(To);
        var given = (at is null ? 0 : 1) + (during is null ? 0 : 1) + (from is null && to is null ? 0 : 1);
        if (given > 1)
        {
            throw new UserInputException("give one of --at, --in, or --from/--to, not several.");
        }

        if (at is not null)
        {
            return TimeWindow.During(Date(at, "--at"));
        }

        if (during is not null)
        {
            var period = Date(during, "--in");
            return period.Precision == DatePrecision.Day
                ? throw new UserInputException($"--in takes a year or a month (YYYY or YYYY-MM), not the day '{during}'; use --at for a day.")
                : TimeWindow.During(period);
        }

        return (from, to) switch
        {
            (null, null) => TimeWindow.All,
            ({ } f, null) => TimeWindow.Since(Date(f, "--from")),
            (null, { } t) => TimeWindow.Until(Date(t, "--to")),
            ({ } f, { } t) => Between(Date(f, "--from"), Date(t, "--to")),
        };
    }

    public GraphView View(ParseResult result, RelationGraph graph)
    {
        var view = GraphView.Of(graph, Window(result));
        if (result.GetValue(Kinds) is { } kinds)
        {
            view = view.WithKinds(ParseKinds(kinds));
        }

        if (result.GetValue(Polarity) is { } polarities)
        {
            view = view.WithPolarities(List(polarities, "--polarity").Select(p => p switch
            {
                "cooperative" or "+" => Model.Polarity.Cooperative,
                "conflictual" or "-" => Model.Polarity.Conflictual,
                "neutral" or "0" => Model.Polarity.Neutral,
                _ => throw new UserInputException($"unknown polarity '{p}'; expected cooperative, conflictual or neutral."),
            }));
        }

        if (result.GetValue(ActorKinds) is { } actorKinds)
        {
            view = view.WithActorKinds(List(actorKinds, "--actor-kinds").Select(k => k switch
            {
                "state" => ActorKind.State,
                "organization" => ActorKind.Organization,
                "person" => ActorKind.Person,
                "group" => ActorKind.Group,
                _ => throw new UserInputException($"unknown actor kind '{k}'; expected state, organization, person or group."),
            }));
        }

        return view;
    }

    public static PartialDate Date(string text, string option)
    {
        try
        {
            return PartialDate.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UserInputException($"{option}: {e.Message}");
        }
    }

    public static IEnumerable<RelationKind> ParseKinds(string text) =>
        List(text, "--kinds").Select(k => RelationKind.TryParse(k, out var kind)
            ? kind
            : throw new UserInputException($"unknown relation kind '{k}'; expected one of {string.Join(", ", RelationKind.All.Select(x => x.Name))}."));

    private static TimeWindow Between(PartialDate from, PartialDate to) =>
        to.LastDay < from.FirstDay
            ? throw new UserInputException($"--to {to} is before --from {from}.")
            : TimeWindow.Between(from, to);

    private static List<string> List(string text, string option)
    {
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToList();
        return items.Count > 0 ? items : throw new UserInputException($"{option} needs at least one value.");
    }
}
