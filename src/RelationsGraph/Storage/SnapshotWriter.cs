using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using RelationsGraph.Graph;
using RelationsGraph.Model;

namespace RelationsGraph.Storage;

/// <summary>
/// Writes a snapshot: the tables of <see cref="SnapshotSchema"/> as Arrow IPC streams, one after another. The
/// relations go in the store's row order (actor pair, first day, id) with each row's place in id order, so a
/// load maps and checks them instead of sorting; they are written a batch at a time, so a caller can stream
/// rows it never holds all at once (the benchmark's generator does).
/// </summary>
internal static class SnapshotWriter
{
    /// <summary>Rows per record batch: one text block of the loaded store each.</summary>
    public const int BatchRows = 1 << 16;

    /// <summary>A relations stream ends once it holds this many bytes, so each maps as one buffer (under 2 GiB).</summary>
    private const long PartBytes = 1L << 30;

    public static void Write(RelationGraph graph, Stream stream) =>
        Write(stream, graph.Sources, graph.Actors, graph.Events, graph.Horizon, Batches(graph.Store));

    /// <summary>
    /// Writes a snapshot from its parts: sources and actors sorted by id (numbered so), events, and the relations'
    /// batches in row order whose actor and source numbers refer to those lists.
    /// </summary>
    public static void Write(
        Stream stream, IReadOnlyList<Source> sources, IReadOnlyList<Actor> actors, IReadOnlyList<ActorEvent> events, SourceHorizon horizon, IEnumerable<RelationBatch> relations)
    {
        var actorNumbers = new Dictionary<string, int>(actors.Count, StringComparer.Ordinal);
        for (var i = 0; i < actors.Count; i++)
        {
            actorNumbers.Add(actors[i].Id.Value, i);
        }

        var sourceNumbers = new Dictionary<string, int>(sources.Count, StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            sourceNumbers.Add(sources[i].Id, i);
        }

        WriteTable(stream, SnapshotSchema.Sources, [SourcesBatch(sources)]);
        WriteTable(stream, SnapshotSchema.Actors, [ActorsBatch(actors)]);
        WriteTable(stream, SnapshotSchema.Events, [EventsBatch(events, actorNumbers, sourceNumbers, horizon)]);

        // The relations in parts: a new stream once a part has passed PartBytes; always at least one.
        using var batches = relations.GetEnumerator();
        var more = batches.MoveNext();
        do
        {
            var start = stream.Position;
            using var writer = new ArrowStreamWriter(stream, SnapshotSchema.Relations, leaveOpen: true);
            writer.WriteStart();
            while (more && stream.Position - start < PartBytes)
            {
                using var batch = RelationsBatch(batches.Current);
                writer.WriteRecordBatch(batch);
                more = batches.MoveNext();
            }

            writer.WriteEnd();
        }
        while (more);
    }

    /// <summary>The store's rows in batches, as the snapshot holds them.</summary>
    private static IEnumerable<RelationBatch> Batches(RelationStore store)
    {
        for (var start = 0; start < store.Count; start += BatchRows)
        {
            var count = Math.Min(BatchRows, store.Count - start);
            var batch = new RelationBatch(count, store.HasNotes);
            store.Kinds.Slice(start, count).CopyTo(batch.Kinds);
            store.Sources.Slice(start, count).CopyTo(batch.Sources);
            store.Targets.Slice(start, count).CopyTo(batch.Targets);
            store.FirstDays.Slice(start, count).CopyTo(batch.FirstDays);
            store.LastDays.Slice(start, count).CopyTo(batch.LastDays);
            store.Shapes.Slice(start, count).CopyTo(batch.Shapes);
            store.RowToIdRank.Slice(start, count).CopyTo(batch.IdRanks);
            for (var i = 0; i < count; i++)
            {
                var row = start + i;
                batch.Ids.Add(store.IdBytes(row));
                batch.Labels.Add(store.LabelBytes(row));
                if (batch.Notes is { } notes)
                {
                    var note = store.NoteBytes(row);
                    if (note.IsEmpty)
                    {
                        notes.AddNull();
                    }
                    else
                    {
                        notes.Add(note);
                    }
                }

                var (first, end) = store.EvidenceOf(row);
                for (var e = first; e < end; e++)
                {
                    batch.AddEvidence(store.EvidenceSource(e), store.QuoteBytes(e));
                }

                batch.EndRow(i);
            }

            yield return batch;
        }
    }

    private static void WriteTable(Stream stream, Schema schema, IEnumerable<RecordBatch> batches)
    {
        using var writer = new ArrowStreamWriter(stream, schema, leaveOpen: true);
        writer.WriteStart();
        foreach (var batch in batches)
        {
            using (batch)
            {
                writer.WriteRecordBatch(batch);
            }
        }

        writer.WriteEnd();
    }

    private static RecordBatch SourcesBatch(IReadOnlyList<Source> sources) => new(
        SnapshotSchema.Sources,
        [
            Strings(sources.Select(s => s.Id)), Strings(sources.Select(s => s.Title)), Strings(sources.Select(s => s.Author)),
            Strings(sources.Select(s => s.Publisher)), Strings(sources.Select(s => s.Published.ToString())), Strings(sources.Select(s => s.Path)),
            Strings(sources.Select(s => s.Sha256)),
        ],
        sources.Count);

    private static RecordBatch ActorsBatch(IReadOnlyList<Actor> actors)
    {
        var aliases = new ListArray.Builder(new Field("item", StringType.Default, false));
        var values = (StringArray.Builder)aliases.ValueBuilder;
        var cow = new Int32Array.Builder();
        foreach (var actor in actors)
        {
            aliases.Append();
            foreach (var alias in actor.Aliases)
            {
                values.Append(alias);
            }

            if (actor.Codes.Cow is { } number)
            {
                cow.Append(number);
            }
            else
            {
                cow.AppendNull();
            }
        }

        return new RecordBatch(
            SnapshotSchema.Actors,
            [
                Strings(actors.Select(a => a.Id.Value)), Strings(actors.Select(a => a.Name)), Strings(actors.Select(a => a.Kind.Name())), aliases.Build(),
                Strings(actors.Select(a => a.Codes.Iso3)), cow.Build(), Strings(actors.Select(a => a.Codes.Cameo)),
            ],
            actors.Count);
    }

    private static RecordBatch EventsBatch(IReadOnlyList<ActorEvent> events, Dictionary<string, int> actorNumbers, Dictionary<string, int> sourceNumbers, SourceHorizon horizon)
    {
        var actor = new Int32Array.Builder();
        var first = new Date32Array.Builder();
        var last = new Date32Array.Builder();
        var time = new UInt8Array.Builder();
        var evidence = new EvidenceBuilder();
        foreach (var e in events)
        {
            var (firstDay, _, shape) = RelationColumns.Encode(e.Time, directed: false);
            actor.Append(actorNumbers[e.Actor.Value]);
            first.Append(DateOnly.FromDayNumber(firstDay));
            last.Append(DateOnly.FromDayNumber(horizon.LastKnownDayNumber(e)));
            time.Append(shape);
            evidence.Append(e.Evidence.Select(x => (sourceNumbers[x.Source], x.Quote)));
        }

        return new RecordBatch(
            SnapshotSchema.Events,
            [
                Strings(events.Select(e => e.Id)), Strings(events.Select(e => e.Kind.Name)), actor.Build(), first.Build(), last.Build(), time.Build(),
                Strings(events.Select(e => e.Label)), evidence.Build(), Strings(events.Select(e => e.Note)),
            ],
            events.Count);
    }

    private static RecordBatch RelationsBatch(RelationBatch b)
    {
        var n = b.Count;
        var directed = new byte[(n + 7) / 8];
        var time = new byte[n];
        var firstDays = new int[n];
        var lastDays = new int[n];
        var kinds = new byte[n];
        for (var i = 0; i < n; i++)
        {
            if (RelationColumns.IsDirected(b.Shapes[i]))
            {
                directed[i >> 3] |= (byte)(1 << (i & 7));
            }

            time[i] = (byte)(b.Shapes[i] & 0x3F);
            firstDays[i] = b.FirstDays[i] - SnapshotSchema.EpochDayNumber;
            lastDays[i] = b.LastDays[i] - SnapshotSchema.EpochDayNumber;
            kinds[i] = b.Kinds[i];
        }

        var quotes = b.Quotes.Build();
        var evidence = new StructArray(
            SnapshotSchema.EvidenceItem, quotes.Length, [Ints(b.EvidenceSources.AsSpan(0, quotes.Length)), quotes], ArrowBuffer.Empty, 0);
        return new RecordBatch(
            SnapshotSchema.Relations,
            [
                b.Ids.Build(),
                new DictionaryArray(SnapshotSchema.KindType, new Int8Array(new ArrowBuffer(kinds), ArrowBuffer.Empty, n, 0, 0), KindNames),
                Ints(b.Sources), Ints(b.Targets),
                new BooleanArray(new ArrowBuffer(directed), ArrowBuffer.Empty, n, 0, 0),
                new Date32Array(Bytes<int>(firstDays), ArrowBuffer.Empty, n, 0, 0),
                new Date32Array(Bytes<int>(lastDays), ArrowBuffer.Empty, n, 0, 0),
                new UInt8Array(new ArrowBuffer(time), ArrowBuffer.Empty, n, 0, 0),
                b.Labels.Build(),
                new ListArray(SnapshotSchema.EvidenceList, n, Bytes<int>(b.EvidenceOffsets), evidence, ArrowBuffer.Empty, 0),
                b.Notes?.Build() ?? NullStrings(n),
                Ints(b.IdRanks),
            ],
            n);
    }

    /// <summary>The kind names in <see cref="RelationKind.All"/>'s order: a kind's ordinal is its dictionary index.</summary>
    private static StringArray KindNames => Strings(RelationKind.All.Select(k => k.Name));

    private static StringArray Strings(IEnumerable<string?> values)
    {
        var builder = new StringArray.Builder();
        foreach (var value in values)
        {
            if (value is null)
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(value);
            }
        }

        return builder.Build();
    }

    private static StringArray NullStrings(int n)
    {
        var builder = new StringArray.Builder();
        for (var i = 0; i < n; i++)
        {
            builder.AppendNull();
        }

        return builder.Build();
    }

    private static Int32Array Ints(ReadOnlySpan<int> values) => new(Bytes(values), ArrowBuffer.Empty, values.Length, 0, 0);

    private static ArrowBuffer Bytes<T>(ReadOnlySpan<T> values)
        where T : struct => new(MemoryMarshal.AsBytes(values).ToArray());

    /// <summary>Evidence lists (source number, quote) of small tables.</summary>
    private sealed class EvidenceBuilder
    {
        private readonly List<int> offsets = [0];
        private readonly Int32Array.Builder sources = new();
        private readonly StringArray.Builder quotes = new();

        public void Append(IEnumerable<(int Source, string Quote)> items)
        {
            foreach (var (source, quote) in items)
            {
                sources.Append(source);
                quotes.Append(quote);
            }

            offsets.Add(sources.Length);
        }

        public ListArray Build()
        {
            var count = sources.Length;
            var items = new StructArray(SnapshotSchema.EvidenceItem, count, [sources.Build(), quotes.Build()], ArrowBuffer.Empty, 0);
            return new ListArray(SnapshotSchema.EvidenceList, offsets.Count - 1, Bytes<int>(CollectionsMarshal.AsSpan(offsets)), items, ArrowBuffer.Empty, 0);
        }
    }
}

/// <summary>
/// Up to <see cref="SnapshotWriter.BatchRows"/> relations in the store's columns, in row order: what the
/// snapshot writer writes as one record batch. Fill the columns and, per row, its texts and evidence, then
/// <see cref="EndRow"/>.
/// </summary>
internal sealed class RelationBatch
{
    public RelationBatch(int count, bool hasNotes)
    {
        Count = count;
        (Kinds, Shapes) = (new byte[count], new byte[count]);
        (Sources, Targets, FirstDays, LastDays, IdRanks) = (new int[count], new int[count], new int[count], new int[count], new int[count]);
        EvidenceOffsets = new int[count + 1];
        Notes = hasNotes ? new Utf8Batch() : null;
    }

    public int Count { get; }

    public byte[] Kinds { get; }

    /// <summary>Gets the actor numbers (the actors in id order).</summary>
    public int[] Sources { get; }

    public int[] Targets { get; }

    /// <summary>Gets the first days as day numbers (<see cref="DateOnly.DayNumber"/>).</summary>
    public int[] FirstDays { get; }

    /// <summary>Gets the last days as day numbers: for an open period, the last its sources know of.</summary>
    public int[] LastDays { get; }

    /// <summary>Gets the store's shape bytes (<see cref="RelationColumns"/>).</summary>
    public byte[] Shapes { get; }

    public int[] IdRanks { get; }

    public Utf8Batch Ids { get; } = new();

    public Utf8Batch Labels { get; } = new();

    public Utf8Batch? Notes { get; }

    public Utf8Batch Quotes { get; } = new();

    public int[] EvidenceOffsets { get; }

    public int[] EvidenceSources { get; private set; } = new int[64];

    public void AddEvidence(int source, ReadOnlySpan<byte> quote)
    {
        var at = Quotes.Count;
        if (at == EvidenceSources.Length)
        {
            var bigger = EvidenceSources;
            System.Array.Resize(ref bigger, at * 2);
            EvidenceSources = bigger;
        }

        EvidenceSources[at] = source;
        Quotes.Add(quote);
    }

    public void EndRow(int row) => EvidenceOffsets[row + 1] = Quotes.Count;
}

/// <summary>UTF-8 texts of one batch, end to end with their offsets: an Arrow string column in the making.</summary>
internal sealed class Utf8Batch
{
    private readonly List<int> offsets = [0];
    private byte[] data = new byte[1 << 12];
    private List<int>? nullRows;

    public int Count => offsets.Count - 1;

    public void Add(ReadOnlySpan<byte> text)
    {
        var length = offsets[^1];
        if (data.Length - length < text.Length)
        {
            System.Array.Resize(ref data, (int)Math.Min(System.Array.MaxLength, Math.Max(2L * data.Length, (long)length + text.Length)));
        }

        text.CopyTo(data.AsSpan(length));
        offsets.Add(length + text.Length);
    }

    public void Add(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        var length = offsets[^1];
        if (data.Length - length < bytes)
        {
            System.Array.Resize(ref data, (int)Math.Min(System.Array.MaxLength, Math.Max(2L * data.Length, (long)length + bytes)));
        }

        System.Text.Encoding.UTF8.GetBytes(text, data.AsSpan(length));
        offsets.Add(length + bytes);
    }

    /// <summary>Adds a null (only a column that allows nulls takes one).</summary>
    public void AddNull()
    {
        (nullRows ??= []).Add(Count);
        offsets.Add(offsets[^1]);
    }

    public StringArray Build()
    {
        var n = Count;
        var bitmap = ArrowBuffer.Empty;
        if (nullRows is not null)
        {
            var bits = new byte[(n + 7) / 8];
            bits.AsSpan().Fill(0xFF);
            foreach (var row in nullRows)
            {
                bits[row / 8] &= (byte)~(1 << (row % 8));
            }

            bitmap = new ArrowBuffer(bits);
        }

        var offsetBytes = MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(offsets)).ToArray();
        return new StringArray(n, new ArrowBuffer(offsetBytes), new ArrowBuffer(data.AsMemory(0, offsets[^1])), bitmap, nullRows?.Count ?? 0, 0);
    }
}
