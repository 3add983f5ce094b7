namespace RelationsGraph.Model;

internal static class ModelLists
{
    /// <summary>
    /// Copies evidence into an exact-size read-only list. The owner (such as <c>relation</c> and its id) is
    /// only put into words for an error, so a million relations format no message.
    /// </summary>
    public static IReadOnlyList<T> NonEmpty<T>(IEnumerable<T> items, string paramName, string ownerKind, string ownerId)
        where T : class
    {
        var array = items.ToArray();
        foreach (var item in array)
        {
            if (item is null)
            {
                throw new ArgumentException($"The list for {ownerKind} '{ownerId}' holds a null item.", paramName);
            }
        }

        return array.Length == 0
            ? throw new ArgumentException($"The {ownerKind} '{ownerId}' needs at least one piece of evidence.", paramName)
            : Array.AsReadOnly(array);
    }
}
