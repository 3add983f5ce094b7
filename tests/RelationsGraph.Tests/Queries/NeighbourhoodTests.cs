using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using RelationsGraph.Storage;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Queries;

public sealed class NeighbourhoodTests
{
    [Theory]
    [InlineData(201, 1, false)]
    [InlineData(202, 2, false)]
    [InlineData(203, 3, true)]
    [InlineData(204, 2, true)]
    public void Of_MatchesBreadthFirstDistances_AndTheInducedRelations_OnRandomGraphs(int seed, int depth, bool directed)
    {
        var graph = Random(seed, actors: 30, relations: 70);
        var random = new Random(seed);
        for (var q = 0; q < 20; q++)
        {
            var view = GraphView.Of(graph, RandomWindow(random));
            var center = $"A{random.Next(30)}";
            var expected = Oracle.Distances(view, center, directed, depth);

            var found = Neighbourhood.Of(view, new ActorId(center), depth, directed)!;

            found.Members.ToDictionary(m => m.Actor.Id.Value, m => m.Distance).Should().BeEquivalentTo(expected);
            found.Members[0].Actor.Id.Value.Should().Be(center);
            found.Relations.Select(r => r.Id).Should().Equal(view.Relations
                .Where(r => expected.ContainsKey(r.Source.Value) && expected.ContainsKey(r.Target.Value)).Select(r => r.Id));
        }
    }

    [Fact]
    public void OnTheRealGraph_DprkTwoHopsOutInJuly1953_ReachesTheWarsParties()
    {
        var graph = GraphFile.Load(Repo.GraphJson);

        var found = Neighbourhood.Of(GraphView.AsOf(graph, PartialDate.Parse("1953-07")), new ActorId("DPRK"), 2)!;

        var distances = found.Members.ToDictionary(m => m.Actor.Id.Value, m => m.Distance);
        distances.Should().Contain(new KeyValuePair<string, int>("China", 1))
            .And.Contain(new KeyValuePair<string, int>("US", 1))
            .And.Contain(new KeyValuePair<string, int>("UN", 1))
            .And.Contain(new KeyValuePair<string, int>("USSR", 1));
        distances.Should().NotContainKey("ROK", "South Korea has no relation in the article before 1992 except through the US later");
        found.Relations.Should().Contain(r => r.Kind == RelationKind.War);
    }

    [Fact]
    public void Of_RejectsDepthBelowOne_NamingTheParameter()
    {
        var act = () => Neighbourhood.Of(GraphView.Of(RelationGraph.Empty), new ActorId("A"), 0);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("depth");
    }
}
