namespace RelationsGraph.Model;

/// <summary>What the closed vocabularies share: how their names read in a message.</summary>
internal static class Vocabulary
{
    /// <summary>Joins names as a phrase: <c>a, b or c</c>.</summary>
    public static string Phrase(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count < 2 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} or {list[^1]}";
    }
}
