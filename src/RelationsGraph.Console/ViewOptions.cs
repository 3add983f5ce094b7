using System.CommandLine;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;

namespace RelationsGraph.Cli;

/// <summary>
/// The time and filter options every query command takes: <c>--at DATE</c>, <c>--in YEAR|YEAR-MONTH</c>,
/// <c>--from DATE --to DATE</c>, <c>--kinds</c>, <c>--polarity</c>, <c>--actor-kinds</c>. They parse to one <see cref="ViewRequest"/>.
/// </summary>
internal sealed class ViewOptions
{
    public Option<PartialDate?> At { get; } = CliOptions.Date("--at", "The graph as of a date: relations in force on it (YYYY, YYYY-MM or YYYY-MM-DD).");

    public Option<PartialDate?> In { get; } = CliOptions.Date(
        "--in",
        "Relations active at any time during a year or month (YYYY or YYYY-MM).",
        (date, text) => date.Precision == DatePrecision.Day ? $"--in takes a year or a month (YYYY or YYYY-MM), not the day '{text}'; use --at for a day." : null,
        "PERIOD");

    public Option<PartialDate?> From { get; } = CliOptions.Date("--from", "Start of the window (inclusive, any precision).");

    public Option<PartialDate?> To { get; } = CliOptions.Date("--to", "End of the window (inclusive at its precision).");

    public Option<IReadOnlyList<RelationKind>?> Kinds { get; } = CliOptions.List<RelationKind>(
        "--kinds", "KINDS", "Only these relation kinds, comma-separated (e.g. ally,treaty).", RelationKind.TryParse, "relation kind",
        "one of " + string.Join(", ", RelationKind.All.Select(k => k.Name)));

    public Option<IReadOnlyList<Polarity>?> Polarity { get; } = CliOptions.List<Polarity>(
        "--polarity", "POLARITIES", $"Only these polarities, comma-separated: {string.Join(", ", Polarities.All.Select(p => p.Name()))}.",
        Polarities.TryParse, "polarity", Polarities.Expected);

    public Option<IReadOnlyList<ActorKind>?> ActorKinds { get; } = CliOptions.List<ActorKind>(
        "--actor-kinds", "KINDS", $"Only relations between actors of these kinds: {string.Join(", ", Model.ActorKinds.All.Select(k => k.Name()))}.",
        Model.ActorKinds.TryParse, "actor kind", Model.ActorKinds.Expected);

    /// <summary>Adds the time options and, unless told not to, the filters; the time options exclude one another.</summary>
    public void AddTo(Command command, bool withTime = true, bool withFilters = true)
    {
        if (withTime)
        {
            command.Options.Add(At);
            command.Options.Add(In);
            command.Options.Add(From);
            command.Options.Add(To);
            CliOptions.Check(command, result =>
                (result.Given(At) ? 1 : 0) + (result.Given(In) ? 1 : 0) + (result.Given(From) || result.Given(To) ? 1 : 0) > 1
                    ? "give one of --at, --in, or --from/--to, not several."
                    : null);
        }

        if (withFilters)
        {
            command.Options.Add(Kinds);
            command.Options.Add(Polarity);
            command.Options.Add(ActorKinds);
        }
    }

    /// <summary>The window and filters given. The window's own rules (a period ends after it starts) are the library's.</summary>
    /// <exception cref="ArgumentException">--to lies before --from.</exception>
    public ViewRequest Read(ParseResult result)
    {
        var (at, during, from, to) = (result.GetValue(At), result.GetValue(In), result.GetValue(From), result.GetValue(To));
        var window = (at ?? during, from, to) switch
        {
            ({ } day, _, _) => TimeWindow.During(day),
            (null, { } f, { } t) => TimeWindow.Between(f, t),
            (null, { } f, null) => TimeWindow.Since(f),
            (null, null, { } t) => TimeWindow.Until(t),
            _ => TimeWindow.All,
        };
        return new ViewRequest(window, result.GetValue(Kinds), result.GetValue(Polarity), result.GetValue(ActorKinds));
    }
}

/// <summary>A window and the filters on it, as typed values: what the view options parse to and what <c>ask</c> reads.</summary>
/// <param name="Window">The window.</param>
/// <param name="Kinds">The relation kinds kept, or null for all.</param>
/// <param name="Polarities">The polarities kept, or null for all.</param>
/// <param name="ActorKinds">The actor kinds kept, or null for all.</param>
internal sealed record ViewRequest(
    TimeWindow Window,
    IReadOnlyList<RelationKind>? Kinds = null,
    IReadOnlyList<Polarity>? Polarities = null,
    IReadOnlyList<ActorKind>? ActorKinds = null)
{
    public static ViewRequest All { get; } = new(TimeWindow.All);

    /// <summary>The view of a graph these select.</summary>
    public GraphView On(RelationGraph graph)
    {
        var view = GraphView.Of(graph, Window);
        view = Kinds is null ? view : view.WithKinds(Kinds);
        view = Polarities is null ? view : view.WithPolarities(Polarities);
        return ActorKinds is null ? view : view.WithActorKinds(ActorKinds);
    }

    /// <summary>The options that select the same: the window's (see <see cref="WindowArguments"/>), then the filters'.</summary>
    public IEnumerable<string> Arguments(bool withWindow = true)
    {
        var window = withWindow ? WindowArguments(Window) : [];
        return window.Concat(Filter("--kinds", Kinds, k => k.Name))
            .Concat(Filter("--polarity", Polarities, p => p.Name()))
            .Concat(Filter("--actor-kinds", ActorKinds, k => k.Name()));
    }

    /// <summary>The time options for a window: --in for a year or month, --at for a day, --from/--to for the rest.</summary>
    public static IEnumerable<string> WindowArguments(TimeWindow? window) => window switch
    {
        null or { From: null, To: null } => [],
        { From: { } f, To: { } t } when f == t => [f.Precision == DatePrecision.Day ? "--at" : "--in", f.ToString()],
        _ => (window.From is { } from ? new[] { "--from", from.ToString() } : []).Concat(window.To is { } to ? new[] { "--to", to.ToString() } : []),
    };

    private static IEnumerable<string> Filter<T>(string option, IReadOnlyList<T>? values, Func<T, string> name) =>
        values is null ? [] : [option, string.Join(",", values.Select(name))];
}
