using System.Collections;

namespace RelationsGraph.Graph;

/// <summary>
/// A read-only list held in chunks of 8,192 items, for query results of any size. One array of more than about
/// 10,600 references lands on the large object heap, which is collected only with the oldest generation: a
/// service answering slices of 80,000 relations then grows by hundreds of megabytes of dead results before it
/// is cleaned. Chunks of 64 KB stay in the young generation and die there cheaply. A result filled in order
/// (<see cref="Chunks"/>) of half a million items or more is one array: its chunks would outlive the young
/// generation while it is filled, and the collector would copy them all, once or twice, to older ones.
/// </summary>
/// <remarks>Immutable once built; safe to read from many threads.</remarks>
internal sealed class ChunkedList<T> : IList<T>, IReadOnlyList<T>
{
    private const int Shift = 13;
    private const int ChunkSize = 1 << Shift;
    private const int WholeFrom = 1 << 19;
    private readonly T[][] chunks;

    private ChunkedList(T[][] chunks, int count)
    {
        this.chunks = chunks;
        Count = count;
    }

    public int Count { get; }

    public bool IsReadOnly => true;

    public T this[int index]
    {
        get => (uint)index < (uint)Count ? chunks[index >> Shift][index & (ChunkSize - 1)] : throw new ArgumentOutOfRangeException(nameof(index));
        set => throw ReadOnly();
    }

    /// <summary>The items at <paramref name="ordinals"/> in <paramref name="items"/>: an array when small, chunks when not.</summary>
    public static IReadOnlyList<T> Pick(T[] items, ReadOnlySpan<int> ordinals)
    {
        if (ordinals.Length <= ChunkSize)
        {
            // Stores through a span: an array store in shared generic code checks the element's type every
            // time (array covariance), which was most of the cost of listing a large slice.
            var result = new T[ordinals.Length];
            Fill(result, items, ordinals);
            return result;
        }

        var chunks = new T[(ordinals.Length + ChunkSize - 1) >> Shift][];
        for (var c = 0; c < chunks.Length; c++)
        {
            var part = ordinals.Slice(c << Shift, Math.Min(ChunkSize, ordinals.Length - (c << Shift)));
            chunks[c] = new T[part.Length];
            Fill(chunks[c], items, part);
        }

        return new ChunkedList<T>(chunks, ordinals.Length);
    }

    /// <summary>A copy of the items: an array when small, chunks when not.</summary>
    public static IReadOnlyList<T> Of(ReadOnlySpan<T> items)
    {
        if (items.Length <= ChunkSize)
        {
            return items.ToArray();
        }

        var chunks = new T[(items.Length + ChunkSize - 1) >> Shift][];
        for (var c = 0; c < chunks.Length; c++)
        {
            chunks[c] = items.Slice(c << Shift, Math.Min(ChunkSize, items.Length - (c << Shift))).ToArray();
        }

        return new ChunkedList<T>(chunks, items.Length);
    }

    /// <summary>Empty chunks for <paramref name="count"/> items, to be filled in order and made a list by <see cref="FromChunks"/>.</summary>
    public static T[][] Chunks(int count)
    {
        if (count >= WholeFrom)
        {
            return [GC.AllocateUninitializedArray<T>(count)];
        }

        var chunks = new T[Math.Max(1, (count + ChunkSize - 1) >> Shift)][];
        for (var c = 0; c < chunks.Length; c++)
        {
            chunks[c] = new T[Math.Min(ChunkSize, count - (c << Shift))];
        }

        return chunks;
    }

    /// <summary>The list of chunks made by <see cref="Chunks"/> and filled: the one array when it is one chunk.</summary>
    public static IReadOnlyList<T> FromChunks(T[][] chunks) =>
        chunks.Length == 1 ? chunks[0] : new ChunkedList<T>(chunks, ((chunks.Length - 1) << Shift) + chunks[^1].Length);

    /// <summary>A list of <paramref name="count"/> items made by <paramref name="next"/>, called for each in order.</summary>
    public static IReadOnlyList<T> Create(int count, Func<T> next)
    {
        var chunks = Chunks(count);
        foreach (var chunk in chunks)
        {
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i] = next();
            }
        }

        return FromChunks(chunks);
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(array, arrayIndex);
            arrayIndex += chunk.Length;
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var chunk in chunks)
        {
            foreach (var item in chunk)
            {
                yield return item;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(T item)
    {
        for (var c = 0; c < chunks.Length; c++)
        {
            var at = Array.IndexOf(chunks[c], item);
            if (at >= 0)
            {
                return (c << Shift) + at;
            }
        }

        return -1;
    }

    public bool Contains(T item) => IndexOf(item) >= 0;

    public void Add(T item) => throw ReadOnly();

    public void Clear() => throw ReadOnly();

    public void Insert(int index, T item) => throw ReadOnly();

    public bool Remove(T item) => throw ReadOnly();

    public void RemoveAt(int index) => throw ReadOnly();

    private static void Fill(T[] target, T[] items, ReadOnlySpan<int> ordinals)
    {
        var span = target.AsSpan();
        for (var i = 0; i < ordinals.Length; i++)
        {
            span[i] = items[ordinals[i]];
        }
    }

    private static NotSupportedException ReadOnly() => new("A query result is read-only.");
}
