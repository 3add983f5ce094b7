using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace RelationsGraph.Graph;

/// <summary>
/// Static centered interval trees over closed integer intervals (day numbers), one per block of up to 2^22 ids (4M
/// intervals; fewer intervals are cut into a block per core, so that the blocks are built side by side). Finds every interval that overlaps a query range in O(b log n + k), ascending. Each tree is built
/// in linear passes: two radix sorts, then passes that find each interval's node by arithmetic and group both
/// orders by node, so a million intervals cost a few arrays and no per-node allocation.
/// Immutable after construction and safe to query from many threads.
/// </summary>
/// <remarks>
/// Blocks, because a query's ids must come out ascending: a block's hits are marked in a bitmap of its own ids
/// (512 KB, which a core's cache holds) and read back in order, straight into the block's run of the result,
/// whose place is known before anything is read (each tree gives its hits as ranges, their lengths summed). With
/// one tree over a hundred million ids, the hits of a slice (7.9 million) had to be counted and dealt into
/// buckets of ids first, two more passes over them, since setting random bits in a 12.5 MB bitmap waits on memory
/// for most of them. The blocks are also built one after another in the same few block-sized arrays, not in
/// arrays of every interval.
/// </remarks>
internal sealed class IntervalIndex
{
    /// <summary>Ids per block, as a power of two: 2^22 ids, a bitmap of 65,536 words that stays in a core's own cache.</summary>
    private const int BlockShift = 22;

    /// <summary>From this many intervals the blocks are small enough for each core to build one (at least 2^17 ids each).</summary>
    private const int BlockPerCoreFrom = 1 << 18;

    /// <summary>From this many ids in a query the blocks are shared by the cores.</summary>
    private const int SplitFrom = 1 << 18;

    /// <summary>A block with fewer hits than this has them sorted by comparing, sooner than its bitmap is read back.</summary>
    private const int SortBelow = 256;

    private readonly Block[] blocks;
    private readonly int blockShift;

    public IntervalIndex(int[] lo, int[] hi)
        : this(lo.Length, Copy(lo, hi))
    {
    }

    /// <summary>An index of blocks of a size of the tests' choosing (a few million intervals are too many for a test).</summary>
    internal IntervalIndex(int[] lo, int[] hi, int blockShift)
        : this(lo.Length, Copy(lo, hi), blockShift)
    {
    }

    /// <summary>
    /// An index of <paramref name="count"/> intervals whose ends <paramref name="ends"/> writes a block at a time,
    /// so they are never all in one array (at a hundred million relations, two arrays of 400 MB).
    /// </summary>
    internal IntervalIndex(int count, Ends ends, int? blockShift = null)
    {
        this.blockShift = blockShift ?? BlockShiftFor(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(this.blockShift, 6, nameof(blockShift));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(this.blockShift, 30, nameof(blockShift));
        Count = count;
        blocks = new Block[(int)(((long)Count + (1L << this.blockShift) - 1) >> this.blockShift)];
        var size = Math.Min(Count, 1 << this.blockShift);
        if (blocks.Length < 2 || Environment.ProcessorCount < 2)
        {
            var scratch = new Scratch(size);
            for (var b = 0; b < blocks.Length; b++)
            {
                Build(ends, b, scratch);
            }

            return;
        }

        // The blocks are independent: each core builds the next in its own scratch arrays (a core that finishes
        // other work, as the actor graph beside this on a load, joins in).
        Parallel.For(
            0,
            blocks.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new Scratch(size),
            (b, _, scratch) =>
            {
                Build(ends, b, scratch);
                return scratch;
            },
            _ => { });
    }

    /// <summary>Writes the low and the high ends of the intervals from id <paramref name="first"/> on, as many as the spans hold.</summary>
    internal delegate void Ends(int first, Span<int> lo, Span<int> hi);

    public int Count { get; }

    /// <summary>
    /// Blocks of 2^22 ids, or, for fewer than that per core, of the power of two that gives each core one: a million
    /// intervals are built as two blocks side by side (115 ms became about 65 ms on this machine's two cores).
    /// </summary>
    private static int BlockShiftFor(int count)
    {
        var cores = Environment.ProcessorCount;
        if (cores < 2 || count < BlockPerCoreFrom)
        {
            return BlockShift;
        }

        var perCore = (uint)((count + (long)cores - 1) / cores);
        return Math.Clamp(BitOperations.Log2(perCore - 1) + 1, 17, BlockShift);
    }

    private static Ends Copy(int[] lo, int[] hi) => lo.Length != hi.Length
        ? throw new ArgumentException("Both ends are needed for every interval.", nameof(hi))
        : (first, l, h) =>
        {
            lo.AsSpan(first, l.Length).CopyTo(l);
            hi.AsSpan(first, h.Length).CopyTo(h);
        };

    private void Build(Ends ends, int b, Scratch scratch)
    {
        var first = b << blockShift;
        var length = Math.Min(1 << blockShift, Count - first);
        var lo = scratch.Lo.AsSpan(0, length);
        var hi = scratch.Hi.AsSpan(0, length);
        ends(first, lo, hi);
        blocks[b] = new Block(lo, hi, first, scratch);
    }

    /// <summary>Returns the ids of every interval overlapping [from, to], ascending.</summary>
    public int[] Query(int from, int to)
    {
        using var hits = QueryPooled(from, to);
        return hits.Span.ToArray();
    }

    /// <summary>As <see cref="Query"/>, in a pooled array the caller disposes (a big slice's ids are then no garbage).</summary>
    public PooledOrdinals QueryPooled(int from, int to) => Pooled(Find(from, to));

    /// <summary>
    /// As <see cref="Query"/>, as a result list (<see cref="ChunkedList{T}"/>): when that is one array, the ids are
    /// put in order in it, written nowhere else.
    /// </summary>
    public IReadOnlyList<int> QueryList(int from, int to)
    {
        var hits = Find(from, to);
        var chunks = ChunkedList<int>.Chunks(hits.Count);
        if (chunks.Length == 1)
        {
            Fill(hits, chunks[0]);
            return chunks[0];
        }

        using var ordered = Pooled(hits);
        return ChunkedList<int>.Of(ordered.Span);
    }

    private PooledOrdinals Pooled(Hits hits)
    {
        var ordered = ArrayPool<int>.Shared.Rent(hits.Count);
        Fill(hits, ordered);
        return new PooledOrdinals(ordered, hits.Count);
    }

    /// <summary>Each block's hits as ranges of its orders, and where each block's run begins in the result.</summary>
    private Hits Find(int from, int to)
    {
        var pieces = new List<Piece>[blocks.Length];
        var runs = new int[blocks.Length + 1];
        for (var b = 0; b < blocks.Length; b++)
        {
            pieces[b] = blocks[b].Pieces(from, to);
            var count = 0;
            foreach (var piece in pieces[b])
            {
                count += piece.Length;
            }

            runs[b + 1] = runs[b] + count;
        }

        return new Hits(pieces, runs);
    }

    /// <summary>Writes the hits' ids (each once), ascending, into the start of <paramref name="result"/>: each block's into its own run.</summary>
    private void Fill(Hits hits, int[] result)
    {
        var words = (Math.Min(Count, 1 << blockShift) + 63) >> 6;
        if (hits.Count < SplitFrom || blocks.Length == 1 || Environment.ProcessorCount == 1)
        {
            var bitmap = ArrayPool<ulong>.Shared.Rent(Math.Max(words, 1));
            try
            {
                Array.Clear(bitmap, 0, words);
                for (var b = 0; b < blocks.Length; b++)
                {
                    FillBlock(hits, b, bitmap, result);
                }
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(bitmap);
            }

            return;
        }

        // Each core takes the next block, with a bitmap of its own; the runs do not overlap, so nothing is written by two.
        Parallel.For(
            0,
            blocks.Length,
            () =>
            {
                var bitmap = ArrayPool<ulong>.Shared.Rent(words);
                Array.Clear(bitmap, 0, words);
                return bitmap;
            },
            (b, _, bitmap) =>
            {
                FillBlock(hits, b, bitmap, result);
                return bitmap;
            },
            bitmap => ArrayPool<ulong>.Shared.Return(bitmap));
    }

    /// <summary>Puts block <paramref name="b"/>'s hits in order in its run of the result; leaves the (clear) bitmap clear.</summary>
    private void FillBlock(Hits hits, int b, ulong[] bitmap, int[] result)
    {
        var run = result.AsSpan(hits.Runs[b], hits.Runs[b + 1] - hits.Runs[b]);
        if (run.IsEmpty)
        {
            return;
        }

        var first = b << blockShift;
        if (run.Length < SortBelow)
        {
            var at = 0;
            foreach (var (ids, start, length) in hits.Pieces[b])
            {
                ids.AsSpan(start, length).CopyTo(run.Slice(at));
                at += length;
            }

            run.Sort();
            return;
        }

        foreach (var (ids, start, length) in hits.Pieces[b])
        {
            Mark(ids.AsSpan(start, length), first, bitmap);
        }

        ReadBack(bitmap, (blocks[b].Count + 63) >> 6, first, run);
    }

    // The passes below run a few times per query over millions of ids: compiled optimized at once, not first as
    // quick unoptimized code.

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

    /// <summary>The arrays a block's build works in, made once (per core) for the biggest block and reused by each.</summary>
    private sealed class Scratch(int size)
    {
        public int[] Lo { get; } = new int[size];

        public int[] Hi { get; } = new int[size];

        public int[] ByLowEnd { get; } = new int[size];

        public int[] ByHighEnd { get; } = new int[size];

        public int[] SortedLo { get; } = new int[size];

        public int[] SortedHi { get; } = new int[size];

        public int[] SpareKeys { get; } = new int[size];

        public int[] Spare { get; } = new int[size];

        public int[] NodeAtHighRank { get; } = new int[size];

        public int[] Starts { get; } = new int[size + 1];
    }

    /// <summary>One tree, over the intervals of ids [first, first + n).</summary>
    private sealed class Block
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

        // Runs a few times per load, each over millions of intervals: compiled optimized at once.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public Block(ReadOnlySpan<int> lo, ReadOnlySpan<int> hi, int first, Scratch scratch)
        {
            var n = lo.Length;

            // Both orders keep ties in id order, which keeps the whole build deterministic. Each radix sort leaves its
            // keys sorted too, so the low ends in low-end order and the high ends in high-end order are read from
            // them in sequence, not gathered through the ids.
            var byLowEnd = scratch.ByLowEnd.AsSpan(0, n);
            var byHighEnd = scratch.ByHighEnd.AsSpan(0, n);
            var sortedLo = scratch.SortedLo.AsSpan(0, n);
            var sortedHi = scratch.SortedHi.AsSpan(0, n);
            var spareKeys = MemoryMarshal.Cast<int, uint>(scratch.SpareKeys.AsSpan(0, n));
            var spare = scratch.Spare.AsSpan(0, n);
            var loKeys = MemoryMarshal.Cast<int, uint>(sortedLo);
            var hiKeys = MemoryMarshal.Cast<int, uint>(sortedHi);
            for (var i = 0; i < n; i++)
            {
                loKeys[i] = (uint)(lo[i] ^ int.MinValue);
                hiKeys[i] = ~(uint)(hi[i] ^ int.MinValue);
            }

            RadixOrder(loKeys, spareKeys, byLowEnd, spare);
            RadixOrder(hiKeys, spareKeys, byHighEnd, spare);
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

            var nodeAtPosition = scratch.SpareKeys.AsSpan(0, n);
            var nodeAtHighRank = scratch.NodeAtHighRank.AsSpan(0, n);
            var count = scratch.Starts.AsSpan(0, n + 1);
            count.Clear();
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

            // Both orders are distributed stably into place by node, each end carried along and each id made the
            // index's own: the low-end order forwards from where each node's range begins (which leaves count[m]
            // where node m's range ends), the high-end order backwards from where each ends.
            (byLo, loInLoOrder) = (new int[n], new int[n]);
            for (var j = 0; j < n; j++)
            {
                var at = count[nodeAtPosition[j]]++;
                byLo[at] = first + byLowEnd[j];
                loInLoOrder[at] = sortedLo[j];
            }

            (byHi, hiInHiOrder) = (new int[n], new int[n]);
            for (var k = n - 1; k >= 0; k--)
            {
                var at = --count[nodeAtHighRank[k]];
                byHi[at] = first + byHighEnd[k];
                hiInHiOrder[at] = sortedHi[k];
            }
        }

        public int Count => byLo.Length;

        /// <summary>
        /// The ranges of the two orders (<c>byLo</c> and <c>byHi</c>) that together hold every interval of this
        /// block overlapping [from, to], each once: O(log² n) to find them, mostly one range.
        /// </summary>
        /// <remarks>
        /// The nodes whose centers lie in [from, to] hold only overlapping intervals, and lie side by side in both
        /// orders: one range, found by two binary searches over the run centers. The other overlapping intervals lie
        /// in the nodes on the two search paths (a center before the range: those ending in or after it, a prefix
        /// of the node's high-end order; after it: those starting by its end, a prefix of the low-end order), found
        /// by a binary search in each node. Every other node's intervals end before the range or start after it.
        /// </remarks>
        public List<Piece> Pieces(int from, int to)
        {
            var pieces = new List<Piece>();
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
                node = Partial(node, from, to, pieces);
            }

            if (node >= 0)
            {
                for (var left = nodes[node].Left; left >= 0;)
                {
                    left = nodes[left].Center >= from ? nodes[left].Left : Partial(left, from, to, pieces);
                }

                for (var right = nodes[node].Right; right >= 0;)
                {
                    right = nodes[right].Center <= to ? nodes[right].Right : Partial(right, from, to, pieces);
                }
            }

            // (Either order would do here: a whole node's range holds the same intervals in both.)
            Add(pieces, byLo, inside.Start, inside.End);
            return pieces;
        }

        private static bool Inside(int center, int from, int to) => center >= from && center <= to;

        private static void Add(List<Piece> pieces, int[] ids, int start, int end)
        {
            if (end > start)
            {
                pieces.Add(new Piece(ids, start, end - start));
            }
        }

        /// <summary>Adds the overlapping prefix of a node whose center lies outside [from, to]; returns the child to go on with.</summary>
        private int Partial(int index, int from, int to, List<Piece> pieces)
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

                Add(pieces, byHi, start, low);
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

                Add(pieces, byLo, start, low);
                return node.Left;
            }
        }

        /// <summary>
        /// Makes the nodes of the subtree of node x (1-based, at level h) that hold an interval or lead to one, in
        /// preorder; its positions are x - 2^h + 1 to x + 2^h - 1, those up to n existing. <paramref name="start"/>
        /// gives where each node's intervals begin (0-based), so a subtree's are [start[first - 1], start[last]).
        /// Returns the subtree's root, or -1 when it holds nothing. Lists the nodes holding intervals in order (their
        /// centers and where their ranges begin), as they lie in the layout.
        /// </summary>
        private int Link(int x, int h, int n, ReadOnlySpan<int> start, ReadOnlySpan<int> sortedLo, List<int> centers, List<int> starts)
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
    }

    private readonly record struct Node(int Center, int MidStart, int MidCount, int Left, int Right);

    /// <summary>A range of one of a block's orders: ids, not in id order.</summary>
    private readonly record struct Piece(int[] Items, int Start, int Length);

    /// <summary>A query's hits: each block's pieces, and where each block's run begins in the result (and the total at the end).</summary>
    private sealed record Hits(List<Piece>[] Pieces, int[] Runs)
    {
        public int Count => Runs[^1];
    }
}
