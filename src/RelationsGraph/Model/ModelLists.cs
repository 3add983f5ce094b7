namespace RelationsGraph.Model;

internal static class ModelLists
{
    public static IReadOnlyList<T> NonEmpty<T>(IEnumerable<T> items, string paramName, string owner)
        where T : class
    {
        var list = new List<T>();
        foreach (var item in items)
        {
            list.Add(item ?? throw new ArgumentException($"The list for {owner} holds a null item.", paramName));
        }

        return list.Count == 0
            ? throw new ArgumentException($"The {owner} needs at least one piece of evidence.", paramName)
            : list.AsReadOnly();
    }
}
