using System.Globalization;
using System.Text;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Common;
using RelationsGraph.Time;

namespace RelationsGraph.Export;

/// <summary>
/// Draws a view of the graph as a Graphviz DOT picture: actors shaped by kind; relations coloured by
/// polarity, styled by kind and labelled with kind and date at the data's own precision; arrows for
/// directed relations and none for mutual ones; parallel relations drawn apart; a legend; a title naming
/// the actors, the window and the source. Render it with <c>dot -Tsvg picture.dot -o picture.svg</c>.
/// </summary>
/// <remarks>
/// The output is deterministic (actors by id, relations by pair of actors, date and id; invariant culture;
/// "\n" line ends), so the diff of two exports shows what changed. Any name or label is valid: every value
/// is quoted and escaped, and text Graphviz would mangle (<c>\N</c>, <c>&amp;amp;</c>, control characters) is
/// written so that it reads back as itself; control characters other than line breaks and tabs are drawn as
/// U+FFFD. Tooltips (the relation's label, the actor's aliases) are hints on one line: line breaks and tabs
/// in them become spaces. A picture leaves out actors with no relation in it unless the selection names them. Thread-safe.
/// </remarks>
public static class DotWriter
{
    /// <summary>How many relations of one kind between a pair are drawn as one edge, unless <see cref="DotOptions.EachRelation"/>.</summary>
    public const int MergedFrom = 3;

    private const string Cooperative = "#2166ac";
    private const string Conflictual = "#b2182b";
    private const string Neutral = "#7f7f7f";
    private const string Ink = "#444444";

    private enum Line
    {
        Bold,
        Solid,
        Dashed,
        Dotted,
    }

    /// <summary>Writes a view as DOT.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="view">The relations to draw: the window and kinds.</param>
    /// <param name="selection">Which actors to draw; <see langword="null"/> for <see cref="ExportSelection.All"/>.</param>
    /// <param name="options">How to draw; <see langword="null"/> for <see cref="DotOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> or <paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentException">The selection names an actor the graph does not have.</exception>
    public static void Write(TextWriter writer, GraphView view, ExportSelection? selection = null, DotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(writer);
        var scope = ExportScope.Resolve(view, selection);
        Write(scope, scope.DrawnActors, writer, options ?? DotOptions.Default);
    }

    /// <summary>Writes a view as a DOT file, atomically, in UTF-8 without a byte order mark.</summary>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="view">The relations to draw: the window and kinds.</param>
    /// <param name="selection">Which actors to draw; <see langword="null"/> for <see cref="ExportSelection.All"/>.</param>
    /// <param name="options">How to draw; <see langword="null"/> for <see cref="DotOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The selection names an actor the graph does not have.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder may not be written.</exception>
    public static void WriteFile(string path, GraphView view, ExportSelection? selection = null, DotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(path);
        var scope = ExportScope.Resolve(view, selection);
        Save(path, text => Write(scope, scope.DrawnActors, text, options ?? DotOptions.Default));
    }

    /// <summary>
    /// Writes one DOT file per year of the view's window: small multiples that show how relations changed.
    /// Every picture draws the same actors (those the whole window draws), so the pictures line up. The
    /// file of a year is named by inserting <c>-YYYY</c> before the extension of <paramref name="path"/>:
    /// <c>docs/triangle.dot</c> gives <c>docs/triangle-2016.dot</c>, <c>docs/triangle-2017.dot</c>, ….
    /// A first or last year the window covers only in part is drawn for that part.
    /// </summary>
    /// <param name="path">The file name to number; its folder must exist.</param>
    /// <param name="view">The relations to draw; its window must have both ends.</param>
    /// <param name="selection">Which actors to draw; <see langword="null"/> for <see cref="ExportSelection.All"/>.</param>
    /// <param name="options">How to draw; <see langword="null"/> for <see cref="DotOptions.Default"/>.</param>
    /// <returns>The files written, in year order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The window is open at an end, or the selection names an actor the graph does not have.</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">A file or its folder may not be written.</exception>
    public static IReadOnlyList<string> WriteEachYear(string path, GraphView view, ExportSelection? selection = null, DotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(path);
        if (view.Window.From is not { } from || view.Window.To is not { } to)
        {
            throw new ArgumentException($"The window {view.Window} is open at an end; one picture per year needs a first and a last year.", nameof(view));
        }

        var whole = ExportScope.Resolve(view, selection);
        var drawn = whole.DrawnActors;
        var stem = Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, Path.GetFileNameWithoutExtension(path));
        var extension = Path.GetExtension(path);
        var written = new List<string>();
        for (var year = from.Year; year <= to.Year; year++)
        {
            var window = TimeWindow.Between(year == from.Year ? from : new PartialDate(year), year == to.Year ? to : new PartialDate(year));
            var scope = whole.Within(window);
            var file = string.Create(CultureInfo.InvariantCulture, $"{stem}-{year:D4}{extension}");
            Save(file, text => Write(scope, drawn, text, options ?? DotOptions.Default));
            written.Add(file);
        }

        return written;
    }

    private static void Save(string path, Action<TextWriter> write) =>
        AtomicFile.Write(path, stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(text);
        });

    private static void Write(ExportScope scope, IReadOnlyList<Actor> actors, TextWriter writer, DotOptions options)
    {
        var o = new DotLines(writer);
        var heading = options.Title ?? ExportText.Heading(scope);
        o.Line("// Drawn by relgraph. Render with Graphviz: dot -Tsvg FILE.dot -o FILE.svg");
        o.Line("digraph \"relgraph\" {");
        o.Line($"  graph [label={DotText.Text(heading + "\n" + ExportText.SourceLine(scope))}, labelloc=\"t\", fontname=\"Helvetica\", fontsize=\"16\", rankdir=\"LR\", nodesep=\"0.35\", ranksep=\"0.6\", pad=\"0.3\"];");
        o.Line($"  node [fontname=\"Helvetica\", fontsize=\"12\", penwidth=\"1.2\", color=\"{Ink}\"];");
        o.Line("  edge [fontname=\"Helvetica\", fontsize=\"9\", arrowsize=\"0.8\"];");
        var drawn = actors.Select(a => a.Id).ToHashSet();
        var relations = scope.Relations
            .Where(r => drawn.Contains(r.Source) && drawn.Contains(r.Target))
            .OrderBy(r => Pair(r), StringComparer.Ordinal)
            .ThenBy(r => r.Time.Beginning)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();

        // Written first, the legend is laid out below the picture.
        if (options.Legend && (actors.Count > 0 || relations.Count > 0))
        {
            o.Line();
            WriteLegend(o, actors, relations);
        }

        if (actors.Count > 0)
        {
            o.Line();
        }

        foreach (var actor in actors)
        {
            var aliases = actor.Aliases.Count > 0 ? "; also " + string.Join(", ", actor.Aliases) : string.Empty;
            o.Line($"  {DotText.Id(actor.Id.Value)} [id={DotText.Text("actor:" + actor.Id.Value)}, label={DotText.Text(actor.Name)}, {Shape(actor.Kind)}, tooltip={DotText.Tooltip($"{actor.Name} ({actor.Id}), {actor.Kind.Name()}{aliases}")}];");
        }

        if (relations.Count > 0)
        {
            o.Line();
        }

        foreach (var group in Edges(relations, options))
        {
            var r = group[0];
            var colour = Colour(r.Polarity);
            if (group.Count > 1)
            {
                // The years the relations begin in: a merged edge stands for many dates, and years keep its label short.
                var (first, last) = (group.Min(g => g.Time.Beginning.Year), group.Max(g => g.Time.Beginning.Year));
                var span = first == last ? first.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{first}–{last}");
                o.Line(
                    $"  {DotText.Id(r.Source.Value)} -> {DotText.Id(r.Target.Value)} [id={DotText.Text($"relations:{r.Id}+{group.Count - 1}")}, " +
                    $"label={DotText.Text($"{r.Kind.Name} ×{group.Count}\n{span}")}, color=\"{colour}\", fontcolor=\"{colour}\", {Style(LineOf(r.Kind))}" +
                    $"{Direction(group)}, tooltip={DotText.Tooltip($"{group.Count} relations ({r.Label}, …): {string.Join(", ", group.Select(g => g.Id))}")}];");
                continue;
            }

            o.Line(
                $"  {DotText.Id(r.Source.Value)} -> {DotText.Id(r.Target.Value)} [id={DotText.Text("relation:" + r.Id)}, " +
                $"label={DotText.Text($"{r.Kind.Name}\n{r.Time}")}, color=\"{colour}\", fontcolor=\"{colour}\", {Style(LineOf(r.Kind))}" +
                $"{(r.Directed ? string.Empty : ", dir=\"none\"")}, tooltip={DotText.Tooltip($"{r.Label} ({r.Id})")}];");
        }

        o.Line("}");
        writer.Flush();
    }

    /// <summary>
    /// The edges to draw, in the relations' order: each relation alone, or with <see cref="DotOptions.EachRelation"/> off,
    /// the relations of one kind between a pair together when there are <see cref="MergedFrom"/> or more (arrows both ways when they go both ways).
    /// </summary>
    private static List<List<Relation>> Edges(List<Relation> relations, DotOptions options)
    {
        if (options.EachRelation)
        {
            return relations.Select(r => new List<Relation> { r }).ToList();
        }

        var groups = relations.GroupBy(r => (Pair(r), r.Kind)).ToDictionary(g => g.Key, g => g.ToList());
        var edges = new List<List<Relation>>();
        var done = new HashSet<(string, RelationKind)>();
        foreach (var r in relations)
        {
            var key = (Pair(r), r.Kind);
            var group = groups[key];
            if (group.Count < MergedFrom)
            {
                edges.Add([r]);
            }
            else if (done.Add(key))
            {
                edges.Add(group);
            }
        }

        return edges;
    }

    /// <summary>A merged edge's arrows: forward when every relation goes one way from the first's source, none when all are mutual, else both.</summary>
    private static string Direction(List<Relation> group) =>
        group.All(g => g.Directed && g.Source == group[0].Source) ? string.Empty
        : group.All(g => !g.Directed) ? ", dir=\"none\""
        : ", dir=\"both\"";

    private static void WriteLegend(DotLines o, IReadOnlyList<Actor> actors, IReadOnlyList<Relation> relations)
    {
        o.Line("  subgraph \"cluster legend\" {");
        o.Line("    graph [id=\"legend\", label=\"Legend\", fontsize=\"11\", style=\"rounded\", color=\"#bbbbbb\", fontcolor=\"#555555\"];");
        o.Line("    node [shape=\"point\", style=\"invis\", width=\"0.05\", height=\"0.05\", label=\"\"];");
        // A sample line ends at its caption, a plain-text node: edge labels would add ranks and tilt the lines.
        var row = 0;
        void Sample(string caption, string colour, string attributes)
        {
            row++;
            o.Line($"    \"legend {row}\" [label={DotText.Text(caption)}, shape=\"plaintext\", style=\"solid\", width=\"0\", height=\"0.25\", fontsize=\"10\", fontcolor=\"{colour}\"];");
            o.Line($"    \"legend {row} line\" -> \"legend {row}\" [color=\"{colour}\", {attributes}];");
        }

        foreach (var polarity in relations.Select(r => r.Polarity).Distinct().OrderDescending())
        {
            Sample(polarity.Name(), Colour(polarity), "dir=\"none\"");
        }

        foreach (var line in relations.Select(r => LineOf(r.Kind)).Distinct().Order())
        {
            var kinds = RelationKind.All.Where(k => LineOf(k) == line && relations.Any(r => r.Kind == k)).Select(k => k.Name);
            Sample(string.Join(", ", kinds), Ink, $"{Style(line)}, dir=\"none\"");
        }

        if (relations.Any(r => r.Directed))
        {
            Sample("directed: one way", Ink, "dir=\"forward\"");
        }

        if (relations.Any(r => !r.Directed))
        {
            Sample("mutual: both ways", Ink, "dir=\"none\"");
        }

        // An actor kind's sample stands in the captions' column, after an invisible line.
        foreach (var kind in actors.Select(a => a.Kind).Distinct().Order())
        {
            var name = kind.Name();
            o.Line($"    \"legend {name}\" [label=\"{name}\", {Shape(kind)}, fontsize=\"10\"];");
            o.Line($"    \"legend {name} line\" -> \"legend {name}\" [style=\"invis\"];");
        }

        o.Line("  }");
    }

    /// <summary>The two ends in id order, so a pair's relations sit together whatever their direction.</summary>
    private static string Pair(Relation r) =>
        string.CompareOrdinal(r.Source.Value, r.Target.Value) <= 0 ? $"{r.Source}\n{r.Target}" : $"{r.Target}\n{r.Source}";

    private static string Shape(ActorKind kind) => kind switch
    {
        ActorKind.State => "shape=\"box\", style=\"rounded,filled\", fillcolor=\"#f2f2f2\"",
        ActorKind.Organization => "shape=\"hexagon\", style=\"filled\", fillcolor=\"#fff4dc\"",
        ActorKind.Person => "shape=\"ellipse\", style=\"filled\", fillcolor=\"#f3eefa\"",
        _ => "shape=\"octagon\", style=\"filled\", fillcolor=\"#e9f6e9\"",
    };

    private static string Colour(Polarity polarity) => polarity switch
    {
        Polarity.Cooperative => Cooperative,
        Polarity.Conflictual => Conflictual,
        _ => Neutral,
    };

    private static string Style(Line line) => line switch
    {
        Line.Bold => "style=\"solid\", penwidth=\"2.8\"",
        Line.Dashed => "style=\"dashed\", penwidth=\"1.3\"",
        Line.Dotted => "style=\"dotted\", penwidth=\"1.6\"",
        _ => "style=\"solid\", penwidth=\"1.3\"",
    };

    /// <summary>Bold for binding ties and armed force, dashed for words, dotted for structure, solid for other acts.</summary>
    private static Line LineOf(RelationKind kind) => kind.Name switch
    {
        "ally" or "treaty" or "agreement" or "diplomatic-relations" or "war" or "assault" or "mass-violence" => Line.Bold,
        "statement" or "appeal" or "pledge" or "demand" or "criticism" or "rejection" or "protest" or "hostility" => Line.Dashed,
        "leader-of" or "member-of" => Line.Dotted,
        _ => Line.Solid,
    };

    /// <summary>Writes lines ending in "\n" whatever the writer's NewLine.</summary>
    private readonly struct DotLines(TextWriter writer)
    {
        public void Line(string text = "")
        {
            writer.Write(text);
            writer.Write('\n');
        }
    }
}
