using System.Globalization;
using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Storage;
using RelationsGraph.Time;

namespace RelationsGraph.Cli;

/// <summary>Which of the options shared by commands a command takes.</summary>
[Flags]
internal enum Shared
{
    /// <summary>None: the command reads no graph and prints no result.</summary>
    None = 0,

    /// <summary><c>--graph FILE</c>: the graph to read.</summary>
    Graph = 1,

    /// <summary><c>--format text|json</c>.</summary>
    Format = 2,

    /// <summary><c>--notes</c>: each relation's note in text output.</summary>
    Notes = 4,

    /// <summary><c>--width N</c>: the column text wraps at.</summary>
    Width = 8,

    /// <summary><c>--all</c>: list long sections in full instead of summarising them.</summary>
    All = 16,

    /// <summary>What a question takes: all of them.</summary>
    Question = Graph | Format | Notes | Width | All,
}

/// <summary>How one command line asked for its answer: the graph to read, JSON or text, and the text's style.</summary>
/// <param name="GraphPath">The graph file, or null for the bundled graph.</param>
/// <param name="Json">Whether to print JSON.</param>
/// <param name="Style">How text is styled, with or without notes.</param>
internal sealed record Answering(string? GraphPath, bool Json, Style Style);

/// <summary>What every command needs: the writers, the options commands share, and the graphs read so far.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, Style? style = null)
{
    private readonly Dictionary<string, RelationGraph> loaded = new(StringComparer.Ordinal);

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public Style Style { get; } = style ?? Style.Plain;

    public ViewOptions ViewOptions { get; } = new();

    public Option<string?> GraphOption { get; } = new("--graph")
    {
        Description = "The graph file to read (default: the graph bundled with the library).",
        HelpName = "FILE",
    };

    public Option<string> FormatOption { get; } = CreateFormatOption();

    public Option<bool> NotesOption { get; } = new("--notes")
    {
        Description = "In text output, also print each relation's note: how a vague date was read, caveats.",
    };

    public Option<int?> WidthOption { get; } = CreateWidthOption();

    public Option<bool> AllOption { get; } = new("--all")
    {
        Description = $"In text output, list every relation of a long section instead of summarising it (more than {ReportText.ScreenfulOfRelations} relations: counts by kind, dates, a few examples).",
    };

    /// <summary>Adds the shared options a command takes; help then lists only those.</summary>
    public void AddShared(Command command, Shared options)
    {
        if (options.HasFlag(Shared.Graph))
        {
            command.Options.Add(GraphOption);
        }

        if (options.HasFlag(Shared.Format))
        {
            command.Options.Add(FormatOption);
        }

        if (options.HasFlag(Shared.Notes))
        {
            command.Options.Add(NotesOption);
        }

        if (options.HasFlag(Shared.Width))
        {
            command.Options.Add(WidthOption);
        }

        if (options.HasFlag(Shared.All))
        {
            command.Options.Add(AllOption);
        }
    }

    /// <summary>The shared options as given; a command that does not take one gets its default.</summary>
    public Answering Answering(ParseResult result) => new(
        result.GetValue(GraphOption),
        result.GetValue(FormatOption) == "json",
        Style.WithNotes(result.GetValue(NotesOption)).WithWidth(result.GetValue(WidthOption) ?? Style.Width).WithAll(result.GetValue(AllOption)));

    /// <summary>
    /// Loads the graph at <paramref name="path"/>, or the bundled one. A command that will look only at some window
    /// passes it as <paramref name="scope"/>: a file is then read whole and checked whole, but only the
    /// relations active in that window are kept, which is what makes a one-shot query on a big file quick.
    /// Each file is read once per session; a graph already loaded serves every window it covers (the REPL
    /// loads the whole graph first, so its queries never read the file again).
    /// </summary>
    public RelationGraph Graph(string? path, TimeWindow? scope = null)
    {
        if (path is null)
        {
            return GraphFile.LoadBundled();
        }

        var full = Path.GetFullPath(path);
        if (!loaded.TryGetValue(full, out var graph) || !graph.Coverage.Contains(scope ?? TimeWindow.All))
        {
            graph = GraphFile.Load(path, GraphLoadOptions.Default with { Window = scope });
            loaded[full] = graph;
        }

        return graph;
    }

    /// <summary>
    /// Loads what a question about some actors (as typed) needs, for a command that looks at nothing but their
    /// relations with anyone in <paramref name="scope"/> (a triangle or group, a timeline, a pair's trend). From a
    /// snapshot this session has not loaded, only those rows are read and checked
    /// (<see cref="SnapshotReader.ReadTouching"/>), so a triangle on a hundred million relations does not read and
    /// check them all; such a graph answers only this question, so it is not kept for others. graph.json, which is
    /// read whole anyway, and graphs already loaded are served as <see cref="Graph"/> serves them.
    /// </summary>
    /// <remarks>
    /// An answer that shows every relation it reads (<see cref="ShowsEveryRelation"/>) has their texts read with the
    /// rows; any other leaves them in the file until it shows a relation, so it is written with <see cref="WriteAnswer"/>.
    /// </remarks>
    public RelationGraph GraphTouching(Answering answering, TimeWindow? scope, IReadOnlyList<string> actors) =>
        IsUnloadedSnapshot(answering.GraphPath, scope)
            ? SnapshotReader.ReadTouching(answering.GraphPath!, scope, g => actors.Select(a => ResolveActor(g, a).Id).ToList(), readTexts: ShowsEveryRelation(answering))
            : Graph(answering.GraphPath, scope);

    /// <summary>Whether an answer shows every relation it reads: as JSON, or as text listing all (<c>--all</c>).</summary>
    public static bool ShowsEveryRelation(Answering answering) => answering.Json || answering.Style.All;

    /// <summary>
    /// Writes an answer on a graph <see cref="GraphTouching"/> read. One that does not show every relation it reads
    /// (a summary, mostly) may read a relation's texts from a snapshot as it shows them, and check them then: it is
    /// written once whole, so that a bad text stops it with its error (exit 2) before any of it is written, not
    /// halfway. One that shows every relation, whose texts were read and checked with the rows, is written as it goes
    /// (it may be hundreds of megabytes).
    /// </summary>
    public void WriteAnswer(Answering answering, Action<TextWriter> write)
    {
        if (ShowsEveryRelation(answering))
        {
            write(Output);
            return;
        }

        using var whole = new StringWriter(CultureInfo.InvariantCulture) { NewLine = Output.NewLine };
        write(whole);
        Output.Write(whole.ToString());
    }

    /// <summary>Whether a path names a snapshot file this session holds no graph of for the window.</summary>
    private bool IsUnloadedSnapshot(string? path, TimeWindow? scope) =>
        path is not null && File.Exists(path) && GraphFile.FormatOf(path) == GraphFileFormat.Snapshot
        && !(loaded.TryGetValue(Path.GetFullPath(path), out var graph) && graph.Coverage.Contains(scope ?? TimeWindow.All));

    /// <summary>
    /// Loads what reading a question needs: the actors, by their names and aliases. From a snapshot this session has
    /// not loaded, that is its actors, sources and events without a relation (a few tables, however big the file);
    /// otherwise the graph, as <see cref="Graph"/> serves it. Not kept: the command the question becomes loads what
    /// it answers from.
    /// </summary>
    public RelationGraph ActorsOf(string? path) => IsUnloadedSnapshot(path, null) ? SnapshotReader.ReadTouching(path!, null, _ => []) : Graph(path);

    /// <summary>Gets or sets the graph whose actors Tab completes (the interactive mode's); null for none.</summary>
    public RelationGraph? CompletionGraph { get; set; }

    /// <summary>The actor ids, names and aliases an actor argument completes to.</summary>
    public IEnumerable<System.CommandLine.Completions.CompletionItem> ActorCompletions() =>
        (CompletionGraph?.Actors ?? [])
            .SelectMany(a => new[] { a.Id.Value, a.Name }.Concat(a.Aliases))
            .Distinct(StringComparer.Ordinal)
            .Select(name => new System.CommandLine.Completions.CompletionItem(name));

    public static Actor ResolveActor(RelationGraph graph, string text)
    {
        var match = graph.FindActor(text);
        return match.Actor ?? throw new UserInputException(match.ToString());
    }

    private static Option<int?> CreateWidthOption()
    {
        var option = CliOptions.OptionalWholeNumber(
            "--width",
            $"The column text wraps at (default: the terminal's width, or {Style.DefaultWidth} into a file or pipe; at least {Style.MinimumWidth}).");
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[^1].Value, System.Globalization.CultureInfo.InvariantCulture, out var width) && width < Style.MinimumWidth)
            {
                result.AddError($"--width takes {Style.MinimumWidth} columns or more, not {width}.");
            }
        });
        return option;
    }

    private static Option<string> CreateFormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "How to print the result: text for people, json for scripts.",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
