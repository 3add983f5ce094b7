using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace RelationsGraph.Graph;

/// <summary>
/// Puts the ids of rows in ordinal order and finds repeated ones, without a string per id: the ids' UTF-8 bytes
/// (valid ids are ASCII, so byte order is ordinal order) are radix-sorted eight bytes at a time, runs sharing eight
/// bytes are sorted on by the next eight, and a repeated id is two neighbours with the same bytes. Ties keep the
/// order the ids came in, so the first of a repeated id is the earliest in the file.
/// </summary>
internal static class IdOrder
{
    /// <summary>Below this many ids a run is sorted by comparing bytes.</summary>
    private const int CompareBelow = 32;

    /// <summary>From this many ids, the keys are read and the chunks checked on every core.</summary>
    private const int ParallelFrom = 1 << 17;

    /// <summary>
    /// Sorts the ids of the chunks (kept rows and left-out ones). Returns the kept rows in id order, each as its
    /// number among the kept rows of all chunks one after another, and the repeat met earliest in the file, if any.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static (int[] KeptInIdOrder, Repeat? Repeat) Sort(IReadOnlyList<RelationRows.Sealed> chunks)
    {
        // Every id as one row of one column: each chunk's kept ids, then its left-out ones.
        var columns = new List<Utf8Column>();
        var keptBase = new int[chunks.Count + 1];
        var entryBase = new int[chunks.Count + 1];
        for (var c = 0; c < chunks.Count; c++)
        {
            columns.Add(chunks[c].Ids);
            columns.Add(chunks[c].DroppedIds);
            keptBase[c + 1] = keptBase[c] + chunks[c].Ids.Count;
            entryBase[c + 1] = entryBase[c] + chunks[c].Ids.Count + chunks[c].DroppedIds.Count;
        }

        var ids = Utf8Column.Concat(columns);
        var total = ids.Count;
        if (Ascending(chunks, entryBase, ids))
        {
            // Saved files list ids in order: then nothing repeats, and the order is the file's (checked in one pass).
            return (Enumerable.Range(0, keptBase[^1]).ToArray(), null);
        }

        // Sorted first as they lie, each chunk's kept ids and then its left-out ones: with no id repeated, the order is
        // the same whichever way ties would go. Only a repeat needs the order the ids came in (the first of the two is
        // the earlier in the file), so then they are sorted again from that order.
        var order = new int[total];
        var keys = new ulong[total];
        for (var g = 0; g < total; g++)
        {
            order[g] = g;
        }

        if (total < CompareBelow)
        {
            SortRun(ids, order, keys, 0, total, 0);
        }
        else
        {
            FirstKeys(ids, keys);
            SortKeyed(ids, order, keys, 0, total, 0);
        }

        if (!Repeats(ids, order, keys))
        {
            return (KeptInOrder(chunks, entryBase, keptBase, order), null);
        }

        // First in the order they came: chunk by chunk, by item number within each.
        for (var c = 0; c < chunks.Count; c++)
        {
            var kept = chunks[c].Kept.Sequences;
            var dropped = chunks[c].Dropped.Sequences;
            for (var i = 0; i < kept.Length; i++)
            {
                var g = entryBase[c] + i;
                (order[g], keys[g]) = (g, ((ulong)(uint)c << 32) | (uint)kept[i]);
            }

            for (var i = 0; i < dropped.Length; i++)
            {
                var g = entryBase[c] + kept.Length + i;
                (order[g], keys[g]) = (g, ((ulong)(uint)c << 32) | (uint)dropped[i]);
            }
        }

        KeySort.Order(keys, order);
        var arrival = new int[total];
        for (var i = 0; i < total; i++)
        {
            arrival[order[i]] = i;
        }

        SortRun(ids, order, keys, 0, total, 0);

        // Neighbours with the same bytes repeat an id; the one whose second occurrence came first is reported.
        Repeat? repeat = null;
        for (var i = 0; i < total; i++)
        {
            var g = order[i];
            if (i > 0 && ids[order[i - 1]].SequenceEqual(ids[g]) && (i < 2 || !ids[order[i - 2]].SequenceEqual(ids[g])))
            {
                var first = order[i - 1];
                if (repeat is null || arrival[g] < repeat.Value.Arrival)
                {
                    repeat = new Repeat(Place(entryBase, chunks, first), Place(entryBase, chunks, g), arrival[g], System.Text.Encoding.ASCII.GetString(ids[g]));
                }
            }
        }

        return (KeptInOrder(chunks, entryBase, keptBase, order), repeat);
    }

    /// <summary>
    /// Whether two neighbours in id order have the same id. Neighbours whose last sort keys differ differ (a repeated
    /// id shares every run, so every key, with its twin), so the bytes are compared only where the keys are equal.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool Repeats(Utf8Column ids, int[] order, ulong[] keys)
    {
        for (var i = 1; i < order.Length; i++)
        {
            if (keys[i] == keys[i - 1] && ids[order[i - 1]].SequenceEqual(ids[order[i]]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The kept rows among the entries in <paramref name="order"/>, each as its number among all kept rows.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int[] KeptInOrder(IReadOnlyList<RelationRows.Sealed> chunks, int[] entryBase, int[] keptBase, int[] order)
    {
        if (keptBase[^1] == entryBase[^1])
        {
            // Nothing left out: the entries are the kept rows, numbered alike.
            return order;
        }

        // Each entry's number among the kept rows (-1 for one left out), in entry order, then read through the order.
        var keptNumber = new int[entryBase[^1]];
        for (var c = 0; c < chunks.Count; c++)
        {
            var kept = chunks[c].Ids.Count;
            for (var g = entryBase[c]; g < entryBase[c + 1]; g++)
            {
                keptNumber[g] = g - entryBase[c] < kept ? keptBase[c] + g - entryBase[c] : -1;
            }
        }

        var keptInOrder = new int[keptBase[^1]];
        var k = 0;
        foreach (var g in order)
        {
            if (keptNumber[g] >= 0)
            {
                keptInOrder[k++] = keptNumber[g];
            }
        }

        return keptInOrder;
    }

    /// <summary>
    /// Whether the ids, in the order they came (chunk by chunk, kept and left out by item number), strictly ascend:
    /// each chunk on its own, the chunks on every core, then each chunk's first id against the last of the one before.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool Ascending(IReadOnlyList<RelationRows.Sealed> chunks, int[] entryBase, Utf8Column ids)
    {
        var ends = new (int First, int Last)[chunks.Count];
        var cores = entryBase[^1] >= ParallelFrom ? Environment.ProcessorCount : 1;
        var stop = new StrongBox<bool>();
        Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = cores }, c => CheckAscending(chunks[c], entryBase[c], ids, stop, out ends[c]));
        if (stop.Value)
        {
            return false;
        }

        var previous = -1;
        foreach (var (first, last) in ends)
        {
            if (first < 0)
            {
                continue;
            }

            if (previous >= 0 && ids[previous].SequenceCompareTo(ids[first]) >= 0)
            {
                return false;
            }

            previous = last;
        }

        return true;
    }

    /// <summary>
    /// Checks that one chunk's ids strictly ascend in the order they came, giving its first and last entry (-1 when
    /// empty). Sets <paramref name="stop"/> when they do not, and gives up when another chunk has set it.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void CheckAscending(RelationRows.Sealed chunk, int entryBase, Utf8Column ids, StrongBox<bool> stop, out (int First, int Last) ends)
    {
        var kept = chunk.Kept.Sequences;
        var dropped = chunk.Dropped.Sequences;
        if (dropped.Length == 0)
        {
            // Nothing left out (a load without a window): the chunk's ids block by block, each against the one before.
            var count = 0;
            ReadOnlySpan<byte> last = default;
            foreach (var block in chunk.Ids.Blocks)
            {
                var offsets = block.Offsets.Span;
                var data = block.Data.Span;
                for (var i = 0; i + 1 < offsets.Length; i++, count++)
                {
                    var id = data[offsets[i]..offsets[i + 1]];
                    if ((count > 0 && last.SequenceCompareTo(id) >= 0) || (count % 4096 == 4095 && Volatile.Read(ref stop.Value)))
                    {
                        Volatile.Write(ref stop.Value, true);
                        ends = default;
                        return;
                    }

                    last = id;
                }
            }

            ends = count == 0 ? (-1, -1) : (entryBase, entryBase + count - 1);
            return;
        }

        var (first, previous) = (-1, -1);
        for (int k = 0, d = 0; k < kept.Length || d < dropped.Length;)
        {
            var g = d >= dropped.Length || (k < kept.Length && kept[k] < dropped[d])
                ? entryBase + k++
                : entryBase + kept.Length + d++;
            if ((previous >= 0 && ids[previous].SequenceCompareTo(ids[g]) >= 0) || ((k + d) % 4096 == 0 && Volatile.Read(ref stop.Value)))
            {
                Volatile.Write(ref stop.Value, true);
                ends = default;
                return;
            }

            first = first < 0 ? g : first;
            previous = g;
        }

        ends = (first, previous);
    }

    /// <summary>Each id's first eight bytes as its key (<see cref="Prefix"/>), in column order: a block at a time, the blocks on every core.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void FirstKeys(Utf8Column ids, ulong[] keys)
    {
        var blocks = ids.Blocks;
        var firstRow = new int[blocks.Count];
        for (var b = 1; b < blocks.Count; b++)
        {
            firstRow[b] = firstRow[b - 1] + blocks[b - 1].Count;
        }

        var cores = ids.Count >= ParallelFrom ? Environment.ProcessorCount : 1;
        Parallel.For(0, blocks.Count, new ParallelOptions { MaxDegreeOfParallelism = cores }, b =>
        {
            var offsets = blocks[b].Offsets.Span;
            var data = blocks[b].Data.Span;
            var at = firstRow[b];
            for (var i = 0; i + 1 < offsets.Length; i++)
            {
                keys[at + i] = Prefix(data[offsets[i]..offsets[i + 1]], 0);
            }
        });
    }

    private static (int Chunk, bool Kept, int Index) Place(int[] entryBase, IReadOnlyList<RelationRows.Sealed> chunks, int g)
    {
        var c = ChunkOf(entryBase, g);
        var index = g - entryBase[c];
        var keptCount = chunks[c].Ids.Count;
        return index < keptCount ? (c, true, index) : (c, false, index - keptCount);
    }

    private static int ChunkOf(int[] entryBase, int g)
    {
        var at = Array.BinarySearch(entryBase, g);
        at = at >= 0 ? at : ~at - 1;

        // Empty chunks share their base with the next: take the last chunk starting at or before g.
        while (at + 1 < entryBase.Length - 1 && entryBase[at + 1] <= g)
        {
            at++;
        }

        return at;
    }

    /// <summary>Sorts order[start, start + length) by the ids' bytes from <paramref name="depth"/> × 8 on, stably.</summary>
    private static void SortRun(Utf8Column ids, int[] order, ulong[] keys, int start, int length, int depth)
    {
        if (length < 2)
        {
            return;
        }

        var offset = depth * 8;
        if (length < CompareBelow)
        {
            // Insertion sort: stable, and quick for the few ids that share their first bytes.
            for (var i = start + 1; i < start + length; i++)
            {
                var item = order[i];
                var j = i - 1;
                while (j >= start && Tail(ids[order[j]], offset).SequenceCompareTo(Tail(ids[item], offset)) > 0)
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = item;
            }

            return;
        }

        for (var i = start; i < start + length; i++)
        {
            keys[i] = Prefix(ids[order[i]], offset);
        }

        SortKeyed(ids, order, keys, start, length, depth);
    }

    /// <summary>As <see cref="SortRun"/>, for a run of 32 or more whose keys (its ids' eight bytes from <paramref name="depth"/> × 8) are in place.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void SortKeyed(Utf8Column ids, int[] order, ulong[] keys, int start, int length, int depth)
    {
        var offset = depth * 8;
        var runKeys = keys.AsSpan(start, length);
        var runOrder = order.AsSpan(start, length);
        if (length >= 1 << 16)
        {
            // A load's big sort gets arrays of its own: from the shared pool, they would stay held after the load.
            KeySort.OrderOnEveryCore<ulong>(keys.AsMemory(start, length), GC.AllocateUninitializedArray<ulong>(length), order.AsMemory(start, length), GC.AllocateUninitializedArray<int>(length));
        }
        else
        {
            KeySort.Order(runKeys, runOrder);
        }

        // Runs sharing these eight bytes, with an id longer than them, are sorted by the next eight (the ids are
        // looked at only in such runs: most keys differ from their neighbours').
        for (var i = 0; i < length;)
        {
            var end = i + 1;
            while (end < length && runKeys[end] == runKeys[i])
            {
                end++;
            }

            var longer = false;
            for (var j = i; end - i > 1 && j < end && !longer; j++)
            {
                longer = ids[runOrder[j]].Length > offset + 8;
            }

            if (longer)
            {
                SortRun(ids, order, keys, start + i, end - i, depth + 1);
            }

            i = end;
        }
    }

    private static ReadOnlySpan<byte> Tail(ReadOnlySpan<byte> id, int offset) => offset >= id.Length ? [] : id[offset..];

    /// <summary>Eight bytes from an offset as a big-endian number, zeros past the end (ids hold no zero byte, so a shorter id sorts first).</summary>
    private static ulong Prefix(ReadOnlySpan<byte> id, int offset)
    {
        var tail = Tail(id, offset);
        if (tail.Length >= 8)
        {
            return BinaryPrimitives.ReadUInt64BigEndian(tail);
        }

        var key = 0UL;
        for (var i = 0; i < tail.Length; i++)
        {
            key |= (ulong)tail[i] << (56 - (8 * i));
        }

        return key;
    }

    /// <summary>A repeated id: where it first came and where it came again (chunk, kept or left out, index), and when (its arrival rank).</summary>
    internal readonly record struct Repeat((int Chunk, bool Kept, int Index) First, (int Chunk, bool Kept, int Index) Second, int Arrival, string Id);
}
