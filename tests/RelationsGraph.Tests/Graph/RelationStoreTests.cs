using System.Text;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Graph;

/// <summary>
/// The columnar store against brute force: pairs grouped at any number of actors (past the 1,024 and 65,536 where
/// table sizes and 16-bit numbers would run out), ids ordered and repeats found without strings, texts kept in
/// blocks, and relations made back from columns equal to the ones added.
/// </summary>
public sealed class RelationStoreTests
{
    [Theory]
    [InlineData(1, 300, 5_000)]
    [InlineData(2, 2_000, 20_000)]
    [InlineData(3, 70_000, 60_000)]
    // Past 100,000 rows the pairs are found on every core, a range each: with few actors, pairs run across the ranges' bounds.
    [InlineData(4, 12, 150_000)]
    public void PairsAndNeighbours_AreThoseOfBruteForce_AtAnyNumberOfActors(int seed, int actors, int relations)
    {
        var random = new Random(seed);
        var builder = new RelationGraphBuilder().Add(Source());
        for (var i = 0; i < actors; i++)
        {
            builder.Add(new Actor(new ActorId($"A{i}"), $"Actor {i}", ActorKind.State));
        }

        // Skewed ends, so some pairs hold many relations and most actors few or none.
        var ends = new List<(int S, int T)>();
        for (var i = 0; i < relations; i++)
        {
            var s = random.Next(3) == 0 ? random.Next(10) : random.Next(actors);
            var t = random.Next(3) == 0 ? actors - 1 - random.Next(10) : random.Next(actors);
            if (s == t)
            {
                t = (t + 1) % actors;
            }

            ends.Add((s, t));
            builder.Add(new Relation($"r{i}", RelationKind.Ally, new ActorId($"A{s}"), new ActorId($"A{t}"), RandomExtent(random), "l", [Quote]));
        }

        var graph = builder.Build();

        // The QuikGraph edges: each related pair once each way, every out-edge list sorted by target (vertex numbers
        // follow ordinal id order, as actors are listed).
        var vertexOf = graph.Actors.Select((a, v) => (a.Id.Value, v)).ToDictionary(x => x.Value, x => x.v);
        var expected = new Dictionary<(int, int), List<string>>();
        for (var i = 0; i < ends.Count; i++)
        {
            var (a, b) = (vertexOf[$"A{ends[i].S}"], vertexOf[$"A{ends[i].T}"]);
            var key = (Math.Min(a, b), Math.Max(a, b));
            (expected.TryGetValue(key, out var list) ? list : expected[key] = []).Add($"r{i}");
        }

        graph.ActorGraph.PairCount.Should().Be(expected.Count);
        var neighbours = new List<int>[actors];
        foreach (var (a, b) in expected.Keys)
        {
            (neighbours[a] ??= []).Add(b);
            (neighbours[b] ??= []).Add(a);
        }

        var wrong = Enumerable.Range(0, actors)
            .Where(v => !graph.ActorGraph.EdgesOf(v).Select(e => e.Target).SequenceEqual((neighbours[v] ?? []).Order()))
            .ToList();
        wrong.Should().BeEmpty("every vertex's out-edges go to its related actors, once each, in ascending order");

        foreach (var ((a, b), ids) in expected.OrderByDescending(p => p.Value.Count).Take(100).Concat(expected.Take(200)))
        {
            var pair = graph.ActorGraph.PairOf(a, b);
            pair.Should().Be(graph.ActorGraph.PairOf(b, a)).And.BeGreaterThanOrEqualTo(0);
            var (start, end) = graph.ActorGraph.Rows(pair);
            Enumerable.Range(start, end - start).Select(row => graph.Store.Relation(row).Id).Order(StringComparer.Ordinal).Should().Equal(ids.Order(StringComparer.Ordinal));
            graph.Store.FirstDays[start..end].ToArray().Should().BeInAscendingOrder("a pair's rows lie by first day");
            graph.RelationsBetween(graph.Actors[a].Id, graph.Actors[b].Id).Select(r => r.Id).Should().Equal(ids.Order(StringComparer.Ordinal));

            // Whether the pair has a relation sharing a day with a window (which the rows' latest last days so far answer).
            for (var w = 0; w < 20; w++)
            {
                var from = new DateOnly(random.Next(1940, 2035), 1, 1).AddDays(random.Next(365)).DayNumber;
                var to = from + random.Next(2_000);
                var active = Enumerable.Range(start, end - start).Any(row => graph.Store.FirstDays[row] <= to && graph.Store.LastDays[row] >= from);
                graph.ActorGraph.ActiveIn(pair, from, to).Should().Be(active, $"pair {pair}, days {from} to {to}");
            }
        }

        graph.ActorGraph.PairOf(0, 0).Should().Be(-1);
    }

    [Fact]
    public void APairsLatestLastDay_CarriesAcrossTheRangesItsRowsAreFoundIn()
    {
        // One pair, 150,000 relations: past 100,000 rows the pairs are found a range of rows per core, so this pair's
        // rows lie in every range. Its first relation (by first day) runs to 2099; every later one is a day before 2000.
        var builder = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B"))
            .Add(Relation("long", "A", "B", TimeExtent.Period(new PartialDate(1900, 1, 1), new PartialDate(2099, 12, 31))));
        var day = new DateOnly(1901, 1, 1);
        for (var i = 0; i < 150_000; i++)
        {
            var d = day.AddDays(i / 5);
            builder.Add(Relation($"r{i:D6}", "A", "B", TimeExtent.Point(new PartialDate(d.Year, d.Month, d.Day))));
        }

        var graph = builder.Build();
        var pair = graph.ActorGraph.PairOf(0, 1);
        var in2050 = new DateOnly(2050, 6, 1).DayNumber;

        graph.ActorGraph.ActiveIn(pair, in2050, in2050).Should().BeTrue("the first relation runs to 2099, and every row after it carries that");
        graph.ActorGraph.ActiveRange(pair, in2050, in2050).Should().Be((0, 150_001), "the first row reaches 2050, and every row begins by then");
    }

    [Theory]
    [InlineData(11, 40, 2)]
    [InlineData(12, 3_000, 6)]
    [InlineData(13, 20_000, 12)]
    public void IdOrder_SortsIdsOrdinally_AndFindsTheRepeatThatComesFirst(int seed, int count, int length)
    {
        // Ids that share long prefixes (so runs are sorted on by later bytes), of every length up to the longest,
        // with a few repeats in random places, except in the first two rounds (every id different: the sort's
        // quick way, which leaves the order the ids came in aside).
        var random = new Random(seed);
        const string Alphabet = "._:-09AZaz";
        for (var round = 0; round < 5; round++)
        {
            var ids = new List<string>();
            for (var i = 0; i < count; i++)
            {
                ids.Add(round >= 2 && random.Next(10) == 0 && ids.Count > 0
                    ? ids[random.Next(ids.Count)]
                    : "R" + new string('x', random.Next(length)) + new string(Enumerable.Range(0, random.Next(4)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray()) + (round < 2 ? "-" + i : (i % 7).ToString()));
            }

            var rows = new RelationRows(new NameTable(null), new NameTable(null));
            for (var i = 0; i < ids.Count; i++)
            {
                if (random.Next(4) == 0)
                {
                    rows.AddDropped(ids[i], i, i + 1, 1);
                }
                else
                {
                    rows.Add(ids[i], RelationKind.Ally, 0, 1, At("2000"), "l", [(0, "q")], false, null, i, i + 1, 1);
                }
            }

            var chunk = rows.Seal();
            var (inIdOrder, repeat) = IdOrder.Sort([chunk]);

            var second = Enumerable.Range(0, ids.Count).FirstOrDefault(j => ids.IndexOf(ids[j]) < j, -1);
            (second < 0).Should().Be(round < 2, "the first rounds' ids are all different, the others' repeat");
            if (second < 0)
            {
                repeat.Should().BeNull();
                inIdOrder.Select(t => Encoding.ASCII.GetString(chunk.Ids[t])).Should().Equal(
                    Enumerable.Range(0, chunk.Ids.Count).Select(t => Encoding.ASCII.GetString(chunk.Ids[t])).Order(StringComparer.Ordinal));
            }
            else
            {
                repeat.Should().NotBeNull();
                repeat!.Value.Id.Should().Be(ids[second]);
                chunk.Sequence(repeat.Value.Second.Kept, repeat.Value.Second.Index).Should().Be(second);
                chunk.Sequence(repeat.Value.First.Kept, repeat.Value.First.Index).Should().Be(ids.IndexOf(ids[second]));
            }
        }
    }

    [Theory]
    [InlineData(21, 3, 50, "ascending", false)]
    [InlineData(22, 3, 50, "ascending", true)]
    [InlineData(23, 4, 60_000, "ascending", false)]
    [InlineData(24, 4, 60_000, "ascending", true)]
    [InlineData(25, 4, 60_000, "ascending within parts", false)]
    [InlineData(26, 4, 60_000, "ascending within parts", true)]
    [InlineData(27, 4, 60_000, "shuffled", false)]
    [InlineData(28, 3, 50, "ascending within parts", false)]
    public void IdOrder_OfAReadInParts_IsTheOrdinalOrderOfTheKeptIds(int seed, int parts, int perPart, string layout, bool leaveSomeOut)
    {
        // A read in parts gives a chunk a part; with 2^17 ids or more, the keys are read and the parts checked on every
        // core. Ids in order all through take the one-pass check; in order within each part only, that check must
        // fail at a part's boundary; shuffled, it fails at once.
        var random = new Random(seed);
        var ids = Enumerable.Range(0, parts * perPart).Select(i => $"R{i:D7}").ToList();
        if (layout == "ascending within parts")
        {
            // Each part's ids ascend, but the parts come in reverse.
            ids = Enumerable.Range(0, parts).Reverse().SelectMany(p => ids.Skip(p * perPart).Take(perPart)).ToList();
        }
        else if (layout == "shuffled")
        {
            ids = ids.OrderBy(_ => random.Next()).ToList();
        }

        var chunks = new List<RelationRows.Sealed>();
        var kept = new List<string>();
        for (var p = 0; p < parts; p++)
        {
            var rows = new RelationRows(new NameTable(null), new NameTable(null));
            for (var i = 0; i < perPart; i++)
            {
                var id = ids[(p * perPart) + i];
                if (leaveSomeOut && random.Next(4) == 0)
                {
                    rows.AddDropped(id, i, i + 1, 1);
                }
                else
                {
                    rows.Add(id, RelationKind.Ally, 0, 1, At("2000"), "l", [(0, "q")], false, null, i, i + 1, 1);
                    kept.Add(id);
                }
            }

            chunks.Add(rows.Seal());
        }

        var (inIdOrder, repeat) = IdOrder.Sort(chunks);

        repeat.Should().BeNull();
        inIdOrder.Select(k => kept[k]).Should().Equal(kept.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void IdOrder_OfAReadInParts_FindsAnIdRepeatedInALaterPart()
    {
        // 4 parts of 40,000 ids (keys read on every core); part 2's item 123 repeats part 0's item 7.
        var chunks = new List<RelationRows.Sealed>();
        for (var p = 0; p < 4; p++)
        {
            var rows = new RelationRows(new NameTable(null), new NameTable(null));
            for (var i = 0; i < 40_000; i++)
            {
                var id = p == 2 && i == 123 ? "R0000007" : $"R{(p * 40_000) + i:D7}";
                rows.Add(id, RelationKind.Ally, 0, 1, At("2000"), "l", [(0, "q")], false, null, i, i + 1, 1);
            }

            chunks.Add(rows.Seal());
        }

        var (_, repeat) = IdOrder.Sort(chunks);

        repeat.Should().NotBeNull();
        repeat!.Value.Id.Should().Be("R0000007");
        repeat.Value.First.Should().Be((0, true, 7));
        repeat.Value.Second.Should().Be((2, true, 123));
    }

    [Fact]
    public void RelationsMadeFromColumns_EqualTheRelationsAdded_AcrossTextBlocks()
    {
        // More rows than a text block holds (65,536), texts of every script and length, notes, several evidence.
        var random = new Random(21);
        var added = new List<Relation>();
        var builder = new RelationGraphBuilder().Add(Source()).Add(new Source("src2", "T", "A", "P", PartialDate.Parse("2030"), "p", new string('1', 64)));
        for (var i = 0; i < 30; i++)
        {
            builder.Add(Actor($"A{i}"));
        }

        string[] texts = ["x", "Kim Jong-un 김정은", "emoji 😀", "\"quoted\"", "tab\tline\nbreak", new string('q', 5000)];
        for (var i = 0; i < 70_000; i++)
        {
            var s = random.Next(30);
            var evidence = Enumerable.Range(0, 1 + (i % 5 == 0 ? 2 : 0)).Select(j => new Evidence(j == 1 ? "src2" : "src", texts[random.Next(texts.Length)] + i)).ToArray();
            var relation = new Relation(
                $"id{random.Next(1_000_000_000)}.{i}", RelationKind.All[i % RelationKind.All.Count], new ActorId($"A{s}"), new ActorId($"A{(s + 1 + random.Next(29)) % 30}"),
                RandomExtent(random), texts[random.Next(texts.Length)] + i, evidence, random.Next(2) == 0, i % 3 == 0 ? "note " + texts[random.Next(texts.Length)] : null);
            added.Add(relation);
            builder.Add(relation);
        }

        var graph = builder.Build();

        graph.Relations.SequenceEqual(added.OrderBy(r => r.Id, StringComparer.Ordinal)).Should().BeTrue();
        graph.Relations.Count.Should().Be(added.Count);
        graph.Store.TextBytes.Should().BeGreaterThan(100_000);
    }

    [Theory]
    [InlineData(31, 3)]
    [InlineData(32, 2_047)]
    [InlineData(33, 50_000)]
    public void KeySortOrder_IsAStableSortByKey(int seed, int count)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, count).Select(_ => random.Next(3) == 0 ? (ulong)random.Next(5) : (ulong)random.NextInt64()).ToArray();
        var order = Enumerable.Range(0, count).ToArray();
        var expected = order.OrderBy(i => keys[i]).ToArray();

        KeySort.Order(keys.ToArray(), order);

        order.Should().Equal(expected);
    }
}
