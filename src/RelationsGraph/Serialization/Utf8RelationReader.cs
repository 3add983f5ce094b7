using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Serialization;

/// <summary>
/// The fast path of a parallel load: reads the items of the relations array straight from the file's UTF-8
/// bytes with System.Text.Json's <see cref="Utf8JsonReader"/>, without the UTF-16 copy of the text and the
/// string per value that a <c>JsonTextReader</c> makes (kinds, actor and source ids and dates are matched as
/// bytes; a label's and a quote's bytes are kept as they are, in shared blocks).
/// </summary>
/// <remarks>
/// It accepts only what the ordinary reader reads to the same relations: plain JSON, known property names
/// written without escapes, ids, kinds and dates without escapes, known actors and sources. Anything else,
/// valid or not, throws <see cref="NotPlainException"/> (or the JSON reader's own exception), and the caller
/// reads the file again with the ordinary reader, which gives its exact result or error. So it never decides
/// an error, and never accepts a file the ordinary reader refuses.
/// <para>
/// The methods a load runs a million times are compiled optimized at once
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>): a load is over before tiered compilation has moved
/// them past its quick and instrumented stages (measured: a cold million-relation load 3-4 % faster).
/// </para>
/// </remarks>
internal sealed class Utf8RelationReader
{
    private readonly IReadOnlyDictionary<string, string> actorIds;
    private readonly Func<string, bool> isSource;
    private readonly IReadOnlyDictionary<string, string> sourceIds;
    private readonly TimeWindow? window;
    private readonly int maxStringLength;
    private readonly Utf8Table<string> actors = new();
    private readonly Utf8Table<string> sources = new();
    private readonly Utf8Table<RelationKind> kinds = new();
    private readonly Utf8Table<string> texts = new();

    // Kept quotes' bytes, one after another in shared blocks: a million quotes are then a few hundred arrays
    // that the garbage collector never moves, instead of a million small ones it copies from generation to
    // generation. A quote is copied here only once its relation is known to be kept.
    private byte[] quoteBlock = [];
    private int quoteBlockUsed;

    // The blocks' size, and the most a relation keeps in one (longer texts get arrays of their own).
    private const int BlockSize = 1 << 20;
    private const int MaxBlockedText = BlockSize / 16;

    /// <summary>Creates a reader that knows every actor and source (read first, as saved files have them).</summary>
    /// <param name="actorIds">Each actor id, mapped to its one string.</param>
    /// <param name="isSource">Whether a source id is declared.</param>
    /// <param name="sourceIds">Source ids mapped to their one string, where known.</param>
    /// <param name="window">The window of a windowed load, or null to keep every relation.</param>
    /// <param name="maxStringLength">The load's string length limit.</param>
    public Utf8RelationReader(IReadOnlyDictionary<string, string> actorIds, Func<string, bool> isSource, IReadOnlyDictionary<string, string> sourceIds, TimeWindow? window, int maxStringLength)
    {
        this.actorIds = actorIds;
        this.isSource = isSource;
        this.sourceIds = sourceIds;
        this.window = window;
        this.maxStringLength = maxStringLength;
        foreach (var kind in RelationKind.All)
        {
            kinds.Add(Encoding.UTF8.GetBytes(kind.Name), kind.Name, kind);
        }
    }

    /// <summary>Gets the relations read and kept, in file order.</summary>
    public List<Relation> Relations { get; } = [];

    /// <summary>Gets the first relation id read (kept or not), for a windowed load's check across halves.</summary>
    public string? FirstId { get; private set; }

    // The last id read, as bytes: ids are compared for order without a string each.
    private readonly byte[] lastId = new byte[Identifier.MaxLength];
    private int lastIdLength = -1;

    /// <summary>Gets the last relation id read (kept or not).</summary>
    public string? LastId => lastIdLength < 0 ? null : Encoding.ASCII.GetString(lastId, 0, lastIdLength);

    /// <summary>
    /// Reads relation items from the bytes [<paramref name="from"/>, <paramref name="to"/>) of a file: objects
    /// separated by commas, starting with one. With <paramref name="untilArrayEnd"/> they end at the array's
    /// closing bracket, and the offset just after it is returned (the rest of the file is someone else's);
    /// without, they fill the range exactly, and <paramref name="to"/> is returned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long Read(string path, long from, long to, bool untilArrayEnd)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        file.Position = from;
        var input = new Input(file, to - from);
        while (true)
        {
            // An item, then a comma and another item, or the end.
            while (!TryReadItem(ref input))
            {
                if (!input.Fill())
                {
                    throw new NotPlainException("The file ends inside a relation.");
                }
            }

            if (!input.SkipWhiteSpace())
            {
                return untilArrayEnd ? throw new NotPlainException("The relations array is not closed.") : to;
            }

            var next = input.Take();
            if (next == (byte)']' && untilArrayEnd)
            {
                return from + input.Consumed;
            }

            if (next != (byte)',')
            {
                throw new NotPlainException("Expected a comma between relations.");
            }

            if (!input.SkipWhiteSpace())
            {
                throw new NotPlainException("The file ends after a comma.");
            }
        }
    }

    /// <summary>Reads one relation object at the input's position; false when the buffer ends inside it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryReadItem(ref Input input)
    {
        var item = input.Unread;
        var json = new Utf8JsonReader(item, isFinalBlock: input.AtEnd, state: default);
        if (!json.Read())
        {
            return false;
        }

        if (json.TokenType != JsonTokenType.StartObject)
        {
            throw new NotPlainException("Expected a relation object.");
        }

        string? label = null, note = null;
        TextAt? idAt = null;
        TextAt? plainLabel = null;
        RelationKind? kind = null;
        string? source = null, target = null;
        var directed = false;
        PartialDate? at = null, start = null, end = null;
        string? evidenceSource = null;
        QuoteAt? quote = null;
        Evidence[]? many = null;
        var seen = 0;
        while (true)
        {
            if (!json.Read())
            {
                return false;
            }

            if (json.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = Property(ref json, ref seen);
            if (!json.Read())
            {
                return false;
            }

            switch (name)
            {
                case 0: idAt = Id(ref json); break;
                case 1: kind = kinds.Find(Plain(ref json)) ?? throw new NotPlainException("Unknown kind."); break;
                case 2: source = Actor(ref json); break;
                case 3: target = Actor(ref json); break;
                case 4:
                    directed = json.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False or JsonTokenType.Null => false,
                        _ => throw new NotPlainException("Expected true or false."),
                    };
                    break;
                case 5: at = Date(ref json); break;
                case 6: start = Date(ref json); break;
                case 7: end = json.TokenType == JsonTokenType.Null ? null : Date(ref json); break;
                case 8:
                    (label, plainLabel) = Label(ref json);
                    break;
                case 9:
                    if (!TryReadEvidence(ref json, item, out evidenceSource, out quote, out many))
                    {
                        return false;
                    }

                    break;
                default: note = json.TokenType == JsonTokenType.Null ? null : Text(ref json); break;
            }
        }

        if (idAt is not { } at0 || kind is null || source is null || target is null || (label is null && plainLabel is null) || (quote is null && many is null))
        {
            throw new NotPlainException("A relation lacks a required property.");
        }

        // The time as the ordinary reader resolves it: "at" alone (an explicit null end is no end), or "start"
        // with an optional "end" not before it.
        TimeExtent time;
        if (at is { } point)
        {
            time = start is null && end is null ? TimeExtent.Point(point) : throw new NotPlainException("Mixed time fields.");
        }
        else if (start is { } first)
        {
            time = end is { } last && TimeExtent.CheckOrder(first, last) is not null
                ? throw new NotPlainException("The end comes before the start.")
                : TimeExtent.Period(first, end);
        }
        else
        {
            throw new NotPlainException("A relation without a time.");
        }

        input.Advance((int)json.BytesConsumed);
        if (source == target)
        {
            throw new NotPlainException("A relation from an actor to itself.");
        }

        // Ids must ascend, as saved files have them: the relations are then added without a check per relation,
        // and a windowed read finds repeated ids among those it leaves out by their order, as the ordinary read
        // does. A file with ids in another order is read the ordinary way.
        var idBytes = item.Slice(at0.Start, at0.Length);
        if (lastIdLength >= 0 && lastId.AsSpan(0, lastIdLength).SequenceCompareTo(idBytes) >= 0)
        {
            throw new NotPlainException("Relation ids out of order.");
        }

        FirstId ??= Encoding.ASCII.GetString(idBytes);
        idBytes.CopyTo(lastId);
        lastIdLength = idBytes.Length;

        // The model checks the label and note (not blank, well-formed; a blank note is no note), for a relation
        // left out through CheckTexts and for one kept in the constructor, and throws ArgumentException, which
        // the caller also takes as "read it the ordinary way".
        if (window is not null && !time.Overlaps(window))
        {
            if (label is not null)
            {
                Identifier.RequireText(label, "label", "label");
            }

            Identifier.OptionalText(note, "note", "note");
            return true;
        }

        // The id and a plain label go into the quote's block just before the quote, as bytes decoded when asked for.
        if (many is null && plainLabel is { } labelAt && quote!.Value.Decoded is null && at0.Length + labelAt.Length + quote.Value.Length <= MaxBlockedText)
        {
            var (block0, start0) = Keep(at0, labelAt, new TextAt(quote.Value.Start, quote.Value.Length), item);
            Relations.Add(Relation.WithIdLabelAndQuote(at0.Length, kind, new ActorId(source), new ActorId(target), time, labelAt.Length, evidenceSource!, block0, start0 + at0.Length + labelAt.Length, quote.Value.Length, directed, note));
            return true;
        }

        var id = Encoding.ASCII.GetString(idBytes);

        label ??= GraphJsonReader.StrictUtf8.GetString(item.Slice(plainLabel!.Value.Start, plainLabel.Value.Length));
        if (many is not null)
        {
            Relations.Add(new Relation(id, kind, new ActorId(source), new ActorId(target), time, label, many, directed, note));
            return true;
        }

        var (block, quoteStart) = Keep(quote!.Value, item);
        Relations.Add(Relation.WithQuote(id, kind, new ActorId(source), new ActorId(target), time, label, evidenceSource!, block, quoteStart, quote.Value.Length, directed, note));
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryReadEvidence(ref Utf8JsonReader json, ReadOnlySpan<byte> item, out string? single, out QuoteAt? singleQuote, out Evidence[]? many)
    {
        (single, singleQuote, many) = (null, null, null);
        if (json.TokenType != JsonTokenType.StartArray)
        {
            throw new NotPlainException("Expected the evidence array.");
        }

        List<Evidence>? more = null;
        while (true)
        {
            if (!json.Read())
            {
                return false;
            }

            if (json.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            if (json.TokenType != JsonTokenType.StartObject)
            {
                throw new NotPlainException("Expected an evidence object.");
            }

            string? source = null;
            QuoteAt? quote = null;
            var seen = 0;
            while (true)
            {
                if (!json.Read())
                {
                    return false;
                }

                if (json.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var isSourceName = json.ValueTextEquals("source"u8) && !json.ValueIsEscaped;
                var isQuoteName = json.ValueTextEquals("quote"u8) && !json.ValueIsEscaped;
                var bit = isSourceName ? 1 : isQuoteName ? 2 : throw new NotPlainException("Unknown evidence property.");
                seen = (seen & bit) == 0 ? seen | bit : throw new NotPlainException("A repeated property.");
                if (!json.Read())
                {
                    return false;
                }

                if (isSourceName)
                {
                    source = Source(ref json);
                }
                else
                {
                    quote = Quote(ref json);
                }
            }

            if (source is null || quote is null)
            {
                throw new NotPlainException("Evidence lacks a source or a quote.");
            }

            if (single is null)
            {
                (single, singleQuote) = (source, quote);
            }
            else
            {
                (more ??= [Evidence.FromUtf8(single, singleQuote!.Value.Copy(item))]).Add(Evidence.FromUtf8(source, quote.Value.Copy(item)));
            }
        }

        if (single is null)
        {
            throw new NotPlainException("Empty evidence.");
        }

        many = more?.ToArray();
        return true;
    }

    /// <summary>The property's number in the order ReadRelation lists them; a repeated or unknown name is not plain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Property(ref Utf8JsonReader json, ref int seen)
    {
        if (json.TokenType != JsonTokenType.PropertyName || json.ValueIsEscaped)
        {
            throw new NotPlainException("Expected a plain property name.");
        }

        var name = json.ValueSpan;
        var number = name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => 0,
            2 when name.SequenceEqual("at"u8) => 5,
            3 when name.SequenceEqual("end"u8) => 7,
            4 when name.SequenceEqual("kind"u8) => 1,
            4 when name.SequenceEqual("note"u8) => 10,
            5 when name.SequenceEqual("start"u8) => 6,
            5 when name.SequenceEqual("label"u8) => 8,
            6 when name.SequenceEqual("source"u8) => 2,
            6 when name.SequenceEqual("target"u8) => 3,
            8 when name.SequenceEqual("directed"u8) => 4,
            8 when name.SequenceEqual("evidence"u8) => 9,
            _ => throw new NotPlainException("Unknown relation property."),
        };
        seen = (seen & (1 << number)) == 0 ? seen | (1 << number) : throw new NotPlainException("A repeated property.");
        return number;
    }

    /// <summary>A string value written without escapes and within the length limit, as its bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> Plain(ref Utf8JsonReader json) =>
        json.TokenType == JsonTokenType.String && !json.ValueIsEscaped && json.ValueSpan.Length <= maxStringLength
            ? json.ValueSpan
            : throw new NotPlainException("Expected a plain string within the limit.");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TextAt Id(ref Utf8JsonReader json)
    {
        var bytes = Plain(ref json);
        return Identifier.IsValid(bytes) ? new TextAt(checked((int)json.TokenStartIndex + 1), bytes.Length) : throw new NotPlainException("Not an id.");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string Actor(ref Utf8JsonReader json)
    {
        var bytes = Plain(ref json);
        if (actors.Find(bytes) is { } known)
        {
            return known;
        }

        var text = GraphJsonReader.StrictUtf8.GetString(bytes);
        var id = actorIds.TryGetValue(text, out var same) ? same : throw new NotPlainException("Unknown actor.");
        actors.Add(bytes, id, id);
        return id;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string Source(ref Utf8JsonReader json)
    {
        var bytes = Plain(ref json);
        if (sources.Find(bytes) is { } known)
        {
            return known;
        }

        var text = GraphJsonReader.StrictUtf8.GetString(bytes);
        if (Identifier.Check(text) is not null || !isSource(text))
        {
            throw new NotPlainException("Unknown source.");
        }

        var id = sourceIds.TryGetValue(text, out var same) ? same : text;
        sources.Add(bytes, id, id);
        return id;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PartialDate Date(ref Utf8JsonReader json)
    {
        var bytes = Plain(ref json);
        Span<char> text = stackalloc char[10];
        if (bytes.Length > text.Length)
        {
            throw new NotPlainException("Not a date.");
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            text[i] = (char)bytes[i];
        }

        return PartialDate.TryParseChars(text[..bytes.Length], out var date) ? date : throw new NotPlainException("Not a date.");
    }

    /// <summary>A label or note: one string per distinct text, as the ordinary reader pools them (they repeat across relations).</summary>
    private string Text(ref Utf8JsonReader json)
    {
        if (json.TokenType != JsonTokenType.String || json.ValueSpan.Length > maxStringLength)
        {
            throw new NotPlainException("Expected a string within the limit.");
        }

        if (json.ValueIsEscaped)
        {
            return json.GetString()!;
        }

        var bytes = json.ValueSpan;
        if (texts.Find(bytes) is { } known)
        {
            return known;
        }

        var text = GraphJsonReader.StrictUtf8.GetString(bytes);
        if (texts.Count < GraphJsonReader.MaxPooledTexts && text.Length <= 200)
        {
            texts.Add(bytes, text, text);
        }

        return text;
    }

    /// <summary>
    /// A label: where its bytes lie in the item when it is written without escapes (checked as the model checks a
    /// label: well-formed and not blank), or the decoded text when it is not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (string? Text, TextAt? Plain) Label(ref Utf8JsonReader json)
    {
        if (json.TokenType != JsonTokenType.String || json.ValueIsEscaped)
        {
            return (Text(ref json), null);
        }

        var bytes = Plain(ref json);
        CheckText(bytes, "label");
        return (null, new TextAt(checked((int)json.TokenStartIndex + 1), bytes.Length));
    }

    /// <summary>
    /// The model's check of a label or quote (well-formed, not blank; ArgumentException otherwise) on its UTF-8
    /// bytes: valid UTF-8 is well-formed text, and not blank when it has a visible ASCII character, so only text
    /// without one is decoded for the check.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckText(ReadOnlySpan<byte> bytes, string what)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw new NotPlainException("Not UTF-8.");
        }

        if (bytes.IndexOfAnyInRange((byte)0x21, (byte)0x7E) < 0)
        {
            Identifier.RequireText(GraphJsonReader.StrictUtf8.GetString(bytes), what, what);
        }
    }

    /// <summary>
    /// A quote as UTF-8, as <see cref="Evidence"/> holds it: where the file's own bytes lie in the item when it
    /// is written without escapes (copied only if the relation is kept), or the decoded bytes when it is not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private QuoteAt Quote(ref Utf8JsonReader json)
    {
        if (json.TokenType != JsonTokenType.String || json.ValueSpan.Length > maxStringLength)
        {
            throw new NotPlainException("Expected a string within the limit.");
        }

        // The model's own check (not blank, well-formed; ArgumentException otherwise), as Evidence makes it.
        if (json.ValueIsEscaped)
        {
            var decoded = Encoding.UTF8.GetBytes(Identifier.RequireText(json.GetString()!, "quote", "quote"));
            return new QuoteAt(decoded, 0, decoded.Length);
        }

        var bytes = json.ValueSpan;
        CheckText(bytes, "quote");

        // A string token starts at its opening quote mark.
        return new QuoteAt(null, checked((int)json.TokenStartIndex + 1), bytes.Length);
    }

    /// <summary>A kept quote's bytes in the current block (a new block when it is full; a long quote alone), and where.</summary>
    private (byte[] Block, int Start) Keep(QuoteAt quote, ReadOnlySpan<byte> item)
    {
        if (quote.Decoded is { } decoded)
        {
            return (decoded, 0);
        }

        return quote.Length > MaxBlockedText ? (quote.Copy(item), 0) : Keep(default, default, new TextAt(quote.Start, quote.Length), item);
    }

    /// <summary>Three ranges of the item's bytes, one right after the other, in the current block (a new one when it is full), and where they start.</summary>
    private (byte[] Block, int Start) Keep(TextAt first, TextAt second, TextAt third, ReadOnlySpan<byte> item)
    {
        if (quoteBlockUsed + first.Length + second.Length + third.Length > quoteBlock.Length)
        {
            (quoteBlock, quoteBlockUsed) = (new byte[BlockSize], 0);
        }

        var at = quoteBlockUsed;
        foreach (var range in (ReadOnlySpan<TextAt>)[first, second, third])
        {
            item.Slice(range.Start, range.Length).CopyTo(quoteBlock.AsSpan(quoteBlockUsed));
            quoteBlockUsed += range.Length;
        }

        return (quoteBlock, at);
    }

    /// <summary>Where a plain string's bytes lie in the item being read.</summary>
    private readonly record struct TextAt(int Start, int Length);

    /// <summary>A quote read: its decoded bytes, or where its bytes lie in the item being read.</summary>
    private readonly record struct QuoteAt(byte[]? Decoded, int Start, int Length)
    {
        public byte[] Copy(ReadOnlySpan<byte> item) => Decoded ?? item.Slice(Start, Length).ToArray();
    }

    internal sealed class NotPlainException(string message) : Exception(message);

    /// <summary>A window of the file's bytes, refilled as items are read.</summary>
    private struct Input(FileStream file, long length)
    {
        private byte[] buffer = new byte[1 << 20];
        private int start;
        private int filled;
        private long read;

        public long Consumed { get; private set; }

        public readonly bool AtEnd => read == length;

        public readonly ReadOnlySpan<byte> Unread => buffer.AsSpan(start, filled - start);

        public void Advance(int count)
        {
            start += count;
            Consumed += count;
        }

        public byte Take()
        {
            Consumed++;
            return buffer[start++];
        }

        /// <summary>Skips JSON white space; false at the end of the input.</summary>
        public bool SkipWhiteSpace()
        {
            while (true)
            {
                while (start < filled)
                {
                    if (buffer[start] is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
                    {
                        return true;
                    }

                    Advance(1);
                }

                if (!Fill())
                {
                    return false;
                }
            }
        }

        /// <summary>Keeps what is unread and reads more after it (in a bigger buffer if it is full); false at the end.</summary>
        public bool Fill()
        {
            if (AtEnd)
            {
                return false;
            }

            var kept = filled - start;
            if (kept == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            else
            {
                buffer.AsSpan(start, kept).CopyTo(buffer);
            }

            (start, filled) = (0, kept);
            var got = file.Read(buffer, filled, (int)Math.Min(buffer.Length - filled, length - read));
            if (got == 0)
            {
                throw new NotPlainException("The file is shorter than when it was opened.");
            }

            filled += got;
            read += got;
            return true;
        }
    }
}
