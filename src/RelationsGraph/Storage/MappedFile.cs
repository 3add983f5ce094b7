using System.Buffers;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace RelationsGraph.Storage;

/// <summary>
/// A file mapped into memory, read only, handed out as <see cref="ReadOnlyMemory{T}"/> windows of under 2 GiB
/// each (the most a <see cref="Memory{T}"/> can span), so a snapshot's buffers are read in place instead of copied.
/// The mapping lives as long as any window does: a graph loaded from a snapshot keeps its file mapped.
/// </summary>
/// <remarks>
/// The file must not be changed in place while mapped (a save replaces a file by renaming a new one over it, which
/// is safe); on Windows a mapped file cannot be replaced until the graph is collected.
/// </remarks>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile file;
    private readonly MemoryMappedViewAccessor view;
    private byte* pointer;

    private MappedFile(MemoryMappedFile file, MemoryMappedViewAccessor view, long length)
    {
        this.file = file;
        this.view = view;
        Length = length;
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        pointer = start + view.PointerOffset;
    }

    ~MappedFile() => Release();

    public long Length { get; }

    /// <summary>Maps a file of at least one byte.</summary>
    public static MappedFile Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.None);
        var length = stream.Length;
        var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        try
        {
            return new MappedFile(file, file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public ReadOnlySpan<byte> Span(long offset, int length)
    {
        Check(offset, length);
        return new ReadOnlySpan<byte>(pointer + offset, length);
    }

    /// <summary>A window of the file as memory: valid while this mapping lives, which the window itself ensures.</summary>
    public ReadOnlyMemory<byte> Memory(long offset, int length)
    {
        Check(offset, length);
        return new Window<byte>(this, pointer + offset, length).Memory;
    }

    /// <summary>The same bytes as <paramref name="bytes"/> (a window of a mapping, or an array) read as 32-bit integers, without a copy when mapped.</summary>
    public static ReadOnlyMemory<int> AsInts(ReadOnlyMemory<byte> bytes)
    {
        if (MemoryMarshal.TryGetMemoryManager<byte, Window<byte>>(bytes, out var window, out var start, out var length) && (length % 4) == 0)
        {
            return new Window<int>(window.Owner, window.Pointer + start, length / 4).Memory;
        }

        return MemoryMarshal.Cast<byte, int>(bytes.Span).ToArray();
    }

    /// <summary>
    /// Whether a page fault reads only its own page from disk (random) or the pages around it too (normal, the
    /// default): a pass over a few bytes of every part of the file (the framing of a snapshot's batches) reads at
    /// random, or it would read the whole file before any of it is used.
    /// </summary>
    public void ReadAtRandom(bool random)
    {
        if (pointer != null)
        {
            RelationsGraph.Common.NativeMethods.Advise((IntPtr)pointer, Length, random ? RelationsGraph.Common.NativeMethods.Random : RelationsGraph.Common.NativeMethods.Normal);
        }
    }

    /// <summary>
    /// Lets go of the pages of the buffers given (windows of this mapping) once read: they leave the resident set and
    /// are read again from the page cache if touched. A load checks every byte of a snapshot once and needs few again.
    /// </summary>
    public void DropPages(IEnumerable<ReadOnlyMemory<byte>> buffers)
    {
        if (Pages(buffers) is { } span)
        {
            RelationsGraph.Common.NativeMethods.Advise((IntPtr)(pointer + span.From), span.To - span.From, RelationsGraph.Common.NativeMethods.DontNeed);
        }
    }

    /// <summary>
    /// Starts reading the pages of each buffer given (windows of this mapping), each in one request, in the background:
    /// for a mapping read at random (<see cref="ReadAtRandom"/>), whose faults read a page each, when a reader is
    /// about to read some columns of a record batch and not the rest.
    /// </summary>
    public void ReadAhead(IEnumerable<ReadOnlyMemory<byte>> buffers)
    {
        foreach (var buffer in buffers)
        {
            if (Pages([buffer]) is { } span)
            {
                RelationsGraph.Common.NativeMethods.Advise((IntPtr)(pointer + span.From), span.To - span.From, RelationsGraph.Common.NativeMethods.WillNeed);
            }
        }
    }

    /// <summary>As <see cref="ReadAhead(IEnumerable{ReadOnlyMemory{byte}})"/>, a range of the file.</summary>
    public void ReadAhead(long start, long length)
    {
        Check(start, (int)Math.Min(int.MaxValue, length));
        var (from, to) = (start / Page * Page, Math.Min(Length, (start + length + Page - 1) / Page * Page));
        RelationsGraph.Common.NativeMethods.Advise((IntPtr)(pointer + from), to - from, RelationsGraph.Common.NativeMethods.WillNeed);
    }

    /// <summary>The whole pages of the file the buffers given (windows of this mapping) lie in, first to last, or null for none.</summary>
    private (long From, long To)? Pages(IEnumerable<ReadOnlyMemory<byte>> buffers)
    {
        var (low, high) = (long.MaxValue, long.MinValue);
        foreach (var buffer in buffers)
        {
            if (MemoryMarshal.TryGetMemoryManager<byte, Window<byte>>(buffer, out var window, out var start, out var length) && window.Owner == this)
            {
                var offset = window.Pointer + start - pointer;
                (low, high) = (Math.Min(low, offset), Math.Max(high, offset + length));
            }
        }

        return low < high && pointer != null ? (low / Page * Page, Math.Min(Length, (high + Page - 1) / Page * Page)) : null;
    }

    private const long Page = 4096;

    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private void Release()
    {
        if (pointer != null)
        {
            pointer = null;
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            file.Dispose();
        }
    }

    private void Check(long offset, int length)
    {
        ObjectDisposedException.ThrowIf(pointer == null, this);
        if (offset < 0 || length < 0 || offset + length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"The range {offset}+{length} lies outside the file of {Length} bytes.");
        }
    }

    /// <summary>A window of the mapping as a <see cref="MemoryManager{T}"/>; it holds the mapping alive.</summary>
    private sealed class Window<T>(MappedFile owner, byte* pointer, int length) : MemoryManager<T>
        where T : unmanaged
    {
        public MappedFile Owner => owner;

        public byte* Pointer => pointer;

        public override Span<T> GetSpan() => new(pointer, length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(pointer + (elementIndex * sizeof(T)));

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
