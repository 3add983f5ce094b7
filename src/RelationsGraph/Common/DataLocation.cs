namespace RelationsGraph.Common;

/// <summary>Where a piece of data came from: file, line, column and JSON path.</summary>
/// <remarks>
/// The path is kept as a parent path and a property name, joined only when read: a load records a location
/// for every item and field, and needs the text only for the few that turn out wrong.
/// </remarks>
/// <remarks>
/// An item of an array may also be kept as the array's path and the item's number (<see cref="Item"/>, one
/// more than its index; 0 for none), so <c>$.relations[41]</c> costs no string until it is read.
/// </remarks>
internal readonly record struct DataLocation(string? File, int Line, int Column, string? ParentPath, string? Property, int Item = 0)
{
    public DataLocation(string? file, int line, int column, string? jsonPath)
        : this(file, line, column, jsonPath, null)
    {
    }

    public static DataLocation None => default;

    /// <summary>Gets the JSON path, such as <c>$.relations[3].source</c>, or null.</summary>
    public string? JsonPath
    {
        get
        {
            if (ParentPath is null)
            {
                return null;
            }

            var item = Item > 0 ? $"{ParentPath}[{Item - 1}]" : ParentPath;
            return Property is null ? item : $"{item}.{Property}";
        }
    }

    /// <summary>The location of an item of the array at this location's path (which must be an array's).</summary>
    public static DataLocation ItemOf(string? file, int line, int column, string arrayPath, int index) =>
        new(file, line, column, arrayPath, null, index + 1);

    public DataLocation Child(string property) =>
        Property is null ? this with { Property = property } : this with { ParentPath = JsonPath, Property = property, Item = 0 };

    public GraphDataException Error(string problem, Exception? inner = null) =>
        new(Model.Identifier.Capitalize(problem), File, Line, Column, JsonPath, inner);
}
