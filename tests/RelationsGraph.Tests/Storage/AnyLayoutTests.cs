using System.Text;
using RelationsGraph.Common;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Storage;
using RelationsGraph.Time;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Storage;

/// <summary>
/// One reader, any layout: the same graph written as the library saves it, as one compact line, pretty-printed
/// with every object's keys and the relations shuffled, or with the relations first, loads to the same graph, read
/// in one piece or in parts on several cores (forced here on small files); and a broken file fails with the same
/// error whichever way it is read.
/// </summary>
public sealed class AnyLayoutTests : IDisposable
{
    // Texts that make the writer escape (quotes, backslashes, control characters), brackets and braces inside
    // strings (which the scan for cuts must not count), multi-byte UTF-8 and emoji, blank notes.
    private static readonly string[] Texts =
    [
        "label", "a \"quoted\" word", "back\\slash", "tab\tand\nnew line", "control \u0001 char", "Kim Jong-un 김정은",
        "中国与朝鲜", "emoji 😀 here", "é", "  padded  ", "slash / and </script>", "\u00a0non-breaking", "}, {\"id\": \"R0\"",
        "[[[", "]]} ,{", "\\\"", "ends with a backslash \\",
    ];

    private static readonly string[] Notes = ["a note", " ", "\t", "note with \"quotes\"", "😀", "{\"not\": \"json\"}"];

    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-layout-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<string> LayoutNames() => new(Layouts.Names);

    [Theory]
    [MemberData(nameof(LayoutNames))]
    public void EveryLayout_LoadsToTheCanonicalGraph_InOnePieceAndInParts(string layout)
    {
        foreach (var (seed, actors, relations) in new[] { (801, 5, 3), (802, 20, 400), (803, 40, 3000) })
        {
            var graph = Rich(seed, actors, relations);
            var canonical = GraphText.Of(graph);
            var path = Write(Layouts.Of(canonical, layout, seed));

            GraphText.Of(GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: long.MaxValue)).Should().Be(canonical, $"{layout}, read in one piece");
            GraphText.Of(GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: 0)).Should().Be(canonical, $"{layout}, read in parts");
        }
    }

    [Theory]
    [MemberData(nameof(LayoutNames))]
    public void EveryLayout_IsCutBetweenItems_WhenBigEnough(string layout)
    {
        var graph = Rich(804, 12, 2000);
        var path = Write(Layouts.Of(GraphText.Of(graph), layout, 804));
        var bytes = File.ReadAllBytes(path);

        var found = JsonLayout.Scan(path, 0, parts: 8);

        found.CanSplit.Should().BeTrue();
        found.Cuts.Should().HaveCountGreaterThan(3, "a 2,000-relation array is cut into about eight parts");
        foreach (var cut in found.Cuts)
        {
            bytes[cut.Offset].Should().Be((byte)'{');
            bytes[(int)cut.Comma].Should().Be((byte)',');
            bytes.AsSpan((int)cut.Comma + 1, (int)(cut.Offset - cut.Comma - 1)).Trim(" \t\r\n"u8).IsEmpty.Should().BeTrue();
            cut.LinesBefore.Should().Be(bytes.AsSpan(0, (int)cut.Offset).Count((byte)'\n'));
            cut.LineStart.Should().Be(bytes.AsSpan(0, (int)cut.Offset).LastIndexOf((byte)'\n') + 1);
        }

        // Each cut starts a relation: the parts, read on their own, hold every relation once.
        var text = Encoding.UTF8.GetString(bytes);
        var starts = found.Cuts.Select(c => Encoding.UTF8.GetCharCount(bytes, 0, (int)c.Offset)).ToList();
        starts.Select(s => (string?)Newtonsoft.Json.Linq.JObject.Parse(ObjectAt(text, s))["id"]).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(id => graph.Relations.Any(r => r.Id == id));
    }

    [Theory]
    [InlineData("\"relations\": [", "\"relations\": [ // a comment\n")]
    [InlineData("\"relations\": [", "\"relations\": [ /* a comment */")]
    [InlineData("\"label\": \"", "\"label\": 'single', \"q\": \"")]
    public void AFileTheScanCannotFollow_IsReadInOnePiece_WithTheSameOutcome(string find, string replace)
    {
        // Newtonsoft reads comments and single quotes; the scan for cuts does not follow them and leaves the file whole.
        var canonical = GraphText.Of(Rich(805, 6, 300));
        var at = canonical.IndexOf(find, StringComparison.Ordinal);
        var path = Write(canonical[..at] + replace + canonical[(at + find.Length)..]);

        JsonLayout.Scan(path, 0, 4).CanSplit.Should().BeFalse();
        Outcome(path, 0).Should().Be(Outcome(path, long.MaxValue)).And.StartWith("error: ");
    }

    [Theory]
    [InlineData("'single'")]
    [InlineData("/* a comment */ \"text\"")]
    [InlineData("NOT-UTF-8")]
    public void AFileTheScanCannotFollowLate_IsReadAsBefore_ThoughItsReadInPartsHadBegun(string label)
    {
        // The read in parts begins once the scan has passed the array's first cut; what the scan finds after that (a
        // comment, a single-quoted string, a byte that is not UTF-8, in the last relation) must still decide.
        var canonical = GraphText.Of(Rich(807, 6, 300));
        var at = canonical.LastIndexOf("\"label\": \"", StringComparison.Ordinal) + "\"label\": ".Length;
        var end = canonical.IndexOf('"', at + 1) + 1;
        var bytes = Encoding.UTF8.GetBytes(canonical[..at] + (label == "NOT-UTF-8" ? "\"x\u0001x\"" : label) + canonical[end..]);
        if (label == "NOT-UTF-8")
        {
            bytes[Array.IndexOf(bytes, (byte)1, Encoding.UTF8.GetByteCount(canonical[..at]))] = 0xFF;
        }

        var path = Path.Combine(folder, $"late-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, bytes);

        var told = new List<JsonLayout.Place>();
        JsonLayout.Scan(path, 0, 4, told.Add).CanSplit.Should().BeFalse();
        told.Should().HaveCount(2, "the scan told of the array's opening bracket and its first cut before it gave up");
        Outcome(path, 0).Should().Be(Outcome(path, long.MaxValue));
    }

    [Fact]
    public void IdsInInsertionOrder_AreListedById_AndFoundById()
    {
        // R0, R1, … R10, … as a script writes them: not in ordinal order in the file.
        var graph = Rich(806, 8, 120);
        var path = Write(Layouts.Of(GraphText.Of(graph), "compact", 806));
        var compactInFileOrder = Enumerable.Range(0, 120).Select(i => $"R{i}").ToList();

        var loaded = GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: 0);

        loaded.Relations.Select(r => r.Id).Should().Equal(compactInFileOrder.Order(StringComparer.Ordinal));
        foreach (var id in compactInFileOrder)
        {
            loaded.TryGetRelation(id, out var found).Should().BeTrue(id);
            found!.Should().Be(graph.Relations.Single(r => r.Id == id));
        }

        loaded.TryGetRelation("R120", out _).Should().BeFalse();
        loaded.TryGetRelation("R", out _).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(LayoutNames))]
    public void ARepeatedId_IsReportedWhereItComesAgain_WhicheverWayTheFileIsRead(string layout)
    {
        // The same id far apart (in different parts of a read in parts), and in shuffled order.
        var canonical = GraphText.Of(Rich(807, 10, 1500));
        var text = Layouts.Of(canonical, layout, 807).Replace("\"R1400\"", "\"R7\"", StringComparison.Ordinal);
        var path = Write(text);

        var whole = Outcome(path, long.MaxValue);

        whole.Should().StartWith("error: ").And.Contain("Duplicate relation id 'R7' (first at line ");
        Outcome(path, 0).Should().Be(whole);
    }

    [Theory]
    [InlineData(811)]
    [InlineData(812)]
    public void MutatedFiles_InEveryLayout_GiveTheSameResultOrError_InOnePieceAndInParts(int seed)
    {
        var random = new Random(seed);
        var canonical = GraphText.Of(WithEvents(Rich(seed, 8, 400), seed, 8));
        var accepted = 0;
        foreach (var layout in Layouts.Names)
        {
            var original = Layouts.Of(canonical, layout, seed);
            var relationsAt = original.IndexOf("\"relations\"", StringComparison.Ordinal);
            for (var i = 0; i < 90; i++)
            {
                var path = Write(Mutate(original, relationsAt, random, i));
                var options = i % 7 == 0 ? GraphLoadOptions.Default with { MaxStringLength = 12 } : GraphLoadOptions.Default;
                var whole = Outcome(path, long.MaxValue, options);
                Outcome(path, 0, options).Should().Be(whole, $"{layout}, mutation {i}");
                accepted += whole.StartsWith("error: ", StringComparison.Ordinal) ? 0 : 1;
            }
        }

        accepted.Should().BeGreaterThan(30, "many mutations leave a valid file, which both reads must agree on");
    }

    [Theory]
    [InlineData("\"directed\": true", "\"directed\": null")]
    [InlineData("\"directed\": true", "\"directed\": 1")]
    [InlineData("\"label\": \"", "\"\\u006cabel\": \"")]
    [InlineData("\"id\": \"R", "\"id\": \"\\u0052")]
    [InlineData("\"kind\": \"", "\"kind\": \"x")]
    [InlineData("\"source\": \"A", "\"source\": \"\\u0041")]
    [InlineData("\"quote\": \"", "\"quote\": \"\\ud800")]
    [InlineData("\"quote\": \"", "\"quote\": \"   \", \"q\": \"")]
    [InlineData("\"label\": \"", "\"note\": \"  \", \"label\": \"")]
    [InlineData("\"label\": \"", "\"note\": null, \"label\": \"")]
    [InlineData("\"label\": \"", "\"kind\": \"war\", \"label\": \"")]
    [InlineData("\"label\": \"", "\"extra\": 1, \"label\": \"")]
    [InlineData("\"label\": \"", "// a comment\n\"label\": \"")]
    [InlineData("\"start\": \"", "\"at\": \"2000\", \"start\": \"")]
    [InlineData("\"start\": \"", "\"end\": null, \"start\": \"")]
    [InlineData("\"evidence\": [", "\"evidence\": [],\"x\": [")]
    [InlineData("\"target\": \"A1\"", "\"target\": \"Nobody\"")]
    [InlineData("\"source\": \"src2\"", "\"source\": \"nowhere\"")]
    public void EveryRelationChangedTheSameWay_GivesTheSameResultOrError_InOnePieceAndInParts(string find, string replace)
    {
        var canonical = GraphText.Of(Rich(813, 6, 300));
        foreach (var layout in new[] { "canonical", "relations-first" })
        {
            var path = Write(Layouts.Of(canonical, layout, 813).Replace(find, replace, StringComparison.Ordinal));

            Outcome(path, 0).Should().Be(Outcome(path, long.MaxValue), layout);
        }
    }

    [Fact]
    public void AWindowedLoad_OfAnyLayout_KeepsTheWindowsRelations_InOnePieceAndInParts()
    {
        var graph = Rich(814, 10, 800);
        var window = TimeWindow.Between(new PartialDate(1970), new PartialDate(1990));
        var options = GraphLoadOptions.Default with { Window = window };
        foreach (var layout in new[] { "canonical", "compact", "pretty-shuffled" })
        {
            var path = Write(Layouts.Of(GraphText.Of(graph), layout, 814));
            var expected = GraphText.Of(GraphJsonReader.ReadFile(Write(GraphText.Of(graph)), options, long.MaxValue));

            foreach (var parallelFrom in new[] { 0L, long.MaxValue })
            {
                var loaded = GraphJsonReader.ReadFile(path, options, parallelFrom);
                loaded.Coverage.Should().Be(window, layout);
                GraphText.Of(loaded).Should().Be(expected, layout);
            }
        }
    }

    /// <summary>A random graph whose relations, with ids R0, R1, … in the order added, carry every kind of text, notes, and one to three pieces of evidence.</summary>
    internal static RelationGraph Rich(int seed, int actors, int relations)
    {
        var random = new Random(seed);
        var builder = new RelationGraphBuilder().Add(Source()).Add(new Source("src2", "Other", "Author", "Publisher", PartialDate.Parse("2020"), "seeds/y.txt", new string('1', 64)));
        for (var i = 0; i < actors; i++)
        {
            builder.Add(Actor($"A{i}"));
        }

        for (var i = 0; i < relations; i++)
        {
            var s = random.Next(actors);
            var t = (s + 1 + random.Next(actors - 1)) % actors;
            var evidence = Enumerable.Range(0, random.Next(3) == 0 ? random.Next(2, 4) : 1)
                .Select(_ => new Evidence(random.Next(2) == 0 ? "src" : "src2", Texts[random.Next(Texts.Length)] + " " + random.Next(5)))
                .ToList();
            builder.Add(new Relation(
                $"R{i}", RelationKind.All[random.Next(RelationKind.All.Count)], new ActorId($"A{s}"), new ActorId($"A{t}"), RandomExtent(random),
                Texts[random.Next(Texts.Length)], evidence, random.Next(2) == 0, random.Next(3) == 0 ? Notes[random.Next(Notes.Length)] : null));
        }

        return builder.Build();
    }

    internal static RelationGraph WithEvents(RelationGraph graph, int seed, int actors)
    {
        var random = new Random(seed);
        var builder = GraphText.Rebuild(graph, graph.Relations);
        for (var i = 0; i < 10; i++)
        {
            builder.Add(new ActorEvent($"e{i:D3}", EventKind.All[random.Next(EventKind.All.Count)], new ActorId($"A{random.Next(actors)}"),
                RandomExtent(random), "label", [Quote]));
        }

        return builder.Build();
    }

    private static string Mutate(string original, int relationsAt, Random random, int i)
    {
        // Mostly in the relations (where the parts are), sometimes anywhere (the top level, actors, events).
        var from = i % 5 == 0 ? 0 : relationsAt;
        var at = from + random.Next(original.Length - from);
        switch (i % 5)
        {
            case 0:
            case 1:
                // A character anywhere: structure, quotes, escapes, brackets.
                return original[..at] + "{}[],:\"x0 \n\\é/"[random.Next(14)] + original[(at + 1)..];
            case 2:
                // A character deleted.
                return original[..at] + original[(at + 1)..];
            case 3:
                // One value's text replaced by something a reader must think twice about.
                string[] values = ["\"\"", "\" \"", "null", "true", "1", "\"\\u0041\"", "\"\\ud83d\\ude00\"", "\"2001-02-30\"", "\"1999\"", "\"A1\"", "\"src\"", "\"war\"", "[]", "{}", "\"R3\""];
                var colon = original.IndexOf(':', at);
                var stop = colon < 0 ? -1 : original.IndexOfAny([',', '\n', '}'], colon + 1);
                return stop < 0 ? original : original[..(colon + 1)] + " " + values[random.Next(values.Length)] + original[stop..];
            default:
                // An id repeated: a relation's id replaced by another's.
                return original.Replace($"\"R{random.Next(200, 400)}\"", $"\"R{random.Next(0, 200)}\"", StringComparison.Ordinal);
        }
    }

    /// <summary>The JSON object starting at a character of a text (the scan says an item starts there).</summary>
    private static string ObjectAt(string text, int start)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(text[start..])) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return Newtonsoft.Json.Linq.JToken.ReadFrom(reader).ToString();
    }

    private static string Outcome(string path, long parallelFrom, GraphLoadOptions? options = null) =>
        GraphText.Outcome(() => GraphJsonReader.ReadFile(path, options ?? GraphLoadOptions.Default, parallelFrom));

    private string Write(string text)
    {
        var path = Path.Combine(folder, $"graph-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text, GraphJsonReader.StrictUtf8);
        return path;
    }
}
