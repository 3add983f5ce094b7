using System.CommandLine;
using RelationsGraph.Graph;
using RelationsGraph.Cli.Output;
using RelationsGraph.Model;
using RelationsGraph.Serialization;
using RelationsGraph.Time;

namespace RelationsGraph.Cli;

/// <summary>What every command needs: the writers, the options shared by all commands, and the graph.</summary>
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
        Recursive = true,
    };

    public Option<string> FormatOption { get; } = CreateFormatOption();

    public Option<bool> NotesOption { get; } = new("--notes")
    {
        Description = "In text output, also print each relation's note: how a vague date was read, caveats.",
        Recursive = true,
    };

    public Style StyleFor(ParseResult result) => Style.WithNotes(result.GetValue(NotesOption));

    public bool IsJson(ParseResult result) => result.GetValue(FormatOption) == "json";

    /// <summary>
    /// Loads the graph named by --graph, or the bundled one. A command that will look only at some window
    /// passes it as <paramref name="scope"/>: a file is then read whole and checked whole, but only the
    /// relations active in that window are kept, which is what makes a one-shot query on a big file quick.
    /// Each file is read once per session; a graph already loaded serves every window it covers (the REPL
    /// loads the whole graph first, so its queries never read the file again).
    /// </summary>
    public RelationGraph Graph(ParseResult result, TimeWindow? scope = null)
    {
        var path = result.GetValue(GraphOption);
        if (path is null)
        {
            return RelationGraph.LoadBundled();
        }

        var full = Path.GetFullPath(path);
        if (!loaded.TryGetValue(full, out var graph) || !graph.Coverage.Contains(scope ?? TimeWindow.All))
        {
            graph = RelationGraph.Load(path, GraphLoadOptions.Default with { Window = scope });
            loaded[full] = graph;
        }

        return graph;
    }

    public static Actor ResolveActor(RelationGraph graph, string text)
    {
        var match = graph.FindActor(text);
        return match.Actor ?? throw new UserInputException(match.ToString());
    }

    private static Option<string> CreateFormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "How to print the result: text for people, json for scripts.",
            DefaultValueFactory = _ => "text",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
