namespace RelationsGraph.Cli.Repl;

/// <summary>
/// The lines typed in the interactive mode, oldest first, with up/down navigation and an optional file that
/// keeps them between sessions. Writing the file is best effort: a failure is ignored, never shown.
/// </summary>
/// <remarks>Not thread-safe; one editor owns it.</remarks>
internal sealed class LineHistory
{
    /// <summary>The history file's name in the user's home folder.</summary>
    public const string FileName = ".relgraph_history";

    private readonly List<string> entries = [];
    private readonly int capacity;
    private readonly string? path;
    private int position;
    private string draft = string.Empty;

    /// <summary>Creates an empty history, kept in memory only when <paramref name="path"/> is null.</summary>
    public LineHistory(int capacity = 1000, string? path = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.capacity = capacity;
        this.path = path;
    }

    public IReadOnlyList<string> Entries => entries;

    /// <summary>The history file for a home folder, or null when there is no home to keep it in.</summary>
    public static string? PathIn(string? home) => string.IsNullOrEmpty(home) ? null : Path.Combine(home, FileName);

    /// <summary>Reads the history kept in <paramref name="path"/>; a missing or unreadable file gives an empty history.</summary>
    public static LineHistory Load(string? path, int capacity = 1000)
    {
        var history = new LineHistory(capacity, path);
        if (path is null)
        {
            return history;
        }

        try
        {
            var lines = File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
            foreach (var line in lines.Skip(Math.Max(0, lines.Count - capacity)))
            {
                history.Remember(line);
            }

            if (lines.Count > 2 * capacity)
            {
                // The file only grows by appends; trim it now and then so it stays near the capacity.
                File.WriteAllLines(path, history.entries);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No history is no reason to refuse a session.
        }

        return history;
    }

    /// <summary>
    /// Records a line the user entered (not blank, not the same as the one before) and appends it to the file,
    /// then puts the navigation back at the bottom.
    /// </summary>
    public void Add(string line)
    {
        ResetNavigation();
        line = line.Trim();
        if (line.Length == 0 || (entries.Count > 0 && entries[^1] == line))
        {
            return;
        }

        Remember(line);
        position = entries.Count;
        if (path is not null)
        {
            try
            {
                File.AppendAllText(path, line + "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Silently kept in memory only: a read-only home must not spoil the session.
            }
        }
    }

    /// <summary>Moves one line older; the first move keeps <paramref name="current"/> as the draft to come back to.</summary>
    /// <returns>The older line, or null at the oldest.</returns>
    public string? Previous(string current)
    {
        if (position == 0)
        {
            return null;
        }

        if (position == entries.Count)
        {
            draft = current;
        }

        return entries[--position];
    }

    /// <summary>Moves one line newer; past the newest line comes the draft.</summary>
    /// <returns>The newer line or the draft, or null when already at the bottom.</returns>
    public string? Next()
    {
        if (position >= entries.Count)
        {
            return null;
        }

        position++;
        return position == entries.Count ? draft : entries[position];
    }

    /// <summary>Forgets the draft and puts the navigation below the newest line.</summary>
    public void ResetNavigation()
    {
        position = entries.Count;
        draft = string.Empty;
    }

    private void Remember(string line)
    {
        entries.Add(line);
        if (entries.Count > capacity)
        {
            entries.RemoveAt(0);
        }

        position = entries.Count;
    }
}
