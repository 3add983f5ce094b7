using System.Runtime.InteropServices;

namespace RelationsGraph.Graph;

/// <summary>
/// A static centered interval tree over closed integer intervals (day numbers). Finds every interval
/// that overlaps a query range in O(log n + k). Built in linear passes: two radix sorts, then passes that find
/// each interval's node by arithmetic and group both orders by node, so a million intervals cost a few arrays
/// and no per-node allocation.
/// Immutable after construction and safe to query from many threads.
/// </summary>
internal sealed class IntervalIndex
{
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

    // The nodes holding intervals, in the order their ranges lie in byLo and byHi (their centers ascending):
    // each one's center and where its range begins. The nodes whose centers lie in a query range are a run of
    // these, so the intervals they hold (all of which overlap it) are one contiguous range of both orders.
    private readonly int[] runCenter;
    private readonly int[] runStart;

    public IntervalIndex(int[] lo, int[] hi)
    {
        if (lo.Length != hi.Length)
        {
            throw new ArgumentException("Both ends are needed for every interval.", nameof(hi));
        }

        var n = lo.Length;

        // Both orders keep ties in id order, which keeps the whole build deterministic.
        byLo = new int[n];
        byHi = new int[n];
        var keys = new uint[n];
        var spareKeys = new uint[n];
        var spare = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = (uint)(lo[i] ^ int.MinValue);
        }

        RadixOrder(keys, spareKeys, byLo, spare);
        for (var i = 0; i < n; i++)
        {
            keys[i] = ~(uint)(hi[i] ^ int.MinValue);
        }

        RadixOrder(keys, spareKeys, byHi, spare);

        // The tree is implicit in the sorted low ends K (K[j] = lo[byLo[j]]): the node over positions [l, r)
        // has its center at K[m], m = l + (r - l) / 2, and its children over [l, m) and [m + 1, r). With p an
        // interval's own position in K and q the last position whose value is at most its high end, it goes
        // right while m < p (then K[m] <= its low end), left while m > q (then K[m] > its high end), and
        // otherwise belongs to node m, whose center it contains (lo <= K[p] <= K[m] <= K[q] <= hi). Everything
        // right of a center starts at or after it and everything left of it ends before it, which is all a
        // query relies on. So every interval finds its node by arithmetic alone, and one stable counting sort
        // by node groups both orders, in sequential passes instead of a partition of all intervals at every level.
        var grouped = spare.AsSpan();
        var sortedLo = MemoryMarshal.Cast<uint, int>(keys.AsSpan());
        var nodeOf = MemoryMarshal.Cast<uint, int>(spareKeys.AsSpan());
        for (var j = 0; j < n; j++)
        {
            sortedLo[j] = lo[byLo[j]];
            nodeOf[byLo[j]] = j;
        }

        var count = new int[n + 1];
        var q = -1;
        for (var k = n - 1; k >= 0; k--)
        {
            // byHi read backwards gives the high ends ascending, so the last position at most each one only moves on.
            var id = byHi[k];
            while (q + 1 < n && sortedLo[q + 1] <= hi[id])
            {
                q++;
            }

            var node = NodeOf(nodeOf[id], q, n);
            nodeOf[id] = node;
            count[node + 1]++;
        }

        for (var m = 0; m < n; m++)
        {
            count[m + 1] += count[m];
        }

        // count[m] is now where node m's intervals begin; both orders are distributed stably into place.
        var next = count.AsSpan(0, n).ToArray();
        Distribute(byLo, nodeOf, next, grouped);
        count.AsSpan(0, n).CopyTo(next);
        Distribute(byHi, nodeOf, next, grouped);
        var centers = new List<int>();
        var starts = new List<int>();
        root = Link(0, n, count, sortedLo, centers, starts);
        starts.Add(n);
        (runCenter, runStart) = (centers.ToArray(), starts.ToArray());
        loInLoOrder = new int[n];
        hiInHiOrder = new int[n];
        for (var i = 0; i < n; i++)
        {
            loInLoOrder[i] = lo[byLo[i]];
            hiInHiOrder[i] = hi[byHi[i]];
        }
    }

    public int Count => byLo.Length;

    /// <summary>Sets the bit of every interval overlapping [from, to] in <paramref name="bits"/> (cleared by the caller); returns how many.</summary>
    private int Mark(int from, int to, ulong[] bits)
    {
        var count = 0;
        foreach (var (ids, start, length) in Pieces(from, to, byLo, byHi))
        {
            foreach (var id in ids.AsSpan(start, length))
            {
                bits[id >> 6] |= 1UL << (id & 63);
            }

            count += length;
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
    /// The tree gives intervals in no useful order (the ranges of <see cref="Overlapping{T}"/>, read as ids), so
    /// it sets their bits in a pooled bitmap, which is read back in id order: O(log² n + k + n / 64), with no
    /// sort and no growing list (a million intervals cost a 16,000-word scan, microseconds, whatever the result).
    /// </remarks>
    public PooledOrdinals QueryPooled(int from, int to)
    {
        var words = (byLo.Length + 63) >> 6;
        var bits = System.Buffers.ArrayPool<ulong>.Shared.Rent(Math.Max(words, 1));
        try
        {
            Array.Clear(bits, 0, words);
            var count = Mark(from, to, bits);
            var ordered = System.Buffers.ArrayPool<int>.Shared.Rent(count);
            ReadBack(bits.AsSpan(0, words), ordered);
            return new PooledOrdinals(ordered, count);
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(bits);
        }
    }

    /// <summary>
    /// As <see cref="Query"/>, as a result list (<see cref="ChunkedList{T}"/>): the bitmap is read back straight into
    /// the list's chunks, so the ids are written once.
    /// </summary>
    public IReadOnlyList<int> QueryList(int from, int to)
    {
        var words = (byLo.Length + 63) >> 6;
        var bits = System.Buffers.ArrayPool<ulong>.Shared.Rent(Math.Max(words, 1));
        try
        {
            Array.Clear(bits, 0, words);
            var chunks = ChunkedList<int>.Chunks(Mark(from, to, bits));
            var (c, at) = (0, 0);
            var chunk = chunks[0];
            for (var word = 0; word < words; word++)
            {
                for (var b = bits[word]; b != 0; b &= b - 1)
                {
                    if (at == chunk.Length)
                    {
                        (chunk, at) = (chunks[++c], 0);
                    }

                    chunk[at++] = (word << 6) | System.Numerics.BitOperations.TrailingZeroCount(b);
                }
            }

            return ChunkedList<int>.FromChunks(chunks);
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(bits);
        }
    }

    /// <summary>Writes the numbers of the set bits, ascending.</summary>
    private static void ReadBack(ReadOnlySpan<ulong> bits, Span<int> into)
    {
        var w = 0;
        for (var word = 0; word < bits.Length; word++)
        {
            for (var b = bits[word]; b != 0; b &= b - 1)
            {
                into[w++] = (word << 6) | System.Numerics.BitOperations.TrailingZeroCount(b);
            }
        }
    }

    /// <summary>
    /// Lays out items (one per interval, by id) as the index holds the intervals: in the low-end order and in
    /// the high-end order, for <see cref="Overlapping{T}"/>.
    /// </summary>
    public (T[] InLowOrder, T[] InHighOrder) Layout<T>(T[] items)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(items.Length, byLo.Length, nameof(items));
        var low = new T[items.Length];
        var high = new T[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            low[i] = items[byLo[i]];
            high[i] = items[byHi[i]];
        }

        return (low, high);
    }

    /// <summary>
    /// The items of every interval overlapping [from, to], in the index's own order (deterministic, but neither
    /// by id nor by time), given as <see cref="Layout{T}"/> laid them out: O(log² n) to find them, then copies
    /// of contiguous ranges, mostly one. So a slice costs about what copying its result costs.
    /// </summary>
    /// <remarks>
    /// The nodes whose centers lie in [from, to] hold only overlapping intervals, and lie side by side in the
    /// layout: one range, found by two binary searches over the run centers. The other overlapping intervals lie
    /// in the nodes on the two search paths (a center before the range: those ending in or after it, a prefix
    /// of the node's high-end order; after it: those starting by its end, a prefix of the low-end order), found
    /// by a binary search in each node. Every other node's intervals end before the range or start after it.
    /// </remarks>
    public IReadOnlyList<T> Overlapping<T>(int from, int to, T[] inLowOrder, T[] inHighOrder) =>
        ChunkedList<T>.Concat(Pieces(from, to, inLowOrder, inHighOrder));

    /// <summary>
    /// The ranges of two layouts (<see cref="Layout{T}"/>'s, or the ids themselves, <c>byLo</c> and <c>byHi</c>)
    /// that together hold every interval overlapping [from, to], each once.
    /// </summary>
    private List<(T[] Items, int Start, int Length)> Pieces<T>(int from, int to, T[] inLowOrder, T[] inHighOrder)
    {
        var pieces = new List<(T[] Items, int Start, int Length)>();
        if (root < 0 || from > to)
        {
            return pieces;
        }

        int first = LowerBound(runCenter, from), last = LowerBound(runCenter, to + 1L);
        var inside = (Start: runStart[first], End: runStart[last]);

        // Down from the root to the first node inside the range (or to the end), then along both sides of it.
        var node = root;
        while (node >= 0 && !Inside(nodes[node].Center, from, to))
        {
            node = Partial(node, from, to, inLowOrder, inHighOrder, pieces);
        }

        if (node >= 0)
        {
            for (var left = nodes[node].Left; left >= 0;)
            {
                left = nodes[left].Center >= from ? nodes[left].Left : Partial(left, from, to, inLowOrder, inHighOrder, pieces);
            }

            for (var right = nodes[node].Right; right >= 0;)
            {
                right = nodes[right].Center <= to ? nodes[right].Right : Partial(right, from, to, inLowOrder, inHighOrder, pieces);
            }
        }

        // (Either layout would do here: a whole node's range holds the same intervals in both orders.)
        pieces.Add((inLowOrder, inside.Start, inside.End - inside.Start));
        return pieces;
    }

    private static bool Inside(int center, int from, int to) => center >= from && center <= to;

    /// <summary>Adds the overlapping prefix of a node whose center lies outside [from, to]; returns the child to go on with.</summary>
    private int Partial<T>(int index, int from, int to, T[] inLowOrder, T[] inHighOrder, List<(T[] Items, int Start, int Length)> pieces)
    {
        var node = nodes[index];
        int start = node.MidStart, end = node.MidStart + node.MidCount;
        if (node.Center < from)
        {
            // High ends descend within the node: those at or after `from` come first.
            int low = start, high = end;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (hiInHiOrder[mid] >= from)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            pieces.Add((inHighOrder, start, low - start));
            return node.Right;
        }

        {
            // Low ends ascend within the node: those at or before `to` come first.
            int low = start, high = end;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (loInLoOrder[mid] <= to)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            pieces.Add((inLowOrder, start, low - start));
            return node.Left;
        }
    }

    /// <summary>The first index whose value is at least <paramref name="value"/> in an ascending array (its length when none is).</summary>
    private static int LowerBound(int[] sorted, long value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>
    /// Fills <paramref name="order"/> with 0..n-1 sorted by <paramref name="keys"/> (unsigned), ties in index order:
    /// a least-significant-digit radix sort, three stable passes of 11 bits (a pass whose digit every key shares
    /// is skipped), each key carried along with its index so no pass reads the keys out of order. A million
    /// keys sort in a few linear passes instead of an O(n log n) comparison sort. Leaves the keys sorted too.
    /// </summary>
    private static void RadixOrder(uint[] keys, uint[] spareKeys, int[] order, int[] spare)
    {
        const int Bits = 11;
        const int Mask = (1 << Bits) - 1;
        var n = keys.Length;
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Span<int> start = stackalloc int[1 << Bits];
        for (var shift = 0; shift < 32; shift += Bits)
        {
            start.Clear();
            foreach (var key in keys)
            {
                start[(int)(key >> shift) & Mask]++;
            }

            if (n == 0 || start[(int)(keys[0] >> shift) & Mask] == n)
            {
                continue;
            }

            for (int digit = 0, sum = 0; digit < start.Length; digit++)
            {
                (start[digit], sum) = (sum, sum + start[digit]);
            }

            for (var i = 0; i < n; i++)
            {
                var at = start[(int)(keys[i] >> shift) & Mask]++;
                spareKeys[at] = keys[i];
                spare[at] = order[i];
            }

            spareKeys.CopyTo(keys, 0);
            spare.CopyTo(order, 0);
        }
    }

    /// <summary>The node an interval belongs to: the first mid position on the way down within [first, last].</summary>
    private static int NodeOf(int first, int last, int n)
    {
        int l = 0, r = n;
        while (l < r)
        {
            var m = l + ((r - l) / 2);
            if (m < first)
            {
                l = m + 1;
            }
            else if (m > last)
            {
                r = m;
            }
            else
            {
                return m;
            }
        }

        // [first, last] is never empty (an interval's own low end is at most its high end), so this is not reached.
        throw new InvalidOperationException("The interval index's orders are inconsistent.");
    }

    /// <summary>Reorders <paramref name="order"/> by node, keeping its order within each node.</summary>
    private static void Distribute(int[] order, ReadOnlySpan<int> nodeOf, int[] next, Span<int> scratch)
    {
        foreach (var id in order)
        {
            scratch[next[nodeOf[id]]++] = id;
        }

        scratch.CopyTo(order);
    }

    /// <summary>
    /// Makes the nodes of positions [l, r) that hold an interval or lead to one, in preorder; <paramref name="start"/>
    /// gives where each node's intervals begin (so [start[l], start[r]) are the whole subtree's). Returns the
    /// subtree's root, or -1 when it holds nothing. Lists the nodes holding intervals in order (their centers
    /// and where their ranges begin), as they lie in the layout.
    /// </summary>
    private int Link(int l, int r, int[] start, ReadOnlySpan<int> sortedLo, List<int> centers, List<int> starts)
    {
        if (l >= r || start[l] == start[r])
        {
            return -1;
        }

        var m = l + ((r - l) / 2);
        var index = nodes.Count;
        nodes.Add(default);
        var left = Link(l, m, start, sortedLo, centers, starts);
        if (start[m + 1] > start[m])
        {
            centers.Add(sortedLo[m]);
            starts.Add(start[m]);
        }

        var right = Link(m + 1, r, start, sortedLo, centers, starts);
        nodes[index] = new Node(sortedLo[m], start[m], start[m + 1] - start[m], left, right);
        return index;
    }

    private readonly record struct Node(int Center, int MidStart, int MidCount, int Left, int Right);
}
