using System.Text;

namespace RelationsGraph.Cli.Output;

/// <summary>
/// Writes text answers wrapped to a width, line by line, with hanging indents that keep columns: a line that is
/// too long breaks at spaces, and its continuation lines start under the column marked by <see cref="Hang"/> in the
/// line (the label of a relation row, the text after <c>Source: </c>), or two columns right of the line's own
/// indent when nothing is marked. ANSI colour codes take no columns. The mark itself is never written.
/// </summary>
internal sealed class ScreenWriter(TextWriter inner, int width) : TextWriter
{
    /// <summary>Marks where a line's continuation lines start; removed when the line is written.</summary>
    public const char Hang = '\u001F';

    /// <summary>The fewest columns a continuation keeps for its text; a mark further right hangs closer to the indent.</summary>
    private const int MinimumText = 30;

    private readonly StringBuilder line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            EndLine();
        }
        else if (value != '\r')
        {
            line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        var start = 0;
        for (var newline = value.IndexOf('\n', StringComparison.Ordinal); newline >= 0; newline = value.IndexOf('\n', start))
        {
            line.Append(value, start, newline - start);
            if (line.Length > 0 && line[^1] == '\r')
            {
                line.Length--;
            }

            EndLine();
            start = newline + 1;
        }

        line.Append(value, start, value.Length - start);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        EndLine();
    }

    public override void WriteLine() => EndLine();

    /// <summary>Writes a line not yet ended, as it is, and flushes the writer beneath.</summary>
    public override void Flush()
    {
        if (line.Length > 0)
        {
            inner.Write(line.ToString().Replace(Hang.ToString(), string.Empty, StringComparison.Ordinal));
            line.Clear();
        }

        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void EndLine()
    {
        foreach (var piece in Wrap(line.ToString(), width))
        {
            inner.WriteLine(piece);
        }

        line.Clear();
    }

    /// <summary>Breaks one line into lines of at most <paramref name="columns"/> visible columns, as the class says.</summary>
    internal static IReadOnlyList<string> Wrap(string text, int columns)
    {
        var mark = text.IndexOf(Hang, StringComparison.Ordinal);
        if (mark >= 0)
        {
            text = text.Replace(Hang.ToString(), string.Empty, StringComparison.Ordinal);
        }

        if (Visible(text, 0, text.Length) <= columns)
        {
            return [text.TrimEnd()];
        }

        var indent = text.Length - text.TrimStart(' ').Length;
        var hang = mark >= 0 ? Visible(text, 0, mark) : indent + 2;
        if (mark >= 0 && columns - hang < MinimumText)
        {
            hang = Math.Min(hang, indent + 4);
        }
        else if (mark < 0)
        {
            hang = Math.Min(hang, columns / 2);
        }

        var lines = new List<string>();
        var start = 0;
        // On the first line nothing before the mark breaks: the columns left of it stay as they are.
        var keep = mark >= 0 ? mark : indent;
        var room = columns;
        while (true)
        {
            var (end, next) = Cut(text, start, keep, room);
            var piece = text[start..end].TrimEnd();
            lines.Add(lines.Count == 0 ? piece : new string(' ', hang) + piece);
            if (next >= text.Length)
            {
                return lines;
            }

            start = next;
            keep = start;
            room = columns - hang;
        }
    }

    /// <summary>
    /// Where the piece of a line that starts at <paramref name="start"/> ends to fit <paramref name="room"/> columns: at
    /// the last space that fits after <paramref name="keep"/>, else (one long word) at the room's end; and where the
    /// next piece starts, past the spaces.
    /// </summary>
    private static (int End, int Next) Cut(string text, int start, int keep, int room)
    {
        var column = 0;
        var space = -1;
        var i = start;
        while (i < text.Length)
        {
            if (text[i] == '\u001b')
            {
                i = SkipEscape(text, i);
                continue;
            }

            if (text[i] == ' ' && i > keep)
            {
                space = i;
            }

            if (column == room)
            {
                break;
            }

            column++;
            i++;
        }

        if (i >= text.Length)
        {
            return (text.Length, text.Length);
        }

        var end = space > start ? space : i;
        var next = end;
        while (next < text.Length && text[next] == ' ')
        {
            next++;
        }

        return (end, next);
    }

    /// <summary>The columns text takes, not counting ANSI escape sequences.</summary>
    internal static int Visible(string text, int start, int end)
    {
        var columns = 0;
        for (var i = start; i < end;)
        {
            if (text[i] == '\u001b')
            {
                i = SkipEscape(text, i);
                continue;
            }

            columns++;
            i++;
        }

        return columns;
    }

    private static int SkipEscape(string text, int i)
    {
        var end = text.IndexOf('m', i);
        return end < 0 ? text.Length : end + 1;
    }
}
