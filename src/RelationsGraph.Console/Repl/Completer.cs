using System.CommandLine;
using System.CommandLine.Completions;
using RelationsGraph.Model;

namespace RelationsGraph.Cli.Repl;

/// <summary>
/// What Tab does to a line: the text to put in place of the word before the cursor, and the candidates when
/// there is more than one.
/// </summary>
/// <param name="Start">Where the replaced word starts (its opening quote included).</param>
/// <param name="Insert">The text to put from <paramref name="Start"/> to the cursor, or null when Tab cannot add anything.</param>
/// <param name="Candidates">Every completion that fits, sorted; shown when <paramref name="Insert"/> is null and there are several.</param>
internal sealed record Completion(int Start, string? Insert, IReadOnlyList<string> Candidates)
{
    public static Completion None(int cursor) => new(cursor, null, []);
}

/// <summary>
/// Tab completion for the interactive mode: command names, then the options of the command being typed
/// (read from the same System.CommandLine tree that runs it), option values, and argument values (actor ids, names
/// and aliases where a command takes actors), all from that tree's own completion sources. A completed word that
/// needs quotes gets them.
/// </summary>
internal sealed class Completer
{
    private readonly Command root;

    /// <param name="root">The command tree that runs the lines; its arguments' completion sources give the values.</param>
    public Completer(Command root)
    {
        this.root = root;
    }

    public Completion Complete(string line, int cursor)
    {
        var words = ShellWords.Scan(line[..cursor], out var openQuoteAt, out _);
        var typingWord = words.Count > 0 && words[^1].End == cursor;
        var current = typingWord ? words[^1] : new ShellWord(string.Empty, cursor, cursor);
        var before = (typingWord ? words.SkipLast(1) : words).Select(w => w.Value).ToList();
        if (before.Count > 0 && before[0] == "relgraph")
        {
            before.RemoveAt(0);
        }

        var (command, pendingOption) = Locate(before);
        var isAsk = command.Name == "ask";
        IEnumerable<string> pool;
        if (pendingOption is not null)
        {
            pool = ValuesOf(pendingOption, current.Value);
        }
        else if (current.Value.StartsWith('-'))
        {
            pool = OptionsOf(command);
        }
        else if (command == root)
        {
            pool = before.Count == 0 ? CommandNames(root).Concat(ReplSession.SessionWords) : CommandNames(root);
        }
        else if (command.Subcommands.Count > 0)
        {
            pool = CommandNames(command);
        }
        else
        {
            // What the command's arguments complete to: actor names where it takes actors, nothing for dates or paths.
            pool = command.Arguments.SelectMany(a => a.GetCompletions(CompletionContext.Empty)).Select(c => c.InsertText ?? c.Label);
        }

        var candidates = pool
            .Where(c => c.StartsWith(current.Value, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(c => c, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return Completion.None(cursor);
        }

        // An ask line is taken as typed, so names go in bare there; elsewhere a name with a space is quoted.
        var keepQuote = !isAsk && openQuoteAt >= current.Start;
        if (candidates.Count == 1)
        {
            var word = candidates[0];
            return new Completion(current.Start, (isAsk ? word : keepQuote ? ShellWords.OpenQuote(word) + "\"" : ShellWords.Quote(word)) + " ", candidates);
        }

        var common = CommonPrefix(candidates);
        if (common.Length <= current.Value.Length)
        {
            return new Completion(current.Start, null, candidates);
        }

        var insert = isAsk ? common : keepQuote || ShellWords.NeedsQuotes(common) ? ShellWords.OpenQuote(common) : common;
        return new Completion(current.Start, insert, candidates);
    }

    /// <summary>Finds the command the words so far select, and the option whose value comes next, if any.</summary>
    private (Command Command, Option? Pending) Locate(List<string> words)
    {
        var command = root;
        Option? pending = null;
        foreach (var word in words)
        {
            if (pending is not null)
            {
                pending = null;
                continue;
            }

            if (word.StartsWith('-'))
            {
                var option = AllOptions(command).FirstOrDefault(o => o.Name == word || o.Aliases.Contains(word));
                if (option is not null && option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0)
                {
                    pending = option;
                }

                continue;
            }

            var sub = command.Subcommands.FirstOrDefault(c => c.Name == word || c.Aliases.Contains(word));
            if (sub is not null)
            {
                command = sub;
            }
        }

        return (command, pending);
    }

    private IEnumerable<string> OptionsOf(Command command) =>
        AllOptions(command).Where(o => !o.Hidden).SelectMany(o => new[] { o.Name }.Concat(o.Aliases)).Where(n => n.StartsWith("--", StringComparison.Ordinal));

    /// <summary>A command's own options and the recursive ones of the commands above it.</summary>
    private IEnumerable<Option> AllOptions(Command command)
    {
        foreach (var option in command.Options)
        {
            yield return option;
        }

        if (command == root)
        {
            yield break;
        }

        var path = new List<Command>();
        if (FindPath(root, command, path))
        {
            foreach (var parent in path.Where(p => p != command))
            {
                foreach (var option in parent.Options.Where(o => o.Recursive))
                {
                    yield return option;
                }
            }
        }
    }

    private static bool FindPath(Command from, Command target, List<Command> path)
    {
        path.Add(from);
        if (from == target || from.Subcommands.Any(s => FindPath(s, target, path)))
        {
            return true;
        }

        path.RemoveAt(path.Count - 1);
        return false;
    }

    private static IEnumerable<string> ValuesOf(Option option, string typed)
    {
        if (option.Name == "--kinds")
        {
            // A comma-separated list: complete its last item, keeping the ones before.
            var cut = typed.LastIndexOf(',') + 1;
            return RelationKind.All.Select(k => typed[..cut] + k.Name);
        }

        return option.GetCompletions(CompletionContext.Empty).Select(c => c.InsertText ?? c.Label);
    }

    private static IEnumerable<string> CommandNames(Command command) =>
        command.Subcommands.Where(c => !c.Hidden).SelectMany(c => new[] { c.Name }.Concat(c.Aliases));

    /// <summary>The longest prefix all candidates share, ignoring case; spelled as the first candidate spells it.</summary>
    private static string CommonPrefix(List<string> candidates)
    {
        var first = candidates[0];
        var length = first.Length;
        foreach (var c in candidates.Skip(1))
        {
            var n = 0;
            while (n < length && n < c.Length && char.ToUpperInvariant(c[n]) == char.ToUpperInvariant(first[n]))
            {
                n++;
            }

            length = n;
        }

        return first[..length];
    }
}
