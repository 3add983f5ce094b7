using RelationsGraph.Time;

namespace RelationsGraph.Model;

/// <summary>
/// A typed, dated relation between two actors, with its evidence. A mutual relation
/// (<see cref="Directed"/> false) holds both ways; a directed one goes from <see cref="Source"/> to
/// <see cref="Target"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. Equality compares every member, evidence in order.</remarks>
public sealed record Relation
{
    /// <summary>Creates a relation.</summary>
    /// <param name="id">The id, unique in its graph.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="source">The actor the relation goes from (for a mutual relation, either one).</param>
    /// <param name="target">The other actor.</param>
    /// <param name="time">When the relation holds.</param>
    /// <param name="label">A short human description.</param>
    /// <param name="evidence">At least one verbatim quote supporting it.</param>
    /// <param name="directed">Whether the relation goes one way only.</param>
    /// <param name="note">An optional note, such as how a vague date was read.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The id is invalid, source equals target, the label is empty, the label or note has an unpaired surrogate, or there is no evidence.</exception>
    public Relation(
        string id,
        RelationKind kind,
        ActorId source,
        ActorId target,
        TimeExtent time,
        string label,
        IEnumerable<Evidence> evidence,
        bool directed = false,
        string? note = null)
    {
        Identifier.Require(id, nameof(id));
        Identifier.RequireText(label, nameof(label), "label");
        Identifier.OptionalText(note, nameof(note), "note");
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(evidence);
        if (source.Value is null || target.Value is null)
        {
            throw new ArgumentException("The source and target actor ids must be set.", source.Value is null ? nameof(source) : nameof(target));
        }

        if (source == target)
        {
            throw new ArgumentException($"Relation '{id}' goes from '{source}' to itself; a relation joins two different actors.", nameof(target));
        }

        Id = id;
        Kind = kind;
        Source = source;
        Target = target;
        Time = time;
        Label = label;
        Evidence = ModelLists.NonEmpty(evidence, nameof(evidence), "relation", id);
        Directed = directed;
        Note = string.IsNullOrWhiteSpace(note) ? null : note;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the kind.</summary>
    public RelationKind Kind { get; }

    /// <summary>Gets the actor the relation goes from; for a mutual relation, one of the two.</summary>
    public ActorId Source { get; }

    /// <summary>Gets the actor the relation goes to; for a mutual relation, the other of the two.</summary>
    public ActorId Target { get; }

    /// <summary>Gets a value telling whether the relation goes one way only.</summary>
    public bool Directed { get; }

    /// <summary>Gets when the relation holds.</summary>
    public TimeExtent Time { get; }

    /// <summary>Gets a short human description.</summary>
    public string Label { get; }

    /// <summary>Gets the quotes supporting the relation; never empty.</summary>
    public IReadOnlyList<Evidence> Evidence { get; }

    /// <summary>Gets an optional note, or <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <summary>Gets the polarity of the relation's kind.</summary>
    public Polarity Polarity => Kind.Polarity;

    /// <summary>Tells whether the relation touches an actor.</summary>
    /// <param name="actor">The actor id.</param>
    /// <returns><see langword="true"/> when the actor is the source or the target.</returns>
    public bool Involves(ActorId actor) => Source == actor || Target == actor;

    /// <summary>Returns the other end of the relation.</summary>
    /// <param name="actor">One end.</param>
    /// <returns>The other end.</returns>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is not an end of this relation.</exception>
    public ActorId OtherEnd(ActorId actor) =>
        actor == Source ? Target
        : actor == Target ? Source
        : throw new ArgumentException($"Actor '{actor}' is not an end of relation '{Id}'.", nameof(actor));

    /// <inheritdoc />
    public bool Equals(Relation? other) =>
        other is not null && Id == other.Id && ReferenceEquals(Kind, other.Kind) && Source == other.Source
        && Target == other.Target && Directed == other.Directed && Time == other.Time && Label == other.Label
        && ModelLists.SequenceEqual(Evidence, other.Evidence) && Note == other.Note;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Kind, Source, Target, Time);

    /// <summary>Returns a one-line summary, such as <c>China -treaty- DPRK 1961/..</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Source} {(Directed ? $"-{Kind}->" : $"-{Kind}-")} {Target} {Time}";
}
