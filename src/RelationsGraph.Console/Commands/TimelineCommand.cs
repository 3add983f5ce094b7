using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Queries;

namespace RelationsGraph.Cli.Commands;

/// <summary>The relations of one actor, or between two, in date order, with their events.</summary>
/// <param name="Actors">One or two actors, as typed.</param>
/// <param name="View">The window and filters.</param>
internal sealed record TimelineQuery(IReadOnlyList<string> Actors, ViewRequest View) : IQuery
{
    public IReadOnlyList<string> Arguments => ["timeline", .. Actors, .. View.Arguments()];

    public int Answer(CliContext context, Answering answering)
    {
        var graph = context.GraphTouching(answering, View.Window, Actors);
        var view = View.On(graph);
        var ids = Actors.Select(a => CliContext.ResolveActor(graph, a).Id).ToArray();
        if (ids.Length == 2 && ids[0] == ids[1])
        {
            throw new UserInputException($"actor '{ids[0]}' is named twice; give one actor, or two different ones.");
        }

        var timeline = ids.Length == 1 ? Timeline.Of(view, ids[0])! : Timeline.Between(view, ids[0], ids[1])!;
        context.WriteAnswer(answering, o =>
        {
            if (answering.Json)
            {
                ResultJson.Write(o, view, timeline);
            }
            else
            {
                ReportText.Timeline(o, view, timeline, answering.Style);
            }
        });

        return timeline.Entries.Count > 0 ? ExitCodes.Answered : ExitCodes.NoResult;
    }
}

internal static class TimelineCommand
{
    public static Command Create(CliContext context)
    {
        var actors = CliOptions.Actors("ACTORS", "One actor, or two for the history between them.", new ArgumentArity(1, 2), context);
        var command = new Command(
            "timeline",
            "The relations of one actor, or between two, in date order, with the actors' events interleaved.\n\n" +
            "Examples:\n  relgraph timeline China DPRK\n  relgraph timeline China DPRK --from 1949 --to 2021\n  relgraph timeline Kim-Jong-Un")
        {
            actors,
        };
        context.ViewOptions.AddTo(command);
        context.AddShared(command, Shared.Question);
        command.SetAction(result => Cli.Guard(context, () =>
            new TimelineQuery(result.GetValue(actors)!, context.ViewOptions.Read(result)).Answer(context, context.Answering(result))));
        return command;
    }
}
