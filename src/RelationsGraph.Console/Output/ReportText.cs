using System.Globalization;
using RelationsGraph.Graph;
using RelationsGraph.Import;
using RelationsGraph.Merge;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;

namespace RelationsGraph.Cli.Output;

/// <summary>
/// The text form of every query result: what it comes to first, then the details; wrapped to the style's width
/// with hanging indents (<see cref="ScreenWriter"/>); actors by name; sections of more than a screenful of
/// relations summarised unless <c>--all</c>; the sources and a one-line key at the end. Deterministic.
/// </summary>
internal static class ReportText
{
    /// <summary>A section with more relations than this is summarised (counts by kind, dates, a few examples) unless <c>--all</c>.</summary>
    public const int ScreenfulOfRelations = 12;

    /// <summary>How many relations a summarised section shows as examples, at most.</summary>
    private const int Examples = 4;

    /// <summary>How many kinds a summarised section's table lists; the rest are counted in one line.</summary>
    private const int KindRows = 8;

    /// <summary>The one-line key of markers and interval notation every answer ends with.</summary>
    public const string Key =
        "Key: + cooperative - conflictual 0 neutral * event; -> one way -- mutual; a/b a to b; a/.. since a";

    private const char Hang = ScreenWriter.Hang;

    /// <summary>The note under an answer's title when its window reaches past the sources.</summary>
    public static void Note(TextWriter o, string? beyondSources, Style style)
    {
        if (beyondSources is not null)
        {
            o.WriteLine(style.Warn($"Note: {Hang}{beyondSources}."));
        }
    }

    /// <summary>The end of every answer: its sources, then the key.</summary>
    public static void Sources(TextWriter o, RelationGraph graph, Style style)
    {
        o.WriteLine();
        foreach (var s in graph.Sources)
        {
            o.WriteLine(style.Dim($"Source: {Hang}{s.Author}, “{s.Title}”, {s.Publisher}, {s.Published}."));
        }

        o.WriteLine(style.Dim(Key));
    }

    /// <summary>
    /// Relations as aligned rows (sign, time, kind, ends, label), each followed by its evidence, or for an imported
    /// event its CAMEO coding; more than a screenful is summarised unless the style lists all.
    /// </summary>
    public static void Relations(TextWriter o, RelationGraph graph, IReadOnlyList<Relation> relations, Style style, string indent = "  ", bool quotes = true, bool counted = false) =>
        Relations(o, graph, relations, null, style, indent, quotes, counted);

    /// <summary>As the overload above, given the relations' facts when the caller has read them already.</summary>
    private static void Relations(TextWriter o, RelationGraph graph, IReadOnlyList<Relation> relations, RelationFacts[]? facts, Style style, string indent = "  ", bool quotes = true, bool counted = false)
    {
        if (relations.Count == 0)
        {
            o.WriteLine(indent + style.Dim("(none)"));
            return;
        }

        // A summary reads the relations' facts, and makes only the few relations it shows.
        if (relations.Count > ScreenfulOfRelations && !style.All)
        {
            Summary(o, graph, relations, facts ?? RelationFacts.Of(relations), style, indent, withCounts: !counted);
            return;
        }

        Rows(o, graph, Held(relations), style, indent, quotes);
    }

    /// <summary>The relations as an array, made once (a query's result list makes each relation as it is read).</summary>
    private static IReadOnlyList<Relation> Held(IReadOnlyList<Relation> relations) =>
        relations is Relation[] or List<Relation> ? relations : relations.ToArray();

    /// <summary>The rows themselves, however many.</summary>
    private static void Rows(TextWriter o, RelationGraph graph, IReadOnlyList<Relation> relations, Style style, string indent, bool quotes)
    {
        var timeWidth = relations.Max(r => r.Time.ToString().Length);
        var kindWidth = relations.Max(r => r.Kind.Name.Length);
        var endsWidth = relations.Max(r => TextFormat.Ends(r, graph).Length);
        // Evidence goes under the row, indented, so a quote keeps most of the width whatever the columns take.
        var pad = indent + "    ";
        foreach (var r in relations)
        {
            var coding = CameoCoding.Of(r);
            o.WriteLine($"{indent}{Sign(r.Polarity, style)} {r.Time.ToString().PadRight(timeWidth)}  {r.Kind.Name.PadRight(kindWidth)}  {TextFormat.Ends(r, graph).PadRight(endsWidth)}  {Hang}{r.Label}");
            if (!quotes)
            {
                continue;
            }

            if (coding is not null)
            {
                // An imported event's evidence is its quadruple line, which says nothing to a reader: its coding does.
                o.WriteLine(pad + style.Dim(TextFormat.Coding(coding)));
                continue;
            }

            foreach (var e in r.Evidence)
            {
                o.WriteLine(pad + style.Dim($"“{Hang}{e.Quote}”"));
            }

            if (style.Notes && r.Note is { } note)
            {
                o.WriteLine(pad + style.Dim($"note: {Hang}{note}"));
            }
        }
    }

    /// <summary>
    /// A summary of many relations: their counts by polarity, dates and Goldstein sum on one line, a table by kind,
    /// a few telling examples, and how to list them all.
    /// </summary>
    private static void Summary(TextWriter o, RelationGraph graph, IReadOnlyList<Relation> relations, Style style, string indent) =>
        Summary(o, graph, relations, RelationFacts.Of(relations), style, indent);

    /// <summary>As the overload above, given the relations' facts (<see cref="RelationFacts.Of"/>).</summary>
    private static void Summary(TextWriter o, RelationGraph graph, IReadOnlyList<Relation> relations, RelationFacts[] facts, Style style, string indent, bool withCounts = true)
    {
        var counts = Counts.Of(facts);
        var dates = $"from {First(facts)} to {Last(facts)}";
        o.WriteLine(withCounts
            ? $"{indent}{Invariant(relations.Count)} relations ({counts.Phrase()}){Goldstein(counts.Goldstein, ", Goldstein sum ")}, {dates}"
            : $"{indent}{(counts.Goldstein is null ? string.Empty : Goldstein(counts.Goldstein, "Goldstein sum ") + ", ")}{dates}");
        var byKind = facts.GroupBy(r => r.Kind)
            .Select(g => (Kind: g.Key, Count: g.Count(), Goldstein: Counts.Of(g.ToList()).Goldstein, First: First(g), Last: Last(g)))
            .OrderByDescending(k => k.Count).ThenBy(k => k.Kind.Name, StringComparer.Ordinal).ToList();
        var weighted = counts.Goldstein is not null;
        var table = new TextTable(weighted ? ["", "KIND", "N", "GOLDSTEIN", "FIRST", "LAST"] : ["", "KIND", "N", "FIRST", "LAST"]).AlignRight(2, weighted ? 3 : 2);
        foreach (var k in byKind.Take(KindRows))
        {
            string[] cells = weighted
                ? [k.Kind.Polarity.Sign(), k.Kind.Name, Invariant(k.Count), Goldstein(k.Goldstein, string.Empty), k.First, k.Last]
                : [k.Kind.Polarity.Sign(), k.Kind.Name, Invariant(k.Count), k.First, k.Last];
            table.Add(cells);
        }

        table.WriteTo(o, indent + "  ");
        if (byKind.Count > KindRows)
        {
            var rest = byKind.Skip(KindRows).ToList();
            o.WriteLine($"{indent}  and {Invariant(rest.Sum(k => k.Count))} more of {Invariant(rest.Count)} other kinds: {string.Join(", ", rest.Select(k => $"{k.Kind.Name} {Invariant(k.Count)}"))}");
        }

        o.WriteLine($"{indent}{(weighted ? "Strongest, first and last:" : "Examples, first and last:")}");
        Rows(o, graph, Telling(relations, facts), style, indent + "  ", quotes: false);
        o.WriteLine(style.Dim($"{indent}(summarised; --all lists all {Invariant(relations.Count)} with their evidence)"));
    }

    /// <summary>
    /// A few relations that show what a long list holds, in time order: of each polarity the strongest (the extreme
    /// Goldstein weight, else the longest lasting), and the first and the last.
    /// </summary>
    /// <remarks>Chosen from the relations' facts; only the chosen are made.</remarks>
    private static List<Relation> Telling(IReadOnlyList<Relation> relations, RelationFacts[] facts)
    {
        var chosen = new List<int>();
        foreach (var polarity in new[] { Polarity.Conflictual, Polarity.Cooperative })
        {
            // The strongest; of equally strong, the earliest to begin; of those, the first in the list.
            var strongest = -1;
            for (var i = 0; i < facts.Length; i++)
            {
                if (facts[i].Polarity == polarity && (strongest < 0 || Stronger(facts[i], facts[strongest])))
                {
                    strongest = i;
                }
            }

            if (strongest >= 0)
            {
                chosen.Add(strongest);
            }
        }

        chosen.Add(0);
        chosen.Add(facts.Length - 1);
        return chosen.Distinct().Take(Examples).Select(i => relations[i]).OrderBy(r => r.Time.Beginning).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    private static bool Stronger(RelationFacts a, RelationFacts b) =>
        Strength(a) > Strength(b) || (Strength(a) == Strength(b) && a.Time.FirstDay < b.Time.FirstDay);

    /// <summary>How strongly a relation leans: its Goldstein weight's size, else how many days it lasts.</summary>
    private static double Strength(RelationFacts relation) =>
        relation.Goldstein is { } g ? Math.Abs(g)
        : (relation.Time.LastDay ?? relation.Time.FirstDay.AddYears(100)).DayNumber - relation.Time.FirstDay.DayNumber;

    public static void Events(TextWriter o, RelationGraph graph, IReadOnlyList<ActorEvent> events, Style style, string indent = "  ")
    {
        if (events.Count == 0)
        {
            o.WriteLine(indent + style.Dim("(none)"));
            return;
        }

        if (events.Count > ScreenfulOfRelations && !style.All)
        {
            var kinds = events.GroupBy(e => e.Kind.Name).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
            o.WriteLine($"{indent}{Invariant(events.Count)} events: {string.Join(", ", kinds.Select(g => $"{g.Key} {Invariant(g.Count())}"))}; the first and the last:");
            EventRows(o, graph, [events[0], events[^1]], indent + "  ");
            o.WriteLine(style.Dim($"{indent}(summarised; --all lists all {Invariant(events.Count)})"));
            return;
        }

        EventRows(o, graph, events, indent);
    }

    private static void EventRows(TextWriter o, RelationGraph graph, IReadOnlyList<ActorEvent> events, string indent)
    {
        var timeWidth = events.Max(e => e.Time.ToString().Length);
        var kindWidth = events.Max(e => e.Kind.Name.Length);
        var actorWidth = events.Max(e => TextFormat.Name(graph, e.Actor).Length);
        foreach (var e in events)
        {
            o.WriteLine($"{indent}* {e.Time.ToString().PadRight(timeWidth)}  {e.Kind.Name.PadRight(kindWidth)}  {TextFormat.Name(graph, e.Actor).PadRight(actorWidth)}  {Hang}{e.Label}");
        }
    }

    /// <summary>A triangle or group: the summary first (pairs, balance, the window before), then each pair, events, context and changes.</summary>
    public static void Group(TextWriter output, GroupReport report, string title, Style style)
    {
        using var o = new ScreenWriter(output, style.Width);
        var graph = report.View.Graph;
        o.WriteLine(style.Bold($"{title} {string.Join(", ", report.Actors.Select(a => a.Name))} · {report.View}"));
        Note(o, report.View.BeyondSources, style);
        o.WriteLine();
        // Each pair's facts, read once for the summary table, its section and what changed.
        var pairFacts = report.Pairs.Select(p => RelationFacts.Of(p.Relations)).ToArray();
        GroupSummary(o, report, pairFacts, style);
        for (var i = 0; i < report.Pairs.Count; i++)
        {
            var pair = report.Pairs[i];
            o.WriteLine();
            o.WriteLine(style.Bold($"{PairName(pair.First, pair.Second)}: {Sign(pair.Sign, style)}") + PairCounts(pair, pairFacts[i]));
            Relations(o, graph, pair.Relations, pairFacts[i], style, counted: true);
        }

        o.WriteLine();
        o.WriteLine(style.Bold($"Events of the {title.ToLowerInvariant()} in {report.View.Window}"));
        Events(o, graph, report.Events, style);

        o.WriteLine();
        o.WriteLine(style.Bold($"Context: relations with actors outside the {title.ToLowerInvariant()}"));
        var context = report.Context;
        var facts = context.Count > ScreenfulOfRelations && !style.All ? RelationFacts.Of(context) : null;
        if (facts is not null)
        {
            Partners(o, graph, report, facts);
        }

        Relations(o, graph, context, facts, style, quotes: false);
        if (report.PreviousWindow is { } previous)
        {
            o.WriteLine();
            o.WriteLine(style.Bold($"Since {previous}"));
            for (var i = 0; i < report.Changes.Count; i++)
            {
                o.WriteLine($"  {Change(report.Changes[i], pairFacts[i], style)}");
            }
        }

        Sources(o, graph, style);
    }

    /// <summary>
    /// The top of a group's answer: a table of each pair's sign and counts now and in the window before, the
    /// balance of each triad with why, and the one or two relations a pair's sign rests on, when that few.
    /// </summary>
    private static void GroupSummary(TextWriter o, GroupReport report, RelationFacts[][] facts, Style style)
    {
        var previous = report.PreviousWindow;
        o.WriteLine(style.Bold(previous is null ? "Summary" : $"Summary, against {previous}"));
        var weighted = facts.Any(f => f.Any(r => r.Goldstein is not null));
        var now = report.View.Window.ToString();
        List<string> headers = ["PAIR", now.ToUpperInvariant(), "+", "-", "0"];
        if (weighted)
        {
            headers.Add("GOLDSTEIN");
        }

        if (previous is not null)
        {
            headers.AddRange([previous.ToString().ToUpperInvariant(), "+", "-", "0"]);
        }

        var table = new TextTable([.. headers]).AlignRight(2, 3, 4);
        if (weighted)
        {
            table.AlignRight(5);
        }

        if (previous is not null)
        {
            var at = headers.Count - 3;
            table.AlignRight(at, at + 1, at + 2);
        }

        for (var i = 0; i < report.Pairs.Count; i++)
        {
            var pair = report.Pairs[i];
            var counts = Counts.Of(facts[i]);
            List<string> cells = [PairName(pair.First, pair.Second), SignWord(pair.Sign), Invariant(counts.Cooperative), Invariant(counts.Conflictual), Invariant(counts.Neutral)];
            if (weighted)
            {
                cells.Add(Goldstein(counts.Goldstein, string.Empty));
            }

            if (previous is not null)
            {
                var change = report.Changes[i];
                var before = counts.Before(change);
                cells.AddRange([SignWord(change.Before), Invariant(before.Cooperative), Invariant(before.Conflictual), Invariant(before.Neutral)]);
            }

            table.Add([.. cells]);
        }

        table.WriteTo(o, "  ");
        for (var i = 0; i < report.Triads.Count; i++)
        {
            var triad = report.Triads[i];
            var who = report.Triads.Count == 1 ? "Balance" : $"Balance of {string.Join(", ", triad.Actors.Select(a => a.Name))}";
            var before = report.PreviousTriads.Count > i ? $"; in {previous}: {VerdictWord(report.PreviousTriads[i].Balance)}" : string.Empty;
            o.WriteLine($"  {who}: {Verdict(triad.Balance, style)}, {Why(triad, report)}{before}.");
        }

        foreach (var pair in report.Pairs.Where(p => p.Cooperative + p.Conflictual is 1 or 2))
        {
            var signed = pair.Relations.Where(r => r.Polarity != Polarity.Neutral).ToList();
            var on = string.Join("; ", signed.Select(r => $"{r.Kind.Name} {r.Time}, {r.Label}"));
            o.WriteLine($"  {PairName(pair.First, pair.Second)} rests on {(signed.Count == 1 ? "one relation" : "two relations")}: {on}.");
        }
    }

    /// <summary>
    /// A group read once per period as one table: each pair's sign and counts and each triad's balance in a row, the
    /// periods as columns; when the columns do not fit the width, the table continues in blocks of columns.
    /// </summary>
    public static void GroupEach(TextWriter output, GraphView view, IReadOnlyList<GroupReport> reports, string title, TrendStep step, Style style)
    {
        using var o = new ScreenWriter(output, style.Width);
        var first = reports[0];
        o.WriteLine(style.Bold($"{title} {string.Join(", ", first.Actors.Select(a => a.Name))} · {view} · each {step.ToString().ToLowerInvariant()}"));
        Note(o, view.BeyondSources, style);
        o.WriteLine();
        var rows = new List<(string Label, Func<GroupReport, string> Cell)>();
        for (var i = 0; i < first.Pairs.Count; i++)
        {
            var at = i;
            rows.Add((PairName(first.Pairs[at].First, first.Pairs[at].Second), r => Cell(r.Pairs[at])));
        }

        for (var i = 0; i < first.Triads.Count; i++)
        {
            var at = i;
            var label = first.Triads.Count == 1 ? "balance" : $"balance of {string.Join(", ", first.Triads[at].Actors.Select(a => a.Name))}";
            rows.Add((label, r => VerdictWord(r.Triads[at].Balance)));
        }

        var cells = rows.Select(row => reports.Select(row.Cell).ToList()).ToList();
        var labelWidth = rows.Max(r => r.Label.Length);
        var widths = reports.Select((r, i) => Math.Max(r.View.Window.ToString().Length, cells.Max(c => c[i].Length))).ToList();
        var start = 0;
        while (start < reports.Count)
        {
            var used = 2 + labelWidth;
            var end = start;
            while (end < reports.Count && (end == start || used + 2 + widths[end] <= style.Width))
            {
                used += 2 + widths[end];
                end++;
            }

            if (start > 0)
            {
                o.WriteLine();
            }

            o.WriteLine("  " + string.Join("  ", [string.Empty.PadRight(labelWidth), .. Enumerable.Range(start, end - start).Select(i => reports[i].View.Window.ToString().PadLeft(widths[i]))]).TrimEnd());
            for (var r = 0; r < rows.Count; r++)
            {
                o.WriteLine("  " + string.Join("  ", [rows[r].Label.PadRight(labelWidth), .. Enumerable.Range(start, end - start).Select(i => cells[r][i].PadLeft(widths[i]))]).TrimEnd());
            }

            start = end;
        }

        o.WriteLine();
        o.WriteLine(style.Dim("Cells: +N cooperative and -N conflictual relations; 0 neutral ones only; . none."));
        o.WriteLine(style.Dim($"One {step.ToString().ToLowerInvariant()} in full: relgraph {title.ToLowerInvariant()} {string.Join(" ", first.Actors.Select(a => Repl.ShellWords.Quote(a.Id.Value)))} --in {first.View.Window}"));
        Sources(o, view.Graph, style);
    }

    /// <summary>A pair in a cell: <c>+2</c>, <c>-1</c>, <c>+2 -5</c>, <c>0</c> for neutral relations only, <c>.</c> for none.</summary>
    private static string Cell(PairReport pair) => pair.Sign switch
    {
        PairSign.None => ".",
        PairSign.Neutral => "0",
        PairSign.Cooperative => $"+{Invariant(pair.Cooperative)}",
        PairSign.Conflictual => $"-{Invariant(pair.Conflictual)}",
        _ => $"+{Invariant(pair.Cooperative)} -{Invariant(pair.Conflictual)}",
    };

    /// <summary>Why a triad has its verdict, in words, from its three pairs.</summary>
    private static string Why(TriadReport triad, GroupReport report)
    {
        var sides = new[] { (0, 1), (0, 2), (1, 2) }
            .Select(s => report.Pairs.First(p => p.First == triad.Actors[s.Item1] && p.Second == triad.Actors[s.Item2]))
            .ToList();
        string Side(PairReport p) => $"{PairName(p.First, p.Second)} {p.Sign switch
        {
            PairSign.Cooperative => "+",
            PairSign.Conflictual => "-",
            _ => $"mixed, counted {(p.NetSign > 0 ? "+" : "-")}",
        }}";
        return triad.Balance switch
        {
            Balance.Open => $"as {Phrase(sides.Where(s => s.Sign is PairSign.None or PairSign.Neutral).Select(s => PairName(s.First, s.Second)).ToList())} " +
                            $"{(sides.Count(s => s.Sign is PairSign.None or PairSign.Neutral) == 1 ? "has" : "have")} no signed relation",
            Balance.Ambiguous => $"as {string.Join(" and ", sides.Where(s => s.NetSign == 0).Select(s => $"{PairName(s.First, s.Second)} ({s.Cooperative}+ {s.Conflictual}-)"))} is tied",
            _ => $"as {string.Join(" × ", sides.Select(s => s.NetSign > 0 ? "+" : "-"))} = {(triad.Balance == Balance.Balanced ? "+" : "-")}: {string.Join("; ", sides.Select(Side))}",
        };
    }

    /// <summary>What changed for a pair against the window before: sign, counts, and the lasting relations that began or ended.</summary>
    private static string Change(PairChange change, RelationFacts[] pairFacts, Style style)
    {
        var now = Counts.Of(pairFacts);
        var before = now.Before(change);
        var parts = new List<string>
        {
            $"{PairName(change.First, change.Second)}: {SignWord(change.Before)} → {Sign(change.After, style)}",
        };
        if (now.Total != 0 || before.Total != 0)
        {
            parts.Add($"{Invariant(now.Total)} {(now.Total == 1 ? "relation" : "relations")} ({now.Phrase()}), before {Invariant(before.Total)}" +
                      (before.Total == 0 ? string.Empty : $" ({before.Phrase()})"));
        }

        var began = RelationFacts.Of(change.Added).Where(r => !r.Time.IsPoint).Select(r => r.Kind.Name).Distinct().ToList();
        var ended = RelationFacts.Of(change.Dropped).Where(r => !r.Time.IsPoint).Select(r => r.Kind.Name).Distinct().ToList();
        if (began.Count > 0)
        {
            parts.Add($"began: {string.Join(", ", began)}");
        }

        if (ended.Count > 0)
        {
            parts.Add($"ended: {string.Join(", ", ended)}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>The actors outside a group that its members deal with most, in one line, before the context's summary.</summary>
    private static void Partners(TextWriter o, RelationGraph graph, GroupReport report, RelationFacts[] context)
    {
        var members = report.Actors.Select(a => a.Id).ToHashSet();
        var partners = context.Select(r => members.Contains(r.Source) ? r.Target : r.Source)
            .GroupBy(id => id).Select(g => (Id: g.Key, Count: g.Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Id.Value, StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", partners.Take(8).Select(p => $"{TextFormat.Name(graph, p.Id)} {Invariant(p.Count)}"));
        o.WriteLine($"  With {Invariant(partners.Count)} actors, most: {shown}{(partners.Count > 8 ? ", …" : string.Empty)}");
    }

    /// <summary>Paths between two actors; a time-respecting one is titled by when it may start, not by a window it ignores.</summary>
    public static void Paths(TextWriter output, GraphView view, ActorId from, ActorId to, IReadOnlyList<ActorPath> paths, bool temporal, PartialDate? after, Style style)
    {
        using var o = new ScreenWriter(output, style.Width);
        var graph = view.Graph;
        var (fromName, toName) = (TextFormat.Name(graph, from), TextFormat.Name(graph, to));
        if (paths.Count == 0)
        {
            o.WriteLine($"No {(temporal ? "time-respecting " : string.Empty)}path from {fromName} to {toName} in {view}{(after is { } a ? $", starting in {a} or later" : string.Empty)}.");
            return;
        }

        var title = temporal
            ? $"Time-respecting path {fromName} → {toName} · {(after is { } start ? $"starting in {start} or later" : "starting at any date")}" +
              (view.Window.From is null && view.Window.To is null ? Filters(view) : $" · within {view}")
            : $"Paths {fromName} → {toName} · {view}";
        o.WriteLine(style.Bold(title));
        Note(o, view.BeyondSources, style);
        o.WriteLine();
        var number = 0;
        foreach (var path in paths)
        {
            o.WriteLine(style.Bold($"{Invariant(++number)}. {Hang}{string.Join(" → ", path.Actors.Select(a => a.Name))} ({path.Length} {(path.Length == 1 ? "hop" : "hops")})"));
        }

        number = 0;
        foreach (var path in paths)
        {
            o.WriteLine();
            o.WriteLine(style.Bold($"Path {Invariant(++number)}: {Hang}{string.Join(" → ", path.Actors.Select(a => a.Name))}"));
            foreach (var step in path.Steps)
            {
                var when = step.EarliestDay is { } day ? $" (from {day:yyyy-MM-dd})" : string.Empty;
                o.WriteLine($"  {step.From.Name} → {step.To.Name}{when}");
                Relations(o, graph, step.Relations, style, "    ");
            }
        }

        Sources(o, graph, style);
    }

    public static void Neighbourhood(TextWriter output, GraphView view, Neighbourhood n, Style style)
    {
        using var o = new ScreenWriter(output, style.Width);
        var graph = view.Graph;
        o.WriteLine(style.Bold($"Neighbours of {n.Center.Name} within {n.Depth} {(n.Depth == 1 ? "hop" : "hops")} · {view}"));
        Note(o, view.BeyondSources, style);
        o.WriteLine();
        var byHops = n.Members.Where(m => m.Distance > 0).GroupBy(m => m.Distance).OrderBy(g => g.Key)
            .Select(g => $"{Invariant(g.Count())} at {Invariant(g.Key)} {(g.Key == 1 ? "hop" : "hops")}");
        o.WriteLine($"{Invariant(n.Members.Count - 1)} actors ({string.Join(", ", byHops)}), {Invariant(n.Relations.Count)} relations among them");
        var members = n.Members.Count > ScreenfulOfRelations + 1 && !style.All
            ? n.Members.Take(ScreenfulOfRelations + 1).ToList()
            : n.Members;
        var table = new TextTable("HOPS", "NAME", "KIND", "ID");
        foreach (var m in members)
        {
            table.Add(Invariant(m.Distance), m.Actor.Name, m.Actor.Kind.Name(), m.Actor.Id.Value);
        }

        table.WriteTo(o, "  ");
        if (members.Count < n.Members.Count)
        {
            o.WriteLine(style.Dim($"  (and {Invariant(n.Members.Count - members.Count)} more; --all lists them)"));
        }

        o.WriteLine();
        o.WriteLine(style.Bold($"Relations among them ({Invariant(n.Relations.Count)})"));
        Relations(o, graph, n.Relations, style);
        Sources(o, graph, style);
    }

    public static void Timeline(TextWriter output, GraphView view, Timeline timeline, Style style)
    {
        using var o = new ScreenWriter(output, style.Width);
        var graph = view.Graph;
        o.WriteLine(style.Bold($"Timeline of {string.Join(" and ", timeline.Actors.Select(a => a.Name))} · {view}"));
        Note(o, view.BeyondSources, style);
        o.WriteLine();
        var relations = timeline.Entries.Where(e => e.Relation is not null).Select(e => e.Relation!).ToList();
        if (relations.Count > ScreenfulOfRelations && !style.All)
        {
            // Too many to read one by one: what they come to, and the events beside them.
            Summary(o, graph, relations, style, "  ");
            var events = timeline.Entries.Where(e => e.Event is not null).Select(e => e.Event!).ToList();
            if (events.Count > 0)
            {
                o.WriteLine();
                Events(o, graph, events, style);
            }

            Sources(o, graph, style);
            return;
        }

        var run = new List<Relation>();
        void Flush()
        {
            if (run.Count > 0)
            {
                Rows(o, graph, run, style, "  ", quotes: true);
                run.Clear();
            }
        }

        foreach (var entry in timeline.Entries)
        {
            if (entry.Relation is { } r)
            {
                run.Add(r);
                continue;
            }

            Flush();
            EventRows(o, graph, [entry.Event!], "  ");
        }

        Flush();
        Sources(o, graph, style);
    }

    /// <summary>A trend: sparklines of each polarity over the periods first, then the periods with any relation as a table.</summary>
    public static void Trend(TextWriter output, Trend trend, Style style)
    {
        using var o = new ScreenWriter(output, style.Width);
        var graph = trend.View.Graph;
        var step = trend.Step.ToString().ToLowerInvariant();
        o.WriteLine(style.Bold($"Trend {trend.First.Name} – {trend.Second.Name} · {trend.Window} · by {step}{Filters(trend.View)}"));
        Note(o, trend.View.WithWindow(trend.Window).BeyondSources, style);
        o.WriteLine();
        var periods = trend.Periods;
        if (periods.Count == 0 || trend.Relations.Count == 0)
        {
            o.WriteLine($"No relation between {trend.First.Name} and {trend.Second.Name} in {trend.View}.");
            Sources(o, graph, style);
            return;
        }

        o.WriteLine($"{Invariant(trend.Relations.Count)} relations over {Invariant(periods.Count)} {step}s, {periods[0].Period} to {periods[^1].Period}; each bar is a {step}:");
        Sparkline(o, "cooperative", periods.Select(p => (double)p.Cooperative).ToList(), periods, style.Good);
        Sparkline(o, "conflictual", periods.Select(p => (double)p.Conflictual).ToList(), periods, style.Bad);
        var (firstLabel, lastLabel) = (periods[0].Period.ToString(), periods[^1].Period.ToString());
        if (periods.Count <= style.Width - 4 && periods.Count >= firstLabel.Length + lastLabel.Length + 2)
        {
            // Under a sparkline that fits on one line: where it starts and ends.
            o.WriteLine(style.Dim($"    {firstLabel}{lastLabel.PadLeft(periods.Count - firstLabel.Length)}"));
        }

        if (trend.HasGoldstein)
        {
            var net = periods.Select(p => p.Goldstein ?? 0).ToList();
            var lowest = periods[net.IndexOf(net.Min())];
            var highest = periods[net.IndexOf(net.Max())];
            o.WriteLine($"  Goldstein sum: {Hang}highest {Goldstein(highest.Goldstein, string.Empty)} in {highest.Period}, lowest {Goldstein(lowest.Goldstein, string.Empty)} in {lowest.Period}");
        }

        o.WriteLine();
        var shown = periods.Where(p => p.Total > 0).ToList();
        var headers = trend.HasGoldstein ? new[] { step.ToUpperInvariant(), "+", "-", "0", "GOLDSTEIN" } : [step.ToUpperInvariant(), "+", "-", "0"];
        var table = new TextTable(headers).AlignRight(1, 2, 3);
        if (trend.HasGoldstein)
        {
            table.AlignRight(4);
        }

        foreach (var p in shown)
        {
            string[] cells = trend.HasGoldstein
                ? [p.Period.ToString(), Invariant(p.Cooperative), Invariant(p.Conflictual), Invariant(p.Neutral), Goldstein(p.Goldstein, string.Empty)]
                : [p.Period.ToString(), Invariant(p.Cooperative), Invariant(p.Conflictual), Invariant(p.Neutral)];
            table.Add(cells);
        }

        table.WriteTo(o, "  ");
        if (shown.Count < periods.Count)
        {
            o.WriteLine(style.Dim($"  ({Invariant(periods.Count - shown.Count)} {step}s with no relation left out)"));
        }

        Sources(o, graph, style);
    }

    /// <summary>Bars of eight heights, one per period, with the largest value and when; a period with none is a space.</summary>
    private static void Sparkline(TextWriter o, string name, List<double> values, IReadOnlyList<TrendPeriod> periods, Func<string, string> colour)
    {
        const string Bars = "▁▂▃▄▅▆▇█";
        var most = values.Max();
        var line = new string(values.Select(v => v <= 0 ? ' ' : Bars[(int)Math.Min(Bars.Length - 1, Math.Ceiling(v / most * Bars.Length) - 1)]).ToArray());
        var at = periods[values.IndexOf(most)].Period;
        o.WriteLine(most <= 0 ? $"  {name}: none" : $"  {name}: most {Invariant((int)most)}, in {at}");
        o.WriteLine($"    {Hang}{colour(line)}");
    }

    public static void Diff(TextWriter output, GraphDiff diff, GraphView filters, Style style)
    {
        using var o = new ScreenWriter(output, style.Width);
        var graph = filters.Graph;
        o.WriteLine(style.Bold($"From {diff.From} to {diff.To}{Filters(filters)}"));
        Note(o, diff.BeyondSources, style);
        o.WriteLine();
        o.WriteLine($"{Invariant(diff.Started.Count)} started, {Invariant(diff.Ended.Count)} ended, {Invariant(diff.Happened.Count)} happened in between; {Invariant(diff.Events.Count)} events");
        Section(o, graph, "Started", diff.Started, style);
        Section(o, graph, "Ended", diff.Ended, style);
        Section(o, graph, "Happened", diff.Happened, style);
        o.WriteLine();
        o.WriteLine(style.Bold($"Events ({Invariant(diff.Events.Count)})"));
        Events(o, graph, diff.Events, style);
        Sources(o, graph, style);
    }

    /// <summary>One actor: names, codes, its relations and its events as tables.</summary>
    public static void Actor(TextWriter output, RelationGraph graph, Actor actor, IReadOnlyList<Relation> relations, IReadOnlyList<ActorEvent> events, Style style)
    {
        using var o = new ScreenWriter(output, style.Width);
        o.WriteLine($"{actor.Name} ({actor.Id}), {actor.Kind.Name()}");
        if (actor.Aliases.Count > 0)
        {
            o.WriteLine($"  also: {Hang}{string.Join(", ", actor.Aliases)}");
        }

        if (!actor.Codes.IsEmpty)
        {
            o.WriteLine($"  codes: {TextFormat.Codes(actor.Codes)}");
        }

        o.WriteLine();
        o.WriteLine($"Relations ({Invariant(relations.Count)})");
        if (relations.Count > ScreenfulOfRelations && !style.All)
        {
            Summary(o, graph, relations, style, "  ");
        }
        else
        {
            var table = new TextTable("WHEN", "KIND", "+/-", "BETWEEN", "LABEL");
            foreach (var r in relations)
            {
                table.Add(r.Time.ToString(), r.Kind.Name, r.Polarity.Sign(), TextFormat.Ends(r, graph), r.Label);
            }

            table.WriteTo(o, "  ");
        }

        if (events.Count > 0)
        {
            o.WriteLine();
            o.WriteLine($"Events ({Invariant(events.Count)})");
            var eventTable = new TextTable("WHEN", "KIND", "LABEL");
            foreach (var e in events)
            {
                eventTable.Add(e.Time.ToString(), e.Kind.Name, e.Label);
            }

            eventTable.WriteTo(o, "  ");
        }
    }

    /// <summary>The actors as a table: id, kind, name, aliases.</summary>
    public static void Actors(TextWriter output, IReadOnlyList<Actor> actors, Style style)
    {
        using var o = new ScreenWriter(output, style.Width);
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

    private static void Section(TextWriter o, RelationGraph graph, string title, IReadOnlyList<Relation> relations, Style style)
    {
        o.WriteLine();
        o.WriteLine(style.Bold($"{title} ({Invariant(relations.Count)})"));
        Relations(o, graph, relations, style, quotes: false);
    }

    /// <summary>Items as words: <c>a</c>, <c>a and b</c>, <c>a, b and c</c>.</summary>
    private static string Phrase(List<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    private static string PairName(Actor first, Actor second) => $"{first.Name} – {second.Name}";

    private static string PairCounts(PairReport pair, RelationFacts[] facts) =>
        pair.Relations.Count == 0 ? string.Empty : $", {Invariant(pair.Relations.Count)} {(pair.Relations.Count == 1 ? "relation" : "relations")} ({Counts.Of(facts).Phrase()})";

    private static string Sign(Polarity polarity, Style style) => polarity switch
    {
        Polarity.Cooperative => style.Good(polarity.Sign()),
        Polarity.Conflictual => style.Bad(polarity.Sign()),
        _ => polarity.Sign(),
    };

    private static string Sign(PairSign sign, Style style) => sign switch
    {
        PairSign.Cooperative => style.Good(SignWord(sign)),
        PairSign.Conflictual => style.Bad(SignWord(sign)),
        PairSign.Mixed => style.Warn(SignWord(sign)),
        _ => SignWord(sign),
    };

    internal static string SignWord(PairSign sign) => sign switch
    {
        PairSign.Cooperative => "cooperative",
        PairSign.Conflictual => "conflictual",
        PairSign.Mixed => "mixed",
        PairSign.Neutral => "neutral",
        _ => "no relation",
    };

    private static string Verdict(Balance balance, Style style) => balance switch
    {
        Balance.Balanced => style.Good(VerdictWord(balance)),
        Balance.Unbalanced => style.Bad(VerdictWord(balance)),
        Balance.Ambiguous => style.Warn(VerdictWord(balance)),
        _ => VerdictWord(balance),
    };

    internal static string VerdictWord(Balance balance) => balance switch
    {
        Balance.Balanced => "balanced",
        Balance.Unbalanced => "unbalanced",
        Balance.Ambiguous => "ambiguous",
        _ => "open",
    };

    private static string Goldstein(double? sum, string prefix) =>
        sum is { } g ? prefix + g.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>When the earliest of some relations begins, at its own precision.</summary>
    private static string First(IEnumerable<RelationFacts> relations) => relations.MinBy(r => r.Time.FirstDay).Time.Beginning.ToString();

    /// <summary>When the latest of some relations to begin begins, at its own precision.</summary>
    private static string Last(IEnumerable<RelationFacts> relations) => relations.MaxBy(r => r.Time.FirstDay).Time.Beginning.ToString();

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Relations counted by polarity, with the sum of the Goldstein weights of those that carry one.</summary>
    private readonly record struct Counts(int Cooperative, int Conflictual, int Neutral, double? Goldstein)
    {
        public int Total => Cooperative + Conflictual + Neutral;

        public static Counts Of(IReadOnlyList<Relation> relations) => Of(RelationFacts.Of(relations));

        public static Counts Of(IEnumerable<RelationFacts> relations)
        {
            int cooperative = 0, conflictual = 0, neutral = 0;
            double? goldstein = null;
            foreach (var r in relations)
            {
                _ = r.Polarity switch
                {
                    Polarity.Cooperative => cooperative++,
                    Polarity.Conflictual => conflictual++,
                    _ => neutral++,
                };
                if (r.Goldstein is { } g)
                {
                    goldstein = (goldstein ?? 0) + g;
                }
            }

            return new Counts(cooperative, conflictual, neutral, goldstein);
        }

        /// <summary>
        /// A pair's counts in the window before, from these (its counts now) and what changed: less the relations
        /// added, plus those dropped. By polarity only (no Goldstein sum).
        /// </summary>
        public Counts Before(PairChange change)
        {
            var (added, dropped) = (Of(change.Added), Of(change.Dropped));
            return new Counts(
                Cooperative - added.Cooperative + dropped.Cooperative, Conflictual - added.Conflictual + dropped.Conflictual, Neutral - added.Neutral + dropped.Neutral, null);
        }

        /// <summary>The counts as words: <c>2 cooperative, 5 conflictual</c>; polarities with none left out.</summary>
        public string Phrase()
        {
            var parts = new List<string>();
            if (Cooperative > 0)
            {
                parts.Add($"{Invariant(Cooperative)} cooperative");
            }

            if (Conflictual > 0)
            {
                parts.Add($"{Invariant(Conflictual)} conflictual");
            }

            if (Neutral > 0)
            {
                parts.Add($"{Invariant(Neutral)} neutral");
            }

            return string.Join(", ", parts);
        }
    }
}
