using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace RelationsGraph.Storage;

/// <summary>
/// Where things lie in the bytes of a graph.json file, found without parsing it: the first byte that is not
/// UTF-8, if any, and the top-level <c>"relations"</c> array with the starts of some of its items, so the array
/// can be read in parts on several cores. The scan tracks strings (with their escapes) and the depth of brackets,
/// so it finds the same places whatever the whitespace, the order of keys or of items, and whatever the texts
/// hold; it does not judge the JSON (the reader does). It gives up on a file it cannot follow exactly
/// (a comment or a single-quoted string, which JSON does not have but Newtonsoft reads): such a file is read whole.
/// </summary>
/// <remarks>
/// The bytes are scanned 64 at a time: one comparison per character class gives a bit per byte, a prefix XOR of
/// the quotes' bits marks the bytes inside strings, and only brackets outside strings are looked at one by one.
/// Blocks holding a backslash, and the top level (outside the relations array's items), go byte by byte.
/// Hand-written because a scan byte by byte (or by a search per token) took as long as a third of the read.
/// </remarks>
internal sealed class JsonLayout
{
    private const int BufferSize = 1 << 20;

    private JsonLayout(long length, long firstInvalid, Place? open, Place? close, List<Place> cuts)
    {
        Length = length;
        FirstInvalidUtf8 = firstInvalid;
        Open = open;
        Close = close;
        Cuts = cuts;
    }

    /// <summary>Gets the file's length in bytes.</summary>
    public long Length { get; }

    /// <summary>Gets the offset of the first byte that is not part of valid UTF-8, or -1.</summary>
    public long FirstInvalidUtf8 { get; }

    /// <summary>Gets the top-level relations array's opening bracket, or null when the scan found none it could follow.</summary>
    public Place? Open { get; }

    /// <summary>Gets the relations array's closing bracket, or null.</summary>
    public Place? Close { get; }

    /// <summary>
    /// Gets the starts (the <c>{</c>) of items where the array may be cut, ascending: each one follows a comma and
    /// whitespace only, at the array's own depth (<see cref="Place.Comma"/> is that comma).
    /// </summary>
    public IReadOnlyList<Place> Cuts { get; }

    /// <summary>Whether the relations array was found, whole, and can be read in parts.</summary>
    public bool CanSplit => Open is not null && Close is not null;

    /// <summary>
    /// Scans a file from <paramref name="start"/> (after a byte order mark), looking for up to
    /// <paramref name="parts"/> − 1 places to cut the relations array into parts of about equal size.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="start">Where its JSON starts.</param>
    /// <param name="parts">Into how many parts to cut the relations array.</param>
    /// <param name="found">
    /// Told, on the scan's thread, of the relations array's opening bracket and then of its first cut as soon as the
    /// scan has passed them, so a reader may begin before the scan ends; the scan's result still decides.
    /// </param>
    public static JsonLayout Scan(string path, long start, int parts, Action<Place>? found = null)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var scanner = new Scanner(RandomAccess.GetLength(file), start, parts, found);
        var buffer = new byte[BufferSize + 4];
        var carry = 0;
        for (var offset = start; offset < scanner.Length;)
        {
            var read = RandomAccess.Read(file, buffer.AsSpan(carry, BufferSize), offset);
            if (read == 0)
            {
                break;
            }

            // Up to three bytes of a character cut by the buffer's end wait for the next read.
            var bytes = buffer.AsSpan(0, carry + read);
            var end = offset + read >= scanner.Length ? bytes.Length : CompleteUpTo(bytes);
            scanner.Validate(bytes[..end], offset - carry);
            scanner.Structure(buffer.AsSpan(carry, read), offset);
            bytes[end..].CopyTo(buffer);
            carry = bytes.Length - end;
            offset += read;
        }

        return scanner.Result();
    }

    /// <summary>The number of characters (UTF-16 units, as Newtonsoft counts columns) on a place's line before it.</summary>
    public static int ColumnOf(string path, long lineStart, long offset)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var count = 0;
        var buffer = new byte[BufferSize + 4];
        var carry = 0;
        for (var at = lineStart; at < offset;)
        {
            var read = RandomAccess.Read(file, buffer.AsSpan(carry, (int)Math.Min(BufferSize, offset - at)), at);
            var bytes = buffer.AsSpan(0, carry + read);
            var end = at + read >= offset ? bytes.Length : CompleteUpTo(bytes);
            count += System.Text.Encoding.UTF8.GetCharCount(bytes[..end]);
            bytes[end..].CopyTo(buffer);
            carry = bytes.Length - end;
            at += read;
        }

        return count;
    }

    /// <summary>How many of the bytes end on a character boundary: a sequence cut at the end is left out.</summary>
    private static int CompleteUpTo(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if (b < 0x80)
            {
                return bytes.Length;
            }

            if (b >= 0xC0)
            {
                var needs = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return needs > back ? bytes.Length - back : bytes.Length;
            }
        }

        return bytes.Length;
    }

    /// <summary>
    /// A place in the file: its offset, how many line breaks come before it, where its line starts, and (for a cut)
    /// the comma before it.
    /// </summary>
    internal readonly record struct Place(long Offset, long LinesBefore, long LineStart, long Comma = -1);

    /// <summary>The scan's state, carried from buffer to buffer.</summary>
    private sealed class Scanner(long length, long start, int parts, Action<Place>? found)
    {
        private readonly List<Place> cuts = [];
        private long firstInvalid = -1;
        private long lines;
        private long lineStart = start;

        private int depth;
        private bool inString;
        private bool escaped;
        private bool failed;

        // The text of the last string closed at depth 1 (a key), when short, to recognise "relations".
        private readonly byte[] key = new byte[16];
        private int keyLength = -1;
        private bool lastKeyIsRelations;

        private Place? open;
        private Place? close;
        private bool inRelations;
        private long nextCut = long.MaxValue;
        private long lastComma = -1;

        public long Length { get; } = length;

        public void Validate(ReadOnlySpan<byte> bytes, long offset)
        {
            if (firstInvalid >= 0 || Utf8.IsValid(bytes))
            {
                return;
            }

            for (var at = 0; at < bytes.Length;)
            {
                if (System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                {
                    firstInvalid = offset + at;
                    return;
                }

                at += consumed;
            }
        }

        // Runs once per load, so tiered compilation would start it unoptimized (1M load profile: 3.3% -> 2.7% of its CPU).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Structure(ReadOnlySpan<byte> bytes, long offset)
        {
            var i = 0;
            while (i < bytes.Length && !failed)
            {
                // Inside the relations array's items (depth 2 and more), a block of 64 bytes without a backslash is
                // read by its bits; anything else byte by byte.
                if (depth >= 2 && !escaped && i + 64 <= bytes.Length)
                {
                    var masks = new Masks(bytes.Slice(i, 64));
                    if (masks.Backslashes == 0)
                    {
                        i = Block(masks, bytes, offset, i);
                        continue;
                    }
                }

                Byte(bytes, offset, i);
                i++;
            }
        }

        public JsonLayout Result() =>
            failed || firstInvalid >= 0 ? new JsonLayout(Length, firstInvalid, null, null, [])
            : new JsonLayout(Length, firstInvalid, open, close, cuts);

        /// <summary>Reads a block of 64 bytes by its bits; returns where to go on (after it, or after a bracket that left depth 2).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Block(in Masks masks, ReadOnlySpan<byte> bytes, long offset, int i)
        {
            var block = bytes.Slice(i, 64);
            var inside = PrefixXor(masks.Quotes) ^ (inString ? ulong.MaxValue : 0);
            var outside = ~inside;
            if ((masks.SlashesAndApostrophes & outside) != 0)
            {
                // A comment or a single-quoted string: not JSON, and not followed here.
                failed = true;
                return bytes.Length;
            }

            var blockStart = offset + i;
            var newlines = masks.Newlines;
            var brackets = masks.Brackets & outside;
            if (blockStart + 64 <= nextCut)
            {
                // Short of the next cut, only the depth matters: when this block's closing brackets cannot bring it
                // down to 1 (out of the relations array), their count and the opening ones' are enough. (1M compact
                // graph.json: a bracket at a time took most of the scan's time.)
                var closing = BitOperations.PopCount(brackets & masks.Closing);
                if (depth - closing >= 2)
                {
                    depth += BitOperations.PopCount(brackets) - (2 * closing);
                    if (newlines != 0)
                    {
                        lines += BitOperations.PopCount(newlines);
                        lineStart = blockStart + 64 - BitOperations.LeadingZeroCount(newlines);
                    }

                    inString = (inside >> 63) != 0;
                    return i + 64;
                }
            }

            var commas = inRelations ? masks.Commas & outside : 0;
            var stop = 64;
            var from = 0;
            while (brackets != 0)
            {
                var at = BitOperations.TrailingZeroCount(brackets);
                brackets &= brackets - 1;
                NoteComma(commas, from, at, blockStart);
                from = at + 1;
                if (block[at] is (byte)'{' or (byte)'[')
                {
                    if (depth == 2 && inRelations && block[at] == '{')
                    {
                        ItemStart(bytes, offset, i + at, newlines & Below(at), blockStart);
                    }

                    depth++;
                }
                else if (--depth <= 1)
                {
                    // Back at the top level: the rest of the block goes byte by byte.
                    if (inRelations && depth == 1)
                    {
                        close = Here(blockStart + at, newlines & Below(at), blockStart);
                        inRelations = false;
                    }

                    stop = at + 1;
                    break;
                }
            }

            if (stop == 64)
            {
                NoteComma(commas, from, 64, blockStart);
            }

            var counted = newlines & Below(stop);
            if (counted != 0)
            {
                lines += BitOperations.PopCount(counted);
                lineStart = blockStart + 64 - BitOperations.LeadingZeroCount(counted);
            }

            inString = stop == 64 && (inside >> 63) != 0;
            return i + stop;
        }

        /// <summary>Keeps the last comma between two brackets of a block when it stands at the relations array's own depth.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void NoteComma(ulong commas, int from, int to, long blockStart)
        {
            var between = commas & Below(to) & ~Below(from);
            if (depth == 2 && between != 0)
            {
                lastComma = blockStart + 63 - BitOperations.LeadingZeroCount(between);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Below(int bit) => bit >= 64 ? ulong.MaxValue : (1UL << bit) - 1;

        /// <summary>One byte, with the full state machine: strings, escapes, brackets and the keys of the top level.</summary>
        private void Byte(ReadOnlySpan<byte> bytes, long offset, int i)
        {
            var b = bytes[i];
            if (b == '\n')
            {
                lines++;
                lineStart = offset + i + 1;
            }

            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == '\\')
                {
                    escaped = true;
                    keyLength = -1;
                }
                else if (b == '"')
                {
                    inString = false;
                    if (depth == 1)
                    {
                        lastKeyIsRelations = keyLength == 9 && key.AsSpan(0, 9).SequenceEqual("relations"u8);
                    }
                }
                else if (depth == 1 && keyLength >= 0)
                {
                    keyLength = keyLength < key.Length ? keyLength + 1 : -1;
                    if (keyLength > 0)
                    {
                        key[keyLength - 1] = b;
                    }
                }

                return;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    keyLength = 0;
                    break;
                case (byte)'/' or (byte)'\'':
                    failed = true;
                    break;
                case (byte)',' when depth == 2 && inRelations:
                    lastComma = offset + i;
                    break;
                case (byte)'{' or (byte)'[':
                    if (depth == 1 && b == '[' && lastKeyIsRelations && open is null)
                    {
                        open = Here(offset + i, 0, 0);
                        inRelations = true;
                        found?.Invoke(open.Value);
                        nextCut = open.Value.Offset + ((Length - open.Value.Offset) / Math.Max(1, parts));
                    }
                    else if (depth == 2 && inRelations && b == '{')
                    {
                        ItemStart(bytes, offset, i, 0, 0);
                    }

                    if (depth == 1)
                    {
                        lastKeyIsRelations = false;
                    }

                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    depth--;
                    if (depth == 1 && inRelations)
                    {
                        close = Here(offset + i, 0, 0);
                        inRelations = false;
                    }

                    break;
                default:
                    if (depth == 1 && b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)':'))
                    {
                        lastKeyIsRelations = false;
                    }

                    break;
            }
        }

        /// <summary>An item of the relations array starts: a place to cut, when far enough on and right after a comma.</summary>
        private void ItemStart(ReadOnlySpan<byte> bytes, long offset, int i, ulong newlinesBefore, long blockStart)
        {
            var at = offset + i;
            if (at < nextCut || lastComma < offset)
            {
                // Not yet far enough, or the comma lies in an earlier buffer (the bytes between are not at hand).
                return;
            }

            // Only whitespace may stand between the comma and the item: the scan saw no structural byte there, but a
            // broken file could hold a number or a word, and then this is no place to cut.
            for (var back = i - 1; offset + back > lastComma; back--)
            {
                if (bytes[back] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
                {
                    return;
                }
            }

            cuts.Add(Here(at, newlinesBefore, blockStart) with { Comma = lastComma });
            if (cuts.Count == 1)
            {
                found?.Invoke(cuts[0]);
            }

            nextCut = at + Math.Max(1, (Length - open!.Value.Offset) / Math.Max(1, parts));
        }

        /// <summary>A place at an offset, given the line breaks before it in its block (not yet counted) and where the block starts.</summary>
        private Place Here(long at, ulong newlinesBefore, long blockStart) =>
            newlinesBefore == 0
                ? new Place(at, lines, lineStart)
                : new Place(at, lines + BitOperations.PopCount(newlinesBefore), blockStart + 64 - BitOperations.LeadingZeroCount(newlinesBefore));

        /// <summary>Bit i set when an odd number of bits are set at or below i: with quotes, the bytes inside strings.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong PrefixXor(ulong bits)
        {
            bits ^= bits << 1;
            bits ^= bits << 2;
            bits ^= bits << 4;
            bits ^= bits << 8;
            bits ^= bits << 16;
            bits ^= bits << 32;
            return bits;
        }
    }

    /// <summary>
    /// The bytes of a block of 64 that are of each class the scan looks at, as 64-bit masks (bit i for byte i): one
    /// or two 512/256-bit comparisons per class where the processor has them, four of 128 bits otherwise.
    /// </summary>
    private readonly ref struct Masks
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Masks(ReadOnlySpan<byte> block)
        {
            if (Vector512.IsHardwareAccelerated)
            {
                var v = Vector512.Create(block);
                Quotes = Vector512.Equals(v, Vector512.Create((byte)'"')).ExtractMostSignificantBits();
                Backslashes = Vector512.Equals(v, Vector512.Create((byte)'\\')).ExtractMostSignificantBits();
                Newlines = Vector512.Equals(v, Vector512.Create((byte)'\n')).ExtractMostSignificantBits();
                Commas = Vector512.Equals(v, Vector512.Create((byte)',')).ExtractMostSignificantBits();

                // '/' 0x2F and '\'' 0x27 are the bytes b with b | 8 == '/'; '{' '[' '}' ']' those with b & 0xDF == '[' or ']'.
                SlashesAndApostrophes = Vector512.Equals(v | Vector512.Create((byte)8), Vector512.Create((byte)'/')).ExtractMostSignificantBits();
                var folded = v & Vector512.Create((byte)0xDF);
                Closing = Vector512.Equals(folded, Vector512.Create((byte)']')).ExtractMostSignificantBits();
                Brackets = Vector512.Equals(folded, Vector512.Create((byte)'[')).ExtractMostSignificantBits() | Closing;
                return;
            }

            if (Vector256.IsHardwareAccelerated)
            {
                var (low, high) = (Vector256.Create(block), Vector256.Create(block[32..]));
                Quotes = Bits(low, high, (byte)'"');
                Backslashes = Bits(low, high, (byte)'\\');
                Newlines = Bits(low, high, (byte)'\n');
                Commas = Bits(low, high, (byte)',');
                SlashesAndApostrophes = Bits(low | Vector256.Create((byte)8), high | Vector256.Create((byte)8), (byte)'/');
                var (foldedLow, foldedHigh) = (low & Vector256.Create((byte)0xDF), high & Vector256.Create((byte)0xDF));
                Closing = Bits(foldedLow, foldedHigh, (byte)']');
                Brackets = Bits(foldedLow, foldedHigh, (byte)'[') | Closing;
                return;
            }

            Quotes = Bits128(block, (byte)'"', 0, 0xFF);
            Backslashes = Bits128(block, (byte)'\\', 0, 0xFF);
            Newlines = Bits128(block, (byte)'\n', 0, 0xFF);
            Commas = Bits128(block, (byte)',', 0, 0xFF);
            SlashesAndApostrophes = Bits128(block, (byte)'/', 8, 0xFF);
            Closing = Bits128(block, (byte)']', 0, 0xDF);
            Brackets = Bits128(block, (byte)'[', 0, 0xDF) | Closing;
        }

        public ulong Quotes { get; }

        public ulong Backslashes { get; }

        public ulong Newlines { get; }

        public ulong Commas { get; }

        public ulong SlashesAndApostrophes { get; }

        /// <summary>Gets the brackets, opening and closing: { [ } ].</summary>
        public ulong Brackets { get; }

        /// <summary>Gets the closing brackets: } ].</summary>
        public ulong Closing { get; }

        private static ulong Bits(Vector256<byte> low, Vector256<byte> high, byte value) =>
            Vector256.Equals(low, Vector256.Create(value)).ExtractMostSignificantBits()
            | ((ulong)Vector256.Equals(high, Vector256.Create(value)).ExtractMostSignificantBits() << 32);

        /// <summary>Bits of the bytes b with (b | or) &amp; and == value, 16 at a time.</summary>
        private static ulong Bits128(ReadOnlySpan<byte> block, byte value, byte or, byte and)
        {
            ulong bits = 0;
            for (var part = 0; part < 4; part++)
            {
                var v = (Vector128.Create(block[(part * 16)..]) | Vector128.Create(or)) & Vector128.Create(and);
                bits |= (ulong)Vector128.Equals(v, Vector128.Create(value)).ExtractMostSignificantBits() << (part * 16);
            }

            return bits;
        }
    }
}
