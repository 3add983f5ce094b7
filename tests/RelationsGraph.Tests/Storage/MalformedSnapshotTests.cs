using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using RelationsGraph.Common;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Storage;
using RelationsGraph.Time;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Storage;

/// <summary>
/// The malformed-snapshot corpus: a valid snapshot with one thing broken each, and the one error each must give,
/// naming the file, the table, the row and the column (as <c>table[row].column</c>), never a half-loaded graph.
/// </summary>
public sealed class MalformedSnapshotTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-badsnap-").FullName;

    public static TheoryData<string> Cases => new(Corpus.Keys);

    /// <summary>
    /// The cases a read for some actors finds too: all but a duplicate id (it takes the id order from the ranks) and
    /// a null note with text where every note is null (such a graph has no notes, so no note's text is ever read;
    /// where some note is not null, see <see cref="ReadForSomeActors_FindsANullNoteWithText_WhenItsRelationIsRead"/>).
    /// </summary>
    public static TheoryData<string> TouchingCases => new(Corpus.Keys.Except(["duplicate-id", "null-note-with-text", "null-note-running-back"]));

    private static readonly Dictionary<string, (Func<byte[], byte[]> Break, string Message)> Corpus = new()
    {
        ["empty"] = (_ => [], "The snapshot is empty; expected Arrow IPC streams of the tables sources, actors, events and relations."),
        ["truncated-in-relations"] = (b => b[..(b.Length - 100)], "The snapshot is truncated or corrupt in table relations: a message runs past the end of the file (FILELENGTH bytes)."),
        ["truncated-in-sources"] = (b => b[..40], "The snapshot is truncated or corrupt in table sources: a message runs past the end of the file (40 bytes)."),
        ["garbage-after-the-tables"] = (b => [.. b, .. "{\"a\":1}\n"u8], "Not an Arrow IPC stream at byte ORIGINALLENGTH (table relations); a snapshot is the Arrow IPC streams of its tables, one after another."),
        ["relations-missing"] = (b => Rewrite(b, tables => tables.RemoveAt(3)), "The snapshot ends after 3 table(s); expected sources, actors, events, relations."),
        ["column-renamed"] = (b => Rewrite(b, t => t[3] = Rename(t[3], 5, "start")), "relations.first_day: Column 6 is 'start' of type date32 (not null); expected 'first_day' of type date32 (not null)."),
        ["tables-swapped"] = (b => Rewrite(b, t => (t[0], t[1]) = (t[1], t[0])), "sources: The stream is the table 'actors'; expected the table 'sources' here (tables come in the order sources, actors, events, relations)."),
        ["dangling-actor"] = (b => Relations(b, 2, a => Ints(a, 1, 99)), "relations[1].source: Actor number 99 is not a row of the actors table (0 to 2)."),
        ["dangling-source"] = (b => Relations(b, 9, a => Evidence(a, source: 5)), "relations[0].evidence: Source number 5 is not a row of the sources table (0 to 0)."),
        ["self-loop"] = (b => Relations(b, 3, a => Ints(a, 0, 0)), "relations[0].target: The relation goes from 'A' to itself; a relation joins two different actors."),
        ["month-starting-mid-month"] = (b => Relations(b, 5, a => Dates(a, 3, 17_240)), "relations[3].first_day: 2017-03-15 is not the first day of a month, as the time byte's precision says."),
        ["day-past-year-9999"] = (b => Relations(b, 6, a => Dates(a, 0, 3_000_000)), "relations[0].last_day: The last day lies outside the years 1 to 9999."),
        ["period-ending-before-it-starts"] = (b => Relations(b, 6, a => Dates(a, 2, 11_322)), "relations[2].last_day: The period ends before it starts; a period must end on or after the day it starts."),
        ["time-byte-out-of-range"] = (b => Relations(b, 7, a => Bytes(a, 1, 255)), "relations[1].time: The time byte 255 is not a shape (0 point, 1 closed, 2 open period) with precisions (0 day, 1 month, 2 year) of its ends."),
        ["label-not-utf8"] = (b => Relations(b, 8, a => Strings(a, 1, [0x66, 0xC3, 0x28])), "relations[1].label: The label is not valid UTF-8."),
        // Each of the two labels ends or starts inside a character that the other finishes: the column's bytes are valid UTF-8, the rows' are not.
        ["label-splitting-a-character"] = (b => Relations(b, 8, a => Strings(Strings(a, 1, [0x66, 0xC3]), 2, [0xA9, 0x66])), "relations[1].label: The label is not valid UTF-8."),
        ["quote-not-utf8"] = (b => Relations(b, 9, a => Quote(a, 2, [0x66, 0xE2, 0x82])), "relations[2].evidence: The quote is not valid UTF-8."),
        ["id-splitting-a-character"] = (b => Relations(b, 0, a => Strings(Strings(a, 1, [0x72, 0xC3]), 2, [0xA9, 0x72])), "relations[1].id: The id is not valid UTF-8."),
        // A null note must be empty: its offsets equal, whether they run forwards or back.
        ["null-note-with-text"] = (b => Relations(b, 10, a => NullWithText(a, 1, 1)), "relations[1].note: A null note has text; a null must be empty."),
        ["null-note-running-back"] = (b => Relations(b, 10, a => NullWithText(a, 1, -1)), "relations[1].note: A null note has text; a null must be empty."),
        // Row 1's id lies past the column's last offset, where no check of the column as a whole reaches; row 2's runs back.
        ["id-past-the-last-offset"] = (b => Relations(b, 0, IdPastTheLastOffset), "relations[1].id: The id 'a!' contains '!'; ids use ASCII letters, digits and . _ : - only."),
        ["label-blank"] = (b => Relations(b, 8, a => Strings(a, 2, " \t"u8.ToArray())), "relations[2].label: The label must not be empty or white space."),
        ["id-not-an-id"] = (b => Relations(b, 0, a => Strings(a, 0, "r 1"u8.ToArray())), "relations[0].id: The id 'r 1' contains ' '; ids use ASCII letters, digits and . _ : - only."),
        ["duplicate-id"] = (b => Relations(b, 0, a => Strings(a, 1, "r1"u8.ToArray())), "relations[1].id: Duplicate relation id 'r1' (also row 0); ids must be unique."),
        ["id-rank-twice"] = (b => Relations(b, 11, a => Ints(a, 3, ((Int32Array)a).Values[0])), "relations[3].id_rank: The id rank 0 is also row 0's; each row has its own."),
        ["id-rank-out-of-range"] = (b => Relations(b, 11, a => Ints(a, 2, 40)), "relations[2].id_rank: The id rank 40 lies outside 0 to 3."),
        ["rows-out-of-order"] = (b => Relations(b, 5, a => Dates(a, 1, 17_167)), "relations[1].id_rank: The rows are not in the snapshot's order: by actor pair (the smaller actor number first), then first day, then id rank, each row once."),
        ["open-period-horizon"] = (b => Relations(b, 6, a => Dates(a, 1, 21_915)), "relations[1].last_day: An open period's last day must be the last day its sources know of, 2021-09-04; it is 2030-01-01."),
        ["unknown-actor-kind"] = (b => Rewrite(b, t => t[1] = Replace(t[1], 2, Strings(t[1].Column(2), 0, "empire"u8.ToArray()))), "actors[0].kind: Unknown actor kind 'empire'; expected state, organization, person or group."),
        // Two errors: the actors' (found as the graph's directory is made, while the relations are being checked) is
        // earlier in the file than the relations' and wins; the relations' checks are waited out, not left running.
        ["actor-name-twice-and-a-dangling-actor"] = (b => Relations(Rewrite(b, t => t[1] = Replace(t[1], 1, Strings(t[1].Column(1), 1, "A name"u8.ToArray()))), 2, a => Ints(a, 1, 99)),
            "actors[1]: Actor 'B' uses the name 'A name', which already names actor 'A'; a name or alias must identify one actor."),
        ["actors-not-sorted"] = (b => Rewrite(b, t => t[1] = Replace(t[1], 0, Strings(t[1].Column(0), 1, "0"u8.ToArray()))), "actors[1].id: The actors must be sorted by id, each once (ordinal); '0' comes after 'A'."),
    };

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_FailsWithOneErrorNamingTableRowAndColumn(string name)
    {
        var (path, message) = Broken(name);

        var load = () => GraphFile.Load(path);

        load.Should().Throw<GraphDataException>().Which.Message.Should().Be($"{path}: {message}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_WithAWindow_FailsWithTheWholeLoadsError(string name)
    {
        var (path, message) = Broken(name);

        var load = () => GraphFile.Load(path, GraphLoadOptions.Default with { Window = TimeWindow.During(new PartialDate(1990)) });

        load.Should().Throw<GraphDataException>().Which.Message.Should().Be($"{path}: {message}");
    }

    [Theory]
    [MemberData(nameof(TouchingCases))]
    public void ReadForEveryActor_FailsWithTheWholeLoadsError_ByTheTimeItsRelationsAreRead(string name)
    {
        var (path, message) = Broken(name);

        // A text is checked when it is read, the rest as the snapshot is read.
        var read = () => SnapshotReader.ReadTouching(path, null, g => g.Actors.Select(a => a.Id)).Relations.ToList();

        read.Should().Throw<GraphDataException>().Which.Message.Should().Be($"{path}: {message}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReadForEveryActor_ReadingTheTextsWithTheRows_FailsWithTheWholeLoadsError(string name)
    {
        var (path, message) = Broken(name);

        // As for an answer that shows every relation it reads: the texts are read and checked with the rows.
        var read = () => SnapshotReader.ReadTouching(path, null, g => g.Actors.Select(a => a.Id), readTexts: true);

        read.Should().Throw<GraphDataException>().Which.Message.Should().Be($"{path}: {message}");
    }

    [Fact]
    public void ReadForSomeActors_FindsANullNoteWithText_WhenItsRelationIsRead()
    {
        // Row 0's note is null, row 1's is not; row 0 is broken to a null with text.
        var noted = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B"))
            .Add(Relation("r1", "A", "B", At("2017")))
            .Add(new Relation("r2", RelationKind.Treaty, new ActorId("A"), new ActorId("B"), At("2018"), "label r2", [Samples.Quote], false, "a note"))
            .Build();
        var valid = Path.Combine(folder, "noted.arrows");
        GraphFile.Save(valid, noted);
        var path = Path.Combine(folder, "noted-broken.arrows");
        // The notes "x" (marked null) and "a note": offsets 0, 1, 7; only row 1's validity bit set.
        var notes = new StringArray(2, new ArrowBuffer(new[] { 0, 1, 7 }.SelectMany(BitConverter.GetBytes).ToArray()), new ArrowBuffer("xa note"u8.ToArray()), new ArrowBuffer(new byte[] { 0b10 }), 1, 0);
        File.WriteAllBytes(path, Relations(File.ReadAllBytes(valid), 10, _ => notes));
        var error = $"{path}: relations[0].note: A null note has text; a null must be empty.";

        var whole = () => GraphFile.Load(path);
        var touching = SnapshotReader.ReadTouching(path, null, _ => [new ActorId("A")]);
        var read = () => touching.Relations.ToList();

        whole.Should().Throw<GraphDataException>().Which.Message.Should().Be(error);
        touching.Relations.Count.Should().Be(2);
        touching.Relations[1].Label.Should().Be("label r2", "the other row reads well");
        read.Should().Throw<GraphDataException>().Which.Message.Should().Be(error);
    }

    [Fact]
    public void ReadForSomeActors_TakesTheIdOrderFromTheRanks_SoOnlyAWholeReadFindsADuplicateId()
    {
        var (path, message) = Broken("duplicate-id");

        var whole = () => GraphFile.Load(path);
        var touching = SnapshotReader.ReadTouching(path, null, g => g.Actors.Select(a => a.Id));

        whole.Should().Throw<GraphDataException>().Which.Message.Should().Be($"{path}: {message}");
        touching.Relations.Select(r => r.Id).Should().Equal(["r1", "r1", "r3", "r4"], "the ids are not compared, so the rows keep their ranks' order");
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Triangle_OnASnapshotWithABrokenLabel_ExitsTwo_NamingTheRow_WithoutAHalfWrittenAnswer(string format)
    {
        var (path, message) = Broken("label-not-utf8");

        // The console reads a snapshot for a triangle's actors alone: as text, it reads the label when the answer shows
        // it (the answer is written once whole); as JSON, which shows every relation, with the rows, before writing.
        var run = Console.CliRunner.Run("triangle", "A", "B", "C", "--graph", path, "--format", format);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be($"error: {path}: {message}\n");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public void Validate_PrintsTheErrorOnOneLine_AndExitsTwo()
    {
        var (path, message) = Broken("dangling-actor");

        var run = Console.CliRunner.Run("validate", path);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be($"error: {path}: {message}\n");
    }

    [Fact]
    public void RowsOutOfOrder_AcrossABatchBoundary_AreFoundAtTheLaterBatchsFirstRow()
    {
        // 65,537 relations of one pair, a day apart: the writer's first batch holds 65,536 of them, the second the
        // last. Moved to day 5, that last row is out of order only against the row before it, in the other batch.
        var builder = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B"));
        var first = new DateOnly(1900, 1, 1);
        for (var i = 0; i <= SnapshotWriter.BatchRows; i++)
        {
            var day = first.AddDays(i);
            builder.Add(Relation($"r{i:D5}", "A", "B", TimeExtent.Point(new PartialDate(day.Year, day.Month, day.Day))));
        }

        var valid = Path.Combine(folder, "two-batches.arrows");
        GraphFile.Save(valid, builder.Build());
        var tables = Streams(File.ReadAllBytes(valid));
        tables[3].Should().HaveCount(2, "the relations take two record batches");
        tables[3][1].Length.Should().Be(1);
        var early = first.AddDays(5).DayNumber - new DateOnly(1970, 1, 1).DayNumber;
        tables[3][1] = Replace(Replace(tables[3][1], 5, Dates(tables[3][1].Column(5), 0, early)), 6, Dates(tables[3][1].Column(6), 0, early));
        var path = Path.Combine(folder, "out-of-order-across-batches.arrows");
        File.WriteAllBytes(path, Write(tables));

        var load = () => GraphFile.Load(path);

        load.Should().Throw<GraphDataException>().Which.Message.Should().Be(
            $"{path}: relations[65536].id_rank: The rows are not in the snapshot's order: by actor pair (the smaller actor number first), then first day, then id rank, each row once.");
    }

    [Fact]
    public void RowsReadForSomeActors_AreCheckedWhenRead_NamingTheFilesRows_AndTheRowsNotRead_AreNotChecked()
    {
        // A–B has 65,536 relations (the first batch), B–C three (the second). A B–C label is broken at file row 65,537.
        var builder = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B")).Add(Actor("C"));
        for (var i = 0; i < SnapshotWriter.BatchRows; i++)
        {
            builder.Add(Relation($"a{i:D5}", "A", "B", At("2017")));
        }

        for (var i = 0; i < 3; i++)
        {
            builder.Add(Relation($"c{i}", "B", "C", At("2018")));
        }

        var valid = Path.Combine(folder, "two-pairs.arrows");
        GraphFile.Save(valid, builder.Build());
        var tables = Streams(File.ReadAllBytes(valid));
        tables[3][1] = Replace(tables[3][1], 8, Strings(tables[3][1].Column(8), 1, " "u8.ToArray()));
        var path = Path.Combine(folder, "broken-second-batch.arrows");
        File.WriteAllBytes(path, Write(tables));
        var error = $"{path}: relations[65537].label: The label must not be empty or white space.";

        var whole = () => GraphFile.Load(path);
        var ofC = SnapshotReader.ReadTouching(path, null, _ => [new ActorId("C")]);
        var readC = () => ofC.Relations.ToList();
        var ofA = SnapshotReader.ReadTouching(path, null, _ => [new ActorId("A")]);

        whole.Should().Throw<GraphDataException>().Which.Message.Should().Be(error);
        ofC.Relations.Count.Should().Be(3, "the texts are read when a relation is");
        readC.Should().Throw<GraphDataException>().Which.Message.Should().Be(error, "the error names the row in the file, not among the rows read");
        ofC.Relations[0].Label.Should().NotBeEmpty("the rows before the broken one read well");
        ofA.Relations.Should().HaveCount(SnapshotWriter.BatchRows, "only A's relations are read, and the broken row is not one");
    }

    /// <summary>The snapshot every case breaks: three actors, one source, four relations (a point, an open and a closed period).</summary>
    private static RelationGraph Valid() => new RelationGraphBuilder()
        .Add(Source())
        .Add(Actor("A")).Add(Actor("B")).Add(Actor("C"))
        .Add(Relation("r1", "A", "B", At("2017-03-04")))
        .Add(Relation("r2", "A", "B", Period("2018")))
        .Add(Relation("r3", "B", "C", At("2017-03")))
        .Add(Relation("r4", "A", "C", Period("2001-02", "2003")))
        .Build();

    private (string Path, string Message) Broken(string name)
    {
        var valid = Path.Combine(folder, "valid.arrows");
        GraphFile.Save(valid, Valid());
        var bytes = File.ReadAllBytes(valid);
        var (breakIt, message) = Corpus[name];
        var broken = breakIt(bytes);
        var path = Path.Combine(folder, $"{name}.arrows");
        File.WriteAllBytes(path, broken);
        return (path, message.Replace("FILELENGTH", broken.Length.ToString(), StringComparison.Ordinal).Replace("ORIGINALLENGTH", bytes.Length.ToString(), StringComparison.Ordinal));
    }

    private static byte[] Relations(byte[] snapshot, int column, Func<IArrowArray, IArrowArray> change) =>
        Rewrite(snapshot, t => t[3] = Replace(t[3], column, change(t[3].Column(column))));

    /// <summary>Reads every stream of a snapshot, lets the case change the tables, and writes them back.</summary>
    private static byte[] Rewrite(byte[] snapshot, Action<List<RecordBatch>> change)
    {
        var tables = new List<RecordBatch>();
        using (var input = new MemoryStream(snapshot))
        {
            while (input.Position < input.Length)
            {
                using var reader = new ArrowStreamReader(input, leaveOpen: true);
                tables.Add(reader.ReadNextRecordBatch()!);
                reader.ReadNextRecordBatch().Should().BeNull();
            }
        }

        change(tables);
        using var output = new MemoryStream();
        foreach (var table in tables)
        {
            using var writer = new ArrowStreamWriter(output, table.Schema, leaveOpen: true);
            writer.WriteRecordBatch(table);
            writer.WriteEnd();
        }

        return output.ToArray();
    }

    /// <summary>Every record batch of every stream of a snapshot, stream by stream.</summary>
    private static List<List<RecordBatch>> Streams(byte[] snapshot)
    {
        var streams = new List<List<RecordBatch>>();
        using var input = new MemoryStream(snapshot);
        while (input.Position < input.Length)
        {
            using var reader = new ArrowStreamReader(input, leaveOpen: true);
            var batches = new List<RecordBatch>();
            while (reader.ReadNextRecordBatch() is { } batch)
            {
                batches.Add(batch);
            }

            streams.Add(batches);
        }

        return streams;
    }

    private static byte[] Write(List<List<RecordBatch>> streams)
    {
        using var output = new MemoryStream();
        foreach (var batches in streams)
        {
            using var writer = new ArrowStreamWriter(output, batches[0].Schema, leaveOpen: true);
            batches.ForEach(b => writer.WriteRecordBatch(b));
            writer.WriteEnd();
        }

        return output.ToArray();
    }

    private static RecordBatch Replace(RecordBatch batch, int column, IArrowArray array) =>
        new(batch.Schema, batch.Arrays.Select((a, i) => i == column ? array : a), batch.Length);

    private static RecordBatch Rename(RecordBatch batch, int column, string name)
    {
        var fields = batch.Schema.FieldsList.Select((f, i) => i == column ? new Field(name, f.DataType, f.IsNullable) : f);
        return new RecordBatch(new Schema(fields, batch.Schema.Metadata), batch.Arrays, batch.Length);
    }

    private static Int32Array Ints(IArrowArray array, int row, int value)
    {
        var values = ((Int32Array)array).Values.ToArray();
        values[row] = value;
        return new Int32Array.Builder().AppendRange(values).Build();
    }

    private static Date32Array Dates(IArrowArray array, int row, int daysSince1970)
    {
        var values = ((Date32Array)array).Values.ToArray();
        values[row] = daysSince1970;
        return new Date32Array(new ArrowBuffer(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray()), ArrowBuffer.Empty, values.Length, 0, 0);
    }

    private static UInt8Array Bytes(IArrowArray array, int row, byte value)
    {
        var values = ((UInt8Array)array).Values.ToArray();
        values[row] = value;
        return new UInt8Array.Builder().AppendRange(values).Build();
    }

    private static StringArray Strings(IArrowArray array, int row, byte[] value)
    {
        var strings = (StringArray)array;
        var builder = new StringArray.Builder();
        for (var i = 0; i < strings.Length; i++)
        {
            if (strings.IsNull(i))
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(i == row ? value : strings.GetBytes(i));
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// A note column whose row is null, with its end offset moved by <paramref name="shift"/> bytes from its start
    /// (forwards: a null with text; backwards: offsets running back). The other rows keep their notes, or are null.
    /// </summary>
    private static StringArray NullWithText(IArrowArray array, int row, int shift)
    {
        var notes = (StringArray)array;
        var texts = Enumerable.Range(0, notes.Length).Select(i => notes.IsNull(i) ? null : notes.GetBytes(i).ToArray()).ToList();
        texts[row] = null;
        var data = new List<byte>(new byte[] { 0x61, 0x61 });
        var offsets = new List<int>();
        var valid = new byte[(texts.Count + 7) / 8];
        for (var i = 0; i < texts.Count; i++)
        {
            offsets.Add(data.Count);
            if (texts[i] is { } text)
            {
                data.AddRange(text);
                valid[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        offsets.Add(data.Count);
        offsets[row + 1] = offsets[row] + shift;
        offsets = offsets.Select((o, i) => i == 0 ? 2 : o).ToList();
        return new StringArray(texts.Count, new ArrowBuffer(offsets.SelectMany(BitConverter.GetBytes).ToArray()), new ArrowBuffer(data.ToArray()),
            new ArrowBuffer(valid), texts.Count(t => t is null), 0);
    }

    /// <summary>An id column whose row 0 spans every id, row 1 is "a!" stored after them, and row 2 runs back.</summary>
    private static StringArray IdPastTheLastOffset(IArrowArray array)
    {
        var ids = (StringArray)array;
        var data = Enumerable.Range(0, ids.Length).SelectMany(i => ids.GetBytes(i).ToArray()).ToList();
        var end = data.Count;
        data.AddRange("a!"u8.ToArray());
        var offsets = Enumerable.Range(0, ids.Length + 1).Select(i => i == 0 ? 0 : i == 1 ? end : i == 2 ? end + 2 : end).ToArray();
        return new StringArray(ids.Length, new ArrowBuffer(offsets.SelectMany(BitConverter.GetBytes).ToArray()), new ArrowBuffer(data.ToArray()), ArrowBuffer.Empty, 0, 0);
    }

    /// <summary>The evidence column with one item's quote changed.</summary>
    private static ListArray Quote(IArrowArray array, int item, byte[] quote)
    {
        var list = (ListArray)array;
        var items = (StructArray)list.Values;
        var changed = new StructArray(items.Data.DataType, items.Length, [items.Fields[0], Strings(items.Fields[1], item, quote)], ArrowBuffer.Empty, 0);
        return new ListArray(list.Data.DataType, list.Length, list.ValueOffsetsBuffer, changed, ArrowBuffer.Empty, 0);
    }

    /// <summary>The evidence column with the first item's source number changed.</summary>
    private static ListArray Evidence(IArrowArray array, int source)
    {
        var list = (ListArray)array;
        var items = (StructArray)list.Values;
        var sources = Ints(items.Fields[0], 0, source);
        var changed = new StructArray(items.Data.DataType, items.Length, [sources, items.Fields[1]], ArrowBuffer.Empty, 0);
        return new ListArray(list.Data.DataType, list.Length, list.ValueOffsetsBuffer, changed, ArrowBuffer.Empty, 0);
    }
}
