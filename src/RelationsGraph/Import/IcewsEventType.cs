using RelationsGraph.Model;

namespace RelationsGraph.Import;

/// <summary>One event type of a dataset (a line of <c>relation2id.txt</c>) and what it was mapped to.</summary>
/// <remarks>Immutable; made by the import.</remarks>
public sealed record IcewsEventType
{
    internal IcewsEventType(int id, string description, string? code, CameoMatch how, RelationKind? kind, double? goldstein, int events)
    {
        Id = id;
        Description = description;
        Code = code;
        How = how;
        Kind = kind;
        Goldstein = goldstein;
        Events = events;
    }

    /// <summary>Gets the dataset's number for the type.</summary>
    public int Id { get; }

    /// <summary>Gets the dataset's description, such as <c>Impose embargo, boycott, or sanctions</c>.</summary>
    public string Description { get; }

    /// <summary>Gets the CAMEO code, such as <c>163</c>, or <see langword="null"/> when unmapped.</summary>
    public string? Code { get; }

    /// <summary>Gets how the description was matched to the code.</summary>
    public CameoMatch How { get; }

    /// <summary>Gets the relation kind, or <see langword="null"/> when unmapped.</summary>
    public RelationKind? Kind { get; }

    /// <summary>Gets the code's Goldstein weight (−10 to +10), or <see langword="null"/>.</summary>
    public double? Goldstein { get; }

    /// <summary>Gets how many events of this type were read.</summary>
    public int Events { get; }

    /// <summary>
    /// Gets a value telling whether the Goldstein weight leans the other way from the kind's polarity
    /// (a cooperative kind with a negative weight, or a conflictual kind with a positive one).
    /// </summary>
    public bool GoldsteinDisagrees => Kind is not null && Goldstein is { } g && CameoKinds.Disagrees(Kind, g);

    /// <summary>The same type with its count of events read.</summary>
    internal IcewsEventType WithEvents(int events) => new(Id, Description, Code, How, Kind, Goldstein, events);
}
