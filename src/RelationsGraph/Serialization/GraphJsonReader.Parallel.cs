using System.Text;
using RelationsGraph.Graph;
using RelationsGraph.Time;

namespace RelationsGraph.Serialization;

/// <summary>
/// A large graph.json as the library saves it, read with two readers at once: the sources and actors first,
/// then each half of the relations array on its own core, by <see cref="Utf8RelationReader"/> straight from the
/// bytes, then everything merged into one builder in file order. Any surprise at all (another layout, relations
/// before the actors or sources, a syntax error, a bad reference, a duplicate id, anything the fast reader does
/// not vouch for) abandons the attempt, and the file is read again the ordinary way, which reports the
/// exact error and location: the parallel read only ever returns the graph the ordinary one would.
/// </summary>
internal sealed partial class GraphJsonReader
{
    /// <summary>Below this size the ordinary read is quick enough (32 MB is about 85,000 relations).</summary>
    internal const long ParallelThreshold = 32L << 20;

    // The layout GraphJsonWriter gives: the relations property at depth 1, items at depth 2, indented by two.
    private static readonly byte[] RelationsMarker = "\n  \"relations\": [\n"u8.ToArray();
    private static readonly byte[] ItemBoundary = "\n    },\n    {\n"u8.ToArray();

    /// <summary>The graph read in parallel, or null when the file is not laid out for it or anything goes wrong.</summary>
    internal static RelationGraph? TryReadInParallel(string path, long length, long preamble, GraphLoadOptions options, TimeWindow? window = null)
    {
        if (options.MaxDepth < MinDepthForUtf8)
        {
            return null;
        }

        try
        {
            var marker = Find(path, RelationsMarker, preamble, Math.Min(length, preamble + (256L << 20)));
            if (marker < 0)
            {
                return null;
            }

            var itemsStart = marker + RelationsMarker.Length;
            var boundary = Find(path, ItemBoundary, itemsStart + ((length - itemsStart) / 2), length);
            if (boundary < 0)
            {
                return null;
            }

            var firstEnd = boundary + "\n    }".Length;
            var secondStart = boundary + "\n    },\n".Length;

            // The head: everything before the first relation, with the relations array closed at once. It
            // parses only if the marker really is the top-level property, not text inside a string.
            var head = Fragment(path, options, null, window, Segment.File(preamble, itemsStart - preamble), Segment.Text("]}"));
            using (head.Json)
            {
                head.Reader.ReadBody();
            }

            // The relations are read by the fast reader, which checks references as it reads them: it needs every
            // actor and source known first, as saved files have them.
            if (!head.Reader.actorsComplete || !head.Reader.sourcesComplete)
            {
                return null;
            }

            // Each half's relations from the bytes on a core of its own, then the rest of the file after the
            // relations array (events, the closing brace) as a document of its own.
            var first = head.Reader.NewUtf8Reader();
            var second = head.Reader.NewUtf8Reader();
            var firstHalf = Task.Run(() => first.Read(path, itemsStart, firstEnd, untilArrayEnd: false));
            var arrayEnd = second.Read(path, secondStart, length, untilArrayEnd: true);
            firstHalf.GetAwaiter().GetResult();
            var tail = Fragment(path, options, head.Reader, null, Segment.Text("{\"relations\":[]"), Segment.File(arrayEnd, length - arrayEnd));
            using (tail.Json)
            {
                tail.Reader.ReadBody();
            }

            // Each half checked its own ids ascend; across the cut, the second half must start above the first's end.
            if (first.LastId is { } end && second.FirstId is { } start && string.CompareOrdinal(end, start) >= 0)
            {
                throw new WholeReadNeededException();
            }

            var builder = head.Reader.builder;
            builder.AddInOrder(first.Relations, second.Relations);

            foreach (var actorEvent in tail.Reader.fragmentEvents!)
            {
                builder.Add(actorEvent);
            }

            return window is null ? builder.Build() : head.Reader.BuildWindow();
        }
#pragma warning disable CA1031 // Any failure means: read it the ordinary way, which reports it properly.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>The fast reader needs no depth beyond a relation's own (five levels); a lower limit is left to the ordinary reader.</summary>
    private const int MinDepthForUtf8 = 8;

    /// <summary>A fast reader of relations that knows this head's actors, sources and window.</summary>
    private Utf8RelationReader NewUtf8Reader() =>
        new(actorIdText, checks.HasSource, sourceIdText, window, options.MaxStringLength);

    private static (GraphJsonReader Reader, JsonTextReaderHolder Json) Fragment(string path, GraphLoadOptions options, GraphJsonReader? head, TimeWindow? window, params Segment[] segments)
    {
        var text = new StreamReader(new SegmentStream(path, segments), StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var json = NewJsonReader(text, options);
        return (new GraphJsonReader(json, path, options, head, window), new JsonTextReaderHolder(json, text));
    }

    /// <summary>The first offset in [from, to) where <paramref name="pattern"/> starts, or -1.</summary>
    private static long Find(string path, byte[] pattern, long from, long to)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        for (var start = from; start < to; start += buffer.Length - pattern.Length)
        {
            file.Position = start;
            var read = file.ReadAtLeast(buffer, (int)Math.Min(buffer.Length, to - start), throwOnEndOfStream: false);
            var at = buffer.AsSpan(0, read).IndexOf(pattern);
            if (at >= 0)
            {
                return start + at;
            }

            if (read < buffer.Length)
            {
                break;
            }
        }

        return -1;
    }

    /// <summary>Closes a fragment's JSON reader and the text reader (and file) under it.</summary>
    private sealed class JsonTextReaderHolder(Newtonsoft.Json.JsonTextReader json, TextReader text) : IDisposable
    {
        public void Dispose()
        {
            json.Close();
            text.Dispose();
        }
    }

    private readonly record struct Segment(byte[]? Bytes, long Offset, long Length)
    {
        public static Segment Text(string ascii) => new(Encoding.ASCII.GetBytes(ascii), 0, ascii.Length);

        public static Segment File(long offset, long length) => new(null, offset, length);
    }

    /// <summary>A read-only stream of literal bytes and ranges of one file, one after another.</summary>
    private sealed class SegmentStream(string path, Segment[] segments) : Stream
    {
        private readonly FileStream file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
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
                    if (file.Position != segment.Offset + within)
                    {
                        file.Position = segment.Offset + within;
                    }

                    read = file.Read(buffer[..take]);
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
