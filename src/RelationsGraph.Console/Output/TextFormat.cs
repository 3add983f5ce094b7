using System.Globalization;
using RelationsGraph.Graph;
using RelationsGraph.Import;
using RelationsGraph.Model;

namespace RelationsGraph.Cli.Output;

/// <summary>How model objects read in text output; one place, so every command says things the same way.</summary>
internal static class TextFormat
{
    /// <summary>An actor's name, or its id when the graph does not hold it.</summary>
    public static string Name(RelationGraph graph, ActorId id) => graph.TryGetActor(id, out var actor) ? actor.Name : id.Value;

    /// <summary>An arrow for directed relations, a plain line for mutual ones, between names: <c>China -> North Korea</c>, <c>China -- North Korea</c>.</summary>
    public static string Ends(Relation relation, RelationGraph graph) =>
        $"{Name(graph, relation.Source)} {(relation.Directed ? "->" : "--")} {Name(graph, relation.Target)}";

    /// <summary>An imported event's coding: <c>CAMEO 111 Criticize or denounce · Goldstein -2.0</c>.</summary>
    public static string Coding(CameoCoding coding) =>
        $"CAMEO {coding.Code} {coding.Description}" +
        (coding.Goldstein is { } g ? $" · Goldstein {g.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)}" : string.Empty);

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
