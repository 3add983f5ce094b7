using System.Buffers;

namespace RelationsGraph.Graph;

/// <summary>
/// A list of values in arrays rented from the shared pool, grown by renting a larger one; returned to the pool on
/// <see cref="Dispose"/>. For a query's scratch lists of up to millions of values: a new array of that size each time
/// is memory the process has not touched yet, and on a virtual machine that gives freed memory back to its host,
/// touching it first costs more than the query's own work (100M relations: a third of a warm triangle's time).
/// </summary>
internal sealed class PooledBuffer<T> : IDisposable
    where T : unmanaged
{
    private T[] items;

    public PooledBuffer(int capacity = 256) => items = ArrayPool<T>.Shared.Rent(Math.Max(capacity, 16));

    public int Count { get; private set; }

    public Span<T> Span => items.AsSpan(0, Count);

    public void Add(T item)
    {
        if (Count == items.Length)
        {
            Grow(Count + 1);
        }

        items[Count++] = item;
    }

    public void AddRange(ReadOnlySpan<T> values)
    {
        if (Count + values.Length > items.Length)
        {
            Grow(Count + values.Length);
        }

        values.CopyTo(items.AsSpan(Count));
        Count += values.Length;
    }

    public void Dispose()
    {
        ArrayPool<T>.Shared.Return(items);
        items = [];
        Count = 0;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(needed, items.Length * 2));
        Span.CopyTo(larger);
        ArrayPool<T>.Shared.Return(items);
        items = larger;
    }
}
