using QuikGraph;

namespace RelationsGraph.Graph;

/// <summary>
/// One QuikGraph edge per relation, from the source actor's vertex to the target's. Edges are compared
/// by reference, so two relations between the same pair stay distinct (unlike EquatableTaggedEdge).
/// </summary>
internal sealed class RelationEdge(int source, int target, int ordinal) : IEdge<int>
{
    public int Source { get; } = source;

    public int Target { get; } = target;

    /// <summary>The position of the relation in the graph's id-sorted relation list.</summary>
    public int Ordinal { get; } = ordinal;
}
