using RelationsGraph.Model;

namespace RelationsGraph.Import;

/// <summary>
/// Maps a CAMEO event code to a relation kind: by its root (the first two digits), with the finer kinds
/// the vocabulary documents taking their codes: summit 042–044 (visits and meetings), diplomatic
/// relations 054, treaty 057, trade 061, ally 062, sanctions 163 (the rest of 16 is reduced relations). The
/// polarity is the kind's.
/// </summary>
internal static class CameoKinds
{
    private static readonly Dictionary<string, RelationKind> ByRoot =
        RelationKind.All.Where(k => k.CameoRoot is not null)
            .GroupBy(k => k.CameoRoot!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Finer kinds by code prefix; a code takes the longest prefix listed, else its root's kind.</summary>
    private static readonly (string Prefix, RelationKind Kind)[] Finer =
    [
        ("042", RelationKind.Summit),
        ("043", RelationKind.Summit),
        ("044", RelationKind.Summit),
        ("050", RelationKind.Support),
        ("051", RelationKind.Support),
        ("052", RelationKind.Support),
        ("053", RelationKind.Support),
        ("054", RelationKind.DiplomaticRelations),
        ("055", RelationKind.Support),
        ("056", RelationKind.Support),
        ("057", RelationKind.Treaty),
        ("05", RelationKind.Support),
        ("061", RelationKind.Trade),
        ("062", RelationKind.Ally),
        ("06", RelationKind.Cooperation),
        ("163", RelationKind.Sanctions),
        ("16", RelationKind.ReducedRelations),
    ];

    /// <summary>Gets the kind for a CAMEO code of two or more digits, or null for a code outside 01–20.</summary>
    public static RelationKind? KindOf(string code)
    {
        if (code.Length < 2)
        {
            return null;
        }

        foreach (var (prefix, kind) in Finer)
        {
            if (code.StartsWith(prefix, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return ByRoot.GetValueOrDefault(code[..2]);
    }

    /// <summary>
    /// Tells whether a Goldstein weight leans the other way from a kind's polarity: a cooperative kind
    /// with a negative weight, or a conflictual kind with a positive one. Neutral kinds never disagree.
    /// </summary>
    public static bool Disagrees(RelationKind kind, double goldstein) =>
        (kind.Polarity == Polarity.Cooperative && goldstein < 0) || (kind.Polarity == Polarity.Conflictual && goldstein > 0);
}
