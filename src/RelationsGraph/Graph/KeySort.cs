using System.Numerics;
using System.Runtime.CompilerServices;

namespace RelationsGraph.Graph;

/// <summary>
/// Sorts by 64-bit keys: a least-significant-digit radix sort of 11-bit digits for many keys (a pass is skipped when
/// every key shares its digit, so keys using few of their bits take few passes), a comparison sort for few. Linear
/// and deterministic whatever the keys, which is what lets a load group a million relations by actor pair or sort
/// their ids without a cost that depends on how many actors or what ids there are. Queries sort relations by time
/// through such keys (a day, a precision and an id rank packed into one): at 26,000 keys the radix passes took
/// 0.27 ms against the comparison sort's 1.4 ms.
/// </summary>
internal static class KeySort
{
    private const int Bits = 11;
    private const int Mask = (1 << Bits) - 1;

    /// <summary>Below this many keys the comparison sort is as quick.</summary>
    internal const int RadixFrom = 2048;

    /// <summary>Sorts the keys ascending.</summary>
    public static void Sort(Span<ulong> keys)
    {
        if (keys.Length < RadixFrom)
        {
            keys.Sort();
            return;
        }

        var spare = System.Buffers.ArrayPool<ulong>.Shared.Rent(keys.Length);
        try
        {
            Span<int> start = stackalloc int[1 << Bits];
            Span<ulong> from = keys, to = spare.AsSpan(0, keys.Length);
            for (var shift = 0; shift < 64; shift += Bits)
            {
                if (!Count<ulong>(from, shift, start))
                {
                    continue;
                }

                foreach (var key in from)
                {
                    to[start[(int)(key >> shift) & Mask]++] = key;
                }

                var swap = from;
                from = to;
                to = swap;
            }

            // An odd number of passes leaves the keys in the spare array.
            if (from != keys)
            {
                from.CopyTo(keys);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(spare);
        }
    }

    /// <summary>
    /// Reorders <paramref name="order"/> stably by the keys given in step with it (key i belongs to order[i]), so
    /// ties keep the order they came in; the keys end sorted too.
    /// </summary>
    public static void Order(Span<ulong> keys, Span<int> order)
    {
        if (keys.Length != order.Length)
        {
            throw new ArgumentException("Every item needs a key.", nameof(order));
        }

        if (keys.Length < 2)
        {
            return;
        }

        var spareKeys = System.Buffers.ArrayPool<ulong>.Shared.Rent(keys.Length);
        var spareOrder = System.Buffers.ArrayPool<int>.Shared.Rent(keys.Length);
        try
        {
            Order(keys, spareKeys.AsSpan(0, keys.Length), order, spareOrder.AsSpan(0, keys.Length));
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(spareKeys);
            System.Buffers.ArrayPool<int>.Shared.Return(spareOrder);
        }
    }

    /// <summary>
    /// As <see cref="Order(Span{ulong}, Span{int})"/>, for keys of any unsigned width, with the spare arrays the
    /// caller gives (as long as the keys): 32-bit keys take half the memory traffic of 64-bit ones, and a caller
    /// sorting a hundred million keys reuses its own arrays. Each pass writes into the other pair of arrays, so
    /// nothing is copied back but after an odd number of passes.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Order<TKey>(Span<TKey> keys, Span<TKey> spareKeys, Span<int> order, Span<int> spareOrder)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        if (keys.Length != order.Length || spareKeys.Length < keys.Length || spareOrder.Length < keys.Length)
        {
            throw new ArgumentException("Every item needs a key, and the spare arrays as much room.", nameof(order));
        }

        if (keys.Length < 2)
        {
            return;
        }

        Span<int> start = stackalloc int[1 << Bits];
        Span<TKey> fromKeys = keys, toKeys = spareKeys[..keys.Length];
        Span<int> fromOrder = order, toOrder = spareOrder[..keys.Length];
        for (var shift = 0; shift < Unsafe.SizeOf<TKey>() * 8; shift += Bits)
        {
            if (!Count<TKey>(fromKeys, shift, start))
            {
                continue;
            }

            for (var i = 0; i < fromKeys.Length; i++)
            {
                var at = start[Digit(fromKeys[i], shift)]++;
                toKeys[at] = fromKeys[i];
                toOrder[at] = fromOrder[i];
            }

            var keySwap = fromKeys;
            fromKeys = toKeys;
            toKeys = keySwap;
            var orderSwap = fromOrder;
            fromOrder = toOrder;
            toOrder = orderSwap;
        }

        if (fromKeys != keys)
        {
            fromKeys.CopyTo(keys);
            fromOrder.CopyTo(order);
        }
    }

    /// <summary>From this many keys, <see cref="OrderOnEveryCore"/> counts and moves them on every core.</summary>
    internal const int ParallelFrom = 1 << 18;

    /// <summary>
    /// As <see cref="Order{TKey}(Span{TKey}, Span{TKey}, Span{int}, Span{int})"/>, on every core for many keys: each
    /// pass, each core counts the digits of its own range of keys, and then moves that range to the places the counts
    /// give it (after the earlier ranges' keys of the same digit, so ties keep their order). In a first load of a million
    /// relations (compact layout), with the loops around compiled optimized at once, the id check went from 64 to 43 ms
    /// and the row sort from 45 to 33 ms.
    /// </summary>
    public static void OrderOnEveryCore<TKey>(Memory<TKey> keys, Memory<TKey> spareKeys, Memory<int> order, Memory<int> spareOrder)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey> =>
        OrderInRanges(keys, spareKeys, order, spareOrder, keys.Length >= ParallelFrom ? Math.Min(Environment.ProcessorCount, 64) : 1);

    /// <summary>As <see cref="OrderOnEveryCore"/>, with the keys in this many ranges (each counted and moved as one piece of work).</summary>
    internal static void OrderInRanges<TKey>(Memory<TKey> keys, Memory<TKey> spareKeys, Memory<int> order, Memory<int> spareOrder, int ranges)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        var n = keys.Length;
        if (ranges <= 1 || n < 2 * ranges || order.Length != n || spareKeys.Length < n || spareOrder.Length < n)
        {
            Order(keys.Span, spareKeys.Span, order.Span, spareOrder.Span);
            return;
        }

        var starts = new int[ranges][];
        for (var r = 0; r < ranges; r++)
        {
            starts[r] = new int[1 << Bits];
        }

        Memory<TKey> fromKeys = keys, toKeys = spareKeys[..n];
        Memory<int> fromOrder = order, toOrder = spareOrder[..n];
        for (var shift = 0; shift < Unsafe.SizeOf<TKey>() * 8; shift += Bits)
        {
            var (readKeys, digitShift) = (fromKeys, shift);
            Parallel.For(0, ranges, r =>
            {
                var count = starts[r];
                Array.Clear(count);
                foreach (var key in readKeys.Span[Range(n, ranges, r)])
                {
                    count[Digit(key, digitShift)]++;
                }
            });

            // Every key shares this digit: no pass. Otherwise each range's keys of a digit go after the earlier ranges'.
            var sum = 0;
            var shared = false;
            for (var digit = 0; digit < 1 << Bits && !shared; digit++)
            {
                var total = 0;
                for (var r = 0; r < ranges; r++)
                {
                    (starts[r][digit], sum, total) = (sum, sum + starts[r][digit], total + starts[r][digit]);
                }

                shared = total == n;
            }

            if (shared)
            {
                continue;
            }

            var (writeKeys, readOrder, writeOrder) = (toKeys, fromOrder, toOrder);
            Parallel.For(0, ranges, r =>
            {
                var start = starts[r];
                var range = Range(n, ranges, r);
                var from = readKeys.Span[range];
                var fromItems = readOrder.Span[range];
                var to = writeKeys.Span;
                var toItems = writeOrder.Span;
                for (var i = 0; i < from.Length; i++)
                {
                    var at = start[Digit(from[i], digitShift)]++;
                    to[at] = from[i];
                    toItems[at] = fromItems[i];
                }
            });

            (fromKeys, toKeys, fromOrder, toOrder) = (toKeys, fromKeys, toOrder, fromOrder);
        }

        if (!fromKeys.Equals(keys))
        {
            fromKeys.CopyTo(keys);
            fromOrder.CopyTo(order);
        }
    }

    private static Range Range(int n, int ranges, int r) => new((int)((long)n * r / ranges), (int)((long)n * (r + 1) / ranges));

    /// <summary>Counts the keys per digit and turns the counts into starts; false when every key shares the digit (no pass needed).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool Count<TKey>(ReadOnlySpan<TKey> keys, int shift, Span<int> start)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        start.Clear();
        foreach (var key in keys)
        {
            start[Digit(key, shift)]++;
        }

        if (start[Digit(keys[0], shift)] == keys.Length)
        {
            return false;
        }

        for (int digit = 0, sum = 0; digit < start.Length; digit++)
        {
            (start[digit], sum) = (sum, sum + start[digit]);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digit<TKey>(TKey key, int shift)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey> => int.CreateTruncating(key >> shift) & Mask;
}
