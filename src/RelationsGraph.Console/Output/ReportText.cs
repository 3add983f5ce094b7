using System.Globalization;
using RelationsGraph.Graph;
using RelationsGraph.Import;
using RelationsGraph.Merge;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;

namespace RelationsGraph.Cli.Output;

/// <summary>The text form of every query result: aligned, readable in a terminal, deterministic.</summary>
internal static class ReportText
{
    /// <summary>The sources' lines under an answer's title, and the note when its window reaches past them.</summary>
    public static void Source(TextWriter o, RelationGraph graph, string? beyondSources, Style style)
    {
        foreach (var s in graph.Sources)
        {
            o.WriteLine(style.Dim($"Source: {s.Author}, “{s.Title}”, {s.Publisher}, {s.Published}."));
        }

        if (beyondSources is not null)
        {
            o.WriteLine(style.Warn($"Note: {beyondSources}."));
        }
    }

    /// <summary>Relations as aligned rows (sign, time, kind, ends, label), each followed by its evidence quotes.</summary>
    public static void Relations(TextWriter o, IReadOnlyList<Relation> relations, Style style, string indent = "  ", bool quotes = true, bool notes = false)
    {
        if (relations.Count == 0)
        {
            o.WriteLine(indent + style.Dim("(none)"));
            return;
        }

        var timeWidth = relations.Max(r => r.Time.ToString().Length);
        var kindWidth = relations.Max(r => r.Kind.Name.Length);
        var endsWidth = relations.Max(r => TextFormat.Ends(r).Length);
        foreach (var r in relations)
        {
            var sign = r.Polarity.Sign();
            sign = r.Polarity switch
            {
                Polarity.Cooperative => style.Good(sign),
                Polarity.Conflictual => style.Bad(sign),
                _ => sign,
            };
            o.WriteLine($"{indent}{sign} {r.Time.ToString().PadRight(timeWidth)}  {r.Kind.Name.PadRight(kindWidth)}  {TextFormat.Ends(r).PadRight(endsWidth)}  {r.Label}");
            if (quotes)
            {
                var pad = indent + new string(' ', 2 + timeWidth + 2 + kindWidth + 2 + endsWidth + 2);
                foreach (var e in r.Evidence)
                {
                    o.WriteLine(pad + style.Dim($"“{e.Quote}”"));
                }

                if ((notes || style.Notes) && r.Note is { } note)
                {
                    o.WriteLine(pad + style.Dim($"note: {note}"));
                }
            }
        }
    }

    public static void Events(TextWriter o, IReadOnlyList<ActorEvent> events, Style style, string indent = "  ")
    {
        if (events.Count == 0)
        {
            o.WriteLine(indent + style.Dim("(none)"));
            return;
        }

        var timeWidth = events.Max(e => e.Time.ToString().Length);
        var kindWidth = events.Max(e => e.Kind.Name.Length);
        var actorWidth = events.Max(e => e.Actor.Value.Length);
        foreach (var e in events)
        {
            o.WriteLine($"{indent}* {e.Time.ToString().PadRight(timeWidth)}  {e.Kind.Name.PadRight(kindWidth)}  {e.Actor.Value.PadRight(actorWidth)}  {e.Label}");
        }
    }

    public static void Group(TextWriter o, GroupReport report, string title, Style style)
    {
        o.WriteLine(style.Bold($"{title} {string.Join(", ", report.Actors.Select(a => a.Id.Value))} · {report.View}"));
        Source(o, report.View.Graph, report.View.BeyondSources, style);
        foreach (var pair in report.Pairs)
        {
            o.WriteLine();
            o.WriteLine(style.Bold($"{pair.First.Id} – {pair.Second.Id}: {Sign(pair.Sign, style)}") + Counts(pair));
            Relations(o, pair.Relations, style);
        }

        if (report.Triads.Count > 0)
        {
            o.WriteLine();
            o.WriteLine(style.Bold("Balance (Heider)"));
            foreach (var triad in report.Triads)
            {
                o.WriteLine($"  {string.Join(", ", triad.Actors.Select(a => a.Id.Value))}: {Verdict(triad.Balance, style)}");
                o.WriteLine(style.Dim($"    {triad.Explanation}"));
            }
        }

        o.WriteLine();
        o.WriteLine(style.Bold($"Events in {report.View.Window}"));
        Events(o, report.Events, style);

        o.WriteLine();
        o.WriteLine(style.Bold($"Context: relations with actors outside the {title.ToLowerInvariant()}"));
        Relations(o, report.Context, style, quotes: false);

        if (report.PreviousWindow is { } previous)
        {
            o.WriteLine();
            o.WriteLine(style.Bold($"Since {previous}"));
            foreach (var change in report.Changes)
            {
                var line = $"  {change.First.Id} – {change.Second.Id}: {Sign(change.Before, Style.Plain)} → {Sign(change.After, style)}";
                var details = new List<string>();
                if (change.Added.Count > 0)
                {
                    details.Add($"new: {string.Join(", ", change.Added.Select(r => r.Kind.Name).Distinct())}");
                }

                if (change.Dropped.Count > 0)
                {
                    details.Add($"gone: {string.Join(", ", change.Dropped.Select(r => r.Kind.Name).Distinct())}");
                }

                o.WriteLine(details.Count == 0 ? line : $"{line} ({string.Join("; ", details)})");
            }

            for (var i = 0; i < report.Triads.Count; i++)
            {
                var before = report.PreviousTriads[i].Balance;
                var now = report.Triads[i].Balance;
                o.WriteLine($"  {string.Join(", ", report.Triads[i].Actors.Select(a => a.Id.Value))}: {Verdict(before, Style.Plain)} → {Verdict(now, style)}");
            }
        }
    }

    /// <summary>Paths between two actors; a time-respecting one is titled by when it may start, not by a window it ignores.</summary>
    public static void Paths(TextWriter o, GraphView view, ActorId from, ActorId to, IReadOnlyList<ActorPath> paths, bool temporal, PartialDate? after, Style style)
    {
        if (paths.Count == 0)
        {
            o.WriteLine($"No {(temporal ? "time-respecting " : string.Empty)}path from {from} to {to} in {view}{(after is { } a ? $", starting in {a} or later" : string.Empty)}.");
            return;
        }

        var title = temporal
            ? $"Time-respecting path {from} → {to} · {(after is { } start ? $"starting in {start} or later" : "starting at any date")}" +
              (view.Window.From is null && view.Window.To is null ? Filters(view) : $" · within {view}")
            : $"Paths {from} → {to} · {view}";
        o.WriteLine(style.Bold(title));
        Source(o, view.Graph, view.BeyondSources, style);
        var number = 0;
        foreach (var path in paths)
        {
            o.WriteLine();
            o.WriteLine(style.Bold($"{++number}. {path} ({path.Length} {(path.Length == 1 ? "hop" : "hops")})"));
            foreach (var step in path.Steps)
            {
                var when = step.EarliestDay is { } day ? $" (from {day:yyyy-MM-dd})" : string.Empty;
                o.WriteLine($"  {step.From.Id} → {step.To.Id}{when}");
                Relations(o, step.Relations, style, "    ");
            }
        }
    }

    public static void Neighbourhood(TextWriter o, GraphView view, Neighbourhood n, Style style)
    {
        o.WriteLine(style.Bold($"Neighbours of {n.Center.Id} within {n.Depth} {(n.Depth == 1 ? "hop" : "hops")} · {view}"));
        Source(o, view.Graph, view.BeyondSources, style);
        o.WriteLine();
        var table = new TextTable("HOPS", "ID", "KIND", "NAME");
        foreach (var m in n.Members)
        {
            table.Add(m.Distance.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Actor.Id.Value, m.Actor.Kind.Name(), m.Actor.Name);
        }

        table.WriteTo(o, "  ");
        o.WriteLine();
        o.WriteLine(style.Bold($"Relations among them ({n.Relations.Count})"));
        Relations(o, n.Relations, style);
    }

    public static void Timeline(TextWriter o, GraphView view, Timeline timeline, Style style)
    {
        o.WriteLine(style.Bold($"Timeline of {string.Join(" and ", timeline.Actors.Select(a => a.Id.Value))} · {view}"));
        Source(o, view.Graph, view.BeyondSources, style);
        o.WriteLine();
        var relations = new List<Relation>();
        void Flush()
        {
            if (relations.Count > 0)
            {
                Relations(o, relations, style);
                relations.Clear();
            }
        }

        foreach (var entry in timeline.Entries)
        {
            if (entry.Relation is { } r)
            {
                relations.Add(r);
                continue;
            }

            Flush();
            Events(o, [entry.Event!], style);
        }

        Flush();
    }

    public static void Diff(TextWriter o, GraphDiff diff, GraphView filters, Style style)
    {
        o.WriteLine(style.Bold($"From {diff.From} to {diff.To}{Filters(filters)}"));
        Source(o, filters.Graph, diff.BeyondSources, style);
        Section(o, "Started", diff.Started, style);
        Section(o, "Ended", diff.Ended, style);
        Section(o, "Happened", diff.Happened, style);
        o.WriteLine();
        o.WriteLine(style.Bold($"Events ({diff.Events.Count})"));
        Events(o, diff.Events, style);
    }

    /// <summary>One actor: names, codes, its relations and its events as tables.</summary>
    public static void Actor(TextWriter o, Actor actor, IReadOnlyList<Relation> relations, IReadOnlyList<ActorEvent> events)
    {
        o.WriteLine($"{actor.Name} ({actor.Id}), {actor.Kind.Name()}");
        if (actor.Aliases.Count > 0)
        {
            o.WriteLine($"  also: {string.Join(", ", actor.Aliases)}");
        }

        if (!actor.Codes.IsEmpty)
        {
            o.WriteLine($"  codes: {TextFormat.Codes(actor.Codes)}");
        }

        o.WriteLine();
        o.WriteLine($"Relations ({relations.Count})");
        var table = new TextTable("WHEN", "KIND", "+/-", "BETWEEN", "LABEL");
        foreach (var r in relations)
        {
            table.Add(r.Time.ToString(), r.Kind.Name, r.Polarity.Sign(), TextFormat.Ends(r), r.Label);
        }

        table.WriteTo(o, "  ");
        if (events.Count > 0)
        {
            o.WriteLine();
            o.WriteLine($"Events ({events.Count})");
            var eventTable = new TextTable("WHEN", "KIND", "LABEL");
            foreach (var e in events)
            {
                eventTable.Add(e.Time.ToString(), e.Kind.Name, e.Label);
            }

            eventTable.WriteTo(o, "  ");
        }
    }

    /// <summary>The actors as a table: id, kind, name, aliases.</summary>
    public static void Actors(TextWriter o, IReadOnlyList<Actor> actors)
    {
        var table = new TextTable("ID", "KIND", "NAME", "ALIASES");
        foreach (var actor in actors)
        {
            table.Add(actor.Id.Value, actor.Kind.Name(), actor.Name, string.Join(", ", actor.Aliases));
        }

        table.WriteTo(o);
    }

    /// <summary>What an import read, kept and left out, and how its event types matched CAMEO codes.</summary>
    public static void Import(TextWriter o, IcewsImportResult result, string path)
    {
        var graph = result.Graph;
        var kinds = ActorKinds.All.Select(k => $"{graph.Actors.Count(a => a.Kind == k)} {k.Name()}").ToList();
        o.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{path}: {graph.Relations.Count} relations among {graph.Actors.Count} actors ({string.Join(", ", kinds)}) from {string.Join(", ", result.Files.Select(Path.GetFileName))}."));
        o.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Read {result.EventsRead} events; left out {result.SelfRelationsSkipped} of an actor with itself and {result.UnmappedEventsSkipped} of unmapped types."));
        var types = result.EventTypes;
        o.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Event types: {types.Count}; matched to CAMEO codes {types.Count(t => t.How == CameoMatch.Exact)} exactly, " +
            $"{types.Count(t => t.How == CameoMatch.Normalized)} ignoring case and 'not specified below', " +
            $"{types.Count(t => t.How == CameoMatch.Table)} by the table of ICEWS wordings; {types.Count(t => t.How == CameoMatch.Unmapped)} unmapped."));
        foreach (var type in types.Where(t => t.How == CameoMatch.Unmapped))
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  unmapped: \"{type.Description}\" ({type.Events} events)"));
        }

        var disagreeing = types.Where(t => t.GoldsteinDisagrees && t.Events > 0).ToList();
        if (disagreeing.Count > 0)
        {
            o.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Goldstein weight against the kind's polarity: {string.Join(", ", disagreeing.Select(t => $"{t.Code} {t.Kind} {t.Goldstein:+0.0;-0.0} ({t.Events})"))}."));
        }

        foreach (var names in result.MergedNames)
        {
            o.WriteLine($"  one actor for names differing only by case: {string.Join(" / ", names)}");
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Countries: {result.Countries} states got their ISO 3166, COW and CAMEO codes and short names as aliases."));
        foreach (var note in result.AliasesLeftOut)
        {
            o.WriteLine("  " + note);
        }
    }

    /// <summary>A merge: what was written and how actors were joined, or (on stderr) why it was refused.</summary>
    public static void Merge(TextWriter o, TextWriter error, GraphMerge merge, string path)
    {
        if (!merge.IsMerged)
        {
            foreach (var problem in merge.Problems)
            {
                RelationsGraph.Cli.Cli.WriteError(error, problem, shorten: false);
            }

            error.WriteLine($"error: nothing written to {path}: the merge is refused until each actor matches one actor or none.");
            return;
        }

        var graph = merge.Graph;
        o.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{path}: {graph.Sources.Count} sources, {graph.Actors.Count} actors, {graph.Relations.Count} relations, {graph.Events.Count} events; {merge.Joins.Count} actors joined."));
        foreach (var join in merge.Joins)
        {
            o.WriteLine("  " + join);
        }

        foreach (var note in merge.Notes)
        {
            o.WriteLine("  " + note);
        }
    }

    /// <summary>The filters of a view, as they follow its window in a title: <c> · kinds: ally</c>, or nothing.</summary>
    private static string Filters(GraphView view)
    {
        var text = view.ToString();
        var cut = text.IndexOf(" · ", StringComparison.Ordinal);
        return cut < 0 ? string.Empty : text[cut..];
    }

    private static void Section(TextWriter o, string title, IReadOnlyList<Relation> relations, Style style)
    {
        o.WriteLine();
        o.WriteLine(style.Bold($"{title} ({relations.Count})"));
        Relations(o, relations, style, quotes: false);
    }

    private static string Counts(PairReport pair) =>
        pair.Relations.Count == 0 ? string.Empty
        : $" ({pair.Cooperative} cooperative, {pair.Conflictual} conflictual, {pair.Relations.Count - pair.Cooperative - pair.Conflictual} neutral)";

    private static string Sign(PairSign sign, Style style) => sign switch
    {
        PairSign.Cooperative => style.Good("cooperative"),
        PairSign.Conflictual => style.Bad("conflictual"),
        PairSign.Mixed => style.Warn("mixed"),
        PairSign.Neutral => "neutral",
        _ => "no relation",
    };

    private static string Verdict(Balance balance, Style style) => balance switch
    {
        Balance.Balanced => style.Good("balanced"),
        Balance.Unbalanced => style.Bad("unbalanced"),
        Balance.Ambiguous => style.Warn("ambiguous"),
        _ => "open",
    };
}
