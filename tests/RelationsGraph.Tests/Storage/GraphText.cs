using RelationsGraph.Graph;
using RelationsGraph.Common;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Storage;

/// <summary>A graph as its saved text, and a load's outcome as that text or its error, for comparing two ways of loading.</summary>
internal static class GraphText
{
    public static string Of(RelationGraph graph)
    {
        var writer = new StringWriter { NewLine = "\n" };
        GraphFile.Write(writer, graph);
        return writer.ToString();
    }

    /// <summary>A builder holding the graph's sources and actors and the given relations, to add more to.</summary>
    public static RelationGraphBuilder Rebuild(RelationGraph graph, IEnumerable<RelationsGraph.Model.Relation> relations)
    {
        var builder = new RelationGraphBuilder();
        foreach (var source in graph.Sources)
        {
            builder.Add(source);
        }

        foreach (var actor in graph.Actors)
        {
            builder.Add(actor);
        }

        foreach (var relation in relations)
        {
            builder.Add(relation);
        }

        return builder;
    }

    public static string Outcome(Func<RelationGraph> load)
    {
        try
        {
            return Of(load());
        }
        catch (GraphDataException e)
        {
            return "error: " + e.Message;
        }
    }
}
