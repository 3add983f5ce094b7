namespace RelationsGraph.Model;

/// <summary>What an actor is. Written in graph.json in lower case (<c>state</c>, <c>organization</c>, …).</summary>
public enum ActorKind
{
    /// <summary>A sovereign state, such as China or the DPRK.</summary>
    State,

    /// <summary>An international organization or forum, such as the UN or the Six-Party Talks.</summary>
    Organization,

    /// <summary>A person, usually a leader.</summary>
    Person,

    /// <summary>A non-state group: a party, an armed group, a movement.</summary>
    Group,
}

/// <summary>
/// The actor-kind vocabulary: every kind with the one name it has in graph.json, exports and the console
/// (<c>state</c>, <c>organization</c>, <c>person</c>, <c>group</c>), and the parse of that name.
/// </summary>
public static class ActorKinds
{
    private static readonly string[] Names = ["state", "organization", "person", "group"];

    /// <summary>Gets every kind, in declaration order.</summary>
    public static IReadOnlyList<ActorKind> All { get; } = [ActorKind.State, ActorKind.Organization, ActorKind.Person, ActorKind.Group];

    /// <summary>Gets the names as a phrase for messages: <c>state, organization, person or group</c>.</summary>
    public static string Expected { get; } = Vocabulary.Phrase(Names);

    /// <summary>Gets the name of a kind, such as <c>organization</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static string Name(this ActorKind kind) =>
        (uint)kind < (uint)Names.Length ? Names[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind), kind, $"{(int)kind} is not an actor kind.");

    /// <summary>Finds a kind by its name (ordinal, lower case, as written in graph.json).</summary>
    /// <param name="name">The name.</param>
    /// <param name="kind">The kind when found.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a kind.</returns>
    public static bool TryParse(string? name, out ActorKind kind)
    {
        var index = Array.IndexOf(Names, name);
        kind = index < 0 ? default : (ActorKind)index;
        return index >= 0;
    }
}
