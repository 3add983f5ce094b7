using System.Collections;

namespace RelationsGraph.Model;

internal static class ModelLists
{
    /// <summary>
    /// Checks evidence and holds it compactly: a single item (as almost every relation has) as itself, two or
    /// more as an exact-size array. A million relations then hold a million fewer arrays and list wrappers. The
    /// owner (such as <c>relation</c> and its id) is only put into words for an error.
    /// </summary>
    public static object NonEmpty<T>(IEnumerable<T> items, string paramName, string ownerKind, string ownerId)
        where T : class
    {
        // An array of one (as the reader passes) is not copied: only its item is kept.
        var array = items is T[] { Length: 1 } given ? given : items.ToArray();
        foreach (var item in array)
        {
            if (item is null)
            {
                throw new ArgumentException($"The list for {ownerKind} '{ownerId}' holds a null item.", paramName);
            }
        }

        return array.Length switch
        {
            0 => throw new ArgumentException($"The {ownerKind} '{ownerId}' needs at least one piece of evidence.", paramName),
            1 => array[0],
            _ => array,
        };
    }

    /// <summary>The read-only list of what <see cref="NonEmpty"/> holds (allocated on each call, small).</summary>
    public static IReadOnlyList<T> List<T>(object held)
        where T : class => held is T[] many ? Array.AsReadOnly(many) : new One<T>((T)held);

    /// <summary>The items <see cref="NonEmpty"/> holds, compared in order.</summary>
    public static bool SequenceEqual<T>(object first, object second)
        where T : class, IEquatable<T> => (first, second) switch
        {
            (T[] a, T[] b) => a.AsSpan().SequenceEqual(b),
            (T[], _) or (_, T[]) => false,
            _ => ((T)first).Equals((T)second),
        };

    /// <summary>A read-only list of one item.</summary>
    private sealed class One<T>(T item) : IReadOnlyList<T>
    {
        public int Count => 1;

        public T this[int index] => index == 0 ? item : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<T> GetEnumerator()
        {
            yield return item;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
