using RelationsGraph.Time;

namespace RelationsGraph.Model;

/// <summary>A dated happening of one actor, such as a nuclear test, a satellite launch or a succession.</summary>
/// <remarks>Immutable and thread-safe. Equality compares every member, evidence in order.</remarks>
public sealed record ActorEvent
{
    /// <summary>Creates an actor event.</summary>
    /// <param name="id">The id, unique among the graph's events.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="actor">The actor it happened to or was done by.</param>
    /// <param name="time">When it happened.</param>
    /// <param name="label">A short human description.</param>
    /// <param name="evidence">At least one verbatim quote supporting it.</param>
    /// <param name="note">An optional note.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The id is invalid, the label is empty, the label or note has an unpaired surrogate, or there is no evidence.</exception>
    public ActorEvent(string id, EventKind kind, ActorId actor, TimeExtent time, string label, IEnumerable<Evidence> evidence, string? note = null)
    {
        Id = Identifier.Require(id, nameof(id));
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(evidence);
        Kind = kind;
        Actor = actor.Value is null ? throw new ArgumentException("The actor id must be set.", nameof(actor)) : actor;
        Time = time;
        Label = Identifier.RequireText(label, nameof(label), "label");
        Evidence = ModelLists.NonEmpty(evidence, nameof(evidence), "event", id);
        Note = Identifier.OptionalText(note, nameof(note), "note");
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the kind.</summary>
    public EventKind Kind { get; }

    /// <summary>Gets the actor.</summary>
    public ActorId Actor { get; }

    /// <summary>Gets when it happened.</summary>
    public TimeExtent Time { get; }

    /// <summary>Gets a short human description.</summary>
    public string Label { get; }

    /// <summary>Gets the quotes supporting it; never empty.</summary>
    public IReadOnlyList<Evidence> Evidence { get; }

    /// <summary>Gets an optional note, or <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <inheritdoc />
    public bool Equals(ActorEvent? other) =>
        other is not null && Id == other.Id && ReferenceEquals(Kind, other.Kind) && Actor == other.Actor
        && Time == other.Time && Label == other.Label && ModelLists.SequenceEqual(Evidence, other.Evidence) && Note == other.Note;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Kind, Actor, Time);

    /// <summary>Returns a one-line summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Actor} {Kind} {Time}";
}
