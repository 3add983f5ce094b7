using System.Globalization;

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

    /// <summary>Gets the ISO 3166-1 alpha-3 code, such as <c>PRK</c>: three capital letters.</summary>
    /// <exception cref="ArgumentException">The code is not three capital letters.</exception>
    public string? Iso3
    {
        get;
        init => field = Checked(value, CheckIso3, nameof(Iso3));
    }

    /// <summary>Gets the Correlates of War country number, such as 731: 1 to 999.</summary>
    /// <exception cref="ArgumentException">The number is outside 1 to 999.</exception>
    public int? Cow
    {
        get;
        init => field = value is { } number && CheckCow(number) is { } error ? throw new ArgumentException(Identifier.Capitalize(error), nameof(Cow)) : value;
    }

    /// <summary>Gets the CAMEO actor code, such as <c>PRK</c> or <c>IGOUNO</c>: three or more capital letters and digits.</summary>
    /// <exception cref="ArgumentException">The code is not three or more capital letters and digits.</exception>
    public string? Cameo
    {
        get;
        init => field = Checked(value, CheckCameo, nameof(Cameo));
    }

    /// <summary>Gets a value telling whether no code is set.</summary>
    public bool IsEmpty => Iso3 is null && Cow is null && Cameo is null;

    // The rules are checked here and by the loader (which reports where), so a saved graph always loads.
    internal static string? CheckIso3(string iso3) =>
        iso3.Length == 3 && iso3.All(char.IsAsciiLetterUpper)
            ? null
            : $"'{iso3}' is not an ISO 3166-1 alpha-3 code; expected three capital letters such as PRK.";

    internal static string? CheckCow(int cow) =>
        cow is >= 1 and <= 999
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{cow} is not a Correlates of War country number; expected 1 to 999.");

    internal static string? CheckCameo(string cameo) =>
        cameo.Length >= 3 && cameo.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
            ? null
            : $"'{cameo}' is not a CAMEO actor code; expected capital letters and digits such as PRK or IGOUNO.";

    private static string? Checked(string? value, Func<string, string?> check, string name) =>
        value is not null && check(value) is { } error ? throw new ArgumentException(Identifier.Capitalize(error), name) : value;
}
