namespace RelationsGraph.Storage;

/// <summary>
/// Limits that keep a hostile or broken graph file from exhausting memory or the stack, and optionally the
/// time window a query will need, so that a big file is read into a small graph. The defaults accept any
/// sensible graph, a million relations included, and keep everything.
/// </summary>
/// <remarks>Immutable; use <c>with</c> to change a limit.</remarks>
public sealed record GraphLoadOptions
{
    /// <summary>Gets the default limits.</summary>
    public static GraphLoadOptions Default { get; } = new();

    /// <summary>Gets the deepest JSON nesting accepted. Default 64; graph.json itself needs 5.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Gets the longest string accepted, in characters. Default 1,000,000.</summary>
    public int MaxStringLength { get; init; } = 1_000_000;

    /// <summary>Gets the largest file accepted, in bytes. Default 4 GiB.</summary>
    public long MaxFileBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// Gets the time window the graph is loaded for, or <see langword="null"/> (the default) for all time.
    /// Loading a file with a window keeps only the relations whose dates meet it (an open period is kept even
    /// when its sources end before the window; queries then find it only up to its
    /// <see cref="Graph.RelationGraph.LastKnownDay(RelationsGraph.Model.Relation)"/>), and every actor, source and event;
    /// the file is still read and checked whole, and a broken file fails with the same error as without a
    /// window. The graph's <see cref="Graph.RelationGraph.Coverage"/> is the window, and views outside it are
    /// refused, so a query never answers from half the data. Loading from a <see cref="TextReader"/>, and
    /// files the library did not lay out (relations before actors or sources, or relation ids out of order), are
    /// read whole: their graph covers all time.
    /// </summary>
    public Time.TimeWindow? Window { get; init; }
}
