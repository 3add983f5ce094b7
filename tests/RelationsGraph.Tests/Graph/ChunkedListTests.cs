using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Graph;

/// <summary>
/// Query results above 8,192 items are held in 64 KB chunks (young-generation garbage, not large-object heap).
/// They must read exactly as the plain array would: every index, in order, across chunk boundaries.
/// </summary>
public sealed class ChunkedListTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8191)]
    [InlineData(8192)]
    [InlineData(8193)]
    [InlineData((3 * 8192) + 5)]
    public void APick_ReadsAsThePlainGather(int count)
    {
        var random = new Random(count);
        var items = Enumerable.Range(0, 40_000).Select(i => $"item{i}").ToArray();
        var ordinals = Enumerable.Range(0, count).Select(_ => random.Next(items.Length)).ToArray();
        var expected = ordinals.Select(o => items[o]).ToArray();

        var list = ChunkedList<string>.Pick(items, ordinals);

        list.Should().HaveCount(count).And.Equal(expected);
        Enumerable.Range(0, count).Select(i => list[i]).Should().Equal(expected);
        list.ToArray().Should().Equal(expected);
        var outside = () => list[count];
        outside.Should().Throw<ArgumentOutOfRangeException>();
        var before = () => list[-1];
        before.Should().Throw<ArgumentOutOfRangeException>();
        if (count > 0)
        {
            var probe = expected[random.Next(count)];
            ((IList<string>)list).IndexOf(probe).Should().Be(Array.IndexOf(expected, probe));
            ((ICollection<string>)list).Contains("absent").Should().BeFalse();
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8192)]
    [InlineData(8193)]
    [InlineData(20_000)]
    [InlineData(524_288)]
    public void Create_CallsTheMakerOncePerItem_InOrder(int count)
    {
        var next = 0;
        var list = ChunkedList<int>.Create(count, () => next++);

        next.Should().Be(count);
        list.Should().Equal(Enumerable.Range(0, count));
        Enumerable.Range(0, count).Select(i => list[i]).Should().Equal(Enumerable.Range(0, count));
    }

    [Fact]
    public void ABigResult_IsReadOnly()
    {
        var list = (IList<string>)ChunkedList<string>.Pick(Enumerable.Range(0, 9000).Select(i => $"{i}").ToArray(), Enumerable.Range(0, 9000).ToArray());

        list.IsReadOnly.Should().BeTrue();
        ((Action)(() => list.Add("x"))).Should().Throw<NotSupportedException>();
        ((Action)(() => list[0] = "x")).Should().Throw<NotSupportedException>();
        ((Action)(() => list.RemoveAt(0))).Should().Throw<NotSupportedException>();
    }

    [Fact]
    public void BigSlicesAndTimelines_MatchBruteForce()
    {
        // Three actors and 30,000 relations: slices and a pair's timeline run to tens of thousands of relations.
        var graph = Random(701, 3, 30_000);
        foreach (var window in new[] { TimeWindow.All, TimeWindow.Between(new PartialDate(1960), new PartialDate(2000)), TimeWindow.During(new PartialDate(1999)) })
        {
            var expected = graph.Relations.Where(r => RelationsGraph.Tests.Queries.Oracle.Known(graph, r, window)).ToList();
            GraphView.Of(graph, window).Relations.Should().Equal(expected);
            graph.RelationsActiveIn(window).Should().Equal(expected);

            var pair = expected.Where(r => r.Involves(new("A0")) && r.Involves(new("A1")))
                .OrderBy(r => r.Time.Beginning).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            var timeline = Timeline.Between(GraphView.Of(graph, window), new ActorId("A0"), new ActorId("A1"))!;
            timeline.Entries.Select(e => e.Relation).Should().Equal(pair);
        }
    }
}
