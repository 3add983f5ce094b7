namespace RelationsGraph.Cli.Output;

/// <summary>ANSI colour for terminals; plain text when writing to a file or pipe, or when NO_COLOR is set.</summary>
internal sealed class Style(bool enabled, bool notes = false)
{
    public static Style Plain { get; } = new(false);

    public bool Enabled => enabled;

    /// <summary>Whether to print each relation's note (how its date was read, caveats) under it.</summary>
    public bool Notes => notes;

    public Style WithNotes(bool show) => show == notes ? this : new Style(enabled, show);

    public static Style ForConsole() =>
        new(!Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    public string Good(string text) => Wrap("32", text);

    public string Bad(string text) => Wrap("31", text);

    public string Warn(string text) => Wrap("33", text);

    private string Wrap(string code, string text) => enabled && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
