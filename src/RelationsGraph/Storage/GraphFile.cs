using RelationsGraph.Common;
using RelationsGraph.Graph;

namespace RelationsGraph.Storage;

/// <summary>
/// Reads and writes graphs as graph.json or as an Arrow snapshot (docs/snapshot.md):
/// <see cref="Load(string, GraphLoadOptions?)"/> a file of either kind, <see cref="Save(string, RelationGraph)"/> one
/// atomically, or <see cref="LoadBundled"/> the graph that ships inside the library.
/// </summary>
/// <remarks>Thread-safe: every method stands alone.</remarks>
public static class GraphFile
{
    private const string BundledResource = "RelationsGraph.graph.json";
    private static readonly Lazy<RelationGraph> BundledGraph = new(LoadBundledCore, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Gets the knowledge graph bundled with the library: what the IPIS article on China and North Korea
    /// (2021) says, with a verbatim quote for every fact. Loaded once, on first use.
    /// </summary>
    /// <returns>The bundled graph.</returns>
    public static RelationGraph LoadBundled() => BundledGraph.Value;

    /// <summary>
    /// Loads a graph from a graph.json file or an Arrow snapshot, told apart by their first bytes (the extension
    /// decides only for a file too short to tell). A snapshot is mapped into memory and read in place: of the options
    /// only <see cref="GraphLoadOptions.Window"/> applies (it holds no JSON to limit), and as for graph.json the
    /// snapshot is then checked whole and only the relations whose dates meet the window are kept.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits for a graph.json load, and the window it is for; <see langword="null"/> for the defaults.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="GraphDataException">The file is not a valid graph; the message says where and why.</exception>
    /// <exception cref="IOException">The file cannot be read, does not exist or is a directory.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static RelationGraph Load(string path, GraphLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return IsSnapshot(path)
            ? SnapshotReader.ReadFile(path, options?.Window)
            : GraphJsonReader.ReadFile(path, options ?? GraphLoadOptions.Default);
    }

    /// <summary>
    /// Tells which kind of graph file a file is: a snapshot when it starts as an Arrow IPC stream does, graph.json
    /// otherwise; a file too short to tell (under 4 bytes) by its extension (<c>.arrows</c> or <c>.arrow</c>: a snapshot).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read, does not exist or is a directory.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static GraphFileFormat FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Span<byte> head = stackalloc byte[4];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return read < head.Length ? FormatOfName(path) : SnapshotReader.HasMagic(head) ? GraphFileFormat.Snapshot : GraphFileFormat.Json;
    }

    /// <summary>The kind a file's name asks for: a snapshot for <c>.arrows</c> and <c>.arrow</c>, graph.json otherwise.</summary>
    /// <param name="path">The file name.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static GraphFileFormat FormatOfName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        return extension.Equals(".arrows", StringComparison.OrdinalIgnoreCase) || extension.Equals(".arrow", StringComparison.OrdinalIgnoreCase)
            ? GraphFileFormat.Snapshot
            : GraphFileFormat.Json;
    }

    /// <summary>Loads a graph from graph.json text (whole: <see cref="GraphLoadOptions.Window"/> applies to files only).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to report in errors, or <see langword="null"/>.</param>
    /// <param name="options">Limits for the load; <see langword="null"/> for the defaults.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="GraphDataException">The text is not a valid graph; the message says where and why.</exception>
    public static RelationGraph Load(TextReader reader, string? fileName = null, GraphLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return GraphJsonReader.Read(reader, fileName, options ?? GraphLoadOptions.Default);
    }

    /// <summary>
    /// Saves a graph atomically, as the file's name asks (<see cref="FormatOfName"/>: a snapshot for
    /// <c>.arrows</c> and <c>.arrow</c>, graph.json otherwise): the content goes to a temporary file beside
    /// <paramref name="path"/>, is flushed to disk, then renamed over it, so a failed save leaves any
    /// previous file intact. The output is deterministic: the same graph gives the same bytes.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="graph">The graph.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder may not be written.</exception>
    public static void Save(string path, RelationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(path);
        Save(path, graph, FormatOfName(path));
    }

    /// <summary>Saves a graph atomically in the given format, whatever the file's name (as <see cref="Save(string, RelationGraph)"/> otherwise).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="graph">The graph.</param>
    /// <param name="format">graph.json or a snapshot.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder may not be written.</exception>
    public static void Save(string path, RelationGraph graph, GraphFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(graph);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "The format is not one of Json, Snapshot.");
        }

        AtomicFile.Write(path, stream =>
        {
            if (format == GraphFileFormat.Snapshot)
            {
                SnapshotWriter.Write(graph, stream);
            }
            else
            {
                GraphJsonWriter.Write(graph, stream);
            }
        });
    }

    /// <summary>Writes a graph as graph.json text (UTF-8 text with "\n" line ends is what <see cref="Save(string, RelationGraph)"/> produces).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="graph">The graph.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TextWriter writer, RelationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(graph);
        GraphJsonWriter.Write(graph, writer);
    }

    /// <summary>Whether a file is a snapshot; a file that cannot be opened is left to the graph.json reader, whose errors name it.</summary>
    private static bool IsSnapshot(string path)
    {
        try
        {
            return File.Exists(path) && FormatOf(path) == GraphFileFormat.Snapshot;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static RelationGraph LoadBundledCore()
    {
        using var stream = typeof(GraphFile).Assembly.GetManifestResourceStream(BundledResource)
            ?? throw new InvalidOperationException($"The bundled graph resource '{BundledResource}' is missing from {typeof(GraphFile).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, GraphJsonReader.StrictUtf8);
        return GraphJsonReader.Read(reader, "graph.json (bundled)", GraphLoadOptions.Default);
    }
}
