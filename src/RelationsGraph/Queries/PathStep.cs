using RelationsGraph.Model;

namespace RelationsGraph.Queries;

/// <summary>
/// One hop of a path: from one actor to the next, with the relations of the view that connect them in the
/// direction the path may follow. A time-respecting path uses exactly one relation per hop and says from
/// which day the hop was possible.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class PathStep
{
    internal PathStep(Actor from, Actor to, IReadOnlyList<Relation> relations, DateOnly? earliestDay)
    {
        From = from;
        To = to;
        Relations = relations;
        EarliestDay = earliestDay;
    }

    /// <summary>Gets the actor the hop starts from.</summary>
    public Actor From { get; }

    /// <summary>Gets the actor the hop reaches.</summary>
    public Actor To { get; }

    /// <summary>Gets the relations that connect the two actors in this hop, sorted by time then id; never empty.</summary>
    public IReadOnlyList<Relation> Relations { get; }

    /// <summary>Gets, for a time-respecting path, the first day the hop could be taken; otherwise <see langword="null"/>.</summary>
    public DateOnly? EarliestDay { get; }
}

/// <summary>A path between two actors: the actors in order and the hops between them.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ActorPath
{
    internal ActorPath(IReadOnlyList<Actor> actors, IReadOnlyList<PathStep> steps)
    {
        Actors = actors;
        Steps = steps;
    }

    /// <summary>Gets the actors from the start to the end of the path.</summary>
    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>Gets the hops; one fewer than <see cref="Actors"/>.</summary>
    public IReadOnlyList<PathStep> Steps { get; }

    /// <summary>Gets the number of hops.</summary>
    public int Length => Steps.Count;

    /// <summary>Returns the actor ids joined by arrows, as in <c>US → ROK → DPRK</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(" → ", Actors.Select(a => a.Id.Value));
}
