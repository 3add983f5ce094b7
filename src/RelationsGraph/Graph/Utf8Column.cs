using System.Text;

namespace RelationsGraph.Graph;

/// <summary>
/// A column of UTF-8 texts, one per row, in blocks: each block holds its rows' bytes end to end in one array
/// and where each begins (an Arrow string column's layout), so a column may hold far more than 2 GB and a block
/// could as well be a buffer of a memory-mapped file. Rows number on across blocks. A block may hold only some of
/// its texts as rows (a row map) and check each text as it is read (a snapshot read for some rows only leaves their
/// texts in the file, unread and unchecked, until they are shown).
/// </summary>
/// <remarks>Immutable; safe to read from many threads.</remarks>
internal sealed class Utf8Column
{
    private readonly Block[] blocks;

    // The first row of each block, ascending, and the row count at the end.
    private readonly int[] firstRows;

    // The bytes of text held, counted when first asked (a block of some rows would read its offsets to count them).
    private long bytes = -1;

    public Utf8Column(IReadOnlyList<Block> blocks)
    {
        this.blocks = [.. blocks];
        firstRows = new int[this.blocks.Length + 1];
        for (var b = 0; b < this.blocks.Length; b++)
        {
            firstRows[b + 1] = firstRows[b] + this.blocks[b].Count;
        }
    }

    public static Utf8Column Empty { get; } = new([]);

    public int Count => firstRows[^1];

    /// <summary>Gets the bytes of text held, all blocks together.</summary>
    public long Bytes
    {
        get
        {
            if (bytes < 0)
            {
                bytes = blocks.Sum(b => b.Bytes);
            }

            return bytes;
        }
    }

    /// <summary>Gets the blocks; a reader of their offsets directly must handle <see cref="Block.Rows"/> and <see cref="Block.Check"/> (the builder's blocks have neither).</summary>
    public IReadOnlyList<Block> Blocks => blocks;

    public ReadOnlySpan<byte> this[int row]
    {
        get
        {
            var b = BlockOf(row);
            var block = blocks[b];
            var offsets = block.Offsets.Span;
            var at = row - firstRows[b];
            at = block.Rows is { } rows ? rows[at] : at;
            block.Check?.Invoke(at);
            return block.Data.Span.Slice(offsets[at], offsets[at + 1] - offsets[at]);
        }
    }

    /// <summary>The text of a row, or null for an empty one.</summary>
    public string? GetString(int row)
    {
        var bytes = this[row];
        return bytes.IsEmpty ? null : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The columns one after another, sharing their blocks.</summary>
    public static Utf8Column Concat(IEnumerable<Utf8Column> columns) => new(columns.SelectMany(c => c.blocks).ToArray());

    private int BlockOf(int row)
    {
        if ((uint)row >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row));
        }

        // Most columns have few blocks; a binary search over their first rows finds the one.
        int low = 0, high = blocks.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) >>> 1;
            if (firstRows[mid] <= row)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    /// <summary>
    /// One block: text i the bytes of <see cref="Data"/> from Offsets[i] to Offsets[i + 1] (the first offset need not
    /// be 0). Arrays, or the buffers of a memory-mapped snapshot's record batch. Its rows are its texts, or given
    /// <see cref="Rows"/> those texts alone, in that order; given <see cref="Check"/>, each text is checked as it is read.
    /// </summary>
    internal sealed record Block(ReadOnlyMemory<int> Offsets, ReadOnlyMemory<byte> Data)
    {
        /// <summary>Gets the texts that are the block's rows (their indexes, in row order), or null for every text.</summary>
        public int[]? Rows { get; init; }

        /// <summary>Gets the check each text passes before it is read (given its index; it throws when the text or its offsets are bad), or null.</summary>
        public TextCheck? Check { get; init; }

        public int Count => Rows?.Length ?? Offsets.Length - 1;

        public long Bytes
        {
            get
            {
                var offsets = Offsets.Span;
                if (Rows is null)
                {
                    return offsets[^1] - offsets[0];
                }

                long sum = 0;
                foreach (var i in Rows)
                {
                    sum += offsets[i + 1] - offsets[i];
                }

                return sum;
            }
        }
    }
}

/// <summary>Checks a text (by its index in its block) before it is read; throws when it or its offsets are bad.</summary>
internal delegate void TextCheck(int index);

/// <summary>Collects the texts of a <see cref="Utf8Column"/>, a row at a time, into blocks of up to 65,536 rows.</summary>
internal sealed class Utf8ColumnBuilder
{
    private const int BlockRows = 1 << 16;
    private readonly List<Utf8Column.Block> blocks = [];
    private int[] offsets = new int[BlockRows + 1];
    private byte[] data = new byte[1 << 12];
    private int rows;

    public int Count => (blocks.Count * BlockRows) + rows;

    /// <summary>Adds a row's text; null is an empty text.</summary>
    public void Add(string? text)
    {
        var length = offsets[rows];
        if (!string.IsNullOrEmpty(text))
        {
            Reserve(length, Encoding.UTF8.GetMaxByteCount(text.Length));
            System.Text.Unicode.Utf8.FromUtf16(text, data.AsSpan(length), out _, out var written);
            length += written;
        }

        Next(length);
    }

    public void Add(ReadOnlySpan<byte> utf8)
    {
        var length = offsets[rows];
        Reserve(length, utf8.Length);
        utf8.CopyTo(data.AsSpan(length));
        Next(length + utf8.Length);
    }

    public Utf8Column Build()
    {
        if (rows > 0)
        {
            Seal();
        }

        return new Utf8Column(blocks);
    }

    private void Reserve(int length, int more)
    {
        if (data.Length - length < more)
        {
            Array.Resize(ref data, (int)Math.Min(Array.MaxLength, Math.Max((long)data.Length * 2, (long)length + more)));
        }
    }

    private void Next(int end)
    {
        offsets[++rows] = end;
        if (rows == BlockRows)
        {
            Seal();
        }
    }

    private void Seal()
    {
        var length = offsets[rows];

        // The next block starts with room for as much as this one took, so most blocks grow only once or twice.
        var next = new byte[Math.Max(1 << 12, length)];
        Array.Resize(ref data, length);
        blocks.Add(new Utf8Column.Block(offsets.AsSpan(0, rows + 1).ToArray(), data));
        data = next;
        rows = 0;
    }
}
