using RelationsGraph.Model;

namespace RelationsGraph.Cli.Output;

/// <summary>How model objects read in text output; one place, so every command says things the same way.</summary>
internal static class TextFormat
{
    /// <summary>An arrow for directed relations, a plain line for mutual ones: <c>China -> DPRK</c>, <c>China -- DPRK</c>.</summary>
    public static string Ends(Relation relation) =>
        $"{relation.Source} {(relation.Directed ? "->" : "--")} {relation.Target}";

    public static string Codes(ActorCodes codes)
    {
        var parts = new List<string>();
        if (codes.Iso3 is not null)
        {
            parts.Add($"ISO {codes.Iso3}");
        }

        if (codes.Cow is { } cow)
        {
            parts.Add($"COW {cow}");
        }

        if (codes.Cameo is not null)
        {
            parts.Add($"CAMEO {codes.Cameo}");
        }

        return string.Join(", ", parts);
    }
}
