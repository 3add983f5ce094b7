namespace RelationsGraph.Serialization;

/// <summary>Where a piece of data came from: file, line, column and JSON path.</summary>
internal readonly record struct DataLocation(string? File, int Line, int Column, string? JsonPath)
{
    public static DataLocation None => default;

    public DataLocation Child(string property) =>
        this with { JsonPath = JsonPath is null ? null : $"{JsonPath}.{property}" };

    public GraphDataException Error(string problem, Exception? inner = null) =>
        new(Model.Identifier.Capitalize(problem), File, Line, Column, JsonPath, inner);
}
