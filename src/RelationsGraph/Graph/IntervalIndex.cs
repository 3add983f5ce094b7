using System.Numerics;
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

    // How a query puts its ids in order (see Fill): one bitmap up to this many ids, else buckets of 2^bucketShift ids.
    private readonly int oneBitmapUpTo;
    private readonly int bucketShift;

    public IntervalIndex(int[] lo, int[] hi)
        : this(lo, hi, OneBitmapUpTo, BucketShift)
    {
    }

    /// <summary>An index whose queries use buckets from a size of the tests' choosing (a few million ids are too many for a test).</summary>
    internal IntervalIndex(int[] lo, int[] hi, int oneBitmapUpTo, int bucketShift)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketShift, 6);
        (this.oneBitmapUpTo, this.bucketShift) = (oneBitmapUpTo, bucketShift);
        if (lo.Length != hi.Length)
        {
            throw new ArgumentException("Both ends are needed for every interval.", nameof(hi));
        }

        var n = lo.Length;

        // Both orders keep ties in id order, which keeps the whole build deterministic. Each radix sort leaves its
        // keys sorted too, so the low ends in low-end order and the high ends in high-end order are read from
        // them in sequence, not gathered through the ids.
        var byLowEnd = new int[n];
        var byHighEnd = new int[n];
        var sortedLo = new int[n];
        var sortedHi = new int[n];
        var spareKeys = new int[n];
        var spare = new int[n];
        var loKeys = MemoryMarshal.Cast<int, uint>(sortedLo.AsSpan());
        var hiKeys = MemoryMarshal.Cast<int, uint>(sortedHi.AsSpan());
        for (var i = 0; i < n; i++)
        {
            loKeys[i] = (uint)(lo[i] ^ int.MinValue);
            hiKeys[i] = ~(uint)(hi[i] ^ int.MinValue);
        }

        RadixOrder(loKeys, MemoryMarshal.Cast<int, uint>(spareKeys.AsSpan()), byLowEnd, spare);
        RadixOrder(hiKeys, MemoryMarshal.Cast<int, uint>(spareKeys.AsSpan()), byHighEnd, spare);
        for (var j = 0; j < n; j++)
        {
            sortedLo[j] = (int)(loKeys[j] ^ 0x8000_0000u);
            sortedHi[j] = (int)(~hiKeys[j] ^ 0x8000_0000u);
        }

        // The tree is implicit in the sorted low ends K (K[j] = lo[byLowEnd[j]]), over the positions 1..n: node x is
        // at level h, the number of trailing zeros of x, its children are x ± 2^(h-1), its center is K[x - 1]. With
        // p an interval's own position in K and q the last position whose value is at most its high end, it belongs
        // to the node of the highest level in [p + 1, q + 1], the first on the way down, whose center it contains
        // (lo = K[p] <= K[x - 1] <= K[q] <= hi); that node is found by arithmetic. Everything right of a center
        // starts at or after it and everything left of it ends before it, which is all a query relies on. One
        // stable counting sort by node then groups both orders.
        var position = spare;
        for (var j = 0; j < n; j++)
        {
            position[byLowEnd[j]] = j;
        }

        var nodeAtPosition = spareKeys;
        var nodeAtHighRank = new int[n];
        var count = new int[n + 1];
        var q = -1;
        for (var k = n - 1; k >= 0; k--)
        {
            // Read backwards, the high-end order gives the high ends ascending, so q only moves on.
            var high = sortedHi[k];
            while (q + 1 < n && sortedLo[q + 1] <= high)
            {
                q++;
            }

            var p = position[byHighEnd[k]];
            var node = NodeOf(p + 1, q + 1) - 1;
            nodeAtPosition[p] = node;
            nodeAtHighRank[k] = node;
            count[node + 1]++;
        }

        for (var m = 0; m < n; m++)
        {
            count[m + 1] += count[m];
        }

        // count[m] is now where node m's intervals begin (nodes by center, which is by position).
        var centers = new List<int>();
        var starts = new List<int>();
        root = n == 0 ? -1 : Link(1 << (BitOperations.Log2((uint)n)), BitOperations.Log2((uint)n), n, count, sortedLo, centers, starts);
        starts.Add(n);
        (runCenter, runStart) = (centers.ToArray(), starts.ToArray());

        // Both orders are distributed stably into place by node, each end carried along: the low-end order forwards
        // from where each node's range begins (which leaves count[m] where node m's range ends), the high-end order
        // backwards from where each ends. So no copy of the n starts is needed.
        byLo = spare;
        loInLoOrder = new int[n];
        for (var j = 0; j < n; j++)
        {
            var at = count[nodeAtPosition[j]]++;
            byLo[at] = byLowEnd[j];
            loInLoOrder[at] = sortedLo[j];
        }

        byHi = byLowEnd;
        hiInHiOrder = sortedLo;
        for (var k = n - 1; k >= 0; k--)
        {
            var at = --count[nodeAtHighRank[k]];
            byHi[at] = byHighEnd[k];
            hiInHiOrder[at] = sortedHi[k];
        }
    }

    public int Count => byLo.Length;

    /// <summary>Returns the ids of every interval overlapping [from, to], ascending.</summary>
    public int[] Query(int from, int to)
    {
        using var hits = QueryPooled(from, to);
        return hits.Span.ToArray();
    }

    /// <summary>As <see cref="Query"/>, in a pooled array the caller disposes (a big slice's ids are then no garbage).</summary>
    public PooledOrdinals QueryPooled(int from, int to) => Pooled(Pieces(from, to, byLo, byHi));

    /// <summary>
    /// As <see cref="Query"/>, as a result list (<see cref="ChunkedList{T}"/>): when that is one array, the ids are
    /// put in order in it, written nowhere else.
    /// </summary>
    public IReadOnlyList<int> QueryList(int from, int to)
    {
        var pieces = Pieces(from, to, byLo, byHi);
        var count = Total(pieces);
        var chunks = ChunkedList<int>.Chunks(count);
        if (chunks.Length == 1)
        {
            Fill(pieces, count, chunks[0]);
            return chunks[0];
        }

        using var ordered = Pooled(pieces);
        return ChunkedList<int>.Of(ordered.Span);
    }

    private PooledOrdinals Pooled(List<(int[] Items, int Start, int Length)> pieces)
    {
        var count = Total(pieces);
        var ordered = System.Buffers.ArrayPool<int>.Shared.Rent(count);
        Fill(pieces, count, ordered);
        return new PooledOrdinals(ordered, count);
    }

    private static int Total(List<(int[] Items, int Start, int Length)> pieces)
    {
        var count = 0;
        foreach (var piece in pieces)
        {
            count += piece.Length;
        }

        return count;
    }

    /// <summary>
    /// Writes the ids of the pieces (each id once, <paramref name="count"/> in all), ascending, into the start of
    /// <paramref name="result"/>.
    /// </summary>
    /// <remarks>
    /// The tree gives intervals in no useful order (the ranges of <see cref="Overlapping{T}"/>, read as ids), so
    /// their bits are set in a bitmap over the ids, read back in order: O(k + n / 64). Up to
    /// <see cref="OneBitmapUpTo"/> ids that is one bitmap, which the caches hold. Past it, setting millions of
    /// random bits in a bitmap of many megabytes (12.5 MB at a hundred million) waits on memory for each, so the ids
    /// are first dealt by their high bits into buckets of 2^22 ids, laid side by side in the result (a count, then a
    /// pass writing each where its bucket's run goes: each id comes once, so a run is exactly as long as its
    /// bucket's ids), and each bucket is then marked in a bitmap of 512 KB and read back over its own run. From
    /// <see cref="SplitFrom"/> ids on, the cores share those passes: the count and the dealing by equal parts of
    /// the pieces, each core with its own counts and its own places in every run; the buckets by runs of about
    /// equal size, each core with its own bitmap. Nothing is written by two cores.
    /// </remarks>
    private void Fill(List<(int[] Items, int Start, int Length)> pieces, int count, int[] result)
    {
        var n = byLo.Length;
        if (n <= oneBitmapUpTo)
        {
            var words = (n + 63) >> 6;
            var bitmap = System.Buffers.ArrayPool<ulong>.Shared.Rent(Math.Max(words, 1));
            try
            {
                Array.Clear(bitmap, 0, words);
                foreach (var (ids, start, length) in pieces)
                {
                    Mark(ids.AsSpan(start, length), 0, bitmap);
                }

                ReadBack(bitmap, words, 0, result);
            }
            finally
            {
                System.Buffers.ArrayPool<ulong>.Shared.Return(bitmap);
            }

            return;
        }

        var (shift, wordsPerBucket) = (bucketShift, 1 << (bucketShift - 6));
        var buckets = ((n - 1) >> shift) + 1;
        var workers = count >= SplitFrom ? Math.Max(1, Environment.ProcessorCount) : 1;
        var parts = Split(pieces, count, workers);
        var places = new int[workers][];
        For(workers, w => places[w] = CountByBucket(parts[w], shift, buckets));

        // Where each bucket's run begins, and within it each worker's place (its counts become those places).
        var runs = new int[buckets + 1];
        for (int b = 0, at = 0; b < buckets; b++)
        {
            runs[b] = at;
            foreach (var place in places)
            {
                (place[b], at) = (at, at + place[b]);
            }

            runs[b + 1] = at;
        }

        For(workers, w => Deal(parts[w], shift, places[w], result));
        For(workers, w =>
        {
            // This worker's buckets: those whose runs begin in its share of the result.
            var first = LowerBound(runs.AsSpan(0, buckets), (long)count * w / workers);
            var last = LowerBound(runs.AsSpan(0, buckets), (long)count * (w + 1) / workers);
            var bitmap = System.Buffers.ArrayPool<ulong>.Shared.Rent(wordsPerBucket);
            try
            {
                Array.Clear(bitmap, 0, wordsPerBucket);
                for (var b = first; b < last; b++)
                {
                    var run = result.AsSpan(runs[b], runs[b + 1] - runs[b]);
                    if (run.Length < SortBelow)
                    {
                        // A few ids are sorted sooner than a bucket's bitmap is read (a short window in a big graph).
                        run.Sort();
                        continue;
                    }

                    Mark(run, b << shift, bitmap);
                    ReadBack(bitmap, Math.Min(wordsPerBucket, (n - (b << shift) + 63) >> 6), b << shift, run);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<ulong>.Shared.Return(bitmap);
            }
        });
    }

    /// <summary>
    /// Up to this many ids (a bitmap of 2 MB) a query's ids are put in order in one bitmap; measured with the 2017
    /// slice at ten million ids (one bitmap quicker) and at a hundred million (buckets quicker, see docs/performance.md).
    /// </summary>
    private const int OneBitmapUpTo = 1 << 24;

    /// <summary>From this many ids in a query the passes over them are shared by the cores.</summary>
    private const int SplitFrom = 1 << 18;

    /// <summary>Ids per bucket, as a power of two: 2^22 ids, a bitmap of 65,536 words that stays in a core's own cache.</summary>
    private const int BucketShift = 22;

    /// <summary>A bucket with fewer ids than this is sorted by comparing them.</summary>
    private const int SortBelow = 256;

    /// <summary>Runs <paramref name="work"/> for 0..workers-1, on as many cores (in this thread for one).</summary>
    private static void For(int workers, Action<int> work)
    {
        if (workers == 1)
        {
            work(0);
            return;
        }

        Parallel.For(0, workers, work);
    }

    // The passes below run a few times per query over millions of ids: compiled optimized at once, not first as
    // quick unoptimized code.

    /// <summary>How many ids of the pieces fall in each bucket.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int[] CountByBucket(List<(int[] Items, int Start, int Length)> pieces, int shift, int buckets)
    {
        var counts = new int[buckets];
        foreach (var (ids, start, length) in pieces)
        {
            foreach (var id in ids.AsSpan(start, length))
            {
                counts[id >> shift]++;
            }
        }

        return counts;
    }

    /// <summary>Writes each id of the pieces at its bucket's next place in <paramref name="result"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Deal(List<(int[] Items, int Start, int Length)> pieces, int shift, int[] next, int[] result)
    {
        foreach (var (ids, start, length) in pieces)
        {
            foreach (var id in ids.AsSpan(start, length))
            {
                result[next[id >> shift]++] = id;
            }
        }
    }

    /// <summary>Sets the bit of each id, counted from <paramref name="first"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Mark(ReadOnlySpan<int> ids, int first, ulong[] bitmap)
    {
        foreach (var id in ids)
        {
            var bit = id - first;
            bitmap[bit >> 6] |= 1UL << (bit & 63);
        }
    }

    /// <summary>
    /// Writes the ids whose bits are set among the first <paramref name="words"/>, ascending, into
    /// <paramref name="into"/>, clearing them. <paramref name="into"/> may be overwritten past the ids it receives.
    /// </summary>
    /// <remarks>
    /// A word holds a few ids (five on average in the 2017 slice of a hundred million), a number the processor
    /// cannot foresee: looping once per id mispredicts about once a word. So, while there is room, each word
    /// writes four ids, or eight, whether it has them or not (the surplus is overwritten by the next word's), and
    /// moves on by its count; one word in fifty has more. About a fifth off reading a bucket back at 100M.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ReadBack(ulong[] bitmap, int words, int first, Span<int> into)
    {
        var (at, word) = (0, 0);
        for (; word < words && at + 8 <= into.Length; word++)
        {
            var bits = bitmap[word];
            if (bits == 0)
            {
                continue;
            }

            bitmap[word] = 0;
            var (count, id) = (BitOperations.PopCount(bits), first + (word << 6));
            var next = into.Slice(at);
            next[0] = id + BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
            next[1] = id + BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
            next[2] = id + BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
            next[3] = id + BitOperations.TrailingZeroCount(bits);
            if (count > 4)
            {
                bits &= bits - 1;
                next[4] = id + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                next[5] = id + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                next[6] = id + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                next[7] = id + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                for (var i = 8; bits != 0; i++, bits &= bits - 1)
                {
                    next[i] = id + BitOperations.TrailingZeroCount(bits);
                }
            }

            at += count;
        }

        for (; word < words; word++)
        {
            var bits = bitmap[word];
            if (bits == 0)
            {
                continue;
            }

            bitmap[word] = 0;
            for (; bits != 0; bits &= bits - 1)
            {
                into[at++] = first + ((word << 6) | BitOperations.TrailingZeroCount(bits));
            }
        }
    }

    /// <summary>The pieces cut into <paramref name="parts"/> runs of about equal length, one after another.</summary>
    private static List<(int[] Items, int Start, int Length)>[] Split(List<(int[] Items, int Start, int Length)> pieces, int count, int parts)
    {
        var split = new List<(int[] Items, int Start, int Length)>[parts];
        var (p, offset) = (0, 0);
        for (var part = 0; part < parts; part++)
        {
            split[part] = [];
            var left = (int)((long)count * (part + 1) / parts - (long)count * part / parts);
            while (left > 0)
            {
                var (items, start, length) = pieces[p];
                var take = Math.Min(left, length - offset);
                split[part].Add((items, start + offset, take));
                (left, offset) = (left - take, offset + take);
                if (offset == length)
                {
                    (p, offset) = (p + 1, 0);
                }
            }
        }

        return split;
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
    private static int LowerBound(ReadOnlySpan<int> sorted, long value)
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
    /// Fills <paramref name="order"/> with 0..n-1 sorted by <paramref name="keys"/>, ties in index order, with
    /// <see cref="KeySort"/>'s radix passes over 32-bit keys in the spare arrays given. Leaves the keys sorted too.
    /// </summary>
    private static void RadixOrder(Span<uint> keys, Span<uint> spareKeys, Span<int> order, Span<int> spare)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        KeySort.Order(keys, spareKeys, order, spare);
    }

    /// <summary>
    /// The node of the highest level (most trailing zeros) among the positions [first, last], 1-based: the one
    /// number of [first, last] that is a multiple of the highest power of two any of them is.
    /// </summary>
    private static int NodeOf(int first, int last)
    {
        if (first == last)
        {
            return first;
        }

        // first and last agree above bit h and differ at it (last has it); so does every number between. The
        // multiple of 2^(h+1) in that range, if first is it, else the multiple of 2^h, is the node.
        var h = BitOperations.Log2((uint)(first ^ last));
        return (first & ((2 << h) - 1)) == 0 ? first : (last >> h) << h;
    }

    /// <summary>
    /// Makes the nodes of the subtree of node x (1-based, at level h) that hold an interval or lead to one, in
    /// preorder; its positions are x - 2^h + 1 to x + 2^h - 1, those up to n existing. <paramref name="start"/>
    /// gives where each node's intervals begin (0-based), so a subtree's are [start[first - 1], start[last]).
    /// Returns the subtree's root, or -1 when it holds nothing. Lists the nodes holding intervals in order (their
    /// centers and where their ranges begin), as they lie in the layout.
    /// </summary>
    private int Link(int x, int h, int n, int[] start, ReadOnlySpan<int> sortedLo, List<int> centers, List<int> starts)
    {
        // A node past the end has only its left subtree.
        while (x > n)
        {
            if (h == 0)
            {
                return -1;
            }

            h--;
            x -= 1 << h;
        }

        if (start[x - (1 << h)] == start[Math.Min(n, x + (1 << h) - 1)])
        {
            return -1;
        }

        var m = x - 1;
        var index = nodes.Count;
        nodes.Add(default);
        var left = h > 0 ? Link(x - (1 << (h - 1)), h - 1, n, start, sortedLo, centers, starts) : -1;
        if (start[m + 1] > start[m])
        {
            centers.Add(sortedLo[m]);
            starts.Add(start[m]);
        }

        var right = h > 0 ? Link(x + (1 << (h - 1)), h - 1, n, start, sortedLo, centers, starts) : -1;
        nodes[index] = new Node(sortedLo[m], start[m], start[m + 1] - start[m], left, right);
        return index;
    }

    private readonly record struct Node(int Center, int MidStart, int MidCount, int Left, int Right);
}
