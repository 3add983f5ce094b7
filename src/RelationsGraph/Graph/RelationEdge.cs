using QuikGraph;

namespace RelationsGraph.Graph;

/// <summary>
/// One QuikGraph edge per relation, from the source actor's vertex to the target's. A struct, so a million
/// relations cost no edge objects; the ordinal keeps two relations between the same pair distinct.
/// </summary>
internal readonly record struct RelationEdge(int Source, int Target, int Ordinal) : IEdge<int>;
