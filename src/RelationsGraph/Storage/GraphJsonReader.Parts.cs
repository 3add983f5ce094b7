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

    /// <summary>Reads a file whose relations array <paramref name="layout"/> found, in parts.</summary>
    private static RelationGraph ReadInParts(string path, long preamble, JsonLayout layout, GraphLoadOptions options, TimeWindow? window)
    {
        var (open, close) = (layout.Open!.Value, layout.Close!.Value);
        using var stream = new SegmentStream(path, [Segment.File(preamble, open.Offset + 1 - preamble), Segment.File(close.Offset, layout.Length - close.Offset)]);
        using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        using var json = NewJsonReader(text, options);
        var reader = new GraphJsonReader(json, path, options, new RelationGraphBuilder(), window)
        {
            split = new Cut(path, preamble, layout),
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

    /// <summary>Reads the relations array's items, cut out of this document, in parts on every core.</summary>
    private void ReadRelationsInParts()
    {
        var layout = split!.Layout;
        var starts = new List<(long Start, long End, JsonLayout.Place Place)>();
        var open = layout.Open!.Value;
        var first = open with { Offset = open.Offset + 1 };
        foreach (var cut in layout.Cuts)
        {
            starts.Add((first.Offset, cut.Comma, first));
            first = cut;
        }

        starts.Add((first.Offset, layout.Close!.Value.Offset + 1, first));
        var parts = new (RelationRows.Sealed Rows, (GraphDataException Error, int Item)? Failure, int Count)[starts.Count];
        try
        {
            Parallel.For(0, starts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
            {
                var (start, end, place) = starts[k];
                var origin = new PartOrigin(() => split.PlaceOf(place), PartPrefix.Length);
                parts[k] = ReadPart(start, end, k == starts.Count - 1, origin);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

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

    /// <summary>Reads one part of the relations array (from the start of an item to the comma after its last, or to the array's end).</summary>
    private (RelationRows.Sealed Rows, (GraphDataException Error, int Item)? Failure, int Count) ReadPart(long start, long end, bool last, PartOrigin origin)
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
        return (rows.Seal(), failure, count);
    }

    /// <summary>
    /// The relations array cut out of the document read: where it was, and how a line and column read past it map to
    /// the file's (the lines and characters cut out are counted only when a location past the cut is asked for).
    /// </summary>
    private sealed class Cut(string path, long preamble, JsonLayout layout)
    {
        private readonly Lazy<(long Lines, int Characters, int CloseColumn)> cutOut = new(() =>
        {
            var (open, close) = (layout.Open!.Value, layout.Close!.Value);
            var lines = close.LinesBefore - open.LinesBefore;
            return lines == 0
                ? (0, JsonLayout.ColumnOf(path, open.Offset + 1, close.Offset), 0)
                : (lines, 0, JsonLayout.ColumnOf(path, close.LineStart, close.Offset));
        });

        private readonly Lazy<(int Line, int Column)> openAt = new(() => Column(path, preamble, layout.Open!.Value));

        // Where the document reader met the cut array's opening bracket (its line and column), once it has.
        private (int Line, int Column)? opened;

        public JsonLayout Layout => layout;

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

    private readonly record struct Segment(byte[]? Bytes, long Offset, long Length)
    {
        public static Segment Text(string ascii) => new(Encoding.ASCII.GetBytes(ascii), 0, ascii.Length);

        public static Segment File(long offset, long length) => new(null, offset, length);
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
}
