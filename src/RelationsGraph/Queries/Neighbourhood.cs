using QuikGraph.Algorithms.Search;
using RelationsGraph.Graph;
using RelationsGraph.Model;

namespace RelationsGraph.Queries;

/// <summary>The actors within some hops of an actor in a view, with the relations among them.</summary>
/// <remarks>Immutable.</remarks>
public sealed class Neighbourhood
{
    private Neighbourhood(Actor center, int depth, IReadOnlyList<NeighbourhoodMember> members, IReadOnlyList<Relation> relations)
    {
        Center = center;
        Depth = depth;
        Members = members;
        Relations = relations;
    }

    /// <summary>Gets the actor at the center.</summary>
    public Actor Center { get; }

    /// <summary>Gets the greatest number of hops searched.</summary>
    public int Depth { get; }

    /// <summary>Gets every actor reached, the center first (distance 0), then by distance and id.</summary>
    public IReadOnlyList<NeighbourhoodMember> Members { get; }

    /// <summary>Gets every relation of the view between two members (the induced subgraph), sorted by id.</summary>
    public IReadOnlyList<Relation> Relations { get; }

    /// <summary>Finds the neighbourhood of an actor.</summary>
    /// <param name="view">The view.</param>
    /// <param name="center">The actor at the center.</param>
    /// <param name="depth">How many hops, at least 1.</param>
    /// <param name="directed">Whether directed relations may only be followed forwards.</param>
    /// <returns>The neighbourhood, or <see langword="null"/> for an actor not in the graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is less than 1.</exception>
    public static Neighbourhood? Of(GraphView view, ActorId center, int depth, bool directed = false)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (depth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"The depth of a neighbourhood must be 1 hop or more, not {depth}.");
        }
        var graph = view.Graph;
        if (!graph.TryGetVertex(center, out var start))
        {
            return null;
        }

        // QuikGraph's breadth-first search of the view's actor graph: vertices are discovered in order of distance,
        // so the search stops at the first one beyond the depth asked for.
        var distance = new Dictionary<int, int> { [start] = 0 };
        var search = new BreadthFirstSearchAlgorithm<int, PairEdge>(view.ActorGraph(directed));
        search.TreeEdge += edge =>
        {
            var d = distance[edge.Source] + 1;
            if (d > depth)
            {
                search.Abort();
                return;
            }

            distance[edge.Target] = d;
        };
        search.Compute(start);

        // The induced subgraph: every relation of the view between two members, either way.
        var isMember = new bool[graph.ActorCount];
        foreach (var u in distance.Keys)
        {
            isMember[u] = true;
        }

        using var relations = view.RelationsWhere(distance.Keys, (s, t) => isMember[s] && isMember[t]);
        var members = distance.OrderBy(p => p.Value).ThenBy(p => p.Key)
            .Select(p => new NeighbourhoodMember(graph.ActorAt(p.Key), p.Value)).ToArray();
        return new Neighbourhood(graph.ActorAt(start), depth, members, graph.List(relations.Span));
    }
}

/// <summary>An actor in a neighbourhood and its distance in hops from the center.</summary>
/// <remarks>Immutable; made by the query that returns it.</remarks>
public sealed record NeighbourhoodMember
{
    internal NeighbourhoodMember(Actor actor, int distance)
    {
        Actor = actor;
        Distance = distance;
    }

    /// <summary>Gets the actor.</summary>
    public Actor Actor { get; }

    /// <summary>Gets the fewest hops from the center.</summary>
    public int Distance { get; }
}
