using System.Collections.Frozen;

namespace RelationsGraph.Model;

/// <summary>
/// A kind of relation, from a closed vocabulary. Each kind has a polarity and, for kinds that are
/// events in the CAMEO sense, the CAMEO root code (01–20) it corresponds to, so that event datasets such
/// as ICEWS and GDELT map onto it. Structural kinds (<see cref="LeaderOf"/>, <see cref="MemberOf"/>) have no CAMEO code.
/// </summary>
/// <remarks>
/// There is exactly one instance per kind, so kinds compare by reference. Immutable and thread-safe.
/// </remarks>
public sealed class RelationKind
{
    private static readonly List<RelationKind> Kinds = [];

    private RelationKind(string name, Polarity polarity, string? cameoRoot, string description)
    {
        Name = name;
        Polarity = polarity;
        CameoRoot = cameoRoot;
        Description = description;
        Ordinal = (byte)Kinds.Count;
        Kinds.Add(this);
    }

    /// <summary>A public statement with no clear lean (CAMEO 01).</summary>
    public static RelationKind Statement { get; } = new("statement", Polarity.Neutral, "01", "A public statement about the other actor with no clear lean.");

    /// <summary>An appeal or request to the other actor (CAMEO 02).</summary>
    public static RelationKind Appeal { get; } = new("appeal", Polarity.Cooperative, "02", "An appeal or request to the other actor.");

    /// <summary>An expressed intent or pledge to cooperate (CAMEO 03).</summary>
    public static RelationKind Pledge { get; } = new("pledge", Polarity.Cooperative, "03", "An expressed intent or pledge to cooperate.");

    /// <summary>Negotiations or consultations (CAMEO 04).</summary>
    public static RelationKind Talks { get; } = new("talks", Polarity.Cooperative, "04", "Negotiations or consultations.");

    /// <summary>A meeting of leaders, or a leader's visit (CAMEO 04, 043/044).</summary>
    public static RelationKind Summit { get; } = new("summit", Polarity.Cooperative, "04", "A meeting of leaders, or a leader's visit.");

    /// <summary>Establishing or holding diplomatic relations (CAMEO 05).</summary>
    public static RelationKind DiplomaticRelations { get; } = new("diplomatic-relations", Polarity.Cooperative, "05", "Establishing or holding diplomatic relations.");

    /// <summary>A treaty: a formal, binding agreement (CAMEO 05, 057).</summary>
    public static RelationKind Treaty { get; } = new("treaty", Polarity.Cooperative, "05", "A treaty: a formal, binding agreement, its signing or renewal.");

    /// <summary>An agreement short of a treaty, such as a border settlement (CAMEO 05).</summary>
    public static RelationKind Agreement { get; } = new("agreement", Polarity.Cooperative, "05", "An agreement short of a treaty, such as a border settlement.");

    /// <summary>Political, diplomatic or military backing (CAMEO 05).</summary>
    public static RelationKind Support { get; } = new("support", Polarity.Cooperative, "05", "Political, diplomatic or military backing.");

    /// <summary>An alliance or lasting strategic tie (CAMEO 06, 062).</summary>
    public static RelationKind Ally { get; } = new("ally", Polarity.Cooperative, "06", "An alliance or lasting strategic tie.");

    /// <summary>Trade and economic ties, including economic dependence (CAMEO 06, 061).</summary>
    public static RelationKind Trade { get; } = new("trade", Polarity.Cooperative, "06", "Trade and economic ties, including economic dependence.");

    /// <summary>Material cooperation and contacts not covered by a finer kind (CAMEO 06).</summary>
    public static RelationKind Cooperation { get; } = new("cooperation", Polarity.Cooperative, "06", "Material cooperation and contacts not covered by a finer kind.");

    /// <summary>Economic, military or humanitarian aid (CAMEO 07).</summary>
    public static RelationKind Aid { get; } = new("aid", Polarity.Cooperative, "07", "Economic, military or humanitarian aid.");

    /// <summary>A concession: yielding to the other actor (CAMEO 08).</summary>
    public static RelationKind Concession { get; } = new("concession", Polarity.Cooperative, "08", "A concession: yielding to the other actor.");

    /// <summary>An investigation of the other actor (CAMEO 09).</summary>
    public static RelationKind Investigation { get; } = new("investigation", Polarity.Neutral, "09", "An investigation of the other actor.");

    /// <summary>A demand, such as a call to stop an action (CAMEO 10).</summary>
    public static RelationKind Demand { get; } = new("demand", Polarity.Conflictual, "10", "A demand, such as a call to stop an action.");

    /// <summary>Criticism, disapproval or rebuke (CAMEO 11).</summary>
    public static RelationKind Criticism { get; } = new("criticism", Polarity.Conflictual, "11", "Criticism, disapproval or rebuke.");

    /// <summary>A rejection or defiance of the other actor (CAMEO 12).</summary>
    public static RelationKind Rejection { get; } = new("rejection", Polarity.Conflictual, "12", "A rejection or defiance of the other actor.");

    /// <summary>Hostility: threats, wars of words, strained relations, face-offs (CAMEO 13).</summary>
    public static RelationKind Hostility { get; } = new("hostility", Polarity.Conflictual, "13", "Hostility: threats, wars of words, strained relations, face-offs.");

    /// <summary>A protest (CAMEO 14).</summary>
    public static RelationKind Protest { get; } = new("protest", Polarity.Conflictual, "14", "A protest.");

    /// <summary>A military provocation or show of force (CAMEO 15).</summary>
    public static RelationKind Provocation { get; } = new("provocation", Polarity.Conflictual, "15", "A military provocation or show of force.");

    /// <summary>Reduced relations short of sanctions: aid or preferential terms cut, ties downgraded, talks halted (CAMEO 16 but 163).</summary>
    public static RelationKind ReducedRelations { get; } = new("reduced-relations", Polarity.Conflictual, "16", "Reduced relations short of sanctions: aid or preferential terms cut, trade fallen, ties downgraded, talks halted.");

    /// <summary>Sanctions, embargoes and boycotts, such as suspended imports (CAMEO 16, 163).</summary>
    public static RelationKind Sanctions { get; } = new("sanctions", Polarity.Conflictual, "16", "Sanctions, embargoes and boycotts, such as suspended imports.");

    /// <summary>Coercion (CAMEO 17).</summary>
    public static RelationKind Coercion { get; } = new("coercion", Polarity.Conflictual, "17", "Coercion: seizure, arrest, repression.");

    /// <summary>An assault or attack short of war (CAMEO 18).</summary>
    public static RelationKind Assault { get; } = new("assault", Polarity.Conflictual, "18", "An assault or attack short of war.");

    /// <summary>War: armed conflict between the actors (CAMEO 19).</summary>
    public static RelationKind War { get; } = new("war", Polarity.Conflictual, "19", "War: armed conflict between the actors.");

    /// <summary>Unconventional mass violence (CAMEO 20).</summary>
    public static RelationKind MassViolence { get; } = new("mass-violence", Polarity.Conflictual, "20", "Unconventional mass violence.");

    /// <summary>A person leads a state or organization (structural; no CAMEO code).</summary>
    public static RelationKind LeaderOf { get; } = new("leader-of", Polarity.Neutral, null, "A person leads a state or organization.");

    /// <summary>An actor takes part in an organization or forum (structural; no CAMEO code).</summary>
    public static RelationKind MemberOf { get; } = new("member-of", Polarity.Neutral, null, "An actor takes part in an organization or forum.");

    private static readonly FrozenDictionary<string, RelationKind> ByName =
        Kinds.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>Gets every kind, in the order of CAMEO root codes, structural kinds last.</summary>
    public static IReadOnlyList<RelationKind> All { get; } = Kinds.AsReadOnly();

    /// <summary>Gets the name used in graph.json and on the command line, such as <c>diplomatic-relations</c>.</summary>
    public string Name { get; }

    /// <summary>Gets whether the kind is cooperative, conflictual or neutral.</summary>
    public Polarity Polarity { get; }

    /// <summary>Gets the two-digit CAMEO root code, or <see langword="null"/> for structural kinds.</summary>
    public string? CameoRoot { get; }

    /// <summary>Gets a one-sentence description.</summary>
    public string Description { get; }

    /// <summary>Gets the kind's position in <see cref="All"/>, as the relation store keeps it.</summary>
    internal byte Ordinal { get; }

    /// <summary>Finds a kind by its name (ordinal, as written in graph.json).</summary>
    /// <param name="name">The name, such as <c>treaty</c>.</param>
    /// <param name="kind">The kind when found.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a kind.</returns>
    public static bool TryParse(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RelationKind? kind)
    {
        kind = null;
        return name is not null && ByName.TryGetValue(name, out kind);
    }

    /// <summary>Finds a kind by its name.</summary>
    /// <param name="name">The name, such as <c>treaty</c>.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="name"/> names no kind.</exception>
    public static RelationKind Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var kind)
            ? kind
            : throw new FormatException($"'{name}' is not a relation kind; expected one of {string.Join(", ", Kinds.Select(k => k.Name))}.");
    }

    /// <summary>Returns the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
