using CsCheck;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Tests.Queries;
using RelationsGraph.Time;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// Queries against brute force on CsCheck-generated graphs: any actor kinds, dates from year 1 to 9999 at every
/// precision, open periods, every filter. Queries/ checks the same algorithms on fixed seeds; the oracles are
/// Queries/Oracle's.
/// </summary>
public sealed class QueryPropertyTests
{
    private static readonly Gen<TimeWindow> Window =
        Gen.Select(Gen.Int[0, 5], GraphGen.Date, GraphGen.Date, (shape, a, b) => shape switch
        {
            0 => TimeWindow.All,
            1 => TimeWindow.Since(a),
            2 => TimeWindow.Until(a),
            3 => TimeWindow.During(a),
            _ => b.LastDay < a.FirstDay ? TimeWindow.Between(b, a) : TimeWindow.Between(a, b),
        });

    /// <summary>A view of a random graph: a window and, each with some chance, relation-kind, polarity and actor-kind filters.</summary>
    private static readonly Gen<GraphView> View =
        Gen.Select(
            GraphGen.Graph(maxActors: 10, maxRelations: 60, maxEvents: 15),
            Window,
            Gen.Int[0, RelationKind.All.Count - 1].Array[0, 6],
            Gen.Enum<Polarity>().Array[0, 2],
            Gen.Enum<ActorKind>().Array[0, 3],
            (graph, window, kinds, polarities, actorKinds) =>
            {
                var view = GraphView.Of(graph, window);
                view = kinds.Length > 0 ? view.WithKinds(kinds.Select(k => RelationKind.All[k])) : view;
                view = polarities.Length > 0 ? view.WithPolarities(polarities) : view;
                return actorKinds.Length > 0 ? view.WithActorKinds(actorKinds) : view;
            });

    [Fact]
    public void Slices_EqualABruteForceFilter()
    {
        View.Sample(
            view =>
            {
                var graph = view.Graph;
                bool Kept(Relation r) =>
                    Queries.Oracle.Known(graph, r, view.Window)
                    && (view.Kinds is null || view.Kinds.Contains(r.Kind))
                    && (view.Polarities is null || view.Polarities.Contains(r.Polarity))
                    && (view.ActorKinds is null || (view.ActorKinds.Contains(KindOf(graph, r.Source)) && view.ActorKinds.Contains(KindOf(graph, r.Target))));

                view.Relations.Should().Equal(graph.Relations.Where(Kept));
                graph.RelationsActiveIn(view.Window).Should().Equal(graph.Relations.Where(r => Queries.Oracle.Known(graph, r, view.Window)));
                graph.EventsActiveIn(view.Window).Should().Equal(graph.Events.Where(e => Queries.Oracle.Known(graph, e, view.Window)));
            },
            iter: 300,
            print: view => view.ToString());
    }

    [Fact]
    public void ShortestPathLengths_EqualBreadthFirstSearch()
    {
        Gen.Select(View, Gen.Int[0, 100], Gen.Int[0, 100], Gen.Bool).Sample(
            (view, a, b, directed) =>
            {
                var actors = view.Graph.Actors;
                var from = actors[a % actors.Count].Id;
                var to = actors[b % actors.Count].Id;
                var distances = Oracle.Distances(view, from.Value, directed);

                var path = PathFinder.Shortest(view, from, to, directed);

                if (distances.TryGetValue(to.Value, out var d))
                {
                    path!.Length.Should().Be(d);
                    path.Actors[0].Id.Should().Be(from);
                    path.Actors[^1].Id.Should().Be(to);
                    path.Steps.All(s => s.Relations.Count > 0 && s.Relations.All(view.Contains)).Should().BeTrue("every step follows relations in the view");
                }
                else
                {
                    path.Should().BeNull();
                }
            },
            iter: 300,
            print: t => $"{t.Item1} from {t.Item2} to {t.Item3}, directed {t.Item4}");
    }

    [Fact]
    public void Neighbourhoods_EqualBreadthFirstSearch_WithinTheirDepth()
    {
        Gen.Select(View, Gen.Int[0, 100], Gen.Int[1, 3], Gen.Bool).Sample(
            (view, c, depth, directed) =>
            {
                var center = view.Graph.Actors[c % view.Graph.Actors.Count].Id;

                var found = Neighbourhood.Of(view, center, depth, directed)!;

                found.Members.ToDictionary(m => m.Actor.Id.Value, m => m.Distance)
                    .Should().BeEquivalentTo(Oracle.Distances(view, center.Value, directed, depth));
            },
            iter: 200,
            print: t => $"{t.Item1} around {t.Item2}, depth {t.Item3}, directed {t.Item4}");
    }

    private static ActorKind KindOf(RelationGraph graph, ActorId id) =>
        graph.TryGetActor(id, out var actor) ? actor.Kind : throw new InvalidOperationException($"No actor {id}.");
}
