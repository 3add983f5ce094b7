using System.CommandLine;
using RelationsGraph.Cli.Repl;

namespace RelationsGraph.Cli.Commands;

internal static class ReplCommand
{
    public const string Prompt = "relgraph> ";

    public static Command Create(CliContext context)
    {
        var echo = new Option<bool>("--echo") { Description = "When reading lines from a file or pipe, print each one after the prompt before its answer, for a transcript." };
        var command = new Command(
            "repl",
            "The interactive mode: type commands as on the command line, without 'relgraph', while the graph stays loaded. " +
            "Tab completes command names, options and actor ids, names and aliases; Up and Down walk the history, which is kept in ~/" + LineHistory.FileName + ". " +
            "'help' lists the commands, 'help COMMAND' shows one; 'exit', 'quit' or Ctrl-D leave. --graph, --format and --notes given here apply to every line. " +
            "Running relgraph with no command in a terminal starts it too.\n\n" +
            "When stdin is not a terminal, lines are read plainly, with no prompt, so a file of commands runs as a script; " +
            "lines starting with # are skipped, and the exit code is the highest of its lines' (0 when every line answered).\n\n" +
            "Examples:\n  relgraph repl\n  relgraph repl --graph my-graph.json\n  relgraph repl < questions.txt\n  relgraph repl --echo < questions.txt > transcript.txt")
        {
            echo,
        };
        context.AddShared(command, Shared.Question);
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var graph = context.Graph(context.Answering(result).GraphPath);
            var session = new ReplSession(context, ReplSession.SharedOptions(context, result));
            if (!IsTerminal(context))
            {
                session.Run(Console.In.ReadLine, result.GetValue(echo) ? context.Output : null);
                return session.WorstExitCode;
            }

            var history = LineHistory.Load(LineHistory.PathIn(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)));
            context.CompletionGraph = graph;
            var completer = new Completer(Cli.BuildRoot(context));
            var editor = new LineEditor(new ConsoleTerminal(), history, completer.Complete, Prompt);
            context.Output.WriteLine(context.Style.Dim(
                $"relgraph interactive mode · {graph.Actors.Count} actors, {graph.Relations.Count} relations · Tab completes, Up/Down recall, 'help', 'exit'"));
            session.Run(editor.ReadLine);
            return ExitCodes.Answered;
        }));
        return command;
    }

    /// <summary>
    /// Whether the interactive mode can draw: both ends are a terminal and the context writes to it
    /// (a context over other writers, as in tests, never gets the terminal editor).
    /// </summary>
    public static bool IsTerminal(CliContext context) =>
        ReferenceEquals(context.Output, Console.Out) && ConsoleTerminal.IsInteractive;
}
