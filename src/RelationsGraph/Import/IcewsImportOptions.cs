namespace RelationsGraph.Import;

/// <summary>How to read a dataset in the temporal-knowledge-graph quadruple format.</summary>
/// <remarks>Immutable; use <c>with</c> to change a setting. The defaults read ICEWS18 as released for RE-Net.</remarks>
public sealed record IcewsImportOptions
{
    /// <summary>Gets the defaults: origin 2018-01-01, time in hours, CAMEO tables found beside the dataset.</summary>
    public static IcewsImportOptions Default { get; } = new();

    /// <summary>Gets the day that time 0 stands for. Default 2018-01-01.</summary>
    public DateOnly Origin { get; init; } = new(2018, 1, 1);

    /// <summary>Gets what one step of the time column counts. Default <see cref="IcewsTimeUnit.Hours"/>.</summary>
    public IcewsTimeUnit Unit { get; init; } = IcewsTimeUnit.Hours;

    /// <summary>
    /// Gets the folder holding <c>CAMEO.eventcodes.txt</c> and <c>CAMEO.goldsteinscale.txt</c>, or
    /// <see langword="null"/> to look in the dataset folder, then in a <c>cameo</c> folder beside it.
    /// </summary>
    public string? CameoDirectory { get; init; }
}
