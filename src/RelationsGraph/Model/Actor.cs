namespace RelationsGraph.Model;

/// <summary>A state, organization, person or group that takes part in relations.</summary>
/// <remarks>
/// Immutable and thread-safe. Equality compares every member, aliases in order.
/// </remarks>
public sealed record Actor
{
    /// <summary>Creates an actor.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The display name, such as <c>North Korea</c>.</param>
    /// <param name="kind">What the actor is.</param>
    /// <param name="aliases">Other names users and sources use; may be null for none.</param>
    /// <param name="codes">Standard codes; may be null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">The name or an alias is empty or has an unpaired surrogate, or an alias repeats.</exception>
    public Actor(ActorId id, string name, ActorKind kind, IEnumerable<string>? aliases = null, ActorCodes? codes = null)
    {
        Id = id.Value is null ? throw new ArgumentException("The actor id must be set.", nameof(id)) : id;
        Name = Identifier.RequireText(name, nameof(name), "actor name");
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The actor kind is not one of state, organization, person, group.");
        }

        Kind = kind;
        var list = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var alias in aliases ?? [])
        {
            Identifier.RequireText(alias, nameof(aliases), "alias");
            if (!seen.Add(alias))
            {
                throw new ArgumentException($"The alias '{alias}' is given twice for actor '{id}'.", nameof(aliases));
            }

            list.Add(alias);
        }

        Aliases = list.AsReadOnly();
        Codes = codes ?? ActorCodes.None;
    }

    /// <summary>Gets the id.</summary>
    public ActorId Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets what the actor is.</summary>
    public ActorKind Kind { get; }

    /// <summary>Gets the other names of the actor, in the order given.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Gets the standard codes of the actor.</summary>
    public ActorCodes Codes { get; }

    /// <inheritdoc />
    public bool Equals(Actor? other) =>
        other is not null && Id == other.Id && Name == other.Name && Kind == other.Kind
        && Aliases.SequenceEqual(other.Aliases, StringComparer.Ordinal) && Codes == other.Codes;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind, Aliases.Count, Codes);

    /// <summary>Returns the name and id, as in <c>North Korea (DPRK)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name} ({Id})";
}
