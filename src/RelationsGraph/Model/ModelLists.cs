using System.Collections;

namespace RelationsGraph.Model;

internal static class ModelLists
{
    /// <summary>
    /// A read-only copy of a list that must not be empty or hold a null item; the owner (such as <c>relation</c>
    /// and its id) is only put into words for an error.
    /// </summary>
    public static IReadOnlyList<T> NonEmpty<T>(IEnumerable<T> items, string paramName, string ownerKind, string ownerId)
        where T : class
    {
        var array = items.ToArray();
        if (Array.IndexOf(array, null) >= 0)
        {
            throw new ArgumentException($"The list for {ownerKind} '{ownerId}' holds a null item.", paramName);
        }

        return array.Length == 0
            ? throw new ArgumentException($"The {ownerKind} '{ownerId}' needs at least one piece of evidence.", paramName)
            : new ReadOnlyArray<T>(array);
    }

    /// <summary>Whether two lists hold equal items in the same order.</summary>
    public static bool SequenceEqual<T>(IReadOnlyList<T> first, IReadOnlyList<T> second)
        where T : IEquatable<T>
    {
        if (first.Count != second.Count)
        {
            return false;
        }

        for (var i = 0; i < first.Count; i++)
        {
            if (!first[i].Equals(second[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A read-only list over an array nobody else holds: no <see cref="IList{T}"/> to cast to and change.</summary>
    private sealed class ReadOnlyArray<T>(T[] items) : IReadOnlyList<T>
    {
        public int Count => items.Length;

        public T this[int index] => (uint)index < (uint)items.Length ? items[index] : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();
    }
}
