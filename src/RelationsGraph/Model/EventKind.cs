using System.Collections.Frozen;

namespace RelationsGraph.Model;

/// <summary>A kind of actor event, from a closed vocabulary: what happened to or was done by one actor.</summary>
/// <remarks>There is exactly one instance per kind, so kinds compare by reference. Immutable and thread-safe.</remarks>
public sealed class EventKind
{
    private static readonly List<EventKind> Kinds = [];

    private EventKind(string name, string description)
    {
        Name = name;
        Description = description;
        Kinds.Add(this);
    }

    /// <summary>The actor is founded or established.</summary>
    public static EventKind Founding { get; } = new("founding", "The actor is founded or established.");

    /// <summary>The actor dissolves or disintegrates.</summary>
    public static EventKind Dissolution { get; } = new("dissolution", "The actor dissolves or disintegrates.");

    /// <summary>Power passes from one leader to another.</summary>
    public static EventKind Succession { get; } = new("succession", "Power passes from one leader to another.");

    /// <summary>A person dies.</summary>
    public static EventKind Death { get; } = new("death", "A person dies.");

    /// <summary>A nuclear test.</summary>
    public static EventKind NuclearTest { get; } = new("nuclear-test", "A nuclear test.");

    /// <summary>A missile test or launch.</summary>
    public static EventKind MissileTest { get; } = new("missile-test", "A missile test or launch.");

    /// <summary>A satellite launch.</summary>
    public static EventKind SatelliteLaunch { get; } = new("satellite-launch", "A satellite launch.");

    /// <summary>An economic, political or humanitarian crisis.</summary>
    public static EventKind Crisis { get; } = new("crisis", "An economic, political or humanitarian crisis.");

    /// <summary>A change of the actor's own policy.</summary>
    public static EventKind PolicyChange { get; } = new("policy-change", "A change of the actor's own policy.");

    /// <summary>Any other dated happening.</summary>
    public static EventKind Other { get; } = new("other", "Any other dated happening.");

    private static readonly FrozenDictionary<string, EventKind> ByName =
        Kinds.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>Gets every kind.</summary>
    public static IReadOnlyList<EventKind> All { get; } = Kinds.AsReadOnly();

    /// <summary>Gets the name used in graph.json, such as <c>nuclear-test</c>.</summary>
    public string Name { get; }

    /// <summary>Gets a one-sentence description.</summary>
    public string Description { get; }

    /// <summary>Finds a kind by its name (ordinal, as written in graph.json).</summary>
    /// <param name="name">The name.</param>
    /// <param name="kind">The kind when found.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a kind.</returns>
    public static bool TryParse(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EventKind? kind)
    {
        kind = null;
        return name is not null && ByName.TryGetValue(name, out kind);
    }

    /// <summary>Returns the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
