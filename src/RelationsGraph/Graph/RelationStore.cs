using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Graph;

/// <summary>
/// The relations of a graph in columns, not as an object each: a row per relation with its kind, its two actors
/// (vertex numbers), the first and last day it covers and a byte for its precisions and direction
/// (<see cref="RelationColumns"/>), and its texts (id, label, note, evidence) in <see cref="Utf8Column"/>s.
/// Rows lie sorted by actor pair, then first day, then id, so a pair's relations are one range of every column;
/// the texts stay in the order they were read (text rows), and two permutations give the id order.
/// <see cref="Relation"/> values are made only when a query hands one out.
/// </summary>
/// <remarks>Immutable once its graph is built (a snapshot's id order may still be in the making until then: see <see cref="CompleteIdOrder"/>); safe to read from many threads. Column access goes through this type only, so another backing (such as a memory-mapped file) can replace the arrays without touching the queries.</remarks>
internal sealed class RelationStore
{
    /// <summary>From this many rows up, the passes over every row that can be split run on every core.</summary>
    private const int ParallelFrom = 100_000;

    private readonly byte[] kinds;
    private readonly int[] sources;
    private readonly int[] targets;
    private readonly int[] firstDays;
    private readonly int[] lastDays;
    private readonly byte[] shapes;

    // Row to text row (null when the text rows are the rows, as in a snapshot), row to id rank and back; the first
    // two are one array when the text rows are in id order.
    private readonly int[]? rowToText;
    private readonly int[] rowToIdRank;
    private int[] idRankToRow;

    // A snapshot's id order while its reader still makes and checks it, beside the actor graph: see CompleteIdOrder.
    private Task<int[]>? pendingIdOrder;

    // By text row: the texts, and each relation's evidence as a range of evidence rows (source number, quote).
    private readonly Utf8Column ids;
    private readonly Utf8Column labels;
    private readonly Utf8Column? notes;
    private readonly int[] evidenceStart;
    private readonly int[] evidenceSources;
    private readonly Utf8Column quotes;
    private readonly ActorId[] actorIds;
    private readonly string[] sourceIds;

    private RelationStore(
        byte[] kinds, int[] sources, int[] targets, int[] firstDays, int[] lastDays, byte[] shapes, int[]? rowToText, int[] rowToIdRank, int[] idRankToRow,
        Utf8Column ids, Utf8Column labels, Utf8Column? notes, int[] evidenceStart, int[] evidenceSources, Utf8Column quotes, ActorId[] actorIds, string[] sourceIds)
    {
        (this.kinds, this.sources, this.targets, this.firstDays, this.lastDays, this.shapes) = (kinds, sources, targets, firstDays, lastDays, shapes);
        (this.rowToText, this.rowToIdRank, this.idRankToRow) = (rowToText, rowToIdRank, idRankToRow);
        (this.ids, this.labels, this.notes, this.evidenceStart, this.evidenceSources, this.quotes) = (ids, labels, notes, evidenceStart, evidenceSources, quotes);
        (this.actorIds, this.sourceIds) = (actorIds, sourceIds);
    }

    public int Count => kinds.Length;

    public ReadOnlySpan<int> Sources => sources;

    public ReadOnlySpan<int> Targets => targets;

    public ReadOnlySpan<int> FirstDays => firstDays;

    public ReadOnlySpan<int> LastDays => lastDays;

    public ReadOnlySpan<byte> Kinds => kinds;

    public ReadOnlySpan<byte> Shapes => shapes;

    /// <summary>Gets the bytes of text the store holds: ids, labels, notes and quotes.</summary>
    public long TextBytes => ids.Bytes + labels.Bytes + (notes?.Bytes ?? 0) + quotes.Bytes;

    public RelationKind KindOf(int row) => RelationKind.All[kinds[row]];

    public bool IsDirected(int row) => RelationColumns.IsDirected(shapes[row]);

    public int BeginningRank(int row) => RelationColumns.BeginningRank(shapes[row]);

    /// <summary>The date a row's relation begins with (its point, or its period's start), from the columns alone.</summary>
    public PartialDate Beginning(int row) => RelationColumns.Decode(firstDays[row], firstDays[row], (byte)(shapes[row] & 0x0C)).Beginning;

    /// <summary>The time of a row's relation, from the columns alone (see <see cref="Relation"/>).</summary>
    public TimeExtent Time(int row) => RelationColumns.Decode(firstDays[row], lastDays[row], shapes[row]);

    /// <summary>The row's place in id order (ordinal): comparing ranks compares ids.</summary>
    public int IdRank(int row) => rowToIdRank[row];

    public int RowOfIdRank(int rank) => idRankToRow[rank];

    public ReadOnlySpan<int> RowToIdRank => rowToIdRank;

    public ReadOnlySpan<int> IdRankToRow => idRankToRow;

    /// <summary>The relation of a row, made now.</summary>
    /// <remarks>An open period's last day in the columns is the last day its sources know of; its time says only that it has no end.</remarks>
    public Relation Relation(int row)
    {
        var text = TextRow(row);
        var evidence = new Evidence[evidenceStart[text + 1] - evidenceStart[text]];
        for (var i = 0; i < evidence.Length; i++)
        {
            var e = evidenceStart[text] + i;
            evidence[i] = new Evidence(sourceIds[evidenceSources[e]], quotes.GetString(e)!);
        }

        return new Relation(
            ids.GetString(text)!, KindOf(row), actorIds[sources[row]], actorIds[targets[row]],
            Time(row), labels.GetString(text)!, evidence, IsDirected(row), notes?.GetString(text));
    }

    /// <summary>Gets the actor ids, by vertex number.</summary>
    public IReadOnlyList<ActorId> ActorIds => actorIds;

    /// <summary>Gets the source ids, by source number (id order).</summary>
    public IReadOnlyList<string> SourceIds => sourceIds;

    /// <summary>Gets whether any relation has a note.</summary>
    public bool HasNotes => notes is not null;

    /// <summary>The UTF-8 bytes of a row's id.</summary>
    public ReadOnlySpan<byte> IdBytes(int row) => ids[TextRow(row)];

    /// <summary>The UTF-8 bytes of a row's label.</summary>
    public ReadOnlySpan<byte> LabelBytes(int row) => labels[TextRow(row)];

    /// <summary>The UTF-8 bytes of a row's note; empty for none.</summary>
    public ReadOnlySpan<byte> NoteBytes(int row) => notes is null ? default : notes[TextRow(row)];

    /// <summary>A row's evidence as a range of evidence rows.</summary>
    public (int Start, int End) EvidenceOf(int row)
    {
        var text = TextRow(row);
        return (evidenceStart[text], evidenceStart[text + 1]);
    }

    /// <summary>The source number an evidence row cites.</summary>
    public int EvidenceSource(int evidenceRow) => evidenceSources[evidenceRow];

    /// <summary>The UTF-8 bytes of an evidence row's quote.</summary>
    public ReadOnlySpan<byte> QuoteBytes(int evidenceRow) => quotes[evidenceRow];

    /// <summary>
    /// A store from columns already in row order (by pair, first day, id) whose texts are in the same order, as a
    /// snapshot holds them: nothing is sorted or resolved. The caller has checked every value and the row order (the
    /// snapshot reader does); the id order (rank to row) may still be in the making, and is then taken, with the
    /// error its checks found if any, by <see cref="CompleteIdOrder"/> before the store is used by id.
    /// </summary>
    public static RelationStore FromRows(
        byte[] kinds, int[] sources, int[] targets, int[] firstDays, int[] lastDays, byte[] shapes, int[] rowToIdRank, Task<int[]> idRankToRow,
        Utf8Column ids, Utf8Column labels, Utf8Column? notes, int[] evidenceStart, int[] evidenceSources, Utf8Column quotes, ActorId[] actorIds, string[] sourceIds) =>
        new(kinds, sources, targets, firstDays, lastDays, shapes, null, rowToIdRank, [], ids, labels, notes, evidenceStart, evidenceSources, quotes, actorIds, sourceIds)
        {
            pendingIdOrder = idRankToRow,
        };

    /// <summary>
    /// Waits for an id order still in the making (a snapshot's, made beside the actor graph) and throws the error its
    /// checks found; nothing to do otherwise. A graph calls it as it is built, before it is handed out.
    /// </summary>
    public void CompleteIdOrder()
    {
        if (pendingIdOrder is { } pending)
        {
            idRankToRow = pending.GetAwaiter().GetResult();
            pendingIdOrder = null;
        }
    }

    /// <summary>
    /// The store of the rows whose dates meet [from, to] (an open period by its start alone, as a graph.json load
    /// with a window keeps it), in the same order, their texts and evidence shared with this store: the columns
    /// are compacted and the id ranks renumbered, nothing is sorted.
    /// </summary>
    public RelationStore Overlapping(int from, int to)
    {
        var n = Count;
        var kept = new List<int>();
        for (var row = 0; row < n; row++)
        {
            if (firstDays[row] <= to && (lastDays[row] >= from || (shapes[row] & 3) == 2))
            {
                kept.Add(row);
            }
        }

        // A kept row's new rank is how many kept rows have a smaller old rank: a bit per old rank, counted by word.
        var words = (n + 63) >> 6;
        var bits = new ulong[Math.Max(1, words)];
        foreach (var row in kept)
        {
            var rank = rowToIdRank[row];
            bits[rank >> 6] |= 1UL << (rank & 63);
        }

        var before = new int[bits.Length];
        for (int w = 0, sum = 0; w < words; w++)
        {
            before[w] = sum;
            sum += System.Numerics.BitOperations.PopCount(bits[w]);
        }

        var m = kept.Count;
        var (newKinds, newSources, newTargets, newFirst, newLast, newShapes) = (new byte[m], new int[m], new int[m], new int[m], new int[m], new byte[m]);
        var (text, newRowToRank, newRankToRow) = (new int[m], new int[m], new int[m]);
        for (var i = 0; i < m; i++)
        {
            var row = kept[i];
            (newKinds[i], newSources[i], newTargets[i], newFirst[i], newLast[i], newShapes[i]) = (kinds[row], sources[row], targets[row], firstDays[row], lastDays[row], shapes[row]);
            text[i] = TextRow(row);
            var rank = rowToIdRank[row];
            var newRank = before[rank >> 6] + System.Numerics.BitOperations.PopCount(bits[rank >> 6] & ((1UL << (rank & 63)) - 1));
            newRowToRank[i] = newRank;
            newRankToRow[newRank] = i;
        }

        return new RelationStore(
            newKinds, newSources, newTargets, newFirst, newLast, newShapes, text, newRowToRank, newRankToRow,
            ids, labels, notes, evidenceStart, evidenceSources, quotes, actorIds, sourceIds);
    }

    /// <summary>Compares a row's id with a string, ordinally, without making a string of the id (ids are ASCII).</summary>
    public int CompareId(int row, string other)
    {
        var bytes = ids[TextRow(row)];
        var common = Math.Min(bytes.Length, other.Length);
        for (var i = 0; i < common; i++)
        {
            var order = bytes[i] - other[i];
            if (order != 0)
            {
                return order;
            }
        }

        return bytes.Length - other.Length;
    }

    /// <summary>
    /// Builds the store from filled rows: the references resolved (by <paramref name="vertexOf"/> and
    /// <paramref name="sourceOf"/>, each given a chunk and a reference), the ids in the order
    /// <see cref="IdOrder"/> found, and the rows sorted by pair, first day and id with linear radix passes.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static RelationStore Build(
        IReadOnlyList<RelationRows.Sealed> chunks, int[] keptInIdOrder, References vertexOf, References sourceOf,
        ActorId[] actorIds, string[] sourceIds, SourceHorizon horizon)
    {
        var n = keptInIdOrder.Length;
        var kindsT = new byte[n];
        var sourcesT = new int[n];
        var targetsT = new int[n];
        var firstT = new int[n];
        var lastT = new int[n];
        var shapesT = new byte[n];
        var evidenceCount = chunks.Sum(c => c.EvidenceSourceRefs.Length);
        var evidenceStart = new int[n + 1];
        var evidenceSources = new int[evidenceCount];

        // Each chunk's rows go to their own range (the chunks of a load in parts, side by side).
        var rowBase = new int[chunks.Count + 1];
        var evidenceBase = new int[chunks.Count + 1];
        for (var c = 0; c < chunks.Count; c++)
        {
            rowBase[c + 1] = rowBase[c] + chunks[c].Count;
            evidenceBase[c + 1] = evidenceBase[c] + chunks[c].EvidenceSourceRefs.Length;
        }

        Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = n >= ParallelFrom ? Environment.ProcessorCount : 1 }, [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] (c) =>
        {
            var (chunk, at, e) = (chunks[c], rowBase[c], evidenceBase[c]);
            chunk.Kinds.CopyTo(kindsT, at);
            chunk.FirstDays.CopyTo(firstT, at);
            chunk.LastDays.CopyTo(lastT, at);
            chunk.Shapes.CopyTo(shapesT, at);
            var (knownVertex, localVertex) = (vertexOf.Known, vertexOf.Local[c]);
            for (var i = 0; i < chunk.Count; i++)
            {
                var (source, target) = (chunk.SourceRefs[i], chunk.TargetRefs[i]);
                sourcesT[at + i] = source >= 0 ? knownVertex[source] : localVertex[~source];
                targetsT[at + i] = target >= 0 ? knownVertex[target] : localVertex[~target];
                evidenceStart[at + i + 1] = e + chunk.EvidenceEnds[i];
            }

            var (knownSource, localSource) = (sourceOf.Known, sourceOf.Local[c]);
            for (var i = 0; i < chunk.EvidenceSourceRefs.Length; i++)
            {
                var cited = chunk.EvidenceSourceRefs[i];
                evidenceSources[e + i] = cited >= 0 ? knownSource[cited] : localSource[~cited];
            }

            // An open period's last day is the last its sources can know (SourceHorizon), not the end of time.
            for (var t = at; t < at + chunk.Count; t++)
            {
                if (lastT[t] == int.MaxValue)
                {
                    var cited = evidenceSources.AsSpan(evidenceStart[t], evidenceStart[t + 1] - evidenceStart[t]);
                    lastT[t] = horizon.LastKnownDayNumber(RelationColumns.Decode(firstT[t], lastT[t], shapesT[t]), cited);
                }
            }
        });

        // Rows by pair, then first day, then id: two stable radix sorts of the text rows taken in id order.
        var rowToText = (int[])keptInIdOrder.Clone();
        var vertices = (ulong)Math.Max(1, actorIds.Length);
        if (vertices * vertices <= (ulong)uint.MaxValue + 1)
        {
            ByPairThenDay<uint>(rowToText, firstT, sourcesT, targetsT, vertices);
        }
        else
        {
            ByPairThenDay<ulong>(rowToText, firstT, sourcesT, targetsT, vertices);
        }

        var textToIdRank = new int[n];
        var inIdOrder = true;
        for (var rank = 0; rank < n; rank++)
        {
            textToIdRank[keptInIdOrder[rank]] = rank;
            inIdOrder &= keptInIdOrder[rank] == rank;
        }

        var rowToIdRank = inIdOrder ? rowToText : new int[n];
        var idRankToRow = new int[n];
        var kinds = new byte[n];
        var sources = new int[n];
        var targets = new int[n];
        var firstDays = new int[n];
        var lastDays = new int[n];
        var shapes = new byte[n];
        var ranges = n >= ParallelFrom ? Environment.ProcessorCount : 1;
        Parallel.For(0, ranges, [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] (part) =>
        {
            for (var row = (int)((long)n * part / ranges); row < (int)((long)n * (part + 1) / ranges); row++)
            {
                var t = rowToText[row];
                (kinds[row], sources[row], targets[row], firstDays[row], lastDays[row], shapes[row]) = (kindsT[t], sourcesT[t], targetsT[t], firstT[t], lastT[t], shapesT[t]);
                rowToIdRank[row] = textToIdRank[t];
                idRankToRow[textToIdRank[t]] = row;
            }
        });

        return new RelationStore(
            kinds, sources, targets, firstDays, lastDays, shapes, rowToText, rowToIdRank, idRankToRow,
            Utf8Column.Concat(chunks.Select(c => c.Ids)), Utf8Column.Concat(chunks.Select(c => c.Labels)), Notes(chunks),
            evidenceStart, evidenceSources, Utf8Column.Concat(chunks.Select(c => c.Quotes)), actorIds, sourceIds);
    }

    /// <summary>
    /// Sorts text rows (in id order) stably by first day, then by actor pair. Keys of 32 bits, enough for a day number
    /// and for the pairs of up to 65,536 actors, move a third less memory per pass than keys of 64.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ByPairThenDay<TKey>(int[] rowToText, int[] firstDays, int[] sources, int[] targets, ulong vertices)
        where TKey : unmanaged, System.Numerics.IBinaryInteger<TKey>, System.Numerics.IUnsignedNumber<TKey>
    {
        // Arrays of the load's own, not the shared pool's: pooled, they would stay held after the load.
        var n = rowToText.Length;
        var keys = GC.AllocateUninitializedArray<TKey>(n);
        var spareKeys = GC.AllocateUninitializedArray<TKey>(n);
        var spareOrder = GC.AllocateUninitializedArray<int>(n);
        for (var i = 0; i < n; i++)
        {
            keys[i] = TKey.CreateTruncating((uint)firstDays[rowToText[i]]);
        }

        KeySort.OrderOnEveryCore<TKey>(keys, spareKeys, rowToText, spareOrder);
        for (var i = 0; i < n; i++)
        {
            var t = rowToText[i];
            var (low, high) = sources[t] < targets[t] ? (sources[t], targets[t]) : (targets[t], sources[t]);
            keys[i] = TKey.CreateTruncating(((ulong)low * vertices) + (ulong)high);
        }

        KeySort.OrderOnEveryCore<TKey>(keys, spareKeys, rowToText, spareOrder);
    }

    private int TextRow(int row) => rowToText is null ? row : rowToText[row];

    /// <summary>
    /// What <see cref="NameTable.Ref"/> numbers stand for: a name known before (by its index among those) or met in a
    /// chunk (by the complement of its number there), as a vertex or source number.
    /// </summary>
    internal sealed record References(int[] Known, int[][] Local);

    /// <summary>The notes of all chunks, or null when none has one (a chunk without notes gives empty rows).</summary>
    private static Utf8Column? Notes(IReadOnlyList<RelationRows.Sealed> chunks)
    {
        if (chunks.All(c => c.Notes is null))
        {
            return null;
        }

        return Utf8Column.Concat(chunks.Select(c => c.Notes ?? new Utf8Column(c.Count == 0 ? [] : [new Utf8Column.Block(new int[c.Count + 1], ReadOnlyMemory<byte>.Empty)])));
    }
}
