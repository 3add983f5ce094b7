using System.Globalization;
using System.Text.RegularExpressions;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Knowledge;

/// <summary>
/// The counts in docs/bundled-graph.md are the bundled graph's. After a deliberate change to graph.json,
/// UPDATE_GOLDEN=1 rewrites them in the page; review the diff.
/// </summary>
public sealed partial class BundledGraphDocsTests
{
    private static readonly string PagePath = Repo.File("docs", "bundled-graph.md");
    private static readonly RelationGraph Graph = GraphFile.Load(Repo.GraphJson);

    [Fact]
    public void Page_StatesTheGraphsCounts()
    {
        var page = File.ReadAllText(PagePath);
        var expected = page;
        expected = Holds().Replace(expected, HoldsSentence(), 1);
        expected = Shapes().Replace(expected, ShapesSentence(), 1);
        expected = Quotes().Replace(expected, QuotesSentence(), 1);
        expected = ReplaceTable(expected, "## Relations by kind", KindTable("relation kind", Graph.Relations.Select(r => r.Kind.Name)));
        expected = ReplaceTable(expected, "## Events by kind", KindTable("event kind", Graph.Events.Select(e => e.Kind.Name)));
        expected = ReplaceTable(expected, "## By decade", DecadeTable());

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(PagePath, expected);
            page = expected;
        }

        page.Should().Be(expected, "docs/bundled-graph.md should state the counts of graph.json; rewrite them with UPDATE_GOLDEN=1 and review the diff");
    }

    [Fact]
    public void Page_HasEveryCountedSentenceAndTable()
    {
        var page = File.ReadAllText(PagePath);

        Holds().IsMatch(page).Should().BeTrue();
        Shapes().IsMatch(page).Should().BeTrue();
        Quotes().IsMatch(page).Should().BeTrue();
        foreach (var heading in new[] { "## Relations by kind", "## Events by kind", "## By decade" })
        {
            page.Split('\n').Should().Contain(heading);
        }
    }

    private static string HoldsSentence()
    {
        var kinds = Graph.Actors.GroupBy(a => a.Kind)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}s");
        return $"It holds {Graph.Actors.Count} actors ({string.Join(", ", kinds)}), {Graph.Relations.Count} relations and {Graph.Events.Count} events.";
    }

    private static string ShapesSentence()
    {
        var points = Graph.Relations.Count(r => r.Time.IsPoint);
        var open = Graph.Relations.Count(r => !r.Time.IsPoint && r.Time.End is null);
        var directed = Graph.Relations.Count(r => r.Directed);
        return $"Of the relations, {points} are points in time (`at`) and {Graph.Relations.Count - points} are periods (`start`/`end`), {open} of them still open at the source's date; {directed} are directed.";
    }

    private static string QuotesSentence()
    {
        var quotes = Graph.Relations.Sum(r => r.Evidence.Count) + Graph.Events.Sum(e => e.Evidence.Count);
        var notes = Graph.Relations.Count(r => r.Note is not null) + Graph.Events.Count(e => e.Note is not null);
        return $"Every relation and event carries at least one verbatim quote from the article ({quotes} quotes in all), and {notes} of them have a note";
    }

    private static string KindTable(string header, IEnumerable<string> kinds) =>
        Table([header, "count"], kinds.GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new[] { g.Key, Number(g.Count()) }));

    private static string DecadeTable()
    {
        // An open period counts up to the source's date, as the page says.
        var present = Graph.Sources.Max(s => s.Published.Year);
        static (int First, int Last) Years(TimeExtent time, int present) => (time.FirstDay.Year, time.LastDay?.Year ?? present);
        var relations = Graph.Relations.Select(r => Years(r.Time, present)).ToList();
        var events = Graph.Events.Select(e => Years(e.Time, present)).ToList();
        var first = relations.Concat(events).Min(y => y.First) / 10 * 10;
        var last = relations.Concat(events).Max(y => y.Last) / 10 * 10;
        static int ActiveIn(List<(int First, int Last)> years, int decade) => years.Count(y => y.First <= decade + 9 && y.Last >= decade);

        var rows = new List<string[]>();
        for (var decade = first; decade <= last; decade += 10)
        {
            rows.Add([$"{decade}s", Number(ActiveIn(relations, decade)), Number(ActiveIn(events, decade))]);
        }

        return Table(["decade", "relations active", "events"], rows);
    }

    private static string Table(string[] header, IEnumerable<string[]> rows)
    {
        var lines = new List<string>
        {
            "| " + string.Join(" | ", header) + " |",
            "| --- |" + string.Concat(Enumerable.Repeat(" ---: |", header.Length - 1)),
        };
        lines.AddRange(rows.Select(row => "| " + string.Join(" | ", row) + " |"));
        return string.Join('\n', lines);
    }

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Replaces the first table after a heading (its run of lines starting with '|').</summary>
    private static string ReplaceTable(string page, string heading, string table)
    {
        var lines = page.Split('\n').ToList();
        var at = lines.IndexOf(heading);
        if (at < 0)
        {
            return page;
        }

        var start = lines.FindIndex(at, l => l.StartsWith('|'));
        var end = lines.FindIndex(start, l => !l.StartsWith('|'));
        lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        lines.Insert(start, table);
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"It holds \d+ actors \([^)]*\), \d+ relations and \d+ events\.")]
    private static partial Regex Holds();

    [GeneratedRegex(@"Of the relations, \d+ are points in time \(`at`\) and \d+ are periods \(`start`/`end`\), \d+ of them still open at the source's date; \d+ are directed\.")]
    private static partial Regex Shapes();

    [GeneratedRegex(@"Every relation and event carries at least one verbatim quote from the article \(\d+ quotes in all\), and \d+ of them have a note")]
    private static partial Regex Quotes();
}
