using System.Runtime.InteropServices;

namespace RelationsGraph.Common;

/// <summary>The POSIX calls .NET has no API for: a folder cannot be opened as a stream, so it cannot be synced with one.</summary>
internal static class NativeMethods
{
    private const int ReadOnly = 0;

    /// <summary>madvise: normal read-ahead around a fault.</summary>
    public const int Normal = 0;

    /// <summary>madvise: a fault reads its own page only.</summary>
    public const int Random = 1;

    /// <summary>madvise: the pages will be needed soon (their reading starts now, in the background).</summary>
    public const int WillNeed = 3;

    /// <summary>madvise: the pages are not needed now (they leave the resident set and stay in the page cache).</summary>
    public const int DontNeed = 4;

    /// <summary>
    /// Asks the file system to write a folder's entries to disk (a rename is then durable, not only atomic):
    /// POSIX systems only; elsewhere, or when the folder cannot be opened or synced, nothing happens.
    /// </summary>
    /// <returns><see langword="true"/> when the folder was synced.</returns>
    public static bool SyncFolder(string folder)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return false;
        }

        try
        {
            var handle = Open(folder, ReadOnly);
            if (handle < 0)
            {
                return false;
            }

            try
            {
                return FSync(handle) == 0;
            }
            finally
            {
                _ = Close(handle);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Advises Linux about a range of a read-only file mapping (madvise: <see cref="Normal"/>, <see cref="Random"/>,
    /// <see cref="WillNeed"/> or <see cref="DontNeed"/>). Elsewhere nothing happens.
    /// </summary>
    public static void Advise(IntPtr start, long length, int advice)
    {
        if (!OperatingSystem.IsLinux() || length <= 0)
        {
            return;
        }

        try
        {
            _ = MAdvise(start, checked((UIntPtr)(ulong)length), advice);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "madvise", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MAdvise(IntPtr start, UIntPtr length, int advice);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FSync(int handle);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int handle);
}
