using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Queries;

/// <summary>
/// The queries walk the actors' neighbour lists and per-pair relation lists (with a per-pair test of "any
/// relation in the window"), and switch to the interval index's slice when the pairs hold many relations.
/// These compare every such path with brute force over all relations: sparse graphs (pair walks) and dense
/// ones (slices), each with and without kind, polarity and actor-kind filters, directed and not.
/// </summary>
public sealed class AdjacencyOracleTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 401, 40, 60 },    // sparse: most pairs hold one relation, the walks are short
        { 402, 6, 600 },    // dense: every pair holds dozens, group context and neighbourhoods use the slice
        { 403, 12, 300 },
        { 407, 1100, 6000 }, // over 1,024 actors: pairs are numbered through a dictionary, not a square table
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void NeighbourhoodsAndShortestPaths_MatchBruteForce_WithAndWithoutFilters(int seed, int actors, int relations)
    {
        var graph = MixedGraph(seed, actors, relations);
        var random = new Random(seed);
        for (var q = 0; q < 60; q++)
        {
            var view = RandomView(graph, random);
            var directed = random.Next(2) == 0;
            var center = $"A{random.Next(actors)}";
            var depth = 1 + random.Next(3);
            var expected = Oracle.Distances(view, center, directed, depth);

            var found = Neighbourhood.Of(view, new ActorId(center), depth, directed)!;

            found.Members.ToDictionary(m => m.Actor.Id.Value, m => m.Distance).Should().BeEquivalentTo(expected, $"view {view}, directed {directed}");
            found.Relations.Select(r => r.Id).Should().Equal(
                graph.Relations.Where(r => view.Contains(r) && expected.ContainsKey(r.Source.Value) && expected.ContainsKey(r.Target.Value)).Select(r => r.Id));

            var to = $"A{random.Next(actors)}";
            var all = Oracle.Distances(view, center, directed);
            var path = PathFinder.Shortest(view, new ActorId(center), new ActorId(to), directed);
            if (!all.TryGetValue(to, out var hops))
            {
                path.Should().BeNull();
                continue;
            }

            path!.Length.Should().Be(hops);
            foreach (var step in path.Steps)
            {
                var between = graph.Relations.Where(r => view.Contains(r)
                    && ((r.Source == step.From.Id && r.Target == step.To.Id)
                        || (r.Source == step.To.Id && r.Target == step.From.Id && (!directed || !r.Directed))))
                    .OrderBy(r => r.Time.Beginning).ThenBy(r => r.Id, StringComparer.Ordinal);
                step.Relations.Should().Equal(between);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Groups_PairsContextAndChanges_MatchBruteForce_WithAndWithoutFilters(int seed, int actors, int relations)
    {
        var graph = MixedGraph(seed, actors, relations);
        var random = new Random(seed);
        for (var q = 0; q < 40; q++)
        {
            var view = RandomView(graph, random);
            var members = Enumerable.Range(0, actors).OrderBy(_ => random.Next()).Take(2 + random.Next(Math.Min(3, actors - 1)))
                .Select(i => new ActorId($"A{i}")).ToList();

            var report = GroupReport.Of(view, members);

            foreach (var pair in report.Pairs)
            {
                pair.Relations.Should().Equal(InTimeOrder(graph.Relations.Where(r => view.Contains(r)
                    && ((r.Source == pair.First.Id && r.Target == pair.Second.Id) || (r.Source == pair.Second.Id && r.Target == pair.First.Id)))));
            }

            report.Context.Should().Equal(InTimeOrder(graph.Relations.Where(r => view.Contains(r)
                && members.Contains(r.Source) != members.Contains(r.Target))));

            if (report.PreviousWindow is { } previous)
            {
                var before = view.WithWindow(previous);
                foreach (var change in report.Changes)
                {
                    var then = graph.Relations.Where(r => before.Contains(r) && Joins(r, change.First.Id, change.Second.Id)).ToList();
                    var now = graph.Relations.Where(r => view.Contains(r) && Joins(r, change.First.Id, change.Second.Id)).ToList();
                    change.Added.Should().Equal(InTimeOrder(now.Except(then)));
                    change.Dropped.Should().Equal(InTimeOrder(then.Except(now)));
                }
            }
        }
    }

    [Fact]
    public void GroupContext_ReadOnTwoCores_MatchesBruteForce()
    {
        // 480,000 relations among 12 actors, A0 at one end of 40 % of them and A1 of about 6 %: the context of
        // {A0, A1} lies in pairs holding over 200,000 rows but under half the graph, so it is walked pair by pair, in
        // two halves on two cores, then gathered.
        var random = new Random(408);
        var builder = new RelationGraphBuilder().Add(Source());
        for (var i = 0; i < 12; i++)
        {
            builder.Add(Actor($"A{i}"));
        }

        for (var i = 0; i < 480_000; i++)
        {
            var s = random.Next(5) < 2 ? 0 : 1 + random.Next(11);
            var t = 1 + random.Next(11);
            if (s == t)
            {
                t = s == 11 ? 2 : s + 1;
            }

            builder.Add(Relation($"r{i:D6}", $"A{s}", $"A{t}", TimeExtent.Point(new PartialDate(1990 + random.Next(35), 1 + random.Next(12)))));
        }

        var graph = builder.Build();
        ActorId[] members = [new("A0"), new("A1")];
        foreach (var window in new[] { TimeWindow.All, TimeWindow.Between(new PartialDate(2000), new PartialDate(2009)) })
        {
            var view = GraphView.Of(graph, window);

            var report = GroupReport.Of(view, members);

            report.Context.Should().Equal(InTimeOrder(graph.Relations.Where(r => view.Contains(r)
                && members.Contains(r.Source) != members.Contains(r.Target))), $"in {window}");
        }
    }

    [Fact]
    public void RelationsBetween_MatchesBruteForce_EitherOrder()
    {
        var graph = MixedGraph(404, 15, 400);
        foreach (var a in graph.Actors)
        {
            foreach (var b in graph.Actors)
            {
                graph.RelationsBetween(a.Id, b.Id).Should().Equal(graph.Relations.Where(r => Joins(r, a.Id, b.Id)));
            }
        }
    }

    [Theory]
    [InlineData(405, 8, 400)]
    [InlineData(406, 30, 80)]
    public void Timelines_MatchBruteForce_EventsFirstOnTheSameDate(int seed, int actors, int relations)
    {
        var graph = MixedGraph(seed, actors, relations, events: relations / 4);
        var random = new Random(seed);
        for (var q = 0; q < 40; q++)
        {
            var view = RandomView(graph, random);
            var a = new ActorId($"A{random.Next(actors)}");
            var b = new ActorId($"A{random.Next(actors)}");

            var one = Timeline.Of(view, a)!;
            var two = Timeline.Between(view, a, b)!;

            one.Entries.Select(e => e.Id).Should().Equal(Expected(graph.Relations.Where(r => view.Contains(r) && (r.Source == a || r.Target == a)), [a], view));
            two.Entries.Select(e => e.Id).Should().Equal(Expected(graph.Relations.Where(r => view.Contains(r) && Joins(r, a, b)), [a, b], view));
        }

        static IEnumerable<string> Expected(IEnumerable<Relation> relations, ActorId[] actors, GraphView view) =>
            relations.Select(r => (r.Time.Beginning, Rank: 1, r.Id))
                .Concat(view.Graph.Events.Where(e => view.Kinds is null && view.Polarities is null && actors.Contains(e.Actor) && Oracle.Known(view.Graph, e, view.Window)).Select(e => (e.Time.Beginning, Rank: 0, e.Id)))
                .OrderBy(x => x.Beginning).ThenBy(x => x.Rank).ThenBy(x => x.Id, StringComparer.Ordinal).Select(x => x.Id);
    }

    private static bool Joins(Relation r, ActorId a, ActorId b) =>
        (r.Source == a && r.Target == b) || (r.Source == b && r.Target == a);

    private static List<Relation> InTimeOrder(IEnumerable<Relation> relations) =>
        relations.OrderBy(r => r.Time.Beginning).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();

    private static GraphView RandomView(RelationGraph graph, Random random)
    {
        var view = GraphView.Of(graph, random.Next(5) == 0 ? TimeWindow.All : RandomWindow(random));
        if (random.Next(3) == 0)
        {
            view = view.WithKinds(RelationKind.All.Where(_ => random.Next(2) == 0).Append(RelationKind.Ally));
        }

        if (random.Next(4) == 0)
        {
            view = view.WithPolarities(random.Next(2) == 0 ? Polarity.Cooperative : Polarity.Conflictual, Polarity.Neutral);
        }

        if (random.Next(4) == 0)
        {
            view = view.WithActorKinds(ActorKind.State, random.Next(2) == 0 ? ActorKind.Person : ActorKind.Organization);
        }

        return view;
    }

    /// <summary>A random graph whose actors are of every kind, so actor-kind filters bite.</summary>
    private static RelationGraph MixedGraph(int seed, int actors, int relations, int events = 0)
    {
        var random = new Random(seed);
        var builder = new RelationGraphBuilder().Add(Source());
        ActorKind[] kinds = [ActorKind.State, ActorKind.Organization, ActorKind.Person, ActorKind.Group];
        for (var i = 0; i < actors; i++)
        {
            builder.Add(Actor($"A{i}", kinds[random.Next(kinds.Length)]));
        }

        for (var i = 0; i < relations; i++)
        {
            var s = random.Next(actors);
            var t = (s + 1 + random.Next(actors - 1)) % actors;
            builder.Add(new Relation($"r{i:D5}", RelationKind.All[random.Next(RelationKind.All.Count)], new ActorId($"A{s}"), new ActorId($"A{t}"),
                RandomExtent(random), "label", [Quote], random.Next(2) == 0));
        }

        for (var i = 0; i < events; i++)
        {
            builder.Add(new ActorEvent($"e{i:D5}", EventKind.All[random.Next(EventKind.All.Count)], new ActorId($"A{random.Next(actors)}"),
                RandomExtent(random), "label", [Quote]));
        }

        return builder.Build();
    }
}
