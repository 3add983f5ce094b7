using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Queries;

public sealed class GraphViewTests
{
    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    public void Relations_EqualABruteForceFilter_WithComposedFilters(int seed)
    {
        var graph = Random(seed, actors: 20, relations: 2000);
        var random = new Random(seed);
        for (var q = 0; q < 50; q++)
        {
            var window = RandomWindow(random);
            var kinds = RelationKind.All.Where(_ => random.Next(3) == 0).ToList();
            var view = GraphView.Of(graph, window);
            if (kinds.Count > 0)
            {
                view = view.WithKinds(kinds);
            }

            view = view.WithPolarities(Polarity.Cooperative, Polarity.Conflictual);

            var expected = graph.Relations.Where(r => Oracle.Known(graph, r, window)
                && (kinds.Count == 0 || kinds.Contains(r.Kind)) && r.Polarity != Polarity.Neutral).ToList();

            view.Relations.Should().Equal(expected);
            graph.Relations.Where(view.Contains).Should().Equal(expected);
        }
    }

    [Fact]
    public void WithKinds_Twice_KeepsTheIntersection()
    {
        var view = GraphView.Of(Random(1, 3, 3)).WithKinds(RelationKind.Ally, RelationKind.War).WithKinds(RelationKind.War, RelationKind.Trade);

        view.Kinds.Should().BeEquivalentTo([RelationKind.War]);
    }

    [Fact]
    public void WithKinds_Nothing_IsRejected_NamingTheParameter()
    {
        var act = () => GraphView.Of(Random(1, 3, 3)).WithKinds();

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("relationKinds");
    }

    [Fact]
    public void ToString_NamesTheWindowAndFilters()
    {
        GraphView.During(Random(1, 3, 3), PartialDate.Parse("2017")).WithKinds(RelationKind.Treaty, RelationKind.Ally).ToString()
            .Should().Be("2017 · kinds: treaty, ally");
    }

    [Theory]
    [InlineData("2017", "2016")]
    [InlineData("2017-01", "2016-12")]
    [InlineData("2017-03-01", "2017-02-28")]
    [InlineData("1950/1953", "1946/1949")]
    [InlineData("2017-11/2018-02", "2017-07/2017-10")]
    [InlineData("2017/2017-06", "2016-07-04/2016-12-31")]
    public void Previous_IsTheWindowOfTheSameLengthJustBefore(string window, string previous)
    {
        static TimeWindow Parse(string text)
        {
            var parts = text.Split('/');
            return parts.Length == 1 ? TimeWindow.During(PartialDate.Parse(parts[0])) : TimeWindow.Between(PartialDate.Parse(parts[0]), PartialDate.Parse(parts[1]));
        }

        Parse(window).Previous()!.ToString().Should().Be(previous);
    }

    [Fact]
    public void Previous_OfAnOpenWindow_IsNull()
    {
        TimeWindow.Since(PartialDate.Parse("2017")).Previous().Should().BeNull();
    }
}
