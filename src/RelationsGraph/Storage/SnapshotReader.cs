using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using RelationsGraph.Common;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Storage;

/// <summary>
/// Reads a snapshot (<see cref="SnapshotSchema"/>, docs/snapshot.md): the file is mapped, each table's Arrow
/// stream read in place, every value checked as graph.json's reader and the model check it, and the relations'
/// columns copied into the store as they lie (their texts stay in the mapping). Nothing is sorted: the rows
/// come in the store's order with their id order, which the checks confirm. A bad snapshot fails with one
/// <see cref="GraphDataException"/> naming the file and, as its path, <c>table[row].column</c>.
/// </summary>
internal static class SnapshotReader
{

    /// <summary>Every Arrow IPC stream starts with a message's continuation marker: bytes a JSON text never starts with.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> head) => head.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(head) == 0xFFFF_FFFF;

    /// <summary>Reads a snapshot; given a window, keeps only the relations whose dates meet it, after checking them all.</summary>
    public static RelationGraph ReadFile(string path, TimeWindow? window = null) => Read(path, window, touching: null);

    /// <summary>
    /// Reads what a question about some actors' relations needs, and no more: the sources, actors and events whole, and
    /// of the relations only the rows that join one of the actors <paramref name="touching"/> picks (given a graph of
    /// the actors alone) to any actor and meet the window. The rows are found from the actor and day columns alone; the
    /// rows found are checked as a whole load checks them, but for their texts (id, label, note, quotes), which stay in
    /// the file, unread, until a relation is read, and are checked then: a bad one throws the
    /// <see cref="GraphDataException"/> a whole load would, naming the file's row. Nor is their ids' order checked against
    /// their ranks (their ranks give the order). Every record batch's framing and schema are checked, but the other
    /// rows are not: a broken row elsewhere goes unnoticed (a whole load, or <c>relgraph validate</c>, finds it). The
    /// graph holds every actor, source and event and the relations found, so it answers only questions about those
    /// actors' relations in that window: a group report of them, whose context is every relation between a member and
    /// an outsider. Picking no actor reads no relation: the graph is then the actors, sources and events alone. Given
    /// <paramref name="readTexts"/>, the texts are read, checked (the ids' order too) and copied with the rows instead,
    /// as a whole load reads them: for an answer that shows every relation read (JSON, or a report listing all), whose
    /// texts lie on most of the file's pages anyway and are best read in order.
    /// </summary>
    internal static RelationGraph ReadTouching(string path, TimeWindow? window, Func<RelationGraph, IEnumerable<ActorId>> touching, bool readTexts = false) =>
        Read(path, window, touching, readTexts);

    private static RelationGraph Read(string path, TimeWindow? window, Func<RelationGraph, IEnumerable<ActorId>>? touching, bool readTexts = true)
    {
        if (new FileInfo(path).Length == 0)
        {
            throw new GraphDataException("The snapshot is empty; expected Arrow IPC streams of the tables sources, actors, events and relations.", path);
        }

        var mapping = MappedFile.Open(path);
        try
        {
            return new Reading(path, mapping).Read(window is null || window.Equals(TimeWindow.All) ? null : window, touching, readTexts);
        }
        catch
        {
            mapping.Dispose();
            throw;
        }
    }

    // How many record batches a read of some of their columns asks for at once: this one and the next few (a core
    // reads on through the batches of its range), so the disk has several requests in hand.
    private const int ReadAheadBatches = 4;

    private static readonly int MaxDayNumber = DateOnly.MaxValue.DayNumber;

    /// <summary>
    /// What is wrong with a time's columns, or null: the first and last day must be the first and last day of the
    /// dates they stand for, at the precisions the time byte gives.
    /// </summary>
    public static (string Column, string Problem)? TimeError(int first, int last, byte bits)
    {
        var shape = bits & 3;
        var begin = (bits >> 2) & 3;
        var end = (bits >> 4) & 3;
        if (shape == 3 || begin == 3 || end == 3 || (bits & 0xC0) != 0 || (shape != 1 && end != 0))
        {
            return ("time", string.Create(CultureInfo.InvariantCulture, $"the time byte {bits} is not a shape (0 point, 1 closed, 2 open period) with precisions (0 day, 1 month, 2 year) of its ends."));
        }

        if ((uint)first > (uint)MaxDayNumber)
        {
            return ("first_day", "the first day lies outside the years 1 to 9999.");
        }

        if ((uint)last > (uint)MaxDayNumber)
        {
            return ("last_day", "the last day lies outside the years 1 to 9999.");
        }

        if (begin == 0 && end == 0)
        {
            // Days need no calendar (most of event data): a day is its own first and last day.
            return shape == 0 ? (last == first ? null : PointError(first)) : last >= first ? null : PeriodError(shape);
        }

        // Months and years take each date apart once (DateOnly's properties would each take it apart again).
        var day = DateOnly.FromDayNumber(first);
        day.Deconstruct(out var year, out var month, out var dayOfMonth);
        if ((begin >= 1 && dayOfMonth != 1) || (begin == 2 && month != 1))
        {
            return ("first_day", $"{day:yyyy-MM-dd} is not the first day of a {(begin == 1 ? "month" : "year")}, as the time byte's precision says.");
        }

        if (shape == 0)
        {
            // The first day is the first of its month or year (checked above), so its date ends that many days on.
            var lastOfDate = begin switch
            {
                0 => first,
                1 => first + DateTime.DaysInMonth(year, month) - 1,
                _ => first + (DateTime.IsLeapYear(year) ? 365 : 364),
            };
            return last == lastOfDate ? null : PointError(lastOfDate);
        }

        if (shape == 1)
        {
            var lastDay = DateOnly.FromDayNumber(last);
            lastDay.Deconstruct(out var lastYear, out var lastMonth, out var lastDayOfMonth);
            var isLastOfDate = end switch
            {
                0 => true,
                1 => lastDayOfMonth == DateTime.DaysInMonth(lastYear, lastMonth),
                _ => lastMonth == 12 && lastDayOfMonth == 31,
            };
            if (!isLastOfDate)
            {
                return ("last_day", $"{lastDay:yyyy-MM-dd} is not the last day of a {(end == 1 ? "month" : "year")}, as the time byte's precision says.");
            }
        }

        return last >= first ? null : PeriodError(shape);
    }

    private static (string Column, string Problem) PointError(int lastDay) =>
        ("last_day", $"a point's last day must be the last day of its date, {DateOnly.FromDayNumber(lastDay):yyyy-MM-dd}.");

    private static (string Column, string Problem) PeriodError(int shape) => shape == 1
        ? ("last_day", "the period ends before it starts; a period must end on or after the day it starts.")
        : ("last_day", "an open period's last day lies before its first.");

    /// <summary>Where a row lies in the snapshot's order: by actor pair (the smaller actor number first), then first day, then id rank.</summary>
    private readonly record struct RowPlace(int Low, int High, int First, int Rank)
    {
        /// <summary>Whether this row comes after <paramref name="previous"/> (compared field by field, not as tuples: it runs once a row).</summary>
        public bool Follows(RowPlace previous) =>
            Low != previous.Low ? Low > previous.Low
            : High != previous.High ? High > previous.High
            : First != previous.First ? First > previous.First
            : Rank > previous.Rank;
    }

    private sealed class Reading(string path, MappedFile file)
    {
        public MappedFile File => file;


        public RelationGraph Read(TimeWindow? window, Func<RelationGraph, IEnumerable<ActorId>>? touching, bool readTexts)
        {
            // The framing pass reads a few bytes of each record batch (65,536 rows, some 10 MB apart): read at
            // random, it reads those pages alone. Otherwise each of them would read the megabytes around it, the whole
            // file on one core before any check begins (100M from an emptied page cache: 7 s; the load 37-38 s -> 32-34 s).
            // A touching read reads at random throughout, and asks for the columns it reads ahead of reading them (the
            // default read-around, 8 MB here, read nearly all of a 15 GB file for 1 % of its rows: 13 s from disk).
            file.ReadAtRandom(true);
            var parts = Parts();
            for (var p = 0; p < 3; p++)
            {
                file.ReadAhead(parts[p].Start, parts[p].Length);
            }

            var builder = new RelationGraphBuilder();
            var sources = ReadSmall(parts[0], "sources");
            var sourceIds = Column<StringArray>(sources, 0);
            var sourceList = new List<Source>(Rows(sources));
            for (var i = 0; i < Rows(sources); i++)
            {
                var row = i;
                var source = Make("sources", row, () => new Source(
                    Required(sources, "sources", row, 0), Required(sources, "sources", row, 1), Required(sources, "sources", row, 2),
                    Required(sources, "sources", row, 3), Date(Required(sources, "sources", row, 4), "sources", row, "published"),
                    Required(sources, "sources", row, 5), Required(sources, "sources", row, 6)));
                Ascending(sourceIds, row, "sources");
                builder.Add(source, Where("sources", row));
                sourceList.Add(source);
            }

            var actors = ReadSmall(parts[1], "actors");
            var actorIds = Column<StringArray>(actors, 0);
            var actorList = new List<ActorId>(Rows(actors));
            for (var i = 0; i < Rows(actors); i++)
            {
                var row = i;
                var actor = Make("actors", row, () =>
                {
                    var kindName = Required(actors, "actors", row, 2);
                    var kind = ActorKinds.TryParse(kindName, out var k) ? k
                        : throw Error("actors", row, "kind", $"unknown actor kind '{kindName}'; expected {ActorKinds.Expected}.");
                    var aliasList = Column<ListArray>(actors, 3);
                    var aliasValues = (StringArray)aliasList.Values;
                    var aliases = Enumerable.Range(aliasList.ValueOffsets[row], aliasList.GetValueLength(row)).Select(a => Optional(aliasValues, a, "actors", row, "aliases") ?? throw Error("actors", row, "aliases", "an alias is null.")).ToList();
                    var cow = Column<Int32Array>(actors, 5).GetValue(row);
                    var codes = new ActorCodes { Iso3 = Optional(Column<StringArray>(actors, 4), row, "actors", row, "iso3"), Cow = cow, Cameo = Optional(Column<StringArray>(actors, 6), row, "actors", row, "cameo") };
                    return new Actor(new ActorId(Required(actors, "actors", row, 0)), Required(actors, "actors", row, 1), kind, aliases, codes);
                });
                Ascending(actorIds, row, "actors");
                builder.Add(actor, Where("actors", row));
                actorList.Add(actor.Id);
            }

            // A whole read checks the relations on the other cores while this one reads the events and makes the
            // actors' directory: the checks need only the actors' and sources' ids (both tables are in id order, as
            // the graph numbers them) and what the sources can know (1M: the prelude's 30 ms of one core, beside
            // them). The errors keep the file's order: the small tables' before the relations'.
            var checking = touching is null
                ? Task.Run(() => new RelationColumnsReader(this, RelationBatches(parts), [.. actorList], [.. sourceList.Select(s => s.Id)], new SourceHorizon(sourceList)).Read())
                : null;
            try
            {
                return Rest(builder, parts, actorIds, sourceIds, window, touching, readTexts, checking);
            }
            catch
            {
                if (checking is not null)
                {
                    Abandon(checking);
                }

                throw;
            }
        }

        /// <summary>
        /// The read after the actors: the events, then the graph; its relations are those the whole read's
        /// <paramref name="checking"/> makes, or (a touching read, without it) those <paramref name="touching"/> picks.
        /// </summary>
        private RelationGraph Rest(
            RelationGraphBuilder builder, List<(long Start, int Length)> parts, StringArray actorIds, StringArray sourceIds, TimeWindow? window,
            Func<RelationGraph, IEnumerable<ActorId>>? touching, bool readTexts, Task<RelationStore>? checking)
        {
            var events = ReadSmall(parts[2], "events");
            for (var i = 0; i < Rows(events); i++)
            {
                var row = i;
                builder.Add(Make("events", row, () => Event(events, row, actorIds, sourceIds)), Where("events", row));
            }

            builder.Coverage = window;
            if (checking is not null)
            {
                // The builder's actors and sources are the tables' rows, in the same order: the checks' numbers are its numbers.
                return builder.BuildWithStore((_, _, _) => Windowed(checking.GetAwaiter().GetResult(), window));
            }

            // A touching read (the whole read's checks began before the events, so one of the two is given).
            var actorsAlone = builder.BuildWithStore((actorNumbers, sourceNumbers, horizon) => new RelationColumnsReader(this, [], actorNumbers, sourceNumbers, horizon).Read());
            var batches = RelationBatches(parts);
            var vertices = touching!(actorsAlone).Select(id => actorsAlone.TryGetVertex(id, out var v) ? v : throw new ArgumentException($"No actor '{id}' in the snapshot.", nameof(touching))).ToArray();
            if (vertices.Length == 0)
            {
                // No actor picked, no relation read: the graph of the actors alone is the answer.
                return actorsAlone;
            }

            var (relations, selection) = RowsTouching(batches, vertices, actorsAlone.Actors.Count, window);
            return builder.BuildWithStore((actorNumbers, sourceNumbers, horizon) =>
                Windowed(new RelationColumnsReader(this, relations, actorNumbers, sourceNumbers, horizon, selection, readTexts).Read(), window));
        }

        /// <summary>The store, or (given a window) the store of its rows that meet the window.</summary>
        private static RelationStore Windowed(RelationStore store, TimeWindow? window)
        {
            if (window is null)
            {
                return store;
            }

            store.CompleteIdOrder();
            return store.Overlapping(window.FirstDayNumber, window.LastDayNumber);
        }

        /// <summary>
        /// Waits out checks begun for a read that failed before their turn, their id order too, so that nothing
        /// reads the mapping once it is let go; what they found is dropped (the earlier error stands).
        /// </summary>
        private static void Abandon(Task<RelationStore> checking)
        {
            try
            {
                checking.GetAwaiter().GetResult().CompleteIdOrder();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Dropped: the read's own error is the one reported.
            }
        }

        private List<RecordBatch> RelationBatches(List<(long Start, int Length)> parts)
        {
            var relations = new List<RecordBatch>();
            for (var p = 3; p < parts.Count; p++)
            {
                relations.AddRange(ReadBatches(parts[p], "relations"));
            }

            return relations;
        }

        // The columns the rows of some actors are found by: source, target, first_day, last_day.
        private static readonly int[] FindingColumns = [2, 3, 5, 6];

        /// <summary>
        /// The rows that join one of the vertices to any actor and meet the window (when given), found from each
        /// batch's actor and day columns alone, the batches on every core; batches holding none are left out.
        /// </summary>
        private (List<RecordBatch> Batches, Selection Selection) RowsTouching(List<RecordBatch> batches, int[] vertices, int actorCount, TimeWindow? window)
        {
            var starts = new int[batches.Count + 1];
            for (var b = 0; b < batches.Count; b++)
            {
                starts[b + 1] = checked(starts[b] + batches[b].Length);
            }

            var touched = new bool[actorCount];
            foreach (var v in vertices)
            {
                touched[v] = true;
            }

            // The window in the snapshot's days (since 1970).
            var (from, to) = window is null ? (int.MinValue, int.MaxValue)
                : (window.FirstDayNumber - SnapshotSchema.EpochDayNumber, window.LastDayNumber - SnapshotSchema.EpochDayNumber);
            var rows = new int[batches.Count][];
            var errors = new GraphDataException?[batches.Count];
            Parallel.For(0, batches.Count, b =>
            {
                try
                {
                    for (var ahead = b; ahead < Math.Min(b + ReadAheadBatches, batches.Count); ahead++)
                    {
                        File.ReadAhead(FindingColumns.Select(c => batches[ahead].Column(c).Data.Buffers[1].Memory));
                    }

                    var batch = batches[b];
                    var source = ((Int32Array)batch.Column(2)).Values;
                    var target = ((Int32Array)batch.Column(3)).Values;
                    var first = ((Date32Array)batch.Column(5)).Values;
                    var last = ((Date32Array)batch.Column(6)).Values;
                    var found = new List<int>();
                    for (var i = 0; i < batch.Length; i++)
                    {
                        var (s, t) = (source[i], target[i]);
                        if ((((uint)s < (uint)touched.Length && touched[s]) || ((uint)t < (uint)touched.Length && touched[t])) && first[i] <= to && last[i] >= from)
                        {
                            found.Add(i);
                        }
                    }

                    rows[b] = [.. found];

                    // As a load does: the columns' pages leave the resident set once read (the rows found are read again).
                    File.DropPages(FindingColumns.Select(c => batch.Column(c).Data.Buffers[1].Memory));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    (rows[b], errors[b]) = ([], Error("relations", starts[b], null, $"the record batch from this row is malformed: {e.Message}"));
                }
            });
            if (errors.FirstOrDefault(e => e is not null) is { } error)
            {
                throw error;
            }

            var kept = Enumerable.Range(0, batches.Count).Where(b => rows[b].Length > 0).ToList();
            return ([.. kept.Select(b => batches[b])], new Selection([.. kept.Select(b => starts[b])], [.. kept.Select(b => rows[b])], starts[^1]));
        }

        public GraphDataException Error(string table, int row, string? column, string problem) =>
            new DataLocation(path, 0, 0, row < 0 ? table : string.Create(CultureInfo.InvariantCulture, $"{table}[{row}]"), column).Error(problem);

        /// <summary>The byte ranges of the file's Arrow streams, found from the messages' framing: each message is a marker, the length of its metadata, the metadata and a body whose length the metadata gives.</summary>
        private List<(long Start, int Length)> Parts()
        {
            var parts = new List<(long, int)>();
            long at = 0;
            while (at < file.Length)
            {
                var table = parts.Count < 3 ? SnapshotSchema.TableOrder[parts.Count] : "relations";
                var start = at;
                while (true)
                {
                    if (at + 8 > file.Length)
                    {
                        throw Truncated(table);
                    }

                    var head = file.Span(at, 8);
                    if (BinaryPrimitives.ReadUInt32LittleEndian(head) != 0xFFFF_FFFF)
                    {
                        throw new GraphDataException(
                            string.Create(CultureInfo.InvariantCulture, $"Not an Arrow IPC stream at byte {at} (table {table}); a snapshot is the Arrow IPC streams of its tables, one after another."), path);
                    }

                    var metadata = BinaryPrimitives.ReadInt32LittleEndian(head[4..]);
                    if (metadata == 0)
                    {
                        at += 8;
                        break;
                    }

                    if (metadata < 0 || at + 8 + metadata > file.Length)
                    {
                        throw Truncated(table);
                    }

                    var body = BodyLength(file.Span(at + 8, metadata));
                    if (body < 0 || at + 8 + metadata + body > file.Length)
                    {
                        throw Truncated(table);
                    }

                    at += 8 + metadata + body;
                }

                if (at - start > int.MaxValue)
                {
                    throw new GraphDataException($"The {table} stream is over 2 GiB; a snapshot keeps each stream under 2 GiB, so it can be mapped as one buffer.", path);
                }

                parts.Add((start, (int)(at - start)));
            }

            if (parts.Count < 4)
            {
                throw new GraphDataException($"The snapshot ends after {parts.Count} table(s); expected {string.Join(", ", SnapshotSchema.TableOrder)}.", path);
            }

            return parts;
        }

        private GraphDataException Truncated(string table) =>
            new($"The snapshot is truncated or corrupt in table {table}: a message runs past the end of the file ({file.Length} bytes).", path);

        /// <summary>
        /// The body length of an IPC message from its flatbuffer (Message: version, header type, header, bodyLength
        /// at field 3), or -1 when the metadata is malformed. Apache.Arrow keeps its flatbuffer readers internal.
        /// </summary>
        private static long BodyLength(ReadOnlySpan<byte> m)
        {
            if (m.Length < 8)
            {
                return -1;
            }

            var table = (long)BinaryPrimitives.ReadUInt32LittleEndian(m);
            if (table + 4 > m.Length)
            {
                return -1;
            }

            var vtable = table - BinaryPrimitives.ReadInt32LittleEndian(m[(int)table..]);
            if (vtable < 0 || vtable + 4 > m.Length)
            {
                return -1;
            }

            var vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(m[(int)vtable..]);
            const int Slot = 4 + (2 * 3);
            if (vtableSize < Slot + 2 || vtable + Slot + 2 > m.Length)
            {
                return 0;
            }

            var field = BinaryPrimitives.ReadUInt16LittleEndian(m[(int)(vtable + Slot)..]);
            if (field == 0)
            {
                return 0;
            }

            return table + field + 8 > m.Length ? -1 : BinaryPrimitives.ReadInt64LittleEndian(m[(int)(table + field)..]);
        }

        private RecordBatch ReadSmall((long Start, int Length) part, string table)
        {
            var batches = ReadBatches(part, table);
            if (batches.Count == 1)
            {
                return batches[0];
            }

            // Small tables are written as one batch; another writer may split them or write none.
            var schema = SnapshotSchema.ForTable(table);
            if (batches.Count == 0)
            {
                return new RecordBatch(schema, schema.FieldsList.Select(f => EmptyArray(f.DataType)), 0);
            }

            throw Error(table, -1, null, $"the table has {batches.Count} record batches; a snapshot writes {table} as one.");
        }

        private static IArrowArray EmptyArray(IArrowType type) => type switch
        {
            StringType => new StringArray.Builder().Build(),
            Int32Type => new Int32Array.Builder().Build(),
            Date32Type => new Date32Array.Builder().Build(),
            UInt8Type => new UInt8Array.Builder().Build(),
            ListType list => new ListArray(list, 0, new ArrowBuffer(new byte[4]), EmptyArray(list.ValueDataType), ArrowBuffer.Empty),
            StructType s => new StructArray(s, 0, s.Fields.Select(f => EmptyArray(f.DataType)), ArrowBuffer.Empty),
            _ => throw new NotSupportedException(type.Name),
        };

        private List<RecordBatch> ReadBatches((long Start, int Length) part, string table)
        {
            try
            {
                using var reader = new ArrowStreamReader(file.Memory(part.Start, part.Length));
                CheckSchema(reader.Schema, table);
                var batches = new List<RecordBatch>();
                while (reader.ReadNextRecordBatch() is { } batch)
                {
                    batches.Add(batch);
                }

                return batches;
            }
            catch (Exception e) when (e is not GraphDataException and not OutOfMemoryException)
            {
                throw Error(table, -1, null, $"not a readable Arrow IPC stream: {e.Message}");
            }
        }

        private void CheckSchema(Schema schema, string table)
        {
            var expected = SnapshotSchema.ForTable(table);
            var name = schema.Metadata is { } metadata && metadata.TryGetValue(SnapshotSchema.TableKey, out var n) ? n : null;
            if (name != table)
            {
                throw Error(table, -1, null, $"the stream is {(name is null ? "not a table of a snapshot" : $"the table '{name}'")}; expected the table '{table}' here (tables come in the order {string.Join(", ", SnapshotSchema.TableOrder)}).");
            }

            var version = schema.Metadata!.TryGetValue(SnapshotSchema.VersionKey, out var v) ? v : null;
            if (version != SnapshotSchema.Version)
            {
                throw Error(table, -1, null, $"snapshot format version '{version}'; this library reads version {SnapshotSchema.Version}.");
            }

            for (var i = 0; i < Math.Max(schema.FieldsList.Count, expected.FieldsList.Count); i++)
            {
                var want = i < expected.FieldsList.Count ? expected.FieldsList[i] : null;
                var got = i < schema.FieldsList.Count ? schema.FieldsList[i] : null;
                if (want is null || got is null || got.Name != want.Name || got.IsNullable != want.IsNullable || !SameType(got.DataType, want.DataType))
                {
                    var gotText = got is null ? "nothing" : $"'{got.Name}' of type {Describe(got)}";
                    var wantText = want is null ? "no more columns" : $"'{want.Name}' of type {Describe(want)}";
                    throw Error(table, -1, want?.Name ?? got?.Name, $"column {i + 1} is {gotText}; expected {wantText}.");
                }
            }
        }

        private static bool SameType(IArrowType a, IArrowType b) => (a, b) switch
        {
            (ListType x, ListType y) => x.ValueField.IsNullable == y.ValueField.IsNullable && SameType(x.ValueDataType, y.ValueDataType),
            (StructType x, StructType y) => x.Fields.Count == y.Fields.Count
                && x.Fields.Zip(y.Fields).All(f => f.First.Name == f.Second.Name && f.First.IsNullable == f.Second.IsNullable && SameType(f.First.DataType, f.Second.DataType)),
            (DictionaryType x, DictionaryType y) => SameType(x.IndexType, y.IndexType) && SameType(x.ValueType, y.ValueType),
            _ => a.TypeId == b.TypeId,
        };

        private static string Describe(Field field) => Describe(field.DataType) + (field.IsNullable ? string.Empty : " (not null)");

        private static string Describe(IArrowType type) => type switch
        {
            ListType list => $"list<{Describe(list.ValueField)}>",
            StructType s => $"struct<{string.Join(", ", s.Fields.Select(f => $"{f.Name}: {Describe(f)}"))}>",
            DictionaryType d => $"dictionary<{Describe(d.IndexType)}, {Describe(d.ValueType)}>",
            _ => type.Name,
        };

        private ActorEvent Event(RecordBatch events, int row, StringArray actorIds, StringArray sourceIds)
        {
            var kindName = Required(events, "events", row, 1);
            var kind = EventKind.TryParse(kindName, out var k) ? k
                : throw Error("events", row, "kind", $"unknown event kind '{kindName}'; expected one of {string.Join(", ", EventKind.All.Select(x => x.Name))}.");
            var actor = Column<Int32Array>(events, 2).GetValue(row)!.Value;
            if ((uint)actor >= (uint)actorIds.Length)
            {
                throw Error("events", row, "actor", $"actor number {actor} is not a row of the actors table (0 to {actorIds.Length - 1}).");
            }

            var first = Column<Date32Array>(events, 3).Values[row] + SnapshotSchema.EpochDayNumber;
            var last = Column<Date32Array>(events, 4).Values[row] + SnapshotSchema.EpochDayNumber;
            var time = Time("events", row, first, last, Column<UInt8Array>(events, 5).Values[row], openLast: null);
            var list = Column<ListArray>(events, 7);
            var items = (StructArray)list.Values;
            var evidence = new List<Evidence>();
            for (var e = list.ValueOffsets[row]; e < list.ValueOffsets[row + 1]; e++)
            {
                var source = ((Int32Array)items.Fields[0]).GetValue(e)!.Value;
                if ((uint)source >= (uint)sourceIds.Length)
                {
                    throw Error("events", row, "evidence", $"source number {source} is not a row of the sources table (0 to {sourceIds.Length - 1}).");
                }

                evidence.Add(new Evidence(sourceIds.GetString(source), Optional((StringArray)items.Fields[1], e, "events", row, "evidence") ?? throw Error("events", row, "evidence", "a quote is null.")));
            }

            return new ActorEvent(
                Required(events, "events", row, 0), kind, new ActorId(actorIds.GetString(actor)), time, Required(events, "events", row, 6), evidence, Optional(Column<StringArray>(events, 8), row, "events", row, "note"));
        }

        /// <summary>
        /// A time from its columns, or the error naming what is wrong: the first and last day must be the first and
        /// last day of the dates they stand for, at the precisions the time byte gives.
        /// </summary>
        public TimeExtent Time(string table, int row, int first, int last, byte bits, int? openLast)
        {
            var error = TimeError(first, last, bits);
            if (error is not null)
            {
                throw Error(table, row, error.Value.Column, error.Value.Problem);
            }

            var time = RelationColumns.Decode(first, last, bits);
            if (openLast is { } known && (bits & 3) == 2 && known != last)
            {
                throw Error(table, row, "last_day", $"an open period's last day must be the last day its sources know of, {DateOnly.FromDayNumber(known):yyyy-MM-dd}; it is {DateOnly.FromDayNumber(last):yyyy-MM-dd}.");
            }

            return time;
        }

        private T Make<T>(string table, int row, Func<T> make)
        {
            try
            {
                return make();
            }
            catch (ArgumentException e)
            {
                throw Error(table, row, null, e.Message.Split(" (Parameter")[0]);
            }
        }

        private string Required(RecordBatch batch, string table, int row, int column)
        {
            var array = Column<StringArray>(batch, column);
            var bytes = array.GetBytes(row, out var isNull);
            var name = batch.Schema.FieldsList[column].Name;
            if (isNull)
            {
                throw Error(table, row, name, "a value is required.");
            }

            return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : throw Error(table, row, name, "the text is not valid UTF-8.");
        }

        private string? Optional(StringArray array, int index, string table, int row, string column)
        {
            var bytes = array.GetBytes(index, out var isNull);
            return isNull ? null : Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : throw Error(table, row, column, "the text is not valid UTF-8.");
        }

        private PartialDate Date(string text, string table, int row, string column) =>
            PartialDate.TryParse(text, out var date, out var error) ? date : throw Error(table, row, column, error);

        private void Ascending(StringArray ids, int row, string table)
        {
            if (row > 0 && ids.GetBytes(row - 1).SequenceCompareTo(ids.GetBytes(row)) >= 0)
            {
                throw Error(table, row, "id", $"the {table} must be sorted by id, each once (ordinal); '{ids.GetString(row)}' comes after '{ids.GetString(row - 1)}'.");
            }
        }

        private static T Column<T>(RecordBatch batch, int column)
            where T : IArrowArray => (T)batch.Column(column);

        private static int Rows(RecordBatch batch) => batch.Length;

        private DataLocation Where(string table, int row) => new(path, 0, 0, string.Create(CultureInfo.InvariantCulture, $"{table}[{row}]"), null);
    }

    /// <summary>Some rows of some record batches: the file row each batch starts at, each batch's rows read (ascending), the file's row count.</summary>
    private sealed record Selection(int[] FileFirstRows, int[][] Rows, int FileRowCount);

    /// <summary>
    /// Checks relation record batches and makes the store's columns of them: every row of the file's batches, or
    /// (given a <see cref="Selection"/>) some rows of some, whose id ranks are then renumbered from 0 in the same order
    /// and whose texts are left in the file, checked when read, or (<paramref name="readTexts"/>) checked and copied.
    /// Errors name the file's rows and ranks either way.
    /// </summary>
    private sealed class RelationColumnsReader(
        Reading reading, List<RecordBatch> batches, ActorId[] actorIds, string[] sourceIds, SourceHorizon horizon, Selection? selection = null, bool readTexts = true)
    {
        // Whether the texts are read now: every row's, or those of the rows picked when asked to.
        private readonly bool textsNow = selection is null || readTexts;

        // Of some rows only: the file row each batch starts at, the rows of each batch read, and the file's row count.
        private readonly int[]? fileFirstRows = selection?.FileFirstRows;
        private readonly int[][]? picked = selection?.Rows;
        private readonly int fileRowCount = selection?.FileRowCount ?? 0;

        // Of some rows only: each row's id rank in the file, by the rank it is renumbered to.
        private int[]? fileRanks;

        // Of some rows only, texts left in the file: each batch's evidence items of the rows read (their quotes'
        // indexes), in row order.
        private int[][] pickedItems = [];

        // The texts a check copies of the rows read, by kind: ids, labels, notes, quotes.
        private const int IdText = 0, LabelText = 1, NoteText = 2, QuoteText = 3;

        // Of some rows only, texts read now: each batch's ids, labels, notes and quotes of the rows read, copied by its check.
        private Utf8Column[][] copied = [];

        private int[] firstRow = [];
        private int[] firstEvidence = [];
        private byte[] kinds = [];
        private int[] sources = [];
        private int[] targets = [];
        private int[] firstDays = [];
        private int[] lastDays = [];
        private byte[] shapes = [];
        private int[] idRanks = [];
        private int[] evidenceStart = [];
        private int[] evidenceSources = [];

        // Each id's first 16 bytes (zero-padded, read big-endian) by id rank: the id order is checked on these.
        private UInt128[] keys = [];

        public RelationStore Read()
        {
            var count = batches.Count;
            firstRow = new int[count + 1];
            firstEvidence = new int[count + 1];
            for (var b = 0; b < count; b++)
            {
                var evidence = (ListArray)batches[b].Column(9);
                firstRow[b + 1] = checked(firstRow[b] + (picked is null ? batches[b].Length : picked[b].Length));
                var offsets = evidence.ValueOffsets;
                var items = offsets.Length == 0 ? 0 : offsets[^1] - offsets[0];
                if (picked is not null)
                {
                    items = 0;
                    foreach (var i in picked[b])
                    {
                        items += offsets[i + 1] - offsets[i];
                    }
                }

                firstEvidence[b + 1] = checked(firstEvidence[b] + items);
            }

            var n = firstRow[count];
            (kinds, sources, targets, firstDays, lastDays, shapes, idRanks) = (new byte[n], new int[n], new int[n], new int[n], new int[n], new byte[n], new int[n]);
            evidenceStart = new int[n + 1];
            evidenceSources = new int[firstEvidence[count]];
            keys = textsNow ? new UInt128[n] : [];

            // Each batch is checked and copied on its own; the error of the earliest row wins, as a sequential read would report it.
            var errors = new GraphDataException?[count];
            pickedItems = new int[picked is null || textsNow ? 0 : count][];
            copied = new Utf8Column[picked is null || !textsNow ? 0 : count][];
            if (textsNow && count > 0)
            {
                // Every byte of the relations, or of the batches holding rows picked, is read in order: read-around
                // helps (a touching read's graph of the actors alone reads none, and leaves the mapping read at random).
                reading.File.ReadAtRandom(false);
            }

            Parallel.For(0, count, b =>
            {
                if (!textsNow)
                {
                    for (var ahead = b; ahead < Math.Min(b + ReadAheadBatches, count); ahead++)
                    {
                        reading.File.ReadAhead(ColumnsOfSomeRows(batches[ahead]));
                    }
                }

                errors[b] = Batch(b);
                reading.File.DropPages(Buffers(batches[b]));
            });
            if (errors.FirstOrDefault(e => e is not null) is { } first)
            {
                throw first;
            }

            if (picked is not null)
            {
                Renumber(n);
            }
            // The rows' order is checked now, as the actor graph relies on it; the id order is made and checked on a
            // thread of its own while the graph links the actors (100M: 3 s beside 11 s). Of some rows whose texts
            // are left in the file, the ids are not read: their ranks give the order (each row's own, checked as they
            // are renumbered).
            CheckOrderAcrossBatches(n);
            var ids = Texts(b => (StringArray)batches[b].Column(0), all: true, "id", IdText);
            var idRankToRow = Task.Factory.StartNew(
                () =>
                {
                    var order = Order(n);
                    if (textsNow)
                    {
                        CheckIdOrder(ids, order);
                    }

                    return order;
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            return RelationStore.FromRows(
                kinds, sources, targets, firstDays, lastDays, shapes, idRanks, idRankToRow, ids, Texts(b => (StringArray)batches[b].Column(8), all: true, "label", LabelText),
                batches.Any(b => b.Column(10).NullCount < b.Length) ? Texts(b => (StringArray)batches[b].Column(10), all: true, "note", NoteText) : null,
                evidenceStart, evidenceSources, Texts(Quotes, all: false, "quote", QuoteText), actorIds, sourceIds);
        }

        /// <summary>
        /// The buffers a read of some rows reads: all but the texts and the validity bitmaps (read only for a column
        /// that has nulls): kind, source, target, directed, first and last day, time, the evidence lists and the
        /// sources they cite, id rank.
        /// </summary>
        private static IEnumerable<ReadOnlyMemory<byte>> ColumnsOfSomeRows(RecordBatch batch)
        {
            foreach (var c in new[] { 1, 2, 3, 4, 5, 6, 7, 9, 11 })
            {
                yield return batch.Column(c).Data.Buffers[1].Memory;
            }

            yield return ((StructArray)((ListArray)batch.Column(9)).Values).Fields[0].Data.Buffers[1].Memory;
        }

        private StringArray Quotes(int b) => (StringArray)((StructArray)((ListArray)batches[b].Column(9)).Values).Fields[1];

        // Runs once per batch over up to 65,536 rows: compiled optimized at once, not first as quick unoptimized code.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private GraphDataException? Batch(int b)
        {
            var batch = batches[b];
            var at = firstRow[b];
            var pick = picked?[b];
            var n = pick?.Length ?? batch.Length;
            try
            {
                var idArray = (StringArray)batch.Column(0);
                var kindArray = (DictionaryArray)batch.Column(1);
                var kindIndices = ((Int8Array)kindArray.Indices).Values;
                var kindNames = (StringArray)kindArray.Dictionary;
                var kindOf = KindNumbers(kindNames);
                var source = ((Int32Array)batch.Column(2)).Values;
                var target = ((Int32Array)batch.Column(3)).Values;
                var directed = (BooleanArray)batch.Column(4);
                var first = ((Date32Array)batch.Column(5)).Values;
                var last = ((Date32Array)batch.Column(6)).Values;
                var time = ((UInt8Array)batch.Column(7)).Values;
                var labelArray = (StringArray)batch.Column(8);
                var evidence = (ListArray)batch.Column(9);
                var evidenceOffsets = evidence.ValueOffsets;
                var items = (StructArray)evidence.Values;
                var citedArray = (Int32Array)items.Fields[0];
                var quoteArray = (StringArray)items.Fields[1];
                var noteArray = (StringArray)batch.Column(10);
                var rank = ((Int32Array)batch.Column(11)).Values;
                if (NullError(b) is { } nullError)
                {
                    return nullError;
                }

                // Where the next row's evidence goes: the batch's items in order, or those of the rows read.
                var cursor = firstEvidence[b];

                // The loop runs 100 million times for a big snapshot: the columns as spans, texts sliced directly.
                ReadOnlySpan<int> idOffsets = idArray.ValueOffsets, labelOffsets = labelArray.ValueOffsets, quoteOffsets = quoteArray.ValueOffsets, noteOffsets = noteArray.ValueOffsets;
                ReadOnlySpan<byte> idData = idArray.Values, labelData = labelArray.Values, quoteData = quoteArray.Values, noteData = noteArray.Values, directedBits = directed.Values;
                var cites = citedArray.Values;
                var (notesNull, directedOffset, noteOffset) = (noteArray.NullCount > 0, directed.Offset, noteArray.Offset);
                ReadOnlySpan<byte> noteValid = notesNull ? noteArray.NullBitmapBuffer.Span : default;
                var previous = default(RowPlace);

                // Texts are checked a column at a time: when a column's bytes are all valid (UTF-8, or of the id
                // alphabet) and each row's text starts on a character, no row needs its own check. A column that fails
                // is checked row by row, which names the row (a million rows, loaded warm: 0.19 s of CPU became 0.165).
                // A read of some rows checks only theirs, row by row, or (texts left in the file) none: each is then
                // checked when it is read (see Texts).
                var whole = pick is null;
                var (idsInAlphabet, labelsValid) = (whole && InAlphabet(idOffsets, idData), whole && AllUtf8(labelOffsets, labelData));
                var (quotesValid, notesValid) = (whole && AllUtf8(quoteOffsets, quoteData), whole && AllUtf8(noteOffsets, noteData));
                for (var j = 0; j < n; j++)
                {
                    var (row, i) = (at + j, pick is null ? j : pick[j]);
                    if (textsNow && IdError(idData[idOffsets[i]..idOffsets[i + 1]], idsInAlphabet) is { } idError)
                    {
                        return RowError(row, "id", idError);
                    }

                    var kindIndex = kindIndices[i];
                    if (kindIndex < 0 || kindIndex >= kindOf.Length || kindOf[kindIndex] < 0)
                    {
                        return RowError(row, "kind", KindProblem(kindIndex, kindOf, kindNames));
                    }

                    kinds[row] = (byte)kindOf[kindIndex];
                    if ((uint)source[i] >= (uint)actorIds.Length || (uint)target[i] >= (uint)actorIds.Length)
                    {
                        return ActorError(row, source[i], target[i]);
                    }

                    if (source[i] == target[i])
                    {
                        return SelfError(row, source[i]);
                    }

                    (sources[row], targets[row]) = (source[i], target[i]);
                    var dayFirst = first[i] + SnapshotSchema.EpochDayNumber;
                    var dayLast = last[i] + SnapshotSchema.EpochDayNumber;
                    if (TimeError(dayFirst, dayLast, time[i]) is { } bad)
                    {
                        return RowError(row, bad.Column, bad.Problem);
                    }

                    (firstDays[row], lastDays[row]) = (dayFirst, dayLast);
                    var bit = directedOffset + i;
                    shapes[row] = (byte)(time[i] | ((directedBits[bit >> 3] >> (bit & 7) & 1) != 0 ? 0x40 : 0));
                    if ((uint)rank[i] >= (uint)RankLimit)
                    {
                        return RankError(row, rank[i]);
                    }

                    idRanks[row] = rank[i];
                    if (textsNow && TextError(labelData[labelOffsets[i]..labelOffsets[i + 1]], "label", labelsValid) is { } labelError)
                    {
                        return RowError(row, "label", labelError);
                    }

                    // The validity bitmap read in place (Arrow's IsNull took a tenth of a load's checks).
                    if (textsNow && NoteError(noteOffsets, noteData, i, notesNull && !IsSet(noteValid, noteOffset + i), notesValid) is { } noteError)
                    {
                        return RowError(row, "note", noteError);
                    }

                    var (from, to) = (evidenceOffsets[i], evidenceOffsets[i + 1]);
                    if (to <= from)
                    {
                        return RowError(row, "evidence", "a relation needs at least one piece of evidence.");
                    }

                    var cited0 = cursor;
                    for (var e = from; e < to; e++)
                    {
                        var cited = cites[e];
                        if ((uint)cited >= (uint)sourceIds.Length)
                        {
                            return CitedError(row, cited);
                        }

                        if (textsNow && TextError(quoteData[quoteOffsets[e]..quoteOffsets[e + 1]], "quote", quotesValid) is { } quoteError)
                        {
                            return RowError(row, "evidence", quoteError);
                        }

                        evidenceSources[cursor++] = cited;
                    }

                    evidenceStart[row + 1] = cursor;
                    if ((time[i] & 3) == 2)
                    {
                        var known = horizon.LastKnownDayNumber(RelationColumns.Decode(dayFirst, dayLast, time[i]), evidenceSources.AsSpan(cited0, to - from));
                        if (known != dayLast)
                        {
                            return HorizonError(row, known, dayLast);
                        }
                    }

                    // Rows come by actor pair, then first day, then id (the store's order), so the load sorts nothing.
                    // Each row is compared with the one before in this batch (the first of each batch in Order).
                    var (low, high) = source[i] < target[i] ? (source[i], target[i]) : (target[i], source[i]);
                    var place = new RowPlace(low, high, dayFirst, rank[i]);
                    if (j > 0 && !place.Follows(previous))
                    {
                        return RowError(row, "id_rank", OutOfOrder);
                    }

                    previous = place;
                }

                if (textsNow)
                {
                    // The ids' keys by rank (by row when only some rows are read: put in rank order once renumbered),
                    // read now in row order while the batch's pages are in memory.
                    Span<byte> key = stackalloc byte[16];
                    for (var j = 0; j < n; j++)
                    {
                        var i = pick is null ? j : pick[j];
                        var id = idData[idOffsets[i]..idOffsets[i + 1]];
                        key.Clear();
                        id[..Math.Min(16, id.Length)].CopyTo(key);
                        keys[pick is null ? rank[i] : at + j] = BinaryPrimitives.ReadUInt128BigEndian(key);
                    }
                }

                if (pick is not null)
                {
                    // The evidence items of the rows read: their quotes are the quote column's rows.
                    var read = new int[cursor - firstEvidence[b]];
                    var k = 0;
                    foreach (var i in pick)
                    {
                        for (var e = evidenceOffsets[i]; e < evidenceOffsets[i + 1]; e++)
                        {
                            read[k++] = e;
                        }
                    }

                    if (textsNow)
                    {
                        // The texts of the rows read, copied while the batch's pages are in memory (a null note is empty).
                        copied[b] = new Utf8Column[4];
                        (copied[b][IdText], copied[b][LabelText]) = (Copy(idOffsets, idData, pick), Copy(labelOffsets, labelData, pick));
                        (copied[b][NoteText], copied[b][QuoteText]) = (Copy(noteOffsets, noteData, pick), Copy(quoteOffsets, quoteData, read));
                    }
                    else
                    {
                        pickedItems[b] = read;
                    }
                }

                return null;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return reading.Error("relations", FileRowOf(b, 0), null, $"the record batch from this row is malformed: {e.Message}");
            }
        }

        // The errors the checks above can find, each made in a method of its own, so that the checks' loop reads as
        // the checks alone (moving them out did not measurably shorten compiling the loop).

        /// <summary>The first null in a column that has none, or null.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private GraphDataException? NullError(int b)
        {
            var batch = batches[b];
            var evidence = (ListArray)batch.Column(9);
            var items = (StructArray)evidence.Values;
            var nullable = new (IArrowArray Array, string Column)[]
            {
                (batch.Column(0), "id"), (((DictionaryArray)batch.Column(1)).Indices, "kind"), (batch.Column(2), "source"), (batch.Column(3), "target"),
                (batch.Column(4), "directed"), (batch.Column(5), "first_day"), (batch.Column(6), "last_day"), (batch.Column(7), "time"), (batch.Column(8), "label"),
                (evidence, "evidence"), (batch.Column(11), "id_rank"), (items, "evidence"), (items.Fields[0], "evidence"), (items.Fields[1], "evidence"),
            };
            foreach (var (array, column) in nullable)
            {
                if (array.NullCount > 0)
                {
                    var row = Enumerable.Range(0, array.Length).First(array.IsNull);
                    return column == "evidence" && array != evidence
                        ? reading.Error("relations", FileRowOf(b, RowOfItem(evidence.ValueOffsets, row)), "evidence", "an evidence item, its source or its quote is null; each needs both.")
                        : reading.Error("relations", FileRowOf(b, row), column, "a value is required.");
                }
            }

            return null;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static int[] KindNumbers(StringArray names) =>
            Enumerable.Range(0, names.Length).Select(i => RelationKind.TryParse(names.GetString(i), out var k) ? k.Ordinal : -1).ToArray();

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static string IdProblem(ReadOnlySpan<byte> id) => !Utf8.IsValid(id)
            ? "the id is not valid UTF-8."
            : Identifier.Check(Encoding.UTF8.GetString(id)) ?? "the id is not valid.";

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static string KindProblem(int kindIndex, int[] kindOf, StringArray kindNames)
        {
            var name = kindIndex >= 0 && kindIndex < kindOf.Length ? $"'{kindNames.GetString(kindIndex)}'" : $"index {kindIndex}";
            return $"unknown relation kind {name}; expected one of {string.Join(", ", RelationKind.All.Select(x => x.Name))}.";
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private GraphDataException ActorError(int row, int source, int target)
        {
            var (column, value) = (uint)source >= (uint)actorIds.Length ? ("source", source) : ("target", target);
            return RowError(row, column, $"actor number {value} is not a row of the actors table (0 to {actorIds.Length - 1}).");
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private GraphDataException SelfError(int row, int actor) =>
            RowError(row, "target", $"the relation goes from '{actorIds[actor]}' to itself; a relation joins two different actors.");

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private GraphDataException RankError(int row, int rank) =>
            RowError(row, "id_rank", $"the id rank {rank} lies outside 0 to {RankLimit - 1}.");

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private GraphDataException CitedError(int row, int cited) =>
            RowError(row, "evidence", $"source number {cited} is not a row of the sources table (0 to {sourceIds.Length - 1}).");

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private GraphDataException HorizonError(int row, int known, int last) => RowError(
            row, "last_day", $"an open period's last day must be the last day its sources know of, {DateOnly.FromDayNumber(known):yyyy-MM-dd}; it is {DateOnly.FromDayNumber(last):yyyy-MM-dd}.");

        /// <summary>Id ranks run from 0 to the file's row count less one.</summary>
        private int RankLimit => picked is null ? idRanks.Length : fileRowCount;

        /// <summary>An error at a row, named by its row in the file.</summary>
        private GraphDataException RowError(int row, string? column, string problem) => reading.Error("relations", FileRow(row), column, problem);

        /// <summary>The file's row of a row read (the same row when every row is read).</summary>
        private int FileRow(int row)
        {
            if (picked is null)
            {
                return row;
            }

            var b = System.Array.BinarySearch(firstRow, row);
            b = b >= 0 ? b : ~b - 1;
            while (b + 1 < batches.Count && firstRow[b + 1] <= row)
            {
                b++;
            }

            return fileFirstRows![b] + picked[b][row - firstRow[b]];
        }

        /// <summary>The file's row of a batch's row.</summary>
        private int FileRowOf(int b, int row) => (fileFirstRows is null ? firstRow[b] : fileFirstRows[b]) + row;

        /// <summary>The file's id rank of a rank as renumbered (the same rank when every batch is read).</summary>
        private int FileRank(int rank) => fileRanks is null ? rank : fileRanks[rank];

        /// <summary>
        /// Of some batches only: renumbers the rows' id ranks from 0, in the file's rank order (a rank twice is refused
        /// here, by the file's numbers), and puts the ids' keys, read by row (when the texts are read now), in rank order.
        /// </summary>
        private void Renumber(int n)
        {
            var order = new int[n];
            var ranks = new ulong[n];
            for (var row = 0; row < n; row++)
            {
                (order[row], ranks[row]) = (row, (uint)idRanks[row]);
            }

            Graph.KeySort.Order(ranks, order);
            fileRanks = new int[n];
            var byRank = new UInt128[keys.Length];
            for (var r = 0; r < n; r++)
            {
                var row = order[r];
                if (r > 0 && ranks[r] == ranks[r - 1])
                {
                    throw RowError(row, "id_rank", $"the id rank {ranks[r]} is also row {FileRow(order[r - 1])}'s; each row has its own.");
                }

                (fileRanks[r], idRanks[row]) = (idRanks[row], r);
                if (byRank.Length > 0)
                {
                    byRank[r] = keys[row];
                }
            }

            keys = byRank;
        }

        private const string OutOfOrder = "the rows are not in the snapshot's order: by actor pair (the smaller actor number first), then first day, then id rank, each row once.";

        private (string Column, string Problem)? OrderError(int row) => Place(row).Follows(Place(row - 1)) ? null : ("id_rank", OutOfOrder);

        private RowPlace Place(int row) =>
            new(Math.Min(sources[row], targets[row]), Math.Max(sources[row], targets[row]), firstDays[row], idRanks[row]);

        private static int RowOfItem(ReadOnlySpan<int> offsets, int item)
        {
            var row = 0;
            while (row + 1 < offsets.Length && offsets[row + 1] - offsets[0] <= item)
            {
                row++;
            }

            return row;
        }

        /// <summary>Whether every text of a text column is valid UTF-8 (see <see cref="Whole"/>).</summary>
        private static bool AllUtf8(ReadOnlySpan<int> offsets, ReadOnlySpan<byte> data) => Whole(offsets, data, utf8: true);

        /// <summary>Whether every id of an id column is of the id alphabet (see <see cref="Whole"/>).</summary>
        private static bool InAlphabet(ReadOnlySpan<int> offsets, ReadOnlySpan<byte> data) => Whole(offsets, data, utf8: false);

        /// <summary>
        /// Whether every text of a column passes a check made once on the bytes from its first offset to its last, as
        /// UTF-8 (then each offset must fall on a character's first byte) or as the id alphabet (a byte a character).
        /// False, to be checked row by row, when the bytes fail or an offset lies outside them.
        /// </summary>
        private static bool Whole(ReadOnlySpan<int> offsets, ReadOnlySpan<byte> data, bool utf8)
        {
            if (offsets.Length == 0)
            {
                return true;
            }

            var (from, to) = (offsets[0], offsets[^1]);
            if (from < 0 || from > to || to > data.Length || !(utf8 ? Utf8.IsValid(data[from..to]) : Identifier.InAlphabet(data[from..to])))
            {
                return false;
            }

            foreach (var at in offsets)
            {
                if (at < from || at > to || (utf8 && at < to && (data[at] & 0xC0) == 0x80))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>What is wrong with an id, or null: known to be of the id alphabet when its column was checked whole (<paramref name="inAlphabet"/>).</summary>
        private static string? IdError(ReadOnlySpan<byte> id, bool inAlphabet) =>
            (inAlphabet ? Identifier.IsValidIfInAlphabet(id) : Identifier.IsValid(id)) ? null : IdProblem(id);

        /// <summary>What is wrong with a note (text <paramref name="i"/> of a column), or null: a null must be empty, a text valid UTF-8 (known to be when <paramref name="valid"/>).</summary>
        private static string? NoteError(ReadOnlySpan<int> offsets, ReadOnlySpan<byte> data, int i, bool isNull, bool valid) =>
            isNull ? (offsets[i + 1] == offsets[i] ? null : "a null note has text; a null must be empty.")
            : Utf8OrChecked(data[offsets[i]..offsets[i + 1]], valid) ? null : "the note is not valid UTF-8.";

        /// <summary>Whether a bit of a bitmap (Arrow's order: least significant first) is set.</summary>
        private static bool IsSet(ReadOnlySpan<byte> bitmap, int index) => ((bitmap[index >> 3] >> (index & 7)) & 1) != 0;

        /// <summary>Whether a text is valid UTF-8: known to be when its column was checked whole (<paramref name="valid"/>).</summary>
        private static bool Utf8OrChecked(ReadOnlySpan<byte> text, bool valid) => valid || Utf8.IsValid(text);

        private static string? TextError(ReadOnlySpan<byte> text, string what, bool valid)
        {
            if (!Utf8OrChecked(text, valid))
            {
                return $"the {what} is not valid UTF-8.";
            }

            // Most texts start with a visible ASCII character; only the rest are decoded to look for one.
            if (text.IsEmpty || (text[0] is <= 0x20 or >= 0x7F && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(text))))
            {
                return $"the {what} must not be empty or white space.";
            }

            return null;
        }

        /// <summary>The id order's inverse, checking the ranks are each row's once.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private int[] Order(int n)
        {
            var idRankToRow = new int[n];
            System.Array.Fill(idRankToRow, -1);
            for (var row = 0; row < n; row++)
            {
                if (idRankToRow[idRanks[row]] >= 0)
                {
                    throw RowError(row, "id_rank", $"the id rank {FileRank(idRanks[row])} is also row {FileRow(idRankToRow[idRanks[row]])}'s; each row has its own.");
                }

                idRankToRow[idRanks[row]] = row;
            }

            return idRankToRow;
        }

        /// <summary>The row order where one batch meets the next (each batch's own rows were checked with it).</summary>
        private void CheckOrderAcrossBatches(int n)
        {
            for (var b = 1; b < batches.Count; b++)
            {
                if (firstRow[b] < n && firstRow[b] > 0 && OrderError(firstRow[b]) is { } error)
                {
                    throw RowError(firstRow[b], error.Column, error.Problem);
                }
            }
        }

        /// <summary>
        /// Checks that the ids ascend in id-rank order, each once: the id order holds, with no id twice. The ranks'
        /// 16-byte keys decide (ids hold no zero byte, so zero padding keeps the order); only ids equal in their first
        /// 16 bytes are compared whole.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void CheckIdOrder(Utf8Column ids, int[] idRankToRow)
        {
            for (var r = 1; r < idRankToRow.Length; r++)
            {
                if (keys[r - 1] < keys[r])
                {
                    continue;
                }

                var (previous, row) = (idRankToRow[r - 1], idRankToRow[r]);
                var order = ids[previous].SequenceCompareTo(ids[row]);
                if (order >= 0)
                {
                    throw RowError(
                        row, order == 0 ? "id" : "id_rank",
                        order == 0 ? $"duplicate relation id '{Encoding.UTF8.GetString(ids[row])}' (also row {FileRow(previous)}); ids must be unique."
                            : $"the id rank {FileRank(r)} does not follow the id order: '{Encoding.UTF8.GetString(ids[row])}' comes before '{Encoding.UTF8.GetString(ids[previous])}' (rank {FileRank(r - 1)}).");
                }
            }

            keys = [];
        }

        /// <summary>Some texts of a text column (by their index), copied into one block.</summary>
        private static Utf8Column Copy(ReadOnlySpan<int> offsets, ReadOnlySpan<byte> data, int[] rows)
        {
            var ends = new int[rows.Length + 1];
            for (var k = 0; k < rows.Length; k++)
            {
                ends[k + 1] = ends[k] + offsets[rows[k] + 1] - offsets[rows[k]];
            }

            var bytes = new byte[ends[^1]];
            for (var k = 0; k < rows.Length; k++)
            {
                data[offsets[rows[k]]..offsets[rows[k] + 1]].CopyTo(bytes.AsSpan(ends[k]));
            }

            return new Utf8Column([new Utf8Column.Block(ends, bytes)]);
        }

        /// <summary>Every buffer of a batch, nested arrays and dictionaries included.</summary>
        private static IEnumerable<ReadOnlyMemory<byte>> Buffers(RecordBatch batch)
        {
            var stack = new Stack<ArrayData>(batch.Arrays.Select(a => a.Data));
            while (stack.TryPop(out var data))
            {
                foreach (var buffer in data.Buffers ?? [])
                {
                    yield return buffer.Memory;
                }

                foreach (var child in data.Children ?? [])
                {
                    stack.Push(child);
                }

                if (data.Dictionary is { } dictionary)
                {
                    stack.Push(dictionary);
                }
            }
        }

        /// <summary>
        /// A text column of all batches (<paramref name="all"/> its rows, else the evidence items), each batch's
        /// buffers one block, read in place. Of some rows, their copies (<paramref name="text"/>) when the texts are read
        /// now; else each block's rows are theirs alone, and each text is checked as it is read (<paramref name="name"/>
        /// names what it is) and refused with its file row.
        /// </summary>
        private Utf8Column Texts(Func<int, StringArray> column, bool all, string name, int text)
        {
            if (picked is not null && textsNow)
            {
                // Of some rows, texts read now: their copies, made by each batch's check while its pages were in memory.
                return Utf8Column.Concat(copied.Select(c => c[text]));
            }

            var blocks = new List<Utf8Column.Block>(batches.Count);
            for (var b = 0; b < batches.Count; b++)
            {
                var array = column(b);
                var (from, count) = (0, array.Length);
                if (!all && picked is null)
                {
                    var offsets = ((ListArray)batches[b].Column(9)).ValueOffsets;
                    (from, count) = offsets.Length == 0 ? (0, 0) : (offsets[0], offsets[^1] - offsets[0]);
                }

                var offsetBytes = array.ValueOffsetsBuffer.Memory.Slice((array.Offset + from) * 4, (count + 1) * 4);
                var block = new Utf8Column.Block(MappedFile.AsInts(offsetBytes), array.ValueBuffer.Memory);
                blocks.Add(picked is null ? block : block with { Rows = all ? picked[b] : pickedItems[b], Check = LaterCheck(b, array, all, name) });
            }

            return new Utf8Column(blocks);
        }

        /// <summary>The check of a batch's texts of some rows, made as each is read: as a whole read checks them when it reads them.</summary>
        private TextCheck LaterCheck(int b, StringArray array, bool all, string name)
        {
            var evidence = (ListArray)batches[b].Column(9);
            var (nulls, offset) = (array.NullCount > 0, array.Offset);
            return index =>
            {
                var offsets = array.ValueOffsets;
                var data = array.Values;
                var (from, to) = (offsets[index], offsets[index + 1]);
                var isNull = nulls && !IsSet(array.NullBitmapBuffer.Span, offset + index);
                var problem = (isNull && name == "note") || (from >= 0 && from <= to && to <= data.Length) ? name switch
                {
                    "id" => IdError(data[from..to], inAlphabet: false),
                    "note" => NoteError(offsets, data, index, isNull, valid: false),
                    _ => TextError(data[from..to], name, valid: false),
                } : $"the {name}'s offsets ({from} to {to}) lie outside the column's {data.Length} bytes.";
                if (problem is not null)
                {
                    var row = all ? index : RowOfItem(evidence.ValueOffsets, index - evidence.ValueOffsets[0]);
                    throw reading.Error("relations", FileRowOf(b, row), all ? name : "evidence", problem);
                }
            };
        }
    }
}
