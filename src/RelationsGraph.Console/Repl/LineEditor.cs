using System.Text;

namespace RelationsGraph.Cli.Repl;

/// <summary>
/// A one-line editor over <see cref="ITerminal"/>: typing and deleting, cursor moves (arrows, Home/End and the
/// Emacs keys Ctrl-A/E/B/F/K/U/W), history on Up/Down (and Ctrl-P/N), Tab completion, Ctrl-C to drop the line,
/// Ctrl-D on an empty line to end the input, Ctrl-L to clear the screen. A line wider than the terminal scrolls
/// sideways.
/// </summary>
internal sealed class LineEditor
{
    private readonly ITerminal terminal;
    private readonly LineHistory history;
    private readonly Func<string, int, Completion>? complete;
    private readonly string prompt;
    private readonly StringBuilder buffer = new();
    private int cursor;
    private int scroll;

    public LineEditor(ITerminal terminal, LineHistory history, Func<string, int, Completion>? complete, string prompt)
    {
        this.terminal = terminal;
        this.history = history;
        this.complete = complete;
        this.prompt = prompt;
    }

    /// <summary>What a key did to the line.</summary>
    public enum Outcome
    {
        /// <summary>The line is still being edited.</summary>
        Editing,

        /// <summary>Enter: the line is done.</summary>
        Accepted,

        /// <summary>Ctrl-D on an empty line, or the keyboard is gone: no more lines.</summary>
        EndOfInput,
    }

    public string Text => buffer.ToString();

    public int Cursor => cursor;

    /// <summary>Shows the prompt and edits one line.</summary>
    /// <returns>The line, or null at the end of the input.</returns>
    public string? ReadLine()
    {
        Begin();
        while (true)
        {
            ConsoleKeyInfo key;
            try
            {
                key = terminal.ReadKey();
            }
            catch (InvalidOperationException)
            {
                // The keyboard went away (the terminal closed): end the input as Ctrl-D would.
                return null;
            }

            switch (Handle(key))
            {
                case Outcome.Accepted:
                    var line = Text;
                    history.Add(line);
                    return line;
                case Outcome.EndOfInput:
                    return null;
            }
        }
    }

    /// <summary>Starts a new, empty line and draws the prompt.</summary>
    public void Begin()
    {
        buffer.Clear();
        cursor = 0;
        scroll = 0;
        history.ResetNavigation();
        Render();
    }

    /// <summary>Applies one key.</summary>
    public Outcome Handle(ConsoleKeyInfo key)
    {
        var control = key.Modifiers.HasFlag(ConsoleModifiers.Control);
        switch (key.Key)
        {
            case ConsoleKey.Enter:
                return Accept();
            case ConsoleKey.Tab:
                Complete();
                return Outcome.Editing;
            case ConsoleKey.Backspace:
                if (cursor > 0)
                {
                    buffer.Remove(--cursor, 1);
                }

                break;
            case ConsoleKey.Delete:
                DeleteUnderCursor();
                break;
            case ConsoleKey.LeftArrow:
                cursor = control ? WordStartBefore(cursor) : Math.Max(0, cursor - 1);
                break;
            case ConsoleKey.RightArrow:
                cursor = control ? WordEndAfter(cursor) : Math.Min(buffer.Length, cursor + 1);
                break;
            case ConsoleKey.Home:
                cursor = 0;
                break;
            case ConsoleKey.End:
                cursor = buffer.Length;
                break;
            case ConsoleKey.UpArrow:
                Recall(history.Previous(Text));
                break;
            case ConsoleKey.DownArrow:
                Recall(history.Next());
                break;
            default:
                return HandleCharacter(key, control);
        }

        Render();
        return Outcome.Editing;
    }

    private Outcome HandleCharacter(ConsoleKeyInfo key, bool control)
    {
        // Terminals send Ctrl-letter as a control character; some runtimes report only Key and Modifiers.
        var c = key.KeyChar;
        var letter = c is >= '\u0001' and <= '\u001a' ? (char)('A' + c - 1) : control && key.Key is >= ConsoleKey.A and <= ConsoleKey.Z ? (char)('A' + (key.Key - ConsoleKey.A)) : '\0';
        switch (letter)
        {
            case 'A':
                cursor = 0;
                break;
            case 'E':
                cursor = buffer.Length;
                break;
            case 'B':
                cursor = Math.Max(0, cursor - 1);
                break;
            case 'F':
                cursor = Math.Min(buffer.Length, cursor + 1);
                break;
            case 'K':
                buffer.Remove(cursor, buffer.Length - cursor);
                break;
            case 'U':
                buffer.Remove(0, cursor);
                cursor = 0;
                break;
            case 'W':
                var start = WordStartBefore(cursor);
                buffer.Remove(start, cursor - start);
                cursor = start;
                break;
            case 'P':
                Recall(history.Previous(Text));
                break;
            case 'N':
                Recall(history.Next());
                break;
            case 'H':
                if (cursor > 0)
                {
                    buffer.Remove(--cursor, 1);
                }

                break;
            case 'D':
                if (buffer.Length == 0)
                {
                    terminal.Write("\r\n");
                    return Outcome.EndOfInput;
                }

                DeleteUnderCursor();
                break;
            case 'C':
                terminal.Write("^C\r\n");
                buffer.Clear();
                cursor = 0;
                scroll = 0;
                history.ResetNavigation();
                break;
            case 'L':
                terminal.Write("\u001b[H\u001b[2J");
                break;
            case 'I':
                Complete();
                return Outcome.Editing;
            case 'J' or 'M':
                return Accept();
            case '\0' when !char.IsControl(c):
                buffer.Insert(cursor++, c);
                if (terminal.KeyAvailable)
                {
                    // Pasted text: draw once when it has all arrived.
                    return Outcome.Editing;
                }

                break;
            default:
                return Outcome.Editing;
        }

        Render();
        return Outcome.Editing;
    }

    /// <summary>
    /// Ends the line. Pasted text is drawn only once it has all arrived, and a pasted line break arrives with it:
    /// so the line is drawn here, or a pasted line would run without being shown, as if never typed.
    /// </summary>
    private Outcome Accept()
    {
        Render();
        terminal.Write("\r\n");
        return Outcome.Accepted;
    }

    private void Complete()
    {
        if (complete is null)
        {
            return;
        }

        var result = complete(Text, cursor);
        if (result.Insert is { } insert)
        {
            buffer.Remove(result.Start, cursor - result.Start);
            buffer.Insert(result.Start, insert);
            cursor = result.Start + insert.Length;
        }
        else if (result.Candidates.Count > 1)
        {
            terminal.Write("\r\n" + Columns(result.Candidates, terminal.Width));
        }

        Render();
    }

    private void Recall(string? line)
    {
        if (line is null)
        {
            return;
        }

        buffer.Clear().Append(line);
        cursor = buffer.Length;
    }

    private void DeleteUnderCursor()
    {
        if (cursor < buffer.Length)
        {
            buffer.Remove(cursor, 1);
        }
    }

    private int WordStartBefore(int index)
    {
        while (index > 0 && char.IsWhiteSpace(buffer[index - 1]))
        {
            index--;
        }

        while (index > 0 && !char.IsWhiteSpace(buffer[index - 1]))
        {
            index--;
        }

        return index;
    }

    private int WordEndAfter(int index)
    {
        while (index < buffer.Length && char.IsWhiteSpace(buffer[index]))
        {
            index++;
        }

        while (index < buffer.Length && !char.IsWhiteSpace(buffer[index]))
        {
            index++;
        }

        return index;
    }

    /// <summary>Redraws the prompt and the part of the line around the cursor, then puts the cursor in place.</summary>
    private void Render()
    {
        var room = Math.Max(10, terminal.Width - prompt.Length - 1);
        if (cursor < scroll)
        {
            scroll = cursor;
        }
        else if (cursor - scroll > room)
        {
            scroll = cursor - room;
        }

        scroll = Math.Min(scroll, Math.Max(0, buffer.Length - room));
        scroll = Math.Max(0, Math.Min(scroll, cursor));
        var visible = buffer.ToString(scroll, Math.Min(room, buffer.Length - scroll));
        var back = scroll + visible.Length - cursor;
        terminal.Write("\r" + prompt + visible + "\u001b[K" + (back > 0 ? $"\u001b[{back}D" : string.Empty));
    }

    /// <summary>Candidates in columns that fit the width, one row per line.</summary>
    internal static string Columns(IReadOnlyList<string> items, int width)
    {
        var cell = items.Max(i => i.Length) + 2;
        var perRow = Math.Max(1, width / cell);
        var text = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            var last = i % perRow == perRow - 1 || i == items.Count - 1;
            text.Append(last ? items[i] : items[i].PadRight(cell));
            if (last)
            {
                text.Append("\r\n");
            }
        }

        return text.ToString();
    }
}
