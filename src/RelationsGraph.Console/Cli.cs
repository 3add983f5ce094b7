using System.CommandLine;
using System.CommandLine.Parsing;
using Newtonsoft.Json;
using RelationsGraph.Cli.Commands;
using RelationsGraph.Serialization;

namespace RelationsGraph.Cli;

/// <summary>The relgraph command line: parses, calls the library, prints, returns an exit code.</summary>
internal static class Cli
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
                error.WriteLine($"error: {string.Join(' ', parseError.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))}");
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
        root.Options.Add(context.GraphOption);
        root.Options.Add(context.FormatOption);
        root.Options.Add(context.NotesOption);
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(ActorsCommand.Create(context));
        root.Subcommands.Add(ShowCommand.Create(context));
        root.Subcommands.Add(GroupCommand.CreateTriangle(context));
        root.Subcommands.Add(GroupCommand.CreateGroup(context));
        root.Subcommands.Add(PathCommand.Create(context));
        root.Subcommands.Add(NeighboursCommand.Create(context));
        root.Subcommands.Add(TimelineCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(DotCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(AskCommand.Create(context));
        root.Subcommands.Add(ReplCommand.Create(context));
        CheckPaths(root);
        return root;
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

    /// <summary>Runs a command body, turning user and data mistakes into one line on stderr and exit code 2.</summary>
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
        catch (GraphDataException e)
        {
            return Fail(context, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(context, e.Message);
        }
        catch (JsonException e)
        {
            return Fail(context, e.Message);
        }
    }

    private static int Fail(CliContext context, string message)
    {
        context.Error.WriteLine($"error: {OneLine(message)}");
        return ExitCodes.BadInput;
    }

    /// <summary>Writes control characters and line separators, such as a line break typed into a name, as \uXXXX.</summary>
    private static string OneLine(string message) =>
        message.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029')
            ? string.Concat(message.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? $"\\u{(int)c:X4}" : c.ToString()))
            : message;
}
