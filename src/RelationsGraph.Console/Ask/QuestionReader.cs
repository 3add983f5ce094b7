using System.Globalization;
using System.Text.RegularExpressions;
using RelationsGraph.Cli.Commands;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;

namespace RelationsGraph.Cli.Ask;

/// <summary>
/// Reads a question in plain English by fixed rules over the graph's own vocabulary: actor ids, names and aliases,
/// relation kind names, dates, and a few words that give the question's shape. No guessing beyond those rules:
/// the same question and graph always give the same reading.
/// </summary>
internal static partial class QuestionReader
{
    private static readonly (QuestionShape Shape, string[] Words)[] ShapeWords =
    [
        (QuestionShape.When, ["when did", "when was", "when were", "when have", "when has", "since when"]),
        (QuestionShape.Path, ["connected", "connect", "connects", "connection", "connections", "path", "paths", "linked", "link", "links", "route", "routes", "chain"]),
        (QuestionShape.Neighbours, ["close to", "closest to", "closer to", "close with", "neighbours", "neighbors", "neighbourhood", "neighborhood", "friends", "friendly with", "partners", "enemies", "rivals", "adversaries", "foes"]),
        (QuestionShape.Diff, ["what changed", "what has changed", "what happened", "changed", "changes", "change", "differences", "difference", "diff"]),
        (QuestionShape.Change, ["over the years", "through the years", "year by year", "year after year", "from year to year", "evolve", "evolved", "evolution", "trend", "trends"]),
        (QuestionShape.Timeline, ["history", "over time", "timeline", "chronology"]),
        (QuestionShape.Triangle, ["triangle", "triad", "triangular", "trilateral", "three-way"]),
        (QuestionShape.Group, ["group", "quartet", "quadrilateral", "four-way"]),
        (QuestionShape.Show, ["tell me about", "tell me", "about", "who is", "who was", "what is", "describe", "profile", "show"]),
    ];

    private static readonly (Polarity Polarity, string[] Words)[] PolarityWords =
    [
        (Polarity.Cooperative, ["close", "closest", "closer", "friends", "friendly", "partners", "allies", "cooperative"]),
        (Polarity.Conflictual, ["enemies", "rivals", "adversaries", "foes", "hostile", "conflictual"]),
    ];

    /// <summary>Other words a question is made of; a capitalised word not among them, nor an actor, looks like a name the graph lacks.</summary>
    private static readonly HashSet<string> CommonWords = new(
        """
        a about after all allies ally also among an and any are around as at be been before between both but by can
        could did do does during each for from give had has have how i in into is it its like list look looked looks
        me my of on or our over please relate related relations relationship relationships relation show since so
        stand stood than that the their them then there these they this those through ties to towards until up was
        we were what when where which while who whom whose why will with within would you hops hop shortest steps
        compare explain find get go going happen know see tell want most some other others us along now
        during january february march april may june july august september october november december
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>Reads a question against a graph's actors.</summary>
    public static QuestionReading Read(string question, RelationGraph graph)
    {
        var text = question.Trim();
        var mentions = new ActorSpotter(graph.Actors).Find(text);
        var masked = ActorSpotter.Normalize(text).ToCharArray();
        foreach (var m in mentions)
        {
            Array.Fill(masked, TimePhrases.Mask, m.Start, m.End - m.Start);
        }

        var actors = mentions.Select(m => m.Actor).DistinctBy(a => a.Id).ToList();
        var time = TimePhrases.Read(masked, text);
        var rest = new string(masked);
        var lower = rest.ToLowerInvariant();
        var shapes = ShapeWords
            .Select(s => (s.Shape, Word: FirstOf(lower, s.Words)))
            .Where(s => s.Word is not null)
            .ToDictionary(s => s.Shape, s => s.Word!);
        var polarity = AskedPolarity(lower, shapes.ContainsKey(QuestionShape.Neighbours));
        var alliesAsked = FirstOf(lower, ["allies"]) is not null;
        var kinds = RelationKind.All.Where(k => FirstOf(lower, KindWords(k).ToArray()) is not null && !(k == RelationKind.Ally && alliesAsked && actors.Count == 1)).ToList();
        if (alliesAsked && actors.Count == 1 && !shapes.ContainsKey(QuestionShape.Neighbours))
        {
            // "who were China's allies": the actors close to China, not only those with an 'ally' relation.
            shapes[QuestionShape.Neighbours] = "allies";
        }

        var reading = new QuestionReading
        {
            Question = text,
            Actors = actors,
            Time = time,
            Kinds = kinds,
            Polarity = polarity,
            Shape = ShapeWords.Select(s => s.Shape).FirstOrDefault(shapes.ContainsKey),
            Unrecognised = Unrecognised(rest, text),
        };
        if (text.Length == 0)
        {
            return Refuse(reading, "the question is empty.");
        }

        if (time.Problem is { } problem)
        {
            return Refuse(reading, problem);
        }

        var n = actors.Count;
        var ids = actors.Select(a => a.Id.Value).ToList();
        if (shapes.TryGetValue(QuestionShape.When, out var whenWord))
        {
            // "When did A ... B": the relations of that kind in date order, the first hit first. Without a kind there is no telling what "it" is.
            return n == 0
                ? Refuse(reading, "it names no actor of the graph ('relgraph actors' lists them).")
                : kinds.Count == 0
                    ? Refuse(reading, $"'{whenWord}' asks when a kind of relation first happened, and the question names none (such as recognise, sign a treaty, meet, sanction, fight).")
                    : n <= 2
                        ? Answer(reading, "timeline", ids, new TimelineQuery(ids, View(reading)), ["first hit first"])
                        : Refuse(reading, $"'{whenWord}' is answered for one actor or a pair, and the question names {Count(actors)}.");
        }

        if (shapes.TryGetValue(QuestionShape.Change, out var changeWord) || (shapes.ContainsKey(QuestionShape.Diff) && n >= 2))
        {
            return Change(reading, ids, changeWord ?? shapes[QuestionShape.Diff]);
        }

        if (shapes.TryGetValue(QuestionShape.Path, out _))
        {
            return n == 2
                ? Number(lower, PathCount()) is { } k and > 1
                    ? Answer(reading, "path", ids, new PathQuery(ids[0], ids[1], View(reading), K: k), [$"{Invariant(k)} paths"])
                    : Answer(reading, "path", ids, new PathQuery(ids[0], ids[1], View(reading)))
                : Refuse(reading, $"a path needs two actors, and the question names {Count(actors)}.", n == 1 ? [$"path {ids[0]} ACTOR"] : []);
        }

        if (shapes.TryGetValue(QuestionShape.Neighbours, out var neighbourWord))
        {
            return n == 1
                ? Number(lower, Hops()) is { } depth and > 1
                    ? Answer(reading, "neighbours", ids, new NeighboursQuery(ids[0], View(reading), Depth: depth), [$"depth {Invariant(depth)}"])
                    : Answer(reading, "neighbours", ids, new NeighboursQuery(ids[0], View(reading)))
                : Refuse(reading, $"'{neighbourWord}' asks about the neighbours of one actor, and the question names {Count(actors)}.");
        }

        if (shapes.TryGetValue(QuestionShape.Diff, out var diffWord))
        {
            if (n is 1 or 2)
            {
                return Answer(reading, "timeline", ids, new TimelineQuery(ids, View(reading)));
            }

            if (n == 0)
            {
                return time.Window switch
                {
                    { From: { } f, To: { } t } when f != t => Diff(reading, f, t),
                    { From: { } f, To: { } t } when f == t => Diff(reading, TimePhrases.Step(f, -1), t),
                    _ => Refuse(reading, $"'{diffWord}' needs two dates, as in 'between 2016 and 2018', or one year or month, as in 'in 2017'.", [$"diff {time.Window?.From?.ToString() ?? "FROM"} {time.Window?.To?.ToString() ?? "TO"}"]),
                };
            }
        }

        if (shapes.ContainsKey(QuestionShape.Timeline) && n is 1 or 2)
        {
            return Answer(reading, "timeline", ids, new TimelineQuery(ids, View(reading)));
        }

        if (shapes.ContainsKey(QuestionShape.Triangle))
        {
            return n == 3 ? Group(reading, GroupCommand.Triangle, ids) : Refuse(reading, $"a triangle needs three actors, and the question names {Count(actors)}.");
        }

        if (shapes.ContainsKey(QuestionShape.Group))
        {
            return n >= 2 ? Group(reading, GroupCommand.Group, ids) : Refuse(reading, $"a group needs two or more actors, and the question names {Count(actors)}.");
        }

        if (n > 0 && OtherWords(rest) is [_, ..] other)
        {
            // Nothing but actors, times and the show words tells what is asked; a word beyond them ("the weather in
            // Beijing") asks for something else, and guessing a profile or a triangle would be a wrong reading.
            return Refuse(reading, $"it asks about {string.Join(", ", other.Select(w => $"'{w}'"))}, which is no relation, question shape or time this reader knows.");
        }

        return n switch
        {
            0 => Refuse(reading, "it names no actor of the graph ('relgraph actors' lists them)."),
            1 when time.Window is null && kinds.Count == 0 && polarity is null => Answer(reading, "show", ids, new ShowQuery(ids[0])),
            1 => Answer(reading, "timeline", ids, new TimelineQuery(ids, View(reading))),
            3 => Group(reading, GroupCommand.Triangle, ids),
            _ => Group(reading, GroupCommand.Group, ids),
        };
    }

    /// <summary>
    /// Change across periods: two or more actors over a window with two ends are read once per year (per month when
    /// both ends are months) as one table; a pair over an open window is its trend; one actor its timeline. Anything
    /// else is refused with the commands that would answer.
    /// </summary>
    private static QuestionReading Change(QuestionReading reading, List<string> ids, string word)
    {
        var window = reading.Time.Window;
        var bounded = window is { From: { } f, To: { } t } && f != t;
        switch (ids.Count)
        {
            case 1:
                return Answer(reading, "timeline", ids, new TimelineQuery(ids, View(reading)));
            case >= 2 when bounded:
                var months = window!.From!.Value.Precision == DatePrecision.Month && window.To!.Value.Precision == DatePrecision.Month;
                var step = months ? TrendStep.Month : TrendStep.Year;
                var name = ids.Count == 3 ? GroupCommand.Triangle : GroupCommand.Group;
                return Answer(reading, name, ids, new GroupQuery(name, ids, View(reading), step), [months ? "each month" : "each year"]);
            case 2 when window is null || window.From is null || window.To is null:
                return Answer(reading, "trend", ids, new TrendQuery(ids[0], ids[1], View(reading)), ["by year"]);
            case 0:
                return Refuse(reading, "it names no actor of the graph ('relgraph actors' lists them).");
            default:
                var what = ids.Count == 3 ? "triangle" : "group";
                return Refuse(
                    reading,
                    $"'{word}' asks how the {what} changed across periods, which needs two dates, as in 'between 2016 and 2019'.",
                    [$"{what} {string.Join(" ", ids)} --each year --from YEAR --to YEAR"]);
        }
    }

    /// <summary>
    /// The polarity a question filters on. "How close", "how friendly", "how hostile" ask for the overall sign, not
    /// a filter; and "close" filters only neighbours ("who was X close to"), since "how close were A, B and C" asks about every tie.
    /// </summary>
    private static Polarity? AskedPolarity(string text, bool neighbours)
    {
        foreach (var (polarity, words) in PolarityWords)
        {
            var filtering = words.Where(w => (neighbours || !w.StartsWith("close", StringComparison.Ordinal)) && FirstOf(text, [w]) is not null && FirstOf(text, [$"how {w}"]) is null);
            if (filtering.Any())
            {
                return polarity;
            }
        }

        return null;
    }

    /// <summary>The words that name a relation kind: its name, with a space for a hyphen, and its plural.</summary>
    internal static IEnumerable<string> KindWords(RelationKind kind)
    {
        var name = kind.Name.Replace('-', ' ');
        yield return name;
        if (name.EndsWith('y'))
        {
            yield return name[..^1] + "ies";
        }
        else if (!name.EndsWith('s') && !name.Contains(' ', StringComparison.Ordinal))
        {
            yield return name + "s";
        }

        if (kind == RelationKind.Ally)
        {
            yield return "alliance";
            yield return "alliances";
        }
        else if (kind == RelationKind.Sanctions)
        {
            yield return "sanction";
            yield return "sanctioned";
        }
        else if (kind == RelationKind.DiplomaticRelations)
        {
            // "When did China recognise South Korea?": recognition is how diplomatic relations begin.
            foreach (var word in new[] { "recognise", "recognised", "recognize", "recognized", "recognition", "diplomatic ties" })
            {
                yield return word;
            }
        }
        else if (kind == RelationKind.Summit)
        {
            yield return "meet";
            yield return "met";
        }
        else if (kind == RelationKind.War)
        {
            yield return "fight";
            yield return "fought";
        }
    }

    /// <summary>The window and filters a question names, for the query that answers it.</summary>
    private static ViewRequest View(QuestionReading reading) => new(
        reading.Time.Window ?? TimeWindow.All,
        reading.Kinds.Count > 0 ? reading.Kinds : null,
        reading.Polarity is { } polarity ? [polarity] : null);

    private static QuestionReading Group(QuestionReading reading, string name, IReadOnlyList<string> ids) =>
        Answer(reading, name, ids, new GroupQuery(name, ids, View(reading)));

    private static QuestionReading Diff(QuestionReading reading, PartialDate from, PartialDate to) =>
        Answer(reading, "diff", [from.ToString(), to.ToString()], new DiffQuery(from, to, View(reading)));

    private static QuestionReading Answer(QuestionReading reading, string command, IReadOnlyList<string> positional, IQuery query, IReadOnlyList<string>? details = null) =>
        reading with { Query = query, Summary = Summarize(command, positional, reading, details ?? []) };

    private static string Summarize(string command, IReadOnlyList<string> positional, QuestionReading reading, IReadOnlyList<string> details)
    {
        var parts = new List<string>
        {
            command switch
            {
                "path" => $"path {positional[0]} → {positional[1]}",
                "trend" => $"trend {positional[0]} – {positional[1]}",
                "diff" => $"diff {positional[0]} → {positional[1]}",
                _ => $"{command} {string.Join(", ", positional)}",
            },
        };
        if (command is not "show" and not "diff" && reading.Time.Window is { } window)
        {
            parts.Add(window.ToString());
        }

        if (command != "show")
        {
            if (reading.Kinds.Count > 0)
            {
                parts.Add($"kinds: {string.Join(", ", reading.Kinds.Select(k => k.Name))}");
            }

            if (reading.Polarity is { } polarity)
            {
                parts.Add($"polarity: {polarity.Name()}");
            }
        }

        parts.AddRange(details);
        return string.Join(" · ", parts);
    }

    private static QuestionReading Refuse(QuestionReading reading, string reason, IReadOnlyList<string>? first = null)
    {
        var ids = reading.Actors.Select(a => a.Id.Value).ToList();
        var window = string.Join(" ", ViewRequest.WindowArguments(reading.Time.Window).Select(ShellQuote));
        string With(string line) => window.Length == 0 ? line : $"{line} {window}";
        var suggestions = new List<string>(first ?? []);
        switch (ids.Count)
        {
            case 0 when reading.Shape != QuestionShape.Diff:
                suggestions.Add("actors");
                break;
            case 0:
                break;
            case 1:
                suggestions.Add($"show {ids[0]}");
                suggestions.Add(With($"timeline {ids[0]}"));
                suggestions.Add(With($"neighbours {ids[0]}"));
                break;
            case 2:
                suggestions.Add(With($"path {ids[0]} {ids[1]}"));
                suggestions.Add(With($"timeline {ids[0]} {ids[1]}"));
                suggestions.Add(With($"group {ids[0]} {ids[1]}"));
                break;
            case 3:
                suggestions.Add(With($"triangle {string.Join(" ", ids)}"));
                break;
            default:
                suggestions.Add(With($"group {string.Join(" ", ids)}"));
                break;
        }

        if (ids.Count == 0 && reading.Time.Window is { From: { } f, To: { } t })
        {
            suggestions.Add(f == t ? $"diff {TimePhrases.Step(f, -1)} {t}" : $"diff {f} {t}");
        }

        return reading with { Refusal = reason, Suggestions = suggestions.Distinct(StringComparer.Ordinal).ToList() };
    }

    private static string ShellQuote(string word) => Repl.ShellWords.Quote(word);

    private static string Count(List<Actor> actors)
    {
        string[] words = ["none", "one", "two", "three", "four", "five", "six"];
        var count = actors.Count < words.Length ? words[actors.Count] : Invariant(actors.Count);
        return actors.Count == 0 ? count : $"{count} ({string.Join(", ", actors.Select(a => a.Id.Value))})";
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The first of <paramref name="words"/> that occurs in <paramref name="text"/> as whole words, or null.</summary>
    private static string? FirstOf(string text, string[] words) =>
        words.FirstOrDefault(w => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(w).Replace("\\ ", "\\s+", StringComparison.Ordinal)}(?![\w-])", RegexOptions.CultureInvariant));

    private static int? Number(string text, Regex pattern) =>
        pattern.Match(text) is { Success: true } m ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>Every word the reader knows: the common words, and the words of shapes, polarities and relation kinds.</summary>
    private static readonly Lazy<HashSet<string>> KnownWords = new(() =>
    {
        var known = new HashSet<string>(CommonWords, StringComparer.Ordinal);
        foreach (var (_, words) in ShapeWords)
        {
            known.UnionWith(words.SelectMany(w => w.Split(' ')));
        }

        foreach (var (_, words) in PolarityWords)
        {
            known.UnionWith(words);
        }

        known.UnionWith(RelationKind.All.SelectMany(KindWords).SelectMany(w => w.Split(' ')));
        return known;
    });

    /// <summary>Lower-case words left after actors and times were read that the reader does not know, in question order.</summary>
    private static List<string> OtherWords(string rest) =>
        WordToken().Matches(rest)
            .Select(m => m.Value.TrimEnd('.', '-', '\''))
            .Select(w => w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w)
            .Where(w => w.Length > 0 && char.IsLower(w[0]) && !KnownWords.Value.Contains(w))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Capitalised words left after actors and times were read, that are not common words: names the graph lacks.</summary>
    private static List<string> Unrecognised(string rest, string original)
    {
        if (!original.Any(char.IsLower))
        {
            // In a question typed in capitals every word is capitalised; there is no telling names apart.
            return [];
        }

        var known = KnownWords.Value;
        var names = new List<string>();
        var run = new List<string>();
        var lastEnd = -1;
        foreach (Match word in WordToken().Matches(rest))
        {
            var value = word.Value.TrimEnd('.', '-', '\'');
            if (value.EndsWith("'s", StringComparison.Ordinal))
            {
                value = value[..^2];
            }

            var capital = char.IsUpper(value[0]);
            var isName = capital && !known.Contains(value.ToLowerInvariant());
            if (capital && run.Count > 0 && string.IsNullOrWhiteSpace(rest[lastEnd..word.Index]))
            {
                // A common word goes on a name already begun ("Korean War") but begins none ("How").
                run.Add(value);
            }
            else
            {
                if (run.Count > 0)
                {
                    names.Add(string.Join(" ", run));
                    run.Clear();
                }

                if (isName)
                {
                    run.Add(value);
                }
            }

            lastEnd = word.Index + word.Length;
        }

        if (run.Count > 0)
        {
            names.Add(string.Join(" ", run));
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'.-]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordToken();

    [GeneratedRegex(@"\b(?<n>[0-9]{1,2})\s+(?:shortest\s+)?(?:paths|routes|ways)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PathCount();

    [GeneratedRegex(@"\b(?<n>[0-9]{1,2})\s+(?:hops?|steps?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hops();
}
