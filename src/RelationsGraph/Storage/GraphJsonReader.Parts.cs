using System.Runtime.ExceptionServices;
using System.Text;
using Newtonsoft.Json;
using RelationsGraph.Common;
using RelationsGraph.Graph;
using RelationsGraph.Time;

namespace RelationsGraph.Storage;

/// <summary>
/// A big file read on every core. <see cref="JsonLayout"/> finds the relations array and places to cut it between
/// items; the rest of the file (sources, actors, events, the top level) is read as one document with the array's
/// items cut out, and each part of the array by a reader of its own, all with this same code. Locations in a part
/// or past the cut are turned into the file's own. The first problem in file order is the one raised, with the
/// message a read in one piece gives: the parts before it are complete, and a repeated id is set against it by item.
/// </summary>
internal sealed partial class GraphJsonReader
{
    // What the parts of a relations array start with: with it, an item stands where it stands in the file (its
    // depth, its path relations[i]); the parts' own closing brackets are added after their last item.
    private const string PartPrefix = "{\"relations\":[";

    // In a read in parts: the relations array cut out of the document (null for a read in one piece).
    private Cut? split;

    /// <summary>Reads the relations array's items, cut out of this document, in parts on every core.</summary>
    private void ReadRelationsInParts()
    {
        // Begun before the scan ended (see EarlyRead): the first part now, if the scan has passed the first cut; the
        // others beside the scan's thread once it has ended (it makes the list of parts), each core taking the next.
        var early = split!.Early;
        var open = split.Open;
        var first = open with { Offset = open.Offset + 1 };
        early.Publish(ReadPart);
        var firstPart = early.FirstCut is { } cut ? ReadPart((first.Offset, cut.Comma, first), last: false) : (PartRead?)null;
        var work = early.Work() ?? throw new OperationCanceledException("The scan found the file cannot be read in parts.");
        var parts = work.Finish(ReadPart, firstPart);

        // Every part before the first that failed is whole: its items are numbered on from there.
        var failed = Array.FindIndex(parts, p => p.Failure is not null);
        var itemBase = 0;
        for (var k = 0; k < parts.Length && (failed < 0 || k <= failed); k++)
        {
            parts[k].Rows.Rows.Origin!.ItemBase = itemBase;
            itemBase += parts[k].Count;
        }

        var chunks = parts.Select(p => p.Rows).ToArray();
        var order = CheckIds(chunks, failed < 0 ? null : (failed, parts[failed].Failure!.Value.Item));
        builder.AddRead(chunks, order ?? throw parts[failed].Rows.Rows.Origin!.Translate(parts[failed].Failure!.Value.Error));
    }

    /// <summary>The parts of the relations array: from each item where it is cut (or the array's first) to the comma before the next cut (or the array's end).</summary>
    private static List<(long Start, long End, JsonLayout.Place Place)> Starts(JsonLayout layout)
    {
        var starts = new List<(long Start, long End, JsonLayout.Place Place)>();
        var open = layout.Open!.Value;
        var first = open with { Offset = open.Offset + 1 };
        foreach (var cut in layout.Cuts)
        {
            starts.Add((first.Offset, cut.Comma, first));
            first = cut;
        }

        starts.Add((first.Offset, layout.Close!.Value.Offset + 1, first));
        return starts;
    }

    private PartRead ReadPart((long Start, long End, JsonLayout.Place Place) part, bool last) => ReadPart(part.Start, part.End, last, Origin(part.Place));

    private PartOrigin Origin(JsonLayout.Place place) => new(() => split!.PlaceOf(place), PartPrefix.Length);

    /// <summary>Reads one part of the relations array (from the start of an item to the comma after its last, or to the array's end).</summary>
    private PartRead ReadPart(long start, long end, bool last, PartOrigin origin)
    {
        using var stream = new SegmentStream(file!, [Segment.Text(PartPrefix), Segment.File(start, end - start), Segment.Text(last ? "}" : "]}")]);
        using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        using var partJson = NewJsonReader(text, options);
        var part = new GraphJsonReader(partJson, file, options, builder, window)
        {
            actorsComplete = actorsComplete,
            sourcesComplete = sourcesComplete,
            relationsWindow = relationsWindow,
        };
        var rows = part.NewRows();
        rows.Origin = origin;
        if (!partJson.Read() || !part.NextProperty(out _) || part.NextValue("relations") != JsonToken.StartArray)
        {
            throw new InvalidOperationException("A part of the relations array does not start as one.");
        }

        var failure = part.ReadRelationItems(rows, out var count);
        return new PartRead(rows.Seal(), failure, count);
    }

    /// <summary>
    /// The relations array cut out of the document read: where it was, and how a line and column read past it map to
    /// the file's (the lines and characters cut out are counted only when a location past the cut is asked for).
    /// </summary>
    private sealed class Cut(string path, long preamble, JsonLayout.Place open, EarlyRead early)
    {
        private readonly Lazy<(long Lines, int Characters, int CloseColumn)> cutOut = new(() =>
        {
            var close = early.Layout.Close!.Value;
            var lines = close.LinesBefore - open.LinesBefore;
            return lines == 0
                ? (0, JsonLayout.ColumnOf(path, open.Offset + 1, close.Offset), 0)
                : (lines, 0, JsonLayout.ColumnOf(path, close.LineStart, close.Offset));
        });

        private readonly Lazy<(int Line, int Column)> openAt = new(() => Column(path, preamble, open));

        // Where the document reader met the cut array's opening bracket (its line and column), once it has.
        private (int Line, int Column)? opened;

        /// <summary>Gets the scan's result (waiting for the scan's end, when the read began before it).</summary>
        public JsonLayout Layout => early.Layout;

        /// <summary>Gets the relations array's opening bracket.</summary>
        public JsonLayout.Place Open => open;

        /// <summary>Gets the read in parts, begun before the scan ended.</summary>
        public EarlyRead Early => early;

        /// <summary>Whether the document reader, at this line and column, stands on the cut array's opening bracket (the first such, once).</summary>
        public bool IsCutAt(int line, int column)
        {
            if (opened is not null || (line, column) != openAt.Value)
            {
                return false;
            }

            opened = (line, column);
            return true;
        }

        /// <summary>The line and column of a place in the file, as Newtonsoft counts them (1-based line; characters before it on its line).</summary>
        public (int Line, int Column) PlaceOf(JsonLayout.Place place)
        {
            var (line, column) = Column(path, preamble, place);
            return (line, column - 1);
        }

        /// <summary>A line and column of the document as read (1-based) in the file: moved on past the cut.</summary>
        public (int Line, int Column) Translate(int line, int column)
        {
            if (opened is not { } at || line < at.Line || (line == at.Line && column <= at.Column))
            {
                return (line, column);
            }

            var (lines, characters, closeColumn) = cutOut.Value;
            return line > at.Line ? ((int)(line + lines), column)
                : lines == 0 ? (line, column + characters)
                : ((int)(line + lines), closeColumn + column - at.Column);
        }

        private static (int Line, int Column) Column(string path, long preamble, JsonLayout.Place place) =>
            ((int)Math.Min(int.MaxValue, place.LinesBefore + 1), JsonLayout.ColumnOf(path, Math.Max(preamble, place.LineStart), place.Offset) + 1);
    }

    private readonly record struct Segment(byte[]? Bytes, long Offset, long Length, Func<Segment>? Later = null)
    {
        public static Segment Text(string ascii) => new(Encoding.ASCII.GetBytes(ascii), 0, ascii.Length);

        public static Segment File(long offset, long length) => new(null, offset, length);

        /// <summary>A segment known only later: found when the stream gets to it.</summary>
        public static Segment WhenKnown(Func<Segment> segment) => new(null, 0, 0, segment);
    }

    /// <summary>A read-only stream of literal bytes and ranges of one file, one after another.</summary>
    private sealed class SegmentStream(string path, Segment[] segments) : Stream
    {
        private readonly Microsoft.Win32.SafeHandles.SafeFileHandle file = System.IO.File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        private int index;
        private long within;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (index < segments.Length)
            {
                if (segments[index].Later is { } later)
                {
                    segments[index] = later();
                }

                var segment = segments[index];
                var left = segment.Length - within;
                if (left <= 0)
                {
                    (index, within) = (index + 1, 0);
                    continue;
                }

                var take = (int)Math.Min(left, buffer.Length);
                int read;
                if (segment.Bytes is { } bytes)
                {
                    bytes.AsSpan((int)within, take).CopyTo(buffer);
                    read = take;
                }
                else
                {
                    read = RandomAccess.Read(file, buffer[..take], segment.Offset + within);
                    if (read == 0)
                    {
                        throw new EndOfStreamException("The file is shorter than when it was opened.");
                    }
                }

                within += read;
                return read;
            }

            return 0;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>What reading one part of the relations array gave: its rows, the first problem in it (and its item), how many items.</summary>
    private readonly record struct PartRead(RelationRows.Sealed Rows, (GraphDataException Error, int Item)? Failure, int Count);

    /// <summary>
    /// A read in parts begun before the layout scan ends (<see cref="JsonLayout.Scan"/> tells of the relations array's
    /// opening bracket and first cut as it passes them): the top of the document is read on another core, and then the
    /// array's first part; when the scan ends, its thread makes the list of parts and reads the others beside it, each
    /// core taking the next. The scan's result decides: a file it finds not UTF-8, or cannot cut, drops this read (and
    /// whatever it raised) and is read as before.
    /// </summary>
    private sealed class EarlyRead
    {
        private readonly TaskCompletionSource<JsonLayout> layout = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<JsonLayout.Place?> firstCut = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<PartWork?> work = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<PartReader?> reader = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Task<RelationGraph>? read;

        /// <summary>The first cut, once the scan has passed it; null when the scan ended without one.</summary>
        public JsonLayout.Place? FirstCut => firstCut.Task.GetAwaiter().GetResult();

        /// <summary>The scan's result, once it has ended.</summary>
        public JsonLayout Layout => layout.Task.GetAwaiter().GetResult();

        public static EarlyRead Start(string path, long preamble, JsonLayout.Place open, GraphLoadOptions options, TimeWindow? window)
        {
            var early = new EarlyRead();
            early.read = Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        return early.Read(path, preamble, open, options, window);
                    }
                    finally
                    {
                        // However the read ended, the scan's thread must not wait for it to read parts.
                        early.reader.TrySetResult(null);
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            return early;
        }

        public void CutFound(JsonLayout.Place cut) => firstCut.TrySetResult(cut);

        /// <summary>By the reader that reached the array: how a part is read, so the scan's thread can read parts too.</summary>
        public void Publish(PartReader read) => reader.TrySetResult(read);

        /// <summary>The parts, made by the scan's thread when it has ended; null when the file is not to be read in parts.</summary>
        public PartWork? Work() => work.Task.GetAwaiter().GetResult();

        /// <summary>When the scan failed (the file could not be read): the read begun stops at its next wait, and is not waited for.</summary>
        public void Abandon()
        {
            layout.TrySetCanceled();
            firstCut.TrySetResult(null);
            work.TrySetResult(null);
        }

        /// <summary>On the scan's thread, when it ends: the graph, or null when the file is to be read as if no read had begun.</summary>
        public RelationGraph? Finish(JsonLayout scanned)
        {
            layout.SetResult(scanned);
            firstCut.TrySetResult(null);
            if (scanned.FirstInvalidUtf8 >= 0 || !scanned.CanSplit)
            {
                work.SetResult(null);
                try
                {
                    read!.Wait();
                }
                catch (AggregateException)
                {
                    // The read begun is dropped with whatever it raised: the scan's finding comes first.
                }

                return null;
            }

            var parts = new PartWork(Starts(scanned), firstPart: firstCut.Task.Result is not null);
            work.SetResult(parts);
            if (reader.Task.GetAwaiter().GetResult() is { } readPart)
            {
                parts.Help(readPart);
            }

            return read!.GetAwaiter().GetResult();
        }

        private RelationGraph Read(string path, long preamble, JsonLayout.Place open, GraphLoadOptions options, TimeWindow? window)
        {
            // The document's text after the array is known only once the scan has ended, which it has by the time the
            // reader gets there (after every part). Newtonsoft reads a character past the array's opening bracket
            // before it gives it: the closing one, which it will be, is there at once, so the reader need not wait.
            using var stream = new SegmentStream(path, [Segment.File(preamble, open.Offset + 1 - preamble), Segment.Text("]"), Segment.WhenKnown(() =>
            {
                var close = Layout.Close ?? throw new OperationCanceledException("The scan found the file cannot be read in parts.");
                return Segment.File(close.Offset + 1, Layout.Length - close.Offset - 1);
            })]);
            using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            using var json = NewJsonReader(text, options);
            var reader = new GraphJsonReader(json, path, options, new RelationGraphBuilder(), window)
            {
                split = new Cut(path, preamble, open, this),
            };
            try
            {
                return reader.ReadDocument();
            }
            catch (JsonReaderException e)
            {
                throw reader.ToDataException(e);
            }
        }
    }

    /// <summary>Reads a part of the relations array: its range, and whether it is the last.</summary>
    private delegate PartRead PartReader((long Start, long End, JsonLayout.Place Place) part, bool last);

    /// <summary>The parts of a relations array, read by the threads that come, each taking the next; the first may be read already.</summary>
    private sealed class PartWork(List<(long Start, long End, JsonLayout.Place Place)> starts, bool firstPart)
    {
        private readonly PartRead[] parts = new PartRead[starts.Count];
        private readonly ExceptionDispatchInfo?[] errors = new ExceptionDispatchInfo?[starts.Count];
        private readonly TaskCompletionSource allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int left = starts.Count;
        private int next = firstPart ? 1 : 0;

        /// <summary>By the reader: gives the first part (when read already), reads parts until none is left, waits for all; the first error by part is thrown.</summary>
        public PartRead[] Finish(PartReader read, PartRead? first)
        {
            if (first is { } done)
            {
                parts[0] = done;
                Done();
            }

            Help(read);
            allRead.Task.GetAwaiter().GetResult();
            foreach (var error in errors)
            {
                error?.Throw();
            }

            return parts;
        }

        /// <summary>By any thread: reads parts until none is left to take.</summary>
        public void Help(PartReader read)
        {
            for (int k; (k = Interlocked.Increment(ref next) - 1) < starts.Count;)
            {
                try
                {
                    parts[k] = read(starts[k], k == starts.Count - 1);
                }
                catch (Exception e)
                {
                    errors[k] = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    Done();
                }
            }
        }

        private void Done()
        {
            if (Interlocked.Decrement(ref left) == 0)
            {
                allRead.SetResult();
            }
        }
    }
}
