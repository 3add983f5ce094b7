namespace RelationsGraph.Storage;

/// <summary>The kinds of graph file <see cref="GraphFile"/> reads and writes.</summary>
public enum GraphFileFormat
{
    /// <summary>graph.json: the documented, human-readable text (docs/graph-json.md).</summary>
    Json,

    /// <summary>An Arrow snapshot: the graph's tables as Arrow IPC streams, loaded in place (docs/snapshot.md).</summary>
    Snapshot,
}
