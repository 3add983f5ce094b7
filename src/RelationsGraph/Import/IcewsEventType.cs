using RelationsGraph.Model;

namespace RelationsGraph.Import;

/// <summary>One event type of a dataset (a line of <c>relation2id.txt</c>) and what it was mapped to.</summary>
/// <param name="Id">The dataset's number for the type.</param>
/// <param name="Description">The dataset's description, such as <c>Impose embargo, boycott, or sanctions</c>.</param>
/// <param name="Code">The CAMEO code, such as <c>163</c>, or <see langword="null"/> when unmapped.</param>
/// <param name="How">How the description was matched to the code.</param>
/// <param name="Kind">The relation kind, or <see langword="null"/> when unmapped.</param>
/// <param name="Goldstein">The code's Goldstein weight (−10 to +10), or <see langword="null"/>.</param>
/// <param name="Events">How many events of this type were read.</param>
public sealed record IcewsEventType(int Id, string Description, string? Code, CameoMatch How, RelationKind? Kind, double? Goldstein, int Events)
{
    /// <summary>
    /// Gets a value telling whether the Goldstein weight leans the other way from the kind's polarity
    /// (a cooperative kind with a negative weight, or a conflictual kind with a positive one).
    /// </summary>
    public bool GoldsteinDisagrees => Kind is not null && Goldstein is { } g && CameoKinds.Disagrees(Kind, g);
}
