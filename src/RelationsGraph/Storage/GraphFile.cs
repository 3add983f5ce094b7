using RelationsGraph.Common;
using RelationsGraph.Graph;

namespace RelationsGraph.Storage;

/// <summary>
/// Reads and writes graphs as graph.json: <see cref="Load(string, GraphLoadOptions?)"/> a file,
/// <see cref="Save"/> one atomically, or <see cref="LoadBundled"/> the graph that ships inside the library.
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

    /// <summary>Loads a graph from a graph.json file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits for the load, and the window it is for; <see langword="null"/> for the defaults.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="GraphDataException">The file is not a valid graph; the message says where and why.</exception>
    /// <exception cref="IOException">The file cannot be read, does not exist or is a directory.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static RelationGraph Load(string path, GraphLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return GraphJsonReader.ReadFile(path, options ?? GraphLoadOptions.Default);
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
    /// Saves a graph as graph.json, atomically: the text goes to a temporary file beside
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
        ArgumentNullException.ThrowIfNull(graph);
        AtomicFile.Write(path, stream => GraphJsonWriter.Write(graph, stream));
    }

    /// <summary>Writes a graph as graph.json text (UTF-8 text with "\n" line ends is what <see cref="Save"/> produces).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="graph">The graph.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TextWriter writer, RelationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(graph);
        GraphJsonWriter.Write(graph, writer);
    }

    private static RelationGraph LoadBundledCore()
    {
        using var stream = typeof(GraphFile).Assembly.GetManifestResourceStream(BundledResource)
            ?? throw new InvalidOperationException($"The bundled graph resource '{BundledResource}' is missing from {typeof(GraphFile).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, GraphJsonReader.StrictUtf8);
        return GraphJsonReader.Read(reader, "graph.json (bundled)", GraphLoadOptions.Default);
    }
}
