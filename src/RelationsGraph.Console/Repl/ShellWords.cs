using System.Text;

namespace RelationsGraph.Cli.Repl;

/// <summary>A word of a typed line: its value with quotes and escapes removed, and where its raw text lies.</summary>
/// <param name="Value">The word as the command sees it.</param>
/// <param name="Start">The index of its first raw character (an opening quote included).</param>
/// <param name="End">The index just past its last raw character.</param>
internal readonly record struct ShellWord(string Value, int Start, int End);

/// <summary>
/// Splits a typed line into words as a POSIX shell does, without expansions: whitespace separates words,
/// single quotes keep everything literally, double quotes keep everything but <c>\"</c> and <c>\\</c>,
/// and a backslash outside quotes keeps the next character.
/// </summary>
internal static class ShellWords
{
    /// <summary>Splits a whole line.</summary>
    /// <exception cref="UserInputException">A quote is left open, or the line ends in a lone backslash.</exception>
    public static IReadOnlyList<string> Split(string line)
    {
        var words = Scan(line, out var openQuoteAt, out var danglingEscape);
        if (openQuoteAt >= 0)
        {
            throw new UserInputException($"the {(line[openQuoteAt] == '"' ? "double" : "single")} quote at column {openQuoteAt + 1} is not closed.");
        }

        if (danglingEscape)
        {
            throw new UserInputException("the line ends in a backslash with nothing after it to escape.");
        }

        return words.Select(w => w.Value).ToList();
    }

    /// <summary>
    /// Splits as much of a line as there is, leniently: a quote still open at the end (as while typing)
    /// ends the last word, and its index is reported in <paramref name="openQuoteAt"/> (-1 when every quote is closed).
    /// </summary>
    public static List<ShellWord> Scan(string text, out int openQuoteAt, out bool danglingEscape)
    {
        var words = new List<ShellWord>();
        var current = new StringBuilder();
        var start = -1;
        char? quote = null;
        openQuoteAt = -1;
        danglingEscape = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is null && char.IsWhiteSpace(c))
            {
                if (start >= 0)
                {
                    words.Add(new ShellWord(current.ToString(), start, i));
                    current.Clear();
                    start = -1;
                }

                continue;
            }

            if (start < 0)
            {
                start = i;
            }

            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (quote == '"')
            {
                if (c == '"')
                {
                    quote = null;
                }
                else if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                {
                    current.Append(text[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                openQuoteAt = i;
            }
            else if (c == '\\')
            {
                if (i + 1 < text.Length)
                {
                    current.Append(text[++i]);
                }
                else
                {
                    danglingEscape = true;
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (start >= 0)
        {
            words.Add(new ShellWord(current.ToString(), start, text.Length));
        }

        if (quote is null)
        {
            openQuoteAt = -1;
        }

        return words;
    }

    /// <summary>Writes a word so that <see cref="Split"/> reads it back as one word: bare when it can be, else in double quotes.</summary>
    public static string Quote(string word) => NeedsQuotes(word) ? OpenQuote(word) + "\"" : word;

    /// <summary>A word's quoted form without the closing quote, for a completion the user goes on typing.</summary>
    public static string OpenQuote(string word) => "\"" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    /// <summary>Whether a word must be quoted to stay one word.</summary>
    public static bool NeedsQuotes(string word) => word.Length == 0 || word.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\');

    /// <summary>Joins words into a line that splits back into the same words.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(" ", words.Select(Quote));
}
