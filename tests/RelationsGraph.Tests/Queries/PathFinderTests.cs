using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using RelationsGraph.Storage;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Queries;

public sealed class PathFinderTests
{
    public static TheoryData<int, bool> Seeds()
    {
        var data = new TheoryData<int, bool>();
        for (var seed = 100; seed < 112; seed++)
        {
            data.Add(seed, seed % 2 == 0);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void KShortest_MatchesAllSimplePathsSortedByLength_OnRandomGraphs(int seed, bool directed)
    {
        var graph = Random(seed, actors: 7, relations: 14);
        var random = new Random(seed);
        for (var q = 0; q < 15; q++)
        {
            var view = GraphView.Of(graph, q % 3 == 0 ? TimeWindow.All : RandomWindow(random));
            var from = $"A{random.Next(7)}";
            var to = $"A{random.Next(7)}";
            if (from == to)
            {
                continue;
            }

            var all = Oracle.SimplePaths(view, from, to, directed);
            var k = 1 + random.Next(6);

            var found = PathFinder.KShortest(view, new ActorId(from), new ActorId(to), k, directed);

            found.Select(p => p.Length).Should().Equal(all.Select(p => p.Count - 1).Order().Take(k), $"seed {seed}, {from}→{to} in {view}, k={k}");
            found.Select(p => p.ToString()).Should().OnlyHaveUniqueItems();
            foreach (var path in found)
            {
                all.Should().ContainEquivalentOf(path.Actors.Select(a => a.Id.Value).ToList(), o => o.WithStrictOrdering());
                foreach (var step in path.Steps)
                {
                    step.Relations.Should().NotBeEmpty().And.OnlyContain(r => view.Contains(r)
                        && (r.Source == step.From.Id && r.Target == step.To.Id
                            || (r.Source == step.To.Id && r.Target == step.From.Id && (!directed || !r.Directed))));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Shortest_HasTheBreadthFirstDistance_OnRandomGraphs(int seed, bool directed)
    {
        var graph = Random(seed + 50, actors: 25, relations: 60);
        var random = new Random(seed);
        for (var q = 0; q < 20; q++)
        {
            var view = GraphView.Of(graph, RandomWindow(random));
            var from = $"A{random.Next(25)}";
            var to = $"A{random.Next(25)}";
            var distances = Oracle.Distances(view, from, directed);

            var path = PathFinder.Shortest(view, new ActorId(from), new ActorId(to), directed);

            if (distances.TryGetValue(to, out var d))
            {
                path!.Length.Should().Be(d, $"{from}→{to} in {view}");
            }
            else
            {
                path.Should().BeNull();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TimeRespecting_ArrivesAsEarlyAsTheBestSimplePath_OnRandomGraphs(int seed, bool directed)
    {
        var graph = Random(seed + 90, actors: 7, relations: 16);
        var random = new Random(seed);
        for (var q = 0; q < 15; q++)
        {
            var view = GraphView.Of(graph);
            var from = $"A{random.Next(7)}";
            var to = $"A{random.Next(7)}";
            if (from == to)
            {
                continue;
            }

            var after = RandomDate(random);
            var start = after.FirstDay.DayNumber;
            var best = Oracle.SimplePaths(view, from, to, directed)
                .Select(p => Oracle.EarliestArrival(view, p, start, directed)).Where(t => t is not null).Min();

            var path = PathFinder.TimeRespecting(view, new ActorId(from), new ActorId(to), after, directed);

            if (best is null)
            {
                path.Should().BeNull($"{from}→{to} after {after}");
                continue;
            }

            path!.Steps[^1].EarliestDay!.Value.DayNumber.Should().Be(best.Value, $"{from}→{to} after {after}");
            var time = start;
            foreach (var step in path.Steps)
            {
                var r = step.Relations.Should().ContainSingle().Subject;
                Oracle.LastDay(view.Graph, r).Should().BeGreaterThanOrEqualTo(time, "a hop cannot use a relation that ended before the path reached it");
                step.EarliestDay!.Value.DayNumber.Should().Be(Math.Max(time, r.Time.FirstDay.DayNumber));
                time = step.EarliestDay.Value.DayNumber;
            }
        }
    }

    [Fact]
    public void Shortest_BetweenTheSameActor_IsTheEmptyPath()
    {
        var graph = Random(5, 3, 3);

        PathFinder.Shortest(GraphView.Of(graph), new ActorId("A1"), new ActorId("A1"))!.Length.Should().Be(0);
    }

    [Fact]
    public void Shortest_UnknownActor_IsNoPath()
    {
        PathFinder.Shortest(GraphView.Of(Random(5, 3, 3)), new ActorId("A1"), new ActorId("Nobody")).Should().BeNull();
    }

    [Fact]
    public void KShortest_RejectsKBelowOne_NamingTheParameter()
    {
        var act = () => PathFinder.KShortest(GraphView.Of(RelationGraph.Empty), new ActorId("A"), new ActorId("B"), 0);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("k");
    }

    [Fact]
    public void Directed_FollowsDirectedRelationsOnlyForwards()
    {
        var graph = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B"))
            .Add(Relation("r", "A", "B", At("2000"), RelationKind.Criticism, directed: true)).Build();
        var view = GraphView.Of(graph);

        PathFinder.Shortest(view, new ActorId("B"), new ActorId("A"), directed: true).Should().BeNull();
        PathFinder.Shortest(view, new ActorId("B"), new ActorId("A"), directed: false)!.Length.Should().Be(1);
        PathFinder.Shortest(view, new ActorId("A"), new ActorId("B"), directed: true)!.Length.Should().Be(1);
    }

    [Fact]
    public void OnTheRealGraph_UsAndDprk_AreDirectlyConnectedIn2017_ByTheFaceOff()
    {
        var graph = GraphFile.Load(Repo.GraphJson);

        var path = PathFinder.Shortest(GraphView.During(graph, PartialDate.Parse("2017")), new ActorId("US"), new ActorId("DPRK"))!;

        path.ToString().Should().Be("US → DPRK");
        path.Steps[0].Relations.Should().ContainSingle(r => r.Kind == RelationKind.Hostility);
    }

    [Fact]
    public void OnTheRealGraph_AllianceKindsAlone_ConnectUsToDprkOnlyThroughChina()
    {
        var graph = GraphFile.Load(Repo.GraphJson);
        var view = GraphView.Of(graph).WithKinds(RelationKind.Ally, RelationKind.Treaty, RelationKind.War);

        var paths = PathFinder.KShortest(view, new ActorId("US"), new ActorId("DPRK"), 3);

        paths[0].ToString().Should().Be("US → DPRK");
        paths[0].Steps[0].Relations.Should().OnlyContain(r => r.Kind == RelationKind.War);
        paths.Select(p => p.ToString()).Should().Contain("US → China → DPRK");
    }

    [Fact]
    public void OnTheRealGraph_PressureFromTheUsCouldReachDprkAfter1950_ByTheKoreanWar()
    {
        var graph = GraphFile.Load(Repo.GraphJson);

        var path = PathFinder.TimeRespecting(GraphView.Of(graph), new ActorId("US"), new ActorId("DPRK"), PartialDate.Parse("1950"))!;

        path.Steps[^1].EarliestDay.Should().Be(new DateOnly(1950, 1, 1));
    }
}
