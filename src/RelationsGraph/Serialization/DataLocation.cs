namespace RelationsGraph.Serialization;

/// <summary>Where a piece of data came from: file, line, column and JSON path.</summary>
/// <remarks>
/// The path is kept as a parent path and a property name, joined only when read: a load records a location
/// for every item and field, and needs the text only for the few that turn out wrong.
/// </remarks>
internal readonly record struct DataLocation(string? File, int Line, int Column, string? ParentPath, string? Property)
{
    public DataLocation(string? file, int line, int column, string? jsonPath)
        : this(file, line, column, jsonPath, null)
    {
    }

    public static DataLocation None => default;

    /// <summary>Gets the JSON path, such as <c>$.relations[3].source</c>, or null.</summary>
    public string? JsonPath => ParentPath is null ? null : Property is null ? ParentPath : $"{ParentPath}.{Property}";

    public DataLocation Child(string property) =>
        Property is null ? this with { Property = property } : this with { ParentPath = JsonPath, Property = property };

    public GraphDataException Error(string problem, Exception? inner = null) =>
        new(Model.Identifier.Capitalize(problem), File, Line, Column, JsonPath, inner);
}
