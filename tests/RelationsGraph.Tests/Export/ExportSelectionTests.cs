using RelationsGraph.Export;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Export;

public sealed class ExportSelectionTests
{
    [Fact]
    public void Only_NoActor_Throws()
    {
        var only = () => ExportSelection.Only([]);

        only.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("actors");
    }

    [Fact]
    public void Only_DefaultId_Throws()
    {
        var only = () => ExportSelection.Only(default(ActorId));

        only.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("actors");
    }

    [Fact]
    public void Around_NegativeDepth_Throws()
    {
        var around = () => ExportSelection.Around(new ActorId("A"), -1);

        around.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("depth");
    }

    [Fact]
    public void Selections_CompareByActorsInOrderAndDepth_AndIgnoreRepeats()
    {
        ExportSelection.Only(new ActorId("A"), new ActorId("B"), new ActorId("A")).Should().Be(ExportSelection.Only(new ActorId("A"), new ActorId("B")));
        ExportSelection.Only(new ActorId("A"), new ActorId("B")).Should().NotBe(ExportSelection.Only(new ActorId("B"), new ActorId("A")));
        ExportSelection.Around(new ActorId("A"), 1).Should().NotBe(ExportSelection.Only(new ActorId("A")));
        ExportSelection.All.ToString().Should().Be("all actors");
        ExportSelection.Around([new ActorId("A"), new ActorId("B")], 2).ToString().Should().Be("around A, B, depth 2");
    }

    [Fact]
    public void Resolve_Only_KeepsTheListedActors_AndOnlyTheRelationsAmongThem()
    {
        var graph = ExportSamples.Small();

        var scope = ExportScope.Resolve(GraphView.Of(graph), ExportSelection.Only(new ActorId("A"), new ActorId("E"), new ActorId("C")));

        scope.Actors.Select(a => a.Id.Value).Should().Equal("A", "C", "E");
        scope.Relations.Select(r => r.Id).Should().Equal("r4");
        scope.DrawnActors.Select(a => a.Id.Value).Should().Equal("A", "C", "E");
    }

    [Fact]
    public void Resolve_AroundWithDepthZero_IsTheCentersAlone()
    {
        var scope = ExportScope.Resolve(GraphView.Of(ExportSamples.Small()), ExportSelection.Around(new ActorId("A"), 0));

        scope.Actors.Select(a => a.Id.Value).Should().Equal("A");
        scope.Relations.Should().BeEmpty();
    }

    [Fact]
    public void Resolve_All_KeepsEveryActorOfTheViewsKinds_ButDrawsOnlyThoseWithRelations()
    {
        var graph = ExportSamples.Small();

        var scope = ExportScope.Resolve(GraphView.Of(graph).WithActorKinds(ActorKind.State, ActorKind.Organization), ExportSelection.All);

        scope.Actors.Select(a => a.Id.Value).Should().Equal("A", "B", "E");
        scope.DrawnActors.Select(a => a.Id.Value).Should().Equal("A", "B");
        scope.Relations.Select(r => r.Id).Should().Equal("r1", "r2", "r3", "r6");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Resolve_Around_MatchesABruteForceSearch_OnRandomGraphs(int depth)
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var graph = Random(seed, 30, 60);
            var random = new Random(seed);
            var view = GraphView.Of(graph, RandomWindow(random));
            var centers = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => new ActorId($"A{random.Next(30)}")).Distinct().ToList();

            var scope = ExportScope.Resolve(view, ExportSelection.Around(centers, depth));

            var reached = new HashSet<ActorId>(centers);
            for (var step = 0; step < depth; step++)
            {
                var next = view.Relations.Where(r => reached.Contains(r.Source) || reached.Contains(r.Target)).SelectMany(r => new[] { r.Source, r.Target });
                reached.UnionWith(next.ToList());
            }

            scope.Actors.Select(a => a.Id).Should().BeEquivalentTo(reached, $"seed {seed}");
            scope.Relations.Should().Equal(view.Relations.Where(r => reached.Contains(r.Source) && reached.Contains(r.Target)), $"seed {seed}");
        }
    }

    [Fact]
    public void Within_KeepsTheActors_AndTakesTheRelationsOfTheNewWindow()
    {
        var graph = ExportSamples.Small();
        var scope = ExportScope.Resolve(GraphView.Of(graph), ExportSelection.Around(new ActorId("B"), 1));

        var in2017 = scope.Within(TimeWindow.During(PartialDate.Parse("2017")));

        in2017.Actors.Should().Equal(scope.Actors);
        in2017.Relations.Select(r => r.Id).Should().Equal("r1", "r2", "r3");
    }
}
