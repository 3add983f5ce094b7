namespace RelationsGraph.Model;

/// <summary>
/// Standard codes of an actor, each optional: ISO 3166-1 alpha-3, the Correlates of War country number
/// and the CAMEO actor code. They let event datasets (ICEWS, GDELT) and other tools join on the actor.
/// </summary>
/// <remarks>Immutable; equality compares all three codes.</remarks>
public sealed record ActorCodes
{
    /// <summary>Gets the codes of an actor that has none.</summary>
    public static ActorCodes None { get; } = new();

    /// <summary>Gets the ISO 3166-1 alpha-3 code, such as <c>PRK</c>.</summary>
    public string? Iso3 { get; init; }

    /// <summary>Gets the Correlates of War country number, such as 731.</summary>
    public int? Cow { get; init; }

    /// <summary>Gets the CAMEO actor code, such as <c>PRK</c> or <c>IGOUNO</c>.</summary>
    public string? Cameo { get; init; }

    /// <summary>Gets a value telling whether no code is set.</summary>
    public bool IsEmpty => Iso3 is null && Cow is null && Cameo is null;
}
