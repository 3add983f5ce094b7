using System.CommandLine;
using System.CommandLine.Parsing;
using RelationsGraph.Cli.Commands;

namespace RelationsGraph.Cli.Repl;

/// <summary>
/// The interactive mode: reads lines, splits each like a shell and runs it through the same command line as
/// <c>relgraph</c> itself, so help, errors and exit codes are the same. The options the session was started with
/// (<c>--graph</c>, <c>--format</c>, <c>--notes</c>) apply to every line that does not give its own. No line
/// ends the session but <c>exit</c>, <c>quit</c> or the end of the input.
/// </summary>
internal sealed class ReplSession
{
    /// <summary>Words the interactive mode reads itself, before the command line.</summary>
    public static readonly IReadOnlyList<string> SessionWords = ["exit", "help", "quit"];

    private readonly CliContext context;
    private readonly IReadOnlyList<(string Name, string? Value)> sessionOptions;
    private readonly RootCommand root;

    /// <param name="context">The writers and graph cache every line shares.</param>
    /// <param name="sessionOptions">Options given to the session, each with its value (null for a flag).</param>
    public ReplSession(CliContext context, IReadOnlyList<(string Name, string? Value)> sessionOptions)
    {
        this.context = context;
        this.sessionOptions = sessionOptions;
        root = Cli.BuildRoot(context);
    }

    /// <summary>Gets the highest exit code of the lines run so far (0 when every one answered).</summary>
    public int WorstExitCode { get; private set; }

    /// <summary>Runs lines until <paramref name="readLine"/> gives null or a line says exit.</summary>
    /// <param name="readLine">The next line, or null at the end of the input.</param>
    /// <param name="echo">Where to repeat each line after a prompt, for a transcript; null for no echo.</param>
    public void Run(Func<string?> readLine, TextWriter? echo = null)
    {
        while (readLine() is { } line)
        {
            echo?.WriteLine($"{ReplCommand.Prompt}{line}");
            if (!RunLine(line))
            {
                return;
            }
        }
    }

    /// <summary>Runs one line.</summary>
    /// <returns>False when the line ends the session.</returns>
    public bool RunLine(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
        {
            return true;
        }

        IReadOnlyList<string> words;
        try
        {
            words = Words(trimmed);
        }
        catch (UserInputException e)
        {
            Report(ExitCodes.BadInput, $"error: {e.Message}");
            return true;
        }

        if (words.Count == 1 && words[0] is "exit" or "quit")
        {
            return false;
        }

        if (words[0] == "help")
        {
            words = [.. words.Skip(1), "--help"];
        }
        else if (words[0] == "repl")
        {
            Report(ExitCodes.BadInput, "error: this is the interactive mode already; type a command, or 'exit' to leave.");
            return true;
        }

        var args = WithSessionOptions(words);
        int code;
        try
        {
            code = Cli.Run(args, context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in one command must not end the session or show a stack trace.
            context.Error.WriteLine($"error: {e.GetType().Name}: {e.Message}");
            code = ExitCodes.BadInput;
        }

        WorstExitCode = Math.Max(WorstExitCode, code);
        return true;
    }

    /// <summary>
    /// The line's words with the session's options that its command takes and the line does not give, put right after
    /// the command's name (before any <c>--</c> that ends the options).
    /// </summary>
    private string[] WithSessionOptions(IReadOnlyList<string> words)
    {
        var command = root.Parse([.. words]).CommandResult;
        var depth = 0;
        for (var at = command; at.Parent is CommandResult parent; at = parent)
        {
            depth++;
        }

        var taken = sessionOptions.Where(o =>
            command.Command.Options.Any(option => option.Name == o.Name)
            && !words.Any(w => w == o.Name || w.StartsWith(o.Name + "=", StringComparison.Ordinal) || w.StartsWith(o.Name + ":", StringComparison.Ordinal)));
        return [.. words.Take(depth), .. Arguments(taken), .. words.Skip(depth)];
    }

    /// <summary>The options every command shares (--graph, --format json, --notes) as given on a command line, to pass on to the commands it runs.</summary>
    public static IReadOnlyList<(string Name, string? Value)> SharedOptions(CliContext context, ParseResult result)
    {
        var options = new List<(string, string?)>();
        var answering = context.Answering(result);
        if (answering.GraphPath is { } path)
        {
            options.Add((context.GraphOption.Name, path));
        }

        if (answering.Json)
        {
            options.Add((context.FormatOption.Name, "json"));
        }

        if (answering.Style.Notes)
        {
            options.Add((context.NotesOption.Name, null));
        }

        return options;
    }

    /// <summary>Options as command-line arguments: each name, followed by its value unless it is a flag.</summary>
    public static IEnumerable<string> Arguments(IEnumerable<(string Name, string? Value)> options) =>
        options.SelectMany(o => o.Value is null ? [o.Name] : new[] { o.Name, o.Value });

    /// <summary>
    /// Splits a line into arguments. An <c>ask</c> line keeps its question as typed (split on spaces only,
    /// so "China's" needs no quotes); any other line is split like a shell line.
    /// </summary>
    internal static IReadOnlyList<string> Words(string line)
    {
        if (line.StartsWith("relgraph ", StringComparison.Ordinal))
        {
            line = line["relgraph ".Length..].TrimStart();
        }

        if (line == "ask" || line.StartsWith("ask ", StringComparison.Ordinal))
        {
            var rest = line[3..].Trim();
            if (rest.Length > 1 && rest[0] is '"' or '\'' && rest[^1] == rest[0])
            {
                rest = rest[1..^1];
            }

            return ["ask", .. rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)];
        }

        return ShellWords.Split(line);
    }

    private void Report(int code, string message)
    {
        context.Error.WriteLine(message);
        WorstExitCode = Math.Max(WorstExitCode, code);
    }
}
