namespace RelationsGraph.Graph;

/// <summary>
/// A static centered interval tree over closed integer intervals (day numbers). Finds every interval
/// that overlaps a query range in O(log n + k). Built once in O(n log n) from two presorted orders,
/// partitioned in place, so a million intervals cost a few arrays and no per-node allocation.
/// Immutable after construction and safe to query from many threads.
/// </summary>
internal sealed class IntervalIndex
{
    private readonly int[] lo;
    private readonly int[] hi;

    // Per node: the center, the range [midStart, midStart + midCount) of its intervals in byLo/byHi,
    // and the child nodes (-1 for none).
    private readonly List<Node> nodes = [];

    // Interval ids sorted by low end ascending (byLo) and by high end descending (byHi) within each node.
    private readonly int[] byLo;
    private readonly int[] byHi;

    // The low ends in byLo's order and the high ends in byHi's, so a query's scans read memory in sequence
    // instead of jumping through a million-entry array for every interval it meets.
    private readonly int[] loInLoOrder;
    private readonly int[] hiInHiOrder;
    private readonly int root;

    public IntervalIndex(int[] lo, int[] hi)
    {
        if (lo.Length != hi.Length)
        {
            throw new ArgumentException("Both ends are needed for every interval.", nameof(hi));
        }

        this.lo = lo;
        this.hi = hi;
        var n = lo.Length;
        byLo = new int[n];
        byHi = new int[n];

        // Presorts with ties in id order, which keeps the whole build deterministic. Each sorts one 64-bit
        // key per interval, the end in the high half (sign bit flipped so ints order as unsigned) and the
        // id in the low half: a primitive sort, several times faster than a comparison delegate.
        var keys = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = ((ulong)(uint)(lo[i] ^ int.MinValue) << 32) | (uint)i;
        }

        Array.Sort(keys);
        for (var i = 0; i < n; i++)
        {
            byLo[i] = (int)(uint)keys[i];
            keys[i] = ((ulong)~(uint)(hi[i] ^ int.MinValue) << 32) | (uint)i;
        }

        Array.Sort(keys);
        for (var i = 0; i < n; i++)
        {
            byHi[i] = (int)(uint)keys[i];
        }
        var scratch = new int[n];
        root = Build(0, n, scratch);
        loInLoOrder = new int[n];
        hiInHiOrder = new int[n];
        for (var i = 0; i < n; i++)
        {
            loInLoOrder[i] = lo[byLo[i]];
            hiInHiOrder[i] = hi[byHi[i]];
        }
    }

    public int Count => lo.Length;

    /// <summary>Sets the bit of every interval overlapping [from, to] in <paramref name="bits"/> (cleared by the caller); returns how many.</summary>
    private int Mark(int from, int to, ulong[] bits)
    {
        if (root < 0 || from > to)
        {
            return 0;
        }

        var count = 0;

        Span<int> stack = stackalloc int[128];
        var top = 0;
        stack[top++] = root;
        while (top > 0)
        {
            var node = nodes[stack[--top]];
            var end = node.MidStart + node.MidCount;
            if (to < node.Center)
            {
                // Only intervals starting by `to` can reach the window; they all reach past it on the right.
                for (var i = node.MidStart; i < end && loInLoOrder[i] <= to; i++)
                {
                    bits[byLo[i] >> 6] |= 1UL << (byLo[i] & 63);
                    count++;
                }

                if (node.Left >= 0)
                {
                    stack[top++] = node.Left;
                }
            }
            else if (from > node.Center)
            {
                for (var i = node.MidStart; i < end && hiInHiOrder[i] >= from; i++)
                {
                    bits[byHi[i] >> 6] |= 1UL << (byHi[i] & 63);
                    count++;
                }

                if (node.Right >= 0)
                {
                    stack[top++] = node.Right;
                }
            }
            else
            {
                for (var i = node.MidStart; i < end; i++)
                {
                    bits[byLo[i] >> 6] |= 1UL << (byLo[i] & 63);
                    count++;
                }

                if (node.Left >= 0)
                {
                    stack[top++] = node.Left;
                }

                if (node.Right >= 0)
                {
                    stack[top++] = node.Right;
                }
            }
        }

        return count;
    }

    /// <summary>Returns the ids of every interval overlapping [from, to], ascending.</summary>
    public int[] Query(int from, int to)
    {
        using var hits = QueryPooled(from, to);
        return hits.Span.ToArray();
    }

    /// <summary>As <see cref="Query"/>, in a pooled array the caller disposes (a big slice's ids are then no garbage).</summary>
    /// <remarks>
    /// The tree meets intervals in no useful order, so it sets their bits in a pooled bitmap, which is read
    /// back in id order: O(log n + k + n / 64), with no sort and no growing list (a million intervals cost a
    /// 16,000-word scan, microseconds, whatever the result).
    /// </remarks>
    public PooledOrdinals QueryPooled(int from, int to)
    {
        var words = (lo.Length + 63) >> 6;
        var bits = System.Buffers.ArrayPool<ulong>.Shared.Rent(Math.Max(words, 1));
        try
        {
            Array.Clear(bits, 0, words);
            var count = Mark(from, to, bits);
            var ordered = System.Buffers.ArrayPool<int>.Shared.Rent(count);
            var w = 0;
            for (var word = 0; word < words; word++)
            {
                for (var b = bits[word]; b != 0; b &= b - 1)
                {
                    ordered[w++] = (word << 6) | System.Numerics.BitOperations.TrailingZeroCount(b);
                }
            }

            return new PooledOrdinals(ordered, count);
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(bits);
        }
    }

    private int Build(int start, int end, int[] scratch)
    {
        if (start >= end)
        {
            return -1;
        }

        // The median low end lies inside its own interval, so every node holds at least one interval and
        // each side gets at most half of the rest: depth stays under log2(n) + 1.
        var center = lo[byLo[start + ((end - start) / 2)]];
        var leftCount = Partition(byLo, start, end, center, scratch);
        Partition(byHi, start, end, center, scratch);
        var midCount = 0;
        for (var i = start + leftCount; i < end && lo[byLo[i]] <= center; i++)
        {
            midCount++;
        }

        var index = nodes.Count;
        nodes.Add(default);
        var left = Build(start, start + leftCount, scratch);
        var right = Build(start + leftCount + midCount, end, scratch);
        nodes[index] = new Node(center, start + leftCount, midCount, left, right);
        return index;
    }

    /// <summary>Stable partition of [start, end) into: ends before center | contains center | starts after center.</summary>
    private int Partition(int[] order, int start, int end, int center, int[] scratch)
    {
        var w = start;
        for (var i = start; i < end; i++)
        {
            if (hi[order[i]] < center)
            {
                scratch[w++] = order[i];
            }
        }

        var leftCount = w - start;
        for (var i = start; i < end; i++)
        {
            var id = order[i];
            if (hi[id] >= center && lo[id] <= center)
            {
                scratch[w++] = id;
            }
        }

        for (var i = start; i < end; i++)
        {
            if (lo[order[i]] > center)
            {
                scratch[w++] = order[i];
            }
        }

        Array.Copy(scratch, start, order, start, end - start);
        return leftCount;
    }

    private readonly record struct Node(int Center, int MidStart, int MidCount, int Left, int Right);
}
