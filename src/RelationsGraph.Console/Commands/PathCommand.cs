using System.CommandLine;
using System.Globalization;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;
using RelationsGraph.Time;

namespace RelationsGraph.Cli.Commands;

/// <summary>How two actors are connected in a window.</summary>
/// <param name="From">The actor the path starts from, as typed.</param>
/// <param name="To">The actor it ends at, as typed.</param>
/// <param name="View">The window and filters.</param>
/// <param name="K">How many shortest paths; the library checks it.</param>
/// <param name="Directed">Whether directed relations are followed only forwards.</param>
/// <param name="Temporal">Whether the path must respect time (one earliest-arriving path).</param>
/// <param name="After">With <paramref name="Temporal"/>: the earliest date the path may start.</param>
internal sealed record PathQuery(string From, string To, ViewRequest View, int K = 1, bool Directed = false, bool Temporal = false, PartialDate? After = null) : IQuery
{
    public IReadOnlyList<string> Arguments =>
    [
        "path", From, To, .. View.Arguments(),
        .. K != 1 ? ["--k", K.ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>(),
        .. Directed ? ["--directed"] : Array.Empty<string>(),
        .. Temporal ? ["--temporal"] : Array.Empty<string>(),
        .. After is { } after ? ["--after", after.ToString()] : Array.Empty<string>(),
    ];

    public int Answer(CliContext context, Answering answering)
    {
        var graph = context.Graph(answering.GraphPath, View.Window);
        var view = View.On(graph);
        var source = CliContext.ResolveActor(graph, From).Id;
        var target = CliContext.ResolveActor(graph, To).Id;
        IReadOnlyList<ActorPath> paths = Temporal
            ? PathFinder.TimeRespecting(view, source, target, After, Directed) is { } p ? [p] : []
            : PathFinder.KShortest(view, source, target, K, Directed);
        if (answering.Json)
        {
            ResultJson.Write(context.Output, view, paths);
        }
        else
        {
            ReportText.Paths(context.Output, view, source, target, paths, Temporal, After, answering.Style);
        }

        return paths.Count > 0 ? ExitCodes.Answered : ExitCodes.NoResult;
    }
}

internal static class PathCommand
{
    public static Command Create(CliContext context)
    {
        var from = CliOptions.Actor("FROM", "The actor the path starts from.", context, last: false);
        var to = CliOptions.Actor("TO", "The actor the path ends at.", context);
        var k = CliOptions.WholeNumber("--k", "How many shortest paths to list (Yen's algorithm).", 1);
        var directed = new Option<bool>("--directed") { Description = "Follow directed relations only from their source to their target." };
        var temporal = new Option<bool>("--temporal") { Description = "A time-respecting path: each hop no earlier than the one before; arrives as early as possible." };
        var after = CliOptions.Date("--after", "With --temporal: the earliest date the path may start.");
        var command = new Command(
            "path",
            "How two actors are connected in a window: the shortest chain of relations (followed either way unless --directed), " +
            "the k shortest with --k, or a time-respecting path with --temporal. Each hop lists its relations with kind, date and evidence.\n\n" +
            "Examples:\n  relgraph path US DPRK --in 2017\n  relgraph path US DPRK --k 3\n  relgraph path US DPRK --kinds ally,treaty,war\n" +
            "  relgraph path USSR US --temporal --after 1950")
        {
            from, to, k, directed, temporal, after,
        };
        context.ViewOptions.AddTo(command);
        context.AddShared(command, Shared.Question);
        CliOptions.Check(command, result => result.Given(after) && !result.Given(temporal) ? "--after needs --temporal." : null);
        CliOptions.Check(command, result => result.Given(temporal) && result.Given(k)
            ? "--temporal finds one earliest-arriving path; it does not combine with --k."
            : null);
        command.SetAction(result => Cli.Guard(context, () => new PathQuery(
            result.GetValue(from)!,
            result.GetValue(to)!,
            context.ViewOptions.Read(result),
            result.GetValue(k),
            result.GetValue(directed),
            result.GetValue(temporal),
            result.GetValue(after)).Answer(context, context.Answering(result))));
        return command;
    }
}
