using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using System.CommandLine.Parsing;
using Newtonsoft.Json;
using RelationsGraph.Cli.Commands;
using RelationsGraph.Common;

namespace RelationsGraph.Cli;

/// <summary>The relgraph command line: parses, calls the library, prints, returns an exit code.</summary>
internal static partial class Cli
{
    public static int Run(string[] args, TextWriter output, TextWriter error, RelationsGraph.Cli.Output.Style? style = null) =>
        Run(args, new CliContext(output, error, style));

    public static int Run(string[] args, CliContext context)
    {
        var error = context.Error;
        var output = context.Output;
        if (args.Length == 0 && ReplCommand.IsTerminal(context))
        {
            args = ["repl"];
        }

        var root = BuildRoot(context);
        if (args is ["--help"] or ["-h"] or ["-?"])
        {
            WriteRootHelp(context, root);
            return ExitCodes.Answered;
        }

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            // "relgraph frobnicate" gets both "Required command was not provided." and "Unrecognized command or
            // argument 'frobnicate'."; only the second says what is wrong.
            var errors = result.Errors.Count > 1
                ? result.Errors.Where(e => !e.Message.StartsWith("Required command was not provided", StringComparison.Ordinal)).ToList()
                : result.Errors.ToList();
            foreach (var parseError in errors.Count > 0 ? errors : result.Errors.ToList())
            {
                // System.CommandLine puts the allowed values of an option on lines of their own; an error is one line.
                WriteError(error, string.Join(' ', parseError.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
            }

            error.WriteLine($"Run '{CommandPath(result.CommandResult)} --help' for usage and examples.");
            return ExitCodes.BadInput;
        }

        return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "relgraph: ask a temporal knowledge graph of international relations about actors, paths, " +
            "neighbourhoods and time slices. Every answer cites its evidence.\n\n" +
            "Exit codes: 0 answered, 1 no result, 2 bad input or bad data.");
        foreach (var create in CommandRegistry.Commands)
        {
            root.Subcommands.Add(create(context));
        }

        CheckPaths(root);
        return root;
    }

    /// <summary>
    /// The root's help, short enough to read: what relgraph is, then each command (from the registry, in its order)
    /// with the first sentence of its description, wrapped to the width under its column; each command's own
    /// <c>--help</c> has the rest and its examples.
    /// </summary>
    private static void WriteRootHelp(CliContext context, RootCommand root)
    {
        using var o = new Output.ScreenWriter(context.Output, context.Style.Width);
        o.WriteLine("relgraph: ask a temporal knowledge graph of international relations about actors, paths, neighbourhoods, trends and time slices. Every answer cites its evidence.");
        o.WriteLine();
        o.WriteLine("Usage: relgraph COMMAND [ARGUMENTS] [OPTIONS]; relgraph COMMAND --help for its options and examples.");
        o.WriteLine();
        o.WriteLine("Commands:");
        var names = root.Subcommands.Select(c =>
            string.Join(", ", c.Aliases.Append(c.Name).Order(StringComparer.Ordinal).Reverse().Take(1)) +
            string.Concat(c.Arguments.Select(a => $" <{a.Name}>"))).ToList();
        var width = names.Max(n => n.Length);
        foreach (var (command, name) in root.Subcommands.Zip(names))
        {
            var description = command.Description ?? string.Empty;
            var paragraph = description.Split("\n\n")[0];
            var end = paragraph.IndexOf(". ", StringComparison.Ordinal);
            var sentence = end < 0 ? paragraph.TrimEnd('.') : paragraph[..end];
            var colon = sentence.IndexOf(": ", StringComparison.Ordinal);
            sentence = sentence.Length > 120 && colon > 0 ? sentence[..colon] : sentence;
            o.WriteLine($"  {name.PadRight(width)}  {Output.ScreenWriter.Hang}{sentence}.");
        }

        o.WriteLine();
        o.WriteLine("Options: -h, --help  Show help; --version  Show the version.");
        o.WriteLine("Exit codes: 0 answered, 1 no result, 2 bad input or bad data.");
        o.WriteLine("Start with: relgraph triangle US China DPRK --in 2017");
    }

    /// <summary>
    /// Adds the path check to every FILE and DIR option and argument: an empty path or a NUL character makes .NET's
    /// path functions throw, so it is a parse error instead.
    /// </summary>
    private static void CheckPaths(Command command)
    {
        foreach (var option in command.Options.Where(o => o.HelpName is "FILE" or "DIR" && !o.Validators.Contains(OptionPath)))
        {
            option.Validators.Add(OptionPath);
        }

        foreach (var argument in command.Arguments.Where(a => a.Name is "FILE" or "DIR" && !a.Validators.Contains(ArgumentPath)))
        {
            argument.Validators.Add(ArgumentPath);
        }

        foreach (var sub in command.Subcommands)
        {
            CheckPaths(sub);
        }
    }

    private static readonly Action<OptionResult> OptionPath = result => CheckPath(result, result.Option.Name);

    private static readonly Action<ArgumentResult> ArgumentPath = result => CheckPath(result, result.Argument.Name);

    private static void CheckPath(SymbolResult result, string name)
    {
        foreach (var token in result.Tokens)
        {
            var problem = token.Value.Length == 0 ? "is empty; give a path"
                : token.Value.Contains('\0', StringComparison.Ordinal) ? "contains a NUL character, which no path can hold"
                : null;
            if (problem is not null)
            {
                result.AddError($"{name} {problem}.");
            }
        }
    }

    /// <summary>The command as typed, such as <c>relgraph import icews</c>.</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? at = command; at is CommandResult { Command: not RootCommand } sub; at = at.Parent)
        {
            names.Insert(0, sub.Command.Name);
        }

        return string.Join(' ', ["relgraph", .. names]);
    }

    /// <summary>
    /// Runs a command body, turning user and data mistakes into one line on stderr and exit code 2: the one place
    /// where the library's argument errors (<see cref="ArgumentException"/> with a whole-sentence message, such as
    /// a path count below 1 or a period that ends before it starts) become the console's exit 2, so the console
    /// does not restate the library's rules. A null argument is a bug of the console, not a mistake of the user's,
    /// and is not caught.
    /// </summary>
    public static int Guard(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UserInputException e)
        {
            return Fail(context, e.Message);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            return Fail(context, Sentence(e));
        }
        catch (GraphDataException e)
        {
            // Already one short line, with its own way of cutting long text.
            return Fail(context, e.Message, shorten: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(context, e.Message, shorten: false);
        }
        catch (JsonException e)
        {
            return Fail(context, e.Message);
        }
    }

    /// <summary>Writes one error line: control characters escaped, long quoted text (a name pasted by mistake) cut short.</summary>
    public static void WriteError(TextWriter error, string message, bool shorten = true) =>
        error.WriteLine($"error: {(shorten ? Shorten(OneLine(message)) : OneLine(message))}");

    /// <summary>The message an <see cref="ArgumentException"/> was made with, without what .NET adds (the parameter's name, the actual value).</summary>
    internal static string Sentence(ArgumentException e)
    {
        var message = e.Message;
        if (e is ArgumentOutOfRangeException { ActualValue: { } actual })
        {
            var line = message.LastIndexOf('\n');
            message = line >= 0 && message[(line + 1)..].Contains(Convert.ToString(actual, CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal)
                ? message[..line].TrimEnd('\r')
                : message;
        }

        var parameter = e.ParamName is { } name ? $" (Parameter '{name}')" : null;
        return parameter is not null && message.EndsWith(parameter, StringComparison.Ordinal) ? message[..^parameter.Length] : message;
    }

    private static int Fail(CliContext context, string message, bool shorten = true)
    {
        WriteError(context.Error, message, shorten);
        return ExitCodes.BadInput;
    }

    /// <summary>Writes control characters and line separators, such as a line break typed into a name, as \uXXXX.</summary>
    private static string OneLine(string message) =>
        message.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029')
            ? string.Concat(message.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? $"\\u{(int)c:X4}" : c.ToString()))
            : message;

    /// <summary>Cuts each quoted text longer than <see cref="QuotedLimit"/> characters to its start and an ellipsis.</summary>
    internal static string Shorten(string message) =>
        message.Length <= QuotedLimit ? message : LongQuote().Replace(message, m => $"{m.Groups[1].Value}{m.Groups[2].Value[..(QuotedLimit - 1)]}…{m.Groups[3].Value}");

    /// <summary>How much of a quoted name or word an error repeats.</summary>
    internal const int QuotedLimit = 200;

    [GeneratedRegex("""(['"“])([^'"”\n]{201,})(['"”])""")]
    private static partial Regex LongQuote();
}
