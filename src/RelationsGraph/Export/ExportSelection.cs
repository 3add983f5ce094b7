using RelationsGraph.Model;

namespace RelationsGraph.Export;

/// <summary>
/// Which actors an export holds: all of them, a list, or the neighbourhood of some actors. The time window
/// and the relation kinds come from the <see cref="Queries.GraphView"/> exported; an export holds the
/// relations of the view whose two ends are both selected.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Equality compares the mode, the actors in order and the depth.
/// <list type="bullet">
/// <item><see cref="All"/>: every actor of the graph (of the view's actor kinds).</item>
/// <item><see cref="Only(IEnumerable{ActorId})"/>: the actors listed, even those with no relation in the view.</item>
/// <item><see cref="Around(IEnumerable{ActorId}, int)"/>: the actors reached from the centers in at most
/// <see cref="Depth"/> steps along the view's relations, in either direction, and every relation among them.</item>
/// </list>
/// </remarks>
public sealed class ExportSelection : IEquatable<ExportSelection>
{
    private ExportSelection(IReadOnlyList<ActorId> actors, int? depth)
    {
        Actors = actors;
        Depth = depth;
    }

    /// <summary>Gets the selection of every actor.</summary>
    public static ExportSelection All { get; } = new([], null);

    /// <summary>Gets the actors listed, or the centers of a neighbourhood; empty for <see cref="All"/>.</summary>
    public IReadOnlyList<ActorId> Actors { get; }

    /// <summary>Gets the number of steps of a neighbourhood, or <see langword="null"/> unless made by <see cref="Around(IEnumerable{ActorId}, int)"/>.</summary>
    public int? Depth { get; }

    /// <summary>Gets a value telling whether this is <see cref="All"/>.</summary>
    public bool IsAll => Actors.Count == 0;

    /// <summary>Selects the actors listed.</summary>
    /// <param name="actors">The actors; at least one. Repeats are ignored.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actors"/> is null.</exception>
    /// <exception cref="ArgumentException">No actor is given, or an id is the default value.</exception>
    public static ExportSelection Only(params IEnumerable<ActorId> actors) => new(Distinct(actors, nameof(actors)), null);

    /// <summary>Selects the neighbourhood of one actor.</summary>
    /// <param name="center">The actor at the center.</param>
    /// <param name="depth">The number of steps, 0 or more; 0 selects the center alone.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentException"><paramref name="center"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is negative.</exception>
    public static ExportSelection Around(ActorId center, int depth) => Around([center], depth);

    /// <summary>Selects the neighbourhood of some actors: every actor within <paramref name="depth"/> steps of one of them.</summary>
    /// <param name="centers">The actors at the center; at least one. Repeats are ignored.</param>
    /// <param name="depth">The number of steps, 0 or more; 0 selects the centers alone.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="centers"/> is null.</exception>
    /// <exception cref="ArgumentException">No center is given, or an id is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is negative.</exception>
    public static ExportSelection Around(IEnumerable<ActorId> centers, int depth)
    {
        if (depth < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"The depth around the centers must be 0 steps or more, not {depth}.");
        }

        return new(Distinct(centers, nameof(centers)), depth);
    }

    /// <inheritdoc />
    public bool Equals(ExportSelection? other) =>
        other is not null && Depth == other.Depth && Actors.SequenceEqual(other.Actors);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExportSelection);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Actors.Count, Depth);

    /// <summary>Describes the selection by actor id, as in <c>all actors</c>, <c>US, China, DPRK</c> or <c>around DPRK, depth 2</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        IsAll ? "all actors"
        : Depth is { } depth ? $"around {string.Join(", ", Actors)}, depth {depth}"
        : string.Join(", ", Actors);

    private static ActorId[] Distinct(IEnumerable<ActorId> actors, string paramName)
    {
        ArgumentNullException.ThrowIfNull(actors, paramName);
        var list = new List<ActorId>();
        foreach (var actor in actors)
        {
            if (actor.Value is null)
            {
                throw new ArgumentException("An actor id is the default value; give ids made with new ActorId(text).", paramName);
            }

            if (!list.Contains(actor))
            {
                list.Add(actor);
            }
        }

        return list.Count > 0 ? [.. list] : throw new ArgumentException("Give at least one actor.", paramName);
    }
}
