namespace RelationsGraph.Export;

/// <summary>How <see cref="DotWriter"/> draws a picture.</summary>
/// <remarks>Immutable; equality compares every member.</remarks>
public sealed record DotOptions
{
    /// <summary>Gets the default options: a computed title and a legend.</summary>
    public static DotOptions Default { get; } = new();

    /// <summary>
    /// Gets the first line of the title, or <see langword="null"/> to name the actors and the window, as in
    /// <c>United States, China and North Korea · 2017</c>. The second line always names the source.
    /// </summary>
    public string? Title { get; init; }

    /// <summary>Gets a value telling whether to draw a legend of the shapes, colours and line styles used.</summary>
    public bool Legend { get; init; } = true;

    /// <summary>
    /// Gets a value telling whether to draw every relation as its own edge. When <see langword="false"/> (the
    /// default), the relations of one kind between a pair are drawn as one edge labelled with
    /// their count and dates once there are <see cref="DotWriter.MergedFrom"/> or more of them, so event data draws
    /// a readable picture.
    /// </summary>
    public bool EachRelation { get; init; }
}
