namespace RelationsGraph.Graph;

/// <summary>Ordinals in an array rented from the shared pool, returned to it on <see cref="Dispose"/>.</summary>
internal readonly struct PooledOrdinals(int[] array, int count) : IDisposable
{
    public ReadOnlySpan<int> Span => array.AsSpan(0, count);

    public int Count => count;

    public void Dispose() => System.Buffers.ArrayPool<int>.Shared.Return(array);
}
