namespace RelationsGraph.Serialization;

/// <summary>
/// Limits that keep a hostile or broken graph file from exhausting memory or the stack. The defaults
/// accept any sensible graph, a million relations included.
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
}
