namespace RelationsGraph.Model;

/// <summary>Whether a kind of relation is cooperative, conflictual or neither.</summary>
public enum Polarity
{
    /// <summary>Conflictual (−1): criticism, sanctions, war, ….</summary>
    Conflictual = -1,

    /// <summary>Neutral (0): statements, leadership, membership.</summary>
    Neutral = 0,

    /// <summary>Cooperative (+1): alliances, treaties, summits, trade, ….</summary>
    Cooperative = 1,
}

/// <summary>
/// The polarity vocabulary: every polarity with its name (<c>cooperative</c>, <c>conflictual</c>, <c>neutral</c>)
/// and its sign (<c>+</c>, <c>-</c>, <c>0</c>), and the parse of either.
/// </summary>
public static class Polarities
{
    /// <summary>Gets every polarity: cooperative, conflictual, neutral.</summary>
    public static IReadOnlyList<Polarity> All { get; } = [Polarity.Cooperative, Polarity.Conflictual, Polarity.Neutral];

    /// <summary>Gets the names as a phrase for messages: <c>cooperative, conflictual or neutral</c>.</summary>
    public static string Expected { get; } = Vocabulary.Phrase(All.Select(Name));

    /// <summary>Gets the name of a polarity, such as <c>cooperative</c>.</summary>
    /// <param name="polarity">The polarity.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="polarity"/> is not a defined polarity.</exception>
    public static string Name(this Polarity polarity) => polarity switch
    {
        Polarity.Cooperative => "cooperative",
        Polarity.Conflictual => "conflictual",
        Polarity.Neutral => "neutral",
        _ => throw new ArgumentOutOfRangeException(nameof(polarity), polarity, $"{(int)polarity} is not a polarity."),
    };

    /// <summary>Gets the sign of a polarity: <c>+</c>, <c>-</c> or <c>0</c>.</summary>
    /// <param name="polarity">The polarity.</param>
    /// <returns>The sign.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="polarity"/> is not a defined polarity.</exception>
    public static string Sign(this Polarity polarity) => polarity switch
    {
        Polarity.Cooperative => "+",
        Polarity.Conflictual => "-",
        Polarity.Neutral => "0",
        _ => throw new ArgumentOutOfRangeException(nameof(polarity), polarity, $"{(int)polarity} is not a polarity."),
    };

    /// <summary>Finds a polarity by its name or its sign (ordinal).</summary>
    /// <param name="text">The name, such as <c>cooperative</c>, or the sign, such as <c>+</c>.</param>
    /// <param name="polarity">The polarity when found.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a polarity.</returns>
    public static bool TryParse(string? text, out Polarity polarity)
    {
        foreach (var p in All)
        {
            if (text == Name(p) || text == Sign(p))
            {
                polarity = p;
                return true;
            }
        }

        polarity = default;
        return false;
    }
}
