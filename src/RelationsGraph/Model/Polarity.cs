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
