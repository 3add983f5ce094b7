using System.Text;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Serialization;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Serialization;

/// <summary>
/// The parallel load reads relations with a fast UTF-8 reader, which must read every saved file as the ordinary
/// reader does, and must never accept a relation the ordinary reader would read differently or refuse: it
/// either gives the same relations or leaves the file to the ordinary read.
/// </summary>
public sealed class Utf8RelationReaderTests : IDisposable
{
    // Texts that make the writer escape (quotes, backslashes, control characters), multi-byte UTF-8, emoji
    // (surrogate pairs in .NET strings) and blank notes.
    private static readonly string[] Texts =
    [
        "label", "a \"quoted\" word", "back\\slash", "tab\tand\nnew line", "control \u0001 char", "Kim Jong-un 김정은",
        "中国与朝鲜", "emoji 😀 here", "é", "  padded  ", "slash / and </script>", "\u00a0non-breaking",
    ];

    private static readonly string[] Notes = ["a note", " ", "\t", "note with \"quotes\"", "😀"];

    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-utf8-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(701, 6, 300)]
    [InlineData(702, 30, 1500)]
    public void SavedGraphs_WithAnyText_AreReadFast_AsTheOrdinaryReadReadsThem(int seed, int actors, int relations)
    {
        var graph = Rich(seed, actors, relations);
        var path = Save(graph);
        var (itemsStart, arrayEnd) = RelationsArray(path);

        var reader = NewReader(graph, GraphLoadOptions.Default);
        var end = reader.Read(path, itemsStart, new FileInfo(path).Length, untilArrayEnd: true);

        end.Should().Be(arrayEnd, "the reader stops just after the relations array");
        reader.Relations.Should().Equal(graph.Relations);
        reader.Relations.Select(r => r.Label).Should().Equal(graph.Relations.Select(r => r.Label), "labels kept as bytes before their quotes decode to the same text");
        reader.Relations.Select(r => r.Id).Should().Equal(graph.Relations.Select(r => r.Id), "ids kept as bytes before their labels decode to the same text");
        reader.Relations.Select(r => r.GetHashCode()).Should().Equal(graph.Relations.Select(r => r.GetHashCode()), "a relation holding its id as bytes hashes as the same relation holding a string");
        reader.Relations.Select(r => r.Note).Should().Equal(graph.Relations.Select(r => r.Note));
        reader.Relations.Select(r => r.Directed).Should().Equal(graph.Relations.Select(r => r.Directed));
        reader.Relations.SelectMany(r => r.Evidence).Should().Equal(graph.Relations.SelectMany(r => r.Evidence), "quotes kept in shared blocks read back as their own");
        reader.FirstId.Should().Be(graph.Relations[0].Id);
        reader.LastId.Should().Be(graph.Relations[^1].Id);

        var parallel = GraphJsonReader.TryReadInParallel(path, new FileInfo(path).Length, 0, GraphLoadOptions.Default);
        parallel.Should().NotBeNull();
        GraphText.Of(parallel!).Should().Be(File.ReadAllText(path));

        // Found by id through a binary search that compares ids held as bytes with the asked string.
        foreach (var relation in graph.Relations)
        {
            parallel!.TryGetRelation(relation.Id, out var found).Should().BeTrue(relation.Id);
            found!.Id.Should().Be(relation.Id);
            parallel.TryGetRelation(relation.Id + "0", out _).Should().BeFalse();
            parallel.TryGetRelation(relation.Id[..^1], out _).Should().BeFalse();
        }
    }

    [Theory]
    [InlineData(703)]
    [InlineData(704)]
    public void MutatedRelations_GiveTheOrdinaryReadsResultOrError_Exactly(int seed)
    {
        var original = File.ReadAllText(Save(Rich(seed, 8, 400)));
        var relationsAt = original.IndexOf("\"relations\": [", StringComparison.Ordinal);
        var random = new Random(seed);
        var path = Path.Combine(folder, "mutated.json");
        var accepted = 0;
        for (var i = 0; i < 240; i++)
        {
            var text = Mutate(original, relationsAt, random, i);
            File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
            var options = i % 7 == 0 ? GraphLoadOptions.Default with { MaxStringLength = 12 } : GraphLoadOptions.Default;
            var ordinary = GraphText.Outcome(() => GraphJsonReader.ReadFile(path, options, parallelFrom: long.MaxValue));
            GraphText.Outcome(() => GraphJsonReader.ReadFile(path, options, parallelFrom: 0)).Should().Be(ordinary, $"mutation {i}");
            accepted += ordinary.StartsWith("error: ", StringComparison.Ordinal) ? 0 : 1;
        }

        accepted.Should().BeGreaterThan(20, "many mutations leave a valid file, which both reads must agree on");
    }

    [Theory]
    [InlineData("\"directed\": true", "\"directed\": null")]
    [InlineData("\"directed\": true", "\"directed\": 1")]
    [InlineData("\"label\": \"", "\"\\u006cabel\": \"")]
    [InlineData("\"id\": \"r", "\"id\": \"\\u0072")]
    [InlineData("\"kind\": \"", "\"kind\": \"x")]
    [InlineData("\"source\": \"A", "\"source\": \"\\u0041")]
    [InlineData("\"quote\": \"", "\"quote\": \"\\ud800")]
    [InlineData("\"quote\": \"", "\"quote\": \"   \", \"q\": \"")]
    [InlineData("\"label\": \"", "\"note\": \"  \", \"label\": \"")]
    [InlineData("\"label\": \"", "\"note\": null, \"label\": \"")]
    [InlineData("\"label\": \"", "\"kind\": \"war\", \"label\": \"")]
    [InlineData("\"label\": \"", "\"extra\": 1, \"label\": \"")]
    [InlineData("\"start\": \"", "\"at\": \"2000\", \"start\": \"")]
    [InlineData("\"start\": \"", "\"end\": null, \"start\": \"")]
    [InlineData("\"evidence\": [", "\"evidence\": [],\"x\": [")]
    public void EveryRelationChangedTheSameWay_GivesTheOrdinaryReadsResultOrError(string find, string replace)
    {
        var text = File.ReadAllText(Save(Rich(705, 6, 300))).Replace(find, replace, StringComparison.Ordinal);
        var path = Path.Combine(folder, "changed.json");
        File.WriteAllText(path, text);

        GraphText.Outcome(() => GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: 0))
            .Should().Be(GraphText.Outcome(() => GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: long.MaxValue)));
    }

    [Fact]
    public void AnIdLongerThanTheStringLimit_IsTheOrdinaryReadsError()
    {
        // Everything else within the limit (a source's hash is 64 characters), relation ids of 100 beyond it.
        var builder = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B"));
        for (var i = 0; i < 200; i++)
        {
            builder.Add(new Relation($"r{i:D99}", RelationKind.Sanctions, new ActorId("A"), new ActorId("B"), At("2001-02-03"), "ab", [new Evidence("src", "cd")]));
        }

        var path = Save(builder.Build());
        var options = GraphLoadOptions.Default with { MaxStringLength = 64 };

        var ordinary = GraphText.Outcome(() => GraphJsonReader.ReadFile(path, options, parallelFrom: long.MaxValue));

        ordinary.Should().StartWith("error: ").And.Contain("the limit is 64");
        GraphText.Outcome(() => GraphJsonReader.ReadFile(path, options, parallelFrom: 0)).Should().Be(ordinary);
    }

    [Fact]
    public void ARelationFromAnActorToItself_OutsideTheWindow_IsStillTheOrdinaryReadsError()
    {
        var graph = Rich(706, 6, 300);
        var outside = graph.Relations.First(r => !r.Time.Overlaps(RelationsGraph.Time.TimeWindow.During(new RelationsGraph.Time.PartialDate(2035))));
        var text = File.ReadAllText(Save(graph));
        var at = text.IndexOf($"\"id\": \"{outside.Id}\"", StringComparison.Ordinal);
        var target = text.IndexOf("\"target\": \"", at, StringComparison.Ordinal);
        var end = text.IndexOf('"', target + 11);
        var path = Path.Combine(folder, "loop.json");
        File.WriteAllText(path, text[..(target + 11)] + outside.Source.Value + text[end..]);
        var options = GraphLoadOptions.Default with { Window = RelationsGraph.Time.TimeWindow.During(new RelationsGraph.Time.PartialDate(2035)) };

        var ordinary = GraphText.Outcome(() => GraphJsonReader.ReadFile(path, options, parallelFrom: long.MaxValue));

        ordinary.Should().Contain("to itself");
        GraphText.Outcome(() => GraphJsonReader.ReadFile(path, options, parallelFrom: 0)).Should().Be(ordinary);
    }

    private static string Mutate(string original, int relationsAt, Random random, int i)
    {
        var at = relationsAt + random.Next(original.Length - relationsAt);
        switch (i % 4)
        {
            case 0:
                // A character anywhere in the relations.
                return original[..at] + "{}[],:\"x0 \n\\é"[random.Next(13)] + original[(at + 1)..];
            case 1:
                // A character deleted.
                return original[..at] + original[(at + 1)..];
            case 2:
                // One value's text replaced by something the fast reader must think twice about.
                string[] values = ["\"\"", "\" \"", "null", "true", "1", "\"\\u0041\"", "\"\\ud83d\\ude00\"", "\"2001-02-30\"", "\"1999\"", "\"A1\"", "\"src\"", "\"war\"", "[]", "{}"];
                var colon = original.IndexOf(": ", at, StringComparison.Ordinal);
                var stop = colon < 0 ? -1 : original.IndexOfAny([',', '\n'], colon + 2);
                return stop < 0 ? original : original[..(colon + 2)] + values[random.Next(values.Length)] + original[stop..];
            default:
                // One property repeated, or a property name changed.
                var quote = original.IndexOf("\n      \"", at, StringComparison.Ordinal);
                if (quote < 0)
                {
                    return original;
                }

                var line = original[(quote + 1)..original.IndexOf('\n', quote + 1)];
                return random.Next(2) == 0
                    ? original[..(quote + 1)] + line.TrimEnd(',') + ",\n" + original[(quote + 1)..]
                    : original[..(quote + 8)] + "\\u00" + ((int)original[quote + 8]).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + original[(quote + 9)..];
        }
    }

    [Fact]
    public void QuotesFillingSeveralSharedBlocks_AndQuotesTooLongForOne_ReadBackExactly()
    {
        // Kept quotes are copied into shared 1 MB blocks, and one over 64 KB gets an array of its own: 3 MB of
        // quotes from 1 byte to 100 KB cross several block boundaries and take both ways.
        var random = new Random(703);
        var builder = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B"));
        for (var i = 0; i < 90; i++)
        {
            var length = i % 10 == 9 ? 65_536 + random.Next(40_000) : 1 + random.Next(60_000);
            var quote = string.Create(length, random.Next(26), (chars, first) =>
            {
                for (var c = 0; c < chars.Length; c++)
                {
                    chars[c] = (char)('a' + ((first + c) % 26));
                }
            });
            builder.Add(new Relation($"r{i:D3}", RelationKind.All[i % RelationKind.All.Count], new ActorId("A"), new ActorId("B"), RelationsGraph.Time.TimeExtent.Point(RelationsGraph.Time.PartialDate.Parse("2017")), "label", [new Evidence("src", quote + " " + i)]));
        }

        var graph = builder.Build();
        var path = Save(graph);
        var (itemsStart, _) = RelationsArray(path);
        var reader = NewReader(graph, new GraphLoadOptions { MaxStringLength = 1 << 20 });

        reader.Read(path, itemsStart, new FileInfo(path).Length, untilArrayEnd: true);

        reader.Relations.Should().Equal(graph.Relations);
        reader.Relations.Select(r => r.Evidence.Single().Quote).Should().Equal(graph.Relations.Select(r => r.Evidence.Single().Quote));
        reader.Relations.Select(r => r.Label).Should().Equal(graph.Relations.Select(r => r.Label));
    }

    [Fact]
    public void IdsHeldAsBytes_AreFound_Compared_AndHashed_AsTheirText()
    {
        // Ids that are prefixes of one another, so the binary search meets every case of the comparison, on
        // relations otherwise identical, so only the id tells them apart.
        string[] ids = ["a", "a.b", "a0", "a00", "a000", "a1", "ab", "abc", "abd", "b", "b-", "b:c", "ba", "c", "c_", "z9"];
        var builder = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B"));
        foreach (var id in ids)
        {
            builder.Add(new Relation(id, RelationKind.All[0], new ActorId("A"), new ActorId("B"), RelationsGraph.Time.TimeExtent.Point(RelationsGraph.Time.PartialDate.Parse("2017")), "same", [new Evidence("src", "same quote")]));
        }

        var path = Save(builder.Build());
        var first = GraphJsonReader.TryReadInParallel(path, new FileInfo(path).Length, 0, GraphLoadOptions.Default)!;
        var again = GraphJsonReader.TryReadInParallel(path, new FileInfo(path).Length, 0, GraphLoadOptions.Default)!;

        first.Relations.Select(r => r.Id).Should().Equal(ids);
        foreach (var id in ids)
        {
            first.TryGetRelation(id, out var found).Should().BeTrue(id);
            found!.Id.Should().Be(id);
        }

        foreach (var absent in new[] { "", "0", "a.", "a01", "aa", "abcd", "b.", "bb", "c-", "zz" })
        {
            first.TryGetRelation(absent, out _).Should().BeFalse(absent);
        }

        for (var i = 0; i < ids.Length; i++)
        {
            first.Relations[i].Should().Be(again.Relations[i], "the same relation read twice");
            first.Relations[i].GetHashCode().Should().Be(again.Relations[i].GetHashCode());
            first.Relations.Where((r, j) => j != i && r.Equals(first.Relations[i])).Should().BeEmpty("relations differing only by id differ");
        }
    }

    [Theory]
    [InlineData("\u3000")]
    [InlineData("\u00a0 \u2003")]
    [InlineData("   ")]
    public void ABlankLabel_WrittenWithoutEscapes_IsTheOrdinaryReadsError(string blank)
    {
        // A label kept as bytes is checked as the model checks one: text without a visible ASCII character is
        // decoded, and blank text (here also blank in other scripts' spaces) refused.
        var builder = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B"));
        for (var i = 0; i < 4; i++)
        {
            // Several relations, so the file splits into two halves for the fast read; the last one's label is blank.
            builder.Add(new Relation($"r{i}", RelationKind.All[0], new ActorId("A"), new ActorId("B"), RelationsGraph.Time.TimeExtent.Point(RelationsGraph.Time.PartialDate.Parse("2017")), i == 3 ? "LABEL" : "label", [new Evidence("src", "quote")]));
        }

        var graph = builder.Build();
        var text = File.ReadAllText(Save(graph)).Replace("\"LABEL\"", "\"" + System.Text.RegularExpressions.Regex.Unescape(blank) + "\"", StringComparison.Ordinal);
        var path = Path.Combine(folder, "blank.json");
        File.WriteAllText(path, text);

        var ordinary = GraphText.Outcome(() => GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: long.MaxValue));
        ordinary.Should().StartWith("error: ").And.Contain("label");
        GraphText.Outcome(() => GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: 0)).Should().Be(ordinary);
    }

    /// <summary>A random graph whose relations carry every kind of text, notes, and one to three pieces of evidence.</summary>
    private static RelationGraph Rich(int seed, int actors, int relations)
    {
        var random = new Random(seed);
        var builder = new RelationGraphBuilder().Add(Source()).Add(new Source("src2", "Other", "Author", "Publisher", RelationsGraph.Time.PartialDate.Parse("2020"), "seeds/y.txt", new string('1', 64)));
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
                $"r{i:D5}", RelationKind.All[random.Next(RelationKind.All.Count)], new ActorId($"A{s}"), new ActorId($"A{t}"), RandomExtent(random),
                Texts[random.Next(Texts.Length)], evidence, random.Next(2) == 0, random.Next(3) == 0 ? Notes[random.Next(Notes.Length)] : null));
        }

        return builder.Build();
    }

    private static Utf8RelationReader NewReader(RelationGraph graph, GraphLoadOptions options)
    {
        var actors = graph.Actors.ToDictionary(a => a.Id.Value, a => a.Id.Value, StringComparer.Ordinal);
        var sources = graph.Sources.ToDictionary(s => s.Id, s => s.Id, StringComparer.Ordinal);
        return new Utf8RelationReader(actors, sources.ContainsKey, sources, null, options.MaxStringLength);
    }

    /// <summary>The byte offsets of the first relation and just after the relations array's closing bracket.</summary>
    private static (long ItemsStart, long ArrayEnd) RelationsArray(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var marker = "\n  \"relations\": [\n"u8;
        var start = bytes.AsSpan().IndexOf(marker) + marker.Length;
        var close = "\n  ]"u8;
        var end = start + bytes.AsSpan(start).IndexOf(close) + close.Length;
        return (start, end);
    }

    private string Save(RelationGraph graph)
    {
        var path = Path.Combine(folder, $"graph-{Guid.NewGuid():N}.json");
        graph.Save(path);
        return path;
    }
}
