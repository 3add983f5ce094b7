namespace RelationsGraph.Common;

/// <summary>
/// Writes a file so that readers see the old content or the new, never a part: the content goes to a
/// temporary file in the same folder, is flushed to disk, then renamed over the target, and the folder is
/// flushed too (on POSIX systems), so that the rename itself survives a crash.
/// </summary>
internal static class AtomicFile
{
    /// <summary>The steps of a save, so tests can fail it at each one.</summary>
    internal enum Step
    {
        Created,
        Written,
        Flushed,
        Renamed,
        FolderSynced,
    }

    /// <summary>File systems whose entries are devices, pipes or kernel state: written to, never replaced.</summary>
    private static readonly HashSet<string> SystemFileSystems = new(StringComparer.Ordinal)
    {
        "devtmpfs", "devfs", "devpts", "proc", "sysfs", "cgroup", "cgroup2", "debugfs", "tracefs", "securityfs", "configfs", "pstore", "bpf", "mqueue",
    };

    public static void Write(string path, Action<Stream> write, Action<Step>? probe = null)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"Cannot save to '{path}': it is a directory.");
        }

        // A link is followed, so that it survives and what it points to gets the new content.
        var info = new FileInfo(full);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            full = target.FullName;
        }

        var folder = Path.GetDirectoryName(full) ?? ".";
        if (IsSystemFolder(folder))
        {
            // /dev/null, /dev/stdout and the like can only be written: replacing /dev/null (as root) makes it a plain file.
            WriteThrough(path, folder, write);
            return;
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot save to '{path}': the folder '{folder}' does not exist.");
        }

        // A short name: the target's own name may already be as long as the file system allows.
        var temp = Path.Combine(folder, $".relgraph-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = Open(temp, FileMode.CreateNew, path, folder))
            {
                probe?.Invoke(Step.Created);
                write(stream);
                probe?.Invoke(Step.Written);
                stream.Flush(flushToDisk: true);
                probe?.Invoke(Step.Flushed);
            }

            File.Move(temp, full, overwrite: true);
            probe?.Invoke(Step.Renamed);

            // The new name lives in the folder's entries; until they reach the disk, a crash can undo the rename.
            NativeMethods.SyncFolder(folder);
            probe?.Invoke(Step.FolderSynced);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static void WriteThrough(string path, string folder, Action<Stream> write)
    {
        using var stream = Open(path, FileMode.Open, path, folder);
        write(stream);
        stream.Flush();
    }

    /// <summary>Opens a file for writing; a failure names the file asked for and its folder, not a temporary name.</summary>
    private static FileStream Open(string file, FileMode mode, string path, string folder)
    {
        try
        {
            return new FileStream(file, mode, FileAccess.Write, mode == FileMode.Open ? FileShare.ReadWrite : FileShare.None, 1 << 16);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException($"Cannot save to '{path}': permission to write in the folder '{folder}' is denied.", e);
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException || !File.Exists(file))
        {
            throw new IOException($"Cannot save to '{path}': a file cannot be created in the folder '{folder}'.", e);
        }
    }

    private static bool IsSystemFolder(string folder)
    {
        try
        {
            return SystemFileSystems.Contains(new DriveInfo(folder).DriveFormat);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
