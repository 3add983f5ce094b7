namespace RelationsGraph.Cli.Output;

/// <summary>
/// How text answers are laid out: ANSI colour for terminals (plain text into a file or pipe, or when NO_COLOR is
/// set), the width lines wrap at, whether each relation's note is printed, and whether long sections are listed
/// in full rather than summarised.
/// </summary>
internal sealed class Style(bool enabled, bool notes = false, int width = Style.DefaultWidth, bool all = false)
{
    /// <summary>The width text wraps at when it goes to a file or pipe, or the terminal's width cannot be read.</summary>
    public const int DefaultWidth = 100;

    /// <summary>The narrowest width text is laid out for; a narrower <c>--width</c> is refused.</summary>
    public const int MinimumWidth = 40;

    public static Style Plain { get; } = new(false);

    public bool Enabled => enabled;

    /// <summary>Whether to print each relation's note (how its date was read, caveats) under it.</summary>
    public bool Notes => notes;

    /// <summary>The column lines wrap at.</summary>
    public int Width => width;

    /// <summary>Whether sections with more than <see cref="ReportText.ScreenfulOfRelations"/> relations are listed in full.</summary>
    public bool All => all;

    public Style WithNotes(bool show) => show == notes ? this : new Style(enabled, show, width, all);

    public Style WithWidth(int columns) => columns == width ? this : new Style(enabled, notes, columns, all);

    public Style WithAll(bool listAll) => listAll == all ? this : new Style(enabled, notes, width, listAll);

    public static Style ForConsole() =>
        new(!Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")), width: TerminalWidth());

    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    public string Good(string text) => Wrap("32", text);

    public string Bad(string text) => Wrap("31", text);

    public string Warn(string text) => Wrap("33", text);

    /// <summary>The terminal's width when standard output is one, else <see cref="DefaultWidth"/>.</summary>
    private static int TerminalWidth()
    {
        if (Console.IsOutputRedirected)
        {
            return DefaultWidth;
        }

        try
        {
            return Console.WindowWidth >= MinimumWidth ? Console.WindowWidth : DefaultWidth;
        }
        catch (IOException)
        {
            return DefaultWidth;
        }
    }

    private string Wrap(string code, string text) => enabled && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
