using System.Runtime.InteropServices;
using RelationsGraph.Common;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Graph;

/// <summary>
/// Relations as they are added or read, a row each, in columns (no object per relation): what
/// <see cref="RelationGraphBuilder"/> collects and a reader fills, one per part of a file read in parallel. Actors
/// and sources are referred to through <see cref="NameTable"/>s. Each id also keeps, for the load only, the order
/// it came in and where it stood, so a repeated id is reported as a sequential read reports it.
/// </summary>
/// <remarks>Filled by one thread.</remarks>
internal sealed class RelationRows(NameTable actors, NameTable sources)
{
    private readonly List<byte> kinds = [];
    private readonly List<int> sourceRefs = [];
    private readonly List<int> targetRefs = [];
    private readonly List<int> firstDays = [];
    private readonly List<int> lastDays = [];
    private readonly List<byte> shapes = [];
    private readonly List<int> evidenceEnds = [];
    private readonly List<int> evidenceSourceRefs = [];
    private readonly Utf8ColumnBuilder ids = new();
    private readonly Utf8ColumnBuilder labels = new();
    private readonly Utf8ColumnBuilder notes = new();
    private readonly Utf8ColumnBuilder quotes = new();

    // Every id met, kept or (by a windowed read) left out: the order it came in (an item number) and the line and
    // column of its text, for "duplicate relation id … (first at line N)". The left-out ids' texts are kept apart.
    private readonly IdPlaces kept = new();
    private readonly IdPlaces dropped = new();
    private readonly Utf8ColumnBuilder droppedIds = new();
    private bool hasNotes;

    public NameTable Actors { get; } = actors;

    public NameTable Sources { get; } = sources;

    public int Count => kinds.Count;

    /// <summary>Gets or sets the file the rows were read from, named in errors.</summary>
    public string? File { get; set; }

    /// <summary>Gets or sets where the rows' locations are relative to (a part of a file), or null when they are the file's own.</summary>
    public PartOrigin? Origin { get; set; }

    /// <summary>
    /// Adds a relation whose texts and references are already checked (as <see cref="Relation"/>'s constructor
    /// checks them); the references are <see cref="NameTable.Ref"/>s.
    /// </summary>
    public void Add(string id, RelationKind kind, int source, int target, TimeExtent time, string label, ReadOnlySpan<(int Source, string Quote)> evidence, bool directed, string? note, int sequence, int idLine = 0, int idColumn = 0)
    {
        var (first, last, shape) = RelationColumns.Encode(time, directed);
        kinds.Add(kind.Ordinal);
        sourceRefs.Add(source);
        targetRefs.Add(target);
        firstDays.Add(first);
        lastDays.Add(last);
        shapes.Add(shape);
        ids.Add(id);
        labels.Add(label);
        notes.Add(note);
        hasNotes |= note is not null;
        foreach (var (cited, quote) in evidence)
        {
            evidenceSourceRefs.Add(cited);
            quotes.Add(quote);
        }

        evidenceEnds.Add(evidenceSourceRefs.Count);
        kept.Add(sequence, idLine, idColumn);
    }

    /// <summary>Records the id of a relation read and checked but not kept (outside a windowed read's window).</summary>
    public void AddDropped(string id, int sequence, int idLine, int idColumn)
    {
        droppedIds.Add(id);
        dropped.Add(sequence, idLine, idColumn);
    }

    /// <summary>Ends the filling: the rows as columns, with every id met (kept first, then left out) for the duplicate check.</summary>
    public Sealed Seal() => new(
        this,
        [.. kinds], [.. sourceRefs], [.. targetRefs], [.. firstDays], [.. lastDays], [.. shapes], [.. evidenceEnds], [.. evidenceSourceRefs],
        ids.Build(), labels.Build(), hasNotes ? notes.Build() : null, quotes.Build(), droppedIds.Build(), kept, dropped);

    /// <summary>The order ids came in and where each stood.</summary>
    internal sealed class IdPlaces
    {
        private readonly List<int> sequences = [];
        private readonly List<int> lines = [];
        private readonly List<int> columns = [];

        public ReadOnlySpan<int> Sequences => CollectionsMarshal.AsSpan(sequences);

        public void Add(int sequence, int line, int column)
        {
            sequences.Add(sequence);
            lines.Add(line);
            columns.Add(column);
        }

        public (int Line, int Column) Place(int index) => (lines[index], columns[index]);
    }

    /// <summary>The rows of a <see cref="RelationRows"/> once filled.</summary>
    internal sealed record Sealed(
        RelationRows Rows,
        byte[] Kinds,
        int[] SourceRefs,
        int[] TargetRefs,
        int[] FirstDays,
        int[] LastDays,
        byte[] Shapes,
        int[] EvidenceEnds,
        int[] EvidenceSourceRefs,
        Utf8Column Ids,
        Utf8Column Labels,
        Utf8Column? Notes,
        Utf8Column Quotes,
        Utf8Column DroppedIds,
        IdPlaces Kept,
        IdPlaces Dropped)
    {
        public int Count => Kinds.Length;

        /// <summary>The item number a kept or left-out id came with: the order ids came in.</summary>
        public int Sequence(bool isKept, int index) => (isKept ? Kept : Dropped).Sequences[index];

        /// <summary>An id's location in the file (the rows' own or, for a part, translated), with the path of its item.</summary>
        public DataLocation IdLocation(bool isKept, int index)
        {
            var places = isKept ? Kept : Dropped;
            var (line, column) = places.Place(index);
            var local = DataLocation.ItemOf(Rows.File, line, column, "$.relations", places.Sequences[index]).Child("id");
            return line == 0 ? DataLocation.None : Rows.Origin?.Translate(local) ?? local;
        }
    }
}

/// <summary>
/// The names of actors (or sources) relations refer to, each as a number: the index of a name among those known
/// before the rows were read (the builder's, in the order added, when they came first in the file), or, for a name
/// not known then, the complement (~n) of its number among the names met in these rows, resolved at build with the
/// first place it was met, for the error a sequential read would give.
/// </summary>
internal sealed class NameTable(IReadOnlyDictionary<string, int>? known)
{
    private readonly Dictionary<string, int> local = new(StringComparer.Ordinal);
    private readonly List<string> names = [];
    private readonly List<(int Sequence, int Role, DataLocation Where)> firsts = [];

    /// <summary>Gets whether every name the rows may use was known before them: a name not known is then an error at once.</summary>
    public bool IsComplete => known is not null;

    /// <summary>Gets the names met that were not known, by their number.</summary>
    public IReadOnlyList<string> LocalNames => names;

    /// <summary>Gets, for each name not known before, the item it was first met in, its role there (0 source, 1 target, 2 + i the i-th evidence) and the item's location.</summary>
    public IReadOnlyList<(int Sequence, int Role, DataLocation Where)> Firsts => firsts;

    public bool IsKnown(string name) => known is not null && known.ContainsKey(name);

    /// <summary>The index of a name known before, when it is one.</summary>
    public bool TryKnown(string name, out int index)
    {
        index = -1;
        return known is not null && known.TryGetValue(name, out index);
    }

    public int Ref(string name, int sequence, int role, DataLocation where)
    {
        if (known is not null && known.TryGetValue(name, out var index))
        {
            return index;
        }

        if (!local.TryGetValue(name, out var number))
        {
            number = names.Count;
            local.Add(name, number);
            names.Add(name);
            firsts.Add((sequence, role, where));
        }

        return ~number;
    }
}

/// <summary>Where a part of a file begins, to turn locations within the part into the file's own.</summary>
internal sealed class PartOrigin(Func<(int Line, int Column)> place, int prefixColumns)
{
    private readonly Lazy<(int Line, int Column)> start = new(place);

    /// <summary>Gets or sets how many relations come before the part's first, set once every part before it is read.</summary>
    public int ItemBase { get; set; }

    public DataLocation Translate(DataLocation local)
    {
        var (line, column) = Translate(local.Line, local.Column);
        return local with { Line = line, Column = column, Item = local.Item > 0 ? local.Item + ItemBase : 0 };
    }

    /// <summary>A line and column of the part's text (which starts with <c>prefixColumns</c> characters of its own) in the file's.</summary>
    public (int Line, int Column) Translate(int line, int column) =>
        line <= 1 ? (start.Value.Line, start.Value.Column + column - prefixColumns) : (start.Value.Line + line - 1, column);

    /// <summary>An error raised while reading the part, with the file's line, column and path.</summary>
    public GraphDataException Translate(GraphDataException local)
    {
        var (line, column) = local.Line > 0 ? Translate(local.Line, local.Column) : (0, 0);
        return new GraphDataException(local.Problem, local.FilePath, line, column, TranslatePath(local.JsonPath), local.InnerException);
    }

    private string? TranslatePath(string? path)
    {
        const string Prefix = "$.relations[";
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return path;
        }

        var close = path.IndexOf(']', Prefix.Length);
        var index = int.Parse(path.AsSpan(Prefix.Length, close - Prefix.Length), System.Globalization.CultureInfo.InvariantCulture);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Prefix}{index + ItemBase}{path.AsSpan(close)}");
    }
}
