using System.CommandLine;
using RelationsGraph.Cli.Ask;
using RelationsGraph.Cli.Output;
using RelationsGraph.Cli.Repl;
using RelationsGraph.Model;

namespace RelationsGraph.Cli.Commands;

internal static class AskCommand
{
    public static Command Create(CliContext context)
    {
        var question = new Argument<string[]>("QUESTION")
        {
            Description = "The question, in quotes or as plain words.",
            Arity = ArgumentArity.OneOrMore,
        };
        question.CompletionSources.Add(_ => context.ActorCompletions());
        var command = new Command(
            "ask",
            "Ask a question in plain English. It is read by fixed rules over the graph's own words (actor ids, names and aliases, " +
            "relation kinds, dates), answered by the matching command, and the answer is that command's answer exactly, after one line " +
            "saying how the question was read and which command answers it. With --format json that line goes to stderr, so stdout is the command's JSON.\n\n" +
            "Understood: actors joined by dashes, commas or 'and' (\"the US–China–DPRK triangle\", \"China's allies\"); times " +
            "(\"in 2017\", \"in November 2017\", \"on 27 July 1953\", \"in the 1990s\", \"between 1950 and 1953\", \"from 1950 to 1953\", " +
            "\"since 2018\", \"after 2017\", \"before 1992\", \"until 1991\"); relation kinds (\"summits\", \"sanctions\"); and the shape: a triangle " +
            "or group, how two actors are connected (path), who an actor was close to (neighbours), the history of one or two actors " +
            "(timeline), what changed between two dates (diff), or one actor (show). Times relative to events (\"after the 1961 treaty\") " +
            "are not understood. A question it cannot read is refused (exit 2) with what was understood and the commands that would answer.\n\n" +
            "Examples:\n" +
            "  relgraph ask \"how did the US–China–DPRK triangle look in 2017?\"\n" +
            "  relgraph ask \"how is the U.S. connected to Pyongyang in 2017?\"\n" +
            "  relgraph ask \"who was North Korea close to in 1953?\"\n" +
            "  relgraph ask \"history of China and North Korea between 1950 and 1992\"\n" +
            "  relgraph ask \"what changed between 2016 and 2018?\"\n" +
            "  relgraph ask \"tell me about Kim Jong Un\"\n" +
            "  relgraph ask \"summits of Beijing and Pyongyang since 2018\" --format json")
        {
            question,
        };
        context.AddShared(command, Shared.Question);
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var answering = context.Answering(result);
            var graph = context.ActorsOf(answering.GraphPath);
            var reading = QuestionReader.Read(string.Join(" ", result.GetValue(question)!), graph);
            if (!reading.IsAnswered)
            {
                WriteRefusal(context.Error, reading, graph);
                return ExitCodes.BadInput;
            }

            var notUnderstood = reading.Unrecognised.Count > 0 ? $" · not understood: {string.Join(", ", reading.Unrecognised)}" : string.Empty;
            var readAs = $"read as: {reading.Summary}{notUnderstood} (relgraph {ShellWords.Join(reading.Query.Arguments)})";
            if (answering.Json)
            {
                context.Error.WriteLine(readAs);
            }
            else
            {
                using var screen = new ScreenWriter(context.Output, answering.Style.Width);
                screen.WriteLine(context.Style.Dim(readAs));
            }

            return reading.Query.Answer(context, answering);
        }));
        return command;
    }

    private static void WriteRefusal(TextWriter error, QuestionReading reading, Graph.RelationGraph graph)
    {
        error.WriteLine($"error: cannot answer \"{reading.Question}\": {reading.Refusal}");
        var understood = new List<string>
        {
            "actors " + (reading.Actors.Count == 0 ? "none" : string.Join(", ", reading.Actors.Select(a => a.Id.Value))),
            "time " + (reading.Time.Window?.ToString() ?? (reading.Time.Phrases.Count == 0 ? "none" : string.Join(", ", reading.Time.Phrases.Select(p => p.Phrase)))),
            "shape " + (reading.Shape == QuestionShape.None ? "none" : reading.Shape.ToString().ToLowerInvariant()),
        };
        if (reading.Kinds.Count > 0)
        {
            understood.Add("kinds " + string.Join(", ", reading.Kinds.Select(k => k.Name)));
        }

        if (reading.Polarity is { } polarity)
        {
            understood.Add("polarity " + polarity.Name());
        }

        error.WriteLine($"understood: {string.Join(" · ", understood)}");
        foreach (var name in reading.Unrecognised)
        {
            error.WriteLine(graph.FindActor(name).ToString());
        }

        error.WriteLine("commands that would answer:");
        foreach (var suggestion in reading.Suggestions)
        {
            error.WriteLine($"  relgraph {suggestion}");
        }
    }
}
