using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using RelationsGraph.Common;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Storage;

/// <summary>
/// Reads graph.json with Newtonsoft's streaming reader: one pass, no document tree, every item checked as
/// it is read and every error reported with file, line, column and JSON path. This is the one place that knows
/// the fields of graph.json's items and their rules (the writer aside). Relations go straight into columns
/// (<see cref="RelationRows"/>), with no object per relation.
/// </summary>
internal sealed partial class GraphJsonReader
{
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The properties of a relation, in the order the writer writes them (the schema is checked against this list).</summary>
    internal static readonly string[] RelationFields = ["id", "kind", "source", "target", "directed", "at", "start", "end", "label", "evidence", "note"];

    /// <summary>
    /// The number of a relation field (its place in <see cref="RelationFields"/>), or -1: the reader's property names
    /// are the name table's strings, the same instances as the list's, so a reference comparison finds them.
    /// </summary>
    private static int FieldOf(string name)
    {
        var fields = RelationFields;
        for (var i = 0; i < fields.Length; i++)
        {
            if (ReferenceEquals(fields[i], name))
            {
                return i;
            }
        }

        return Array.IndexOf(fields, name);
    }

    private const string TopLevelNames = "$schema, formatVersion, sources, actors, relations or events";
    private readonly JsonTextReader json;
    private readonly string? file;
    private readonly GraphLoadOptions options;
    private readonly RelationGraphBuilder builder;
    private readonly HashSet<string> seenTopLevel = new(StringComparer.Ordinal);
    private readonly List<Quoted> evidenceRead = [];
    private (int Source, string Quote)[] evidenceRefs = new (int, string)[4];
    private string? itemArrayPath;
    private int itemIndex;
    private bool actorsComplete;
    private bool sourcesComplete;

    // The window asked for (a load from a file), and the one the relations are read for: the same, unless the
    // relations come before every actor and source are known (then a relation left out could not be checked as
    // it is read, and all are kept: the graph covers all time).
    private readonly TimeWindow? window;

    private TimeWindow? relationsWindow;
    private bool readWhole;

    private GraphJsonReader(JsonTextReader json, string? file, GraphLoadOptions options, RelationGraphBuilder builder, TimeWindow? window)
    {
        this.json = json;
        this.file = file;
        this.options = options;
        this.builder = builder;
        this.window = window;
    }

    /// <summary>Below this size a file is read by one reader; from it up, in parts on every core.</summary>
    internal const long ParallelThreshold = 32L << 20;

    /// <summary>Reads a graph file.</summary>
    public static RelationGraph ReadFile(string path, GraphLoadOptions options) => ReadFile(path, options, ParallelThreshold);

    /// <summary>Reads a graph file; from <paramref name="parallelFrom"/> bytes up, in parts on every core.</summary>
    internal static RelationGraph ReadFile(string path, GraphLoadOptions options, long parallelFrom)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"Cannot read the graph '{path}': it is a directory, not a file.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Cannot read the graph '{path}': the file does not exist.", path);
        }

        var length = new FileInfo(path).Length;
        if (length > options.MaxFileBytes)
        {
            throw new GraphDataException(
                string.Create(CultureInfo.InvariantCulture, $"The file is {length} bytes; the limit is {options.MaxFileBytes} (GraphLoadOptions.MaxFileBytes)."),
                path);
        }

        // The byte order mark is skipped here: StreamReader's own detection would switch to a decoder that
        // silently replaces invalid bytes, and would accept UTF-16 and UTF-32 as well. The file is checked to be
        // UTF-8 before it is read, so the first bad byte is reported wherever the reader would have met it.
        var preamble = Utf8PreambleLength(path);
        var parts = length >= parallelFrom && Environment.ProcessorCount > 1 ? 2 * Environment.ProcessorCount : 1;
        var window = options.Window is { } asked && !asked.Equals(TimeWindow.All) ? asked : null;
        EarlyRead? early = null;
        JsonLayout layout;
        try
        {
            layout = JsonLayout.Scan(path, preamble, parts, parts == 1 ? null : place =>
            {
                // The array's opening bracket comes first, then its first cut.
                if (early is null)
                {
                    early = EarlyRead.Start(path, preamble, place, options, window);
                }
                else
                {
                    early.CutFound(place);
                }
            });
        }
        catch
        {
            early?.Abandon();
            throw;
        }

        if (early?.Finish(layout) is { } graph)
        {
            return graph;
        }

        if (layout.FirstInvalidUtf8 >= 0)
        {
            throw LocateInvalidUtf8(path, preamble, layout.FirstInvalidUtf8);
        }

        // A file the scan could cut was read in parts above (the read began when the scan found the array); this one is
        // read in one piece.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        stream.Position = preamble;
        using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        return Read(text, path, options, window);
    }

    /// <summary>Reads graph.json text, whole (no window).</summary>
    public static RelationGraph Read(TextReader text, string? file, GraphLoadOptions options) => Read(text, file, options, null);

    private static RelationGraph Read(TextReader text, string? file, GraphLoadOptions options, TimeWindow? window)
    {
        using var json = NewJsonReader(text, options);
        var reader = new GraphJsonReader(json, file, options, new RelationGraphBuilder(), window);
        try
        {
            return reader.ReadDocument();
        }
        catch (JsonReaderException e)
        {
            throw reader.ToDataException(e);
        }
        catch (DecoderFallbackException e)
        {
            throw reader.Here().Error("the file is not valid UTF-8 text; graph.json must be UTF-8.", e);
        }
    }

    private GraphDataException ToDataException(JsonReaderException e) =>
        new($"Invalid JSON: {StripNewtonsoftLocation(e.Message)}", file, Place(e.LineNumber, e.LinePosition).Line, Place(e.LineNumber, e.LinePosition).Column, ToJsonPath(e.Path), e);

    private static int Utf8PreambleLength(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> start = stackalloc byte[3];
        var read = RandomAccess.Read(file, start, 0);
        return read == 3 && start.SequenceEqual(Encoding.UTF8.Preamble) ? 3 : 0;
    }

    /// <summary>The error for the first byte that is not UTF-8: its line and column (counted in UTF-16 units, as Newtonsoft counts).</summary>
    private static GraphDataException LocateInvalidUtf8(string path, long preamble, long offset)
    {
        var (lines, lineStart) = (0L, preamble);
        using (var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            var buffer = new byte[1 << 20];
            for (var at = preamble; at < offset;)
            {
                var read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, offset - at)), at);
                var bytes = buffer.AsSpan(0, read);
                lines += bytes.Count((byte)'\n');
                var last = bytes.LastIndexOf((byte)'\n');
                lineStart = last >= 0 ? at + last + 1 : lineStart;
                at += read;
            }
        }

        Span<byte> bad = stackalloc byte[1];
        using (var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            RandomAccess.Read(file, bad, offset);
        }

        return new GraphDataException(
            string.Create(CultureInfo.InvariantCulture, $"The file is not valid UTF-8 text (byte 0x{bad[0]:X2} starts no valid character); graph.json must be UTF-8."),
            path, (int)Math.Min(int.MaxValue, lines + 1), JsonLayout.ColumnOf(path, lineStart, offset) + 1);
    }

    private static JsonTextReader NewJsonReader(TextReader text, GraphLoadOptions options) => new(text)
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Double,
        MaxDepth = options.MaxDepth,
        CloseInput = false,
        PropertyNameTable = PropertyNames(),
    };

    private DataLocation Here() => new(file, Position.Line, Position.Column, ToJsonPath(json.Path));

    /// <summary>Gets the reader's line and column in the file (1-based).</summary>
    private (int Line, int Column) Position => Place(json.LineNumber, json.LinePosition);

    /// <summary>A line and column of the text read as the file's own: 1-based, and, past a cut, where they are in the file.</summary>
    private (int Line, int Column) Place(int line, int column) =>
        split is null ? (OneBased(line), OneBased(column)) : split.Translate(OneBased(line), OneBased(column));

    /// <summary>Newtonsoft gives line 0 before the first token and column 0 before a line's first character; ours are 1-based.</summary>
    private static int OneBased(int position) => Math.Max(1, position);

    /// <summary>The location of a property's value inside the object at <paramref name="parent"/>, its path joined only if needed.</summary>
    private DataLocation HereIn(DataLocation parent, string property) =>
        parent.Property is null
            ? new(file, Position.Line, Position.Column, parent.ParentPath, property, parent.Item)
            : new(file, Position.Line, Position.Column, parent.JsonPath, property);

    /// <summary>
    /// The location of the item being read from a top-level array: its path is the array's and its number,
    /// joined only if an error needs it (Newtonsoft's <c>Path</c> builds a new string every time it is read).
    /// </summary>
    private DataLocation HereItem() =>
        itemArrayPath is null ? Here() : DataLocation.ItemOf(file, Position.Line, Position.Column, itemArrayPath, itemIndex);

    /// <summary>graph.json's property names, so the reader hands out these strings instead of a new one per property.</summary>
    private static DefaultJsonNameTable PropertyNames()
    {
        var table = new DefaultJsonNameTable();
        foreach (var name in (string[])["$schema", "formatVersion", "sources", "actors", "relations", "events", "id", "title", "author",
            "publisher", "published", "path", "sha256", "name", "kind", "aliases", "codes", "iso3", "cow", "cameo", "source", "target",
            "directed", "at", "start", "end", "label", "evidence", "note", "quote", "actor"])
        {
            table.Add(name);
        }

        return table;
    }

    private static string ToJsonPath(string? path) =>
        string.IsNullOrEmpty(path) ? "$" : path.StartsWith('[') ? "$" + path : "$." + path;

    private static string StripNewtonsoftLocation(string message)
    {
        var cut = message.LastIndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.LastIndexOf(", line ", StringComparison.Ordinal);
        }

        return (cut >= 0 ? message[..cut] : message).TrimEnd();
    }

    private RelationGraph ReadDocument()
    {
        ReadBody();
        builder.Coverage = window is not null && !readWhole ? window : null;
        return builder.Build();
    }

    /// <summary>Reads the whole document into the builder, checking as it goes.</summary>
    private void ReadBody()
    {
        if (!json.Read())
        {
            throw new GraphDataException(
                "The file is empty; expected a JSON object with formatVersion, sources, actors, relations and events.", file, 1, 1, "$");
        }

        ExpectStart(JsonToken.StartObject, "the graph");
        var sawVersion = false;
        while (NextProperty(out var name))
        {
            if (!seenTopLevel.Add(name))
            {
                throw Here().Error($"the property '{name}' appears twice.");
            }

            switch (name)
            {
                case "$schema":
                    ReadString(name);
                    break;
                case "formatVersion":
                    var version = ReadInt(name);
                    if (version != 1)
                    {
                        throw Here().Error(string.Create(CultureInfo.InvariantCulture, $"unsupported formatVersion {version}; this version of RelationsGraph reads formatVersion 1."));
                    }

                    sawVersion = true;
                    break;
                case "sources":
                    ReadArray(name, ReadSource);
                    sourcesComplete = true;
                    break;
                case "actors":
                    ReadArray(name, ReadActor);
                    actorsComplete = true;
                    break;
                case "relations":
                    ReadRelations(name);
                    break;
                case "events":
                    ReadArray(name, ReadEvent);
                    break;
                default:
                    throw Here().Error($"unknown property '{name}'; expected {TopLevelNames}.");
            }
        }

        if (!sawVersion)
        {
            throw Here().Error("missing \"formatVersion\"; expected \"formatVersion\": 1 in the top-level object.");
        }

        // A second document or stray text after the graph is an error, reported by the reader itself.
        if (json.Read())
        {
            throw Here().Error("unexpected content after the graph object.");
        }
    }

    /// <summary>
    /// Reads the relations array into columns. A relation left out by the window is still read and checked whole,
    /// and its id kept until every id is checked for repeats; the first problem in file order is the one raised.
    /// </summary>
    private void ReadRelations(string name)
    {
        NextValue(name);
        if (json.TokenType != JsonToken.StartArray)
        {
            throw Here().Error($"expected an array for \"{name}\" but found {Describe()}.");
        }

        relationsWindow = actorsComplete && sourcesComplete ? window : null;
        readWhole |= window is not null && relationsWindow is null;
        if (split is not null && split.IsCutAt(json.LineNumber, json.LinePosition))
        {
            ReadRelationsInParts();
            Next();
            if (json.TokenType != JsonToken.EndArray)
            {
                throw new InvalidOperationException("The relations array was cut out of the document, but its items are still there.");
            }

            return;
        }

        var rows = NewRows();
        var failure = ReadRelationItems(rows, out _);
        var chunks = new[] { rows.Seal() };
        builder.AddRead(chunks, CheckIds(chunks, failure is { } f ? (0, f.Item) : null) ?? throw failure!.Value.Error);
    }

    /// <summary>Rows for relations as this reader reads them: names resolved at once against the actors and sources, when all are known.</summary>
    private RelationRows NewRows() =>
        new(new NameTable(actorsComplete ? builder.ActorNumbers : null), new NameTable(sourcesComplete ? builder.SourceNumbers : null)) { File = file };

    /// <summary>
    /// Reads the items of the relations array up to its end, or to the first problem, which is returned (not thrown)
    /// with the number of the item it arose in, to be set against repeated ids found later.
    /// </summary>
    private (GraphDataException Error, int Item)? ReadRelationItems(RelationRows rows, out int count)
    {
        const string name = "relations";
        for (var index = 0; ; index++)
        {
            count = index;
            try
            {
                Next();
                if (json.TokenType == JsonToken.EndArray)
                {
                    return null;
                }

                if (json.TokenType != JsonToken.StartObject)
                {
                    ExpectStart(JsonToken.StartObject, $"an item of \"{name}\"");
                }

                (itemArrayPath, itemIndex) = ("$.relations", index);
                ReadRelation(rows, index);
                itemArrayPath = null;
            }
            catch (GraphDataException e)
            {
                return (e, index);
            }
            catch (JsonReaderException e)
            {
                return (ToDataException(e), index);
            }
        }
    }

    /// <summary>
    /// Checks the ids of relations read (in chunks, in file order) for repeats, set against a problem met while
    /// reading (in a chunk, at an item): the id order when neither, else null after a repeat that came first has
    /// been thrown (an id is taken at the end of its item, so a problem inside the same item comes first).
    /// </summary>
    private static int[]? CheckIds(RelationRows.Sealed[] chunks, (int Chunk, int Item)? failure)
    {
        var (inIdOrder, repeat) = IdOrder.Sort(chunks);
        if (repeat is { } found)
        {
            var second = (found.Second.Chunk, chunks[found.Second.Chunk].Sequence(found.Second.Kept, found.Second.Index));
            if (failure is not { } f || second.CompareTo(f) < 0)
            {
                throw RelationGraphBuilder.RepeatError(chunks, found);
            }
        }

        return failure is null ? inIdOrder : null;
    }

    private void ReadSource()
    {
        var where = HereItem();
        string? id = null, title = null, author = null, publisher = null, path = null, sha256 = null;
        PartialDate? published = null;
        var idWhere = where;
        var seen = 0;
        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "id": Once(ref seen, 0, name); id = ReadId(name); idWhere = HereIn(where, name); break;
                case "title": Once(ref seen, 1, name); title = ReadText(name); break;
                case "author": Once(ref seen, 2, name); author = ReadText(name); break;
                case "publisher": Once(ref seen, 3, name); publisher = ReadText(name); break;
                case "published": Once(ref seen, 4, name); published = ReadDate(name); break;
                case "path": Once(ref seen, 5, name); path = ReadText(name); break;
                case "sha256":
                    Once(ref seen, 6, name);
                    sha256 = ReadText(name);
                    if (Source.CheckSha256(sha256) is { } hashError)
                    {
                        throw Here().Error(hashError);
                    }

                    break;
                default: throw Unknown(name, "a source", "id, title, author, publisher, published, path, sha256");
            }
        }

        const string needs = "a source needs id, title, author, publisher, published, path and sha256.";
        var source = Construct(where, () => new Source(
            Required(id, "id", where, needs), Required(title, "title", where, needs), Required(author, "author", where, needs),
            Required(publisher, "publisher", where, needs), Required(published, "published", where, needs),
            Required(path, "path", where, needs), Required(sha256, "sha256", where, needs)));
        builder.Add(source, where, idWhere);
    }

    private void ReadActor()
    {
        var where = HereItem();
        string? id = null, name = null;
        ActorKind? kind = null;
        List<string>? aliases = null;
        ActorCodes? codes = null;
        var idWhere = where;
        var seen = 0;
        while (NextProperty(out var property))
        {
            switch (property)
            {
                case "id": Once(ref seen, 0, property); id = ReadId(property); idWhere = HereIn(where, property); break;
                case "name": Once(ref seen, 1, property); name = ReadText(property); break;
                case "kind": Once(ref seen, 2, property); kind = ReadActorKind(property); break;
                case "aliases": Once(ref seen, 3, property); aliases = ReadAliases(property); break;
                case "codes": Once(ref seen, 4, property); codes = ReadCodes(property); break;
                default: throw Unknown(property, "an actor", "id, name, kind, aliases, codes");
            }
        }

        const string needs = "an actor needs id, name and kind.";
        var actor = Construct(where, () => new Actor(
            new ActorId(Required(id, "id", where, needs)), Required(name, "name", where, needs),
            Required(kind, "kind", where, needs), aliases, codes));
        builder.Add(actor, where, idWhere);
    }

    private void ReadRelation(RelationRows rows, int sequence)
    {
        var where = HereItem();
        string? id = null, label = null, note = null;
        RelationKind? kind = null;
        ActorId? source = null, target = null;
        var directed = false;
        var time = new TimeFields();
        var hasEvidence = false;
        DataLocation idWhere = where, sourceWhere = where, targetWhere = where;
        var seen = 0;
        while (NextProperty(out var name))
        {
            // The field's number is its place in RelationFields and its bit in `seen`.
            var field = FieldOf(name);
            if (field >= 0)
            {
                Once(ref seen, field, name);
            }

            switch (field)
            {
                case 0: id = ReadId(name); idWhere = HereIn(where, name); break;
                case 1:
                    var kindName = ReadString(name);
                    kind = RelationKind.TryParse(kindName, out var k) ? k
                        : throw Here().Error($"unknown relation kind '{kindName}'; expected one of {string.Join(", ", RelationKind.All.Select(x => x.Name))}.");
                    break;
                case 2: source = new ActorId(ReadId(name)); sourceWhere = HereIn(where, name); break;
                case 3: target = new ActorId(ReadId(name)); targetWhere = HereIn(where, name); break;
                case 4: directed = ReadOptionalBool(name) ?? false; break;
                case 5: time.ReadAt(this, name); break;
                case 6: time.ReadStart(this, name); break;
                case 7: time.ReadEnd(this, name, where); break;
                case 8: label = ReadText(name); break;
                case 9: ReadEvidence(name, evidenceRead); hasEvidence = true; break;
                case 10: note = ReadOptionalString(name); break;
                default: throw Unknown(name, "a relation", string.Join(", ", RelationFields));
            }
        }

        const string needs = "a relation needs id, kind, source, target, label, evidence, and at or start.";
        var from = Required(source, "source", where, needs);
        var to = Required(target, "target", where, needs);
        if (from == to)
        {
            throw targetWhere.Error($"the relation goes from '{from}' to itself; a relation joins two different actors.");
        }

        var extent = time.Resolve(where, "relation");
        int fromRef = -1, toRef = -1;
        if (rows.Actors.IsComplete)
        {
            if (!rows.Actors.TryKnown(from.Value, out fromRef))
            {
                builder.CheckActor(from, sourceWhere);
            }

            if (!rows.Actors.TryKnown(to.Value, out toRef))
            {
                builder.CheckActor(to, targetWhere);
            }
        }

        var (checkedId, checkedKind, checkedLabel) = (Required(id, "id", where, needs), Required(kind, "kind", where, needs), Required(label, "label", where, needs));
        if (!hasEvidence)
        {
            Required<string>(null, "evidence", where, needs);
        }

        try
        {
            // The checks of Relation's constructor the reader has not made as it read (the label is not blank, the id valid).
            Identifier.RequireWellFormed(checkedLabel, "label", "label");
            Identifier.OptionalText(note, nameof(note), "note");
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            throw ModelError(where, e);
        }

        if (relationsWindow is not null && !extent.Overlaps(relationsWindow))
        {
            rows.AddDropped(checkedId, sequence, idWhere.Line, idWhere.Column);
            return;
        }

        if (evidenceRefs.Length < evidenceRead.Count)
        {
            evidenceRefs = new (int, string)[evidenceRead.Count];
        }

        var evidence = evidenceRefs.AsSpan(0, evidenceRead.Count);
        for (var i = 0; i < evidence.Length; i++)
        {
            var (cited, quote, known) = evidenceRead[i];
            evidence[i] = (known >= 0 ? known : rows.Sources.Ref(cited, sequence, 2 + i, where), quote);
        }

        rows.Add(
            checkedId, checkedKind, fromRef >= 0 ? fromRef : rows.Actors.Ref(from.Value, sequence, 0, where), toRef >= 0 ? toRef : rows.Actors.Ref(to.Value, sequence, 1, where), extent, checkedLabel,
            evidence, directed, string.IsNullOrWhiteSpace(note) ? null : note, sequence, idWhere.Line, idWhere.Column);
    }

    private void ReadEvent()
    {
        var where = HereItem();
        string? id = null, label = null, note = null;
        EventKind? kind = null;
        ActorId? actor = null;
        var time = new TimeFields();
        Quoted[]? evidence = null;
        DataLocation idWhere = where, actorWhere = where;
        var seen = 0;
        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "id": Once(ref seen, 0, name); id = ReadId(name); idWhere = HereIn(where, name); break;
                case "kind":
                    Once(ref seen, 1, name);
                    var kindName = ReadString(name);
                    kind = EventKind.TryParse(kindName, out var k) ? k
                        : throw Here().Error($"unknown event kind '{kindName}'; expected one of {string.Join(", ", EventKind.All.Select(x => x.Name))}.");
                    break;
                case "actor": Once(ref seen, 2, name); actor = new ActorId(ReadId(name)); actorWhere = HereIn(where, name); break;
                case "at": Once(ref seen, 3, name); time.ReadAt(this, name); break;
                case "start": Once(ref seen, 4, name); time.ReadStart(this, name); break;
                case "end": Once(ref seen, 5, name); time.ReadEnd(this, name, where); break;
                case "label": Once(ref seen, 6, name); label = ReadText(name); break;
                case "evidence": Once(ref seen, 7, name); evidence = ReadEvidence(name); break;
                case "note": Once(ref seen, 8, name); note = ReadOptionalString(name); break;
                default: throw Unknown(name, "an event", "id, kind, actor, at, start, end, label, evidence, note");
            }
        }

        const string needs = "an event needs id, kind, actor, label, evidence, and at or start.";
        var who = Required(actor, "actor", where, needs);
        var extent = time.Resolve(where, "event");
        if (actorsComplete)
        {
            builder.CheckActor(who, actorWhere);
        }

        var actorEvent = Construct(where, () => new ActorEvent(
            Required(id, "id", where, needs), Required(kind, "kind", where, needs), who, extent,
            Required(label, "label", where, needs), Quoted.Evidence(Required(evidence, "evidence", where, needs)), note));
        builder.Add(actorEvent, where, idWhere);
    }

    /// <summary>A piece of evidence as read and checked, not yet an <see cref="Model.Evidence"/>.</summary>
    private readonly record struct Quoted(string Source, string Quote, int Known = -1)
    {
        public static Evidence[] Evidence(Quoted[] read)
        {
            var evidence = new Evidence[read.Length];
            for (var i = 0; i < read.Length; i++)
            {
                evidence[i] = new Evidence(read[i].Source, read[i].Quote);
            }

            return evidence;
        }
    }

    private Quoted[] ReadEvidence(string name)
    {
        var list = new List<Quoted>();
        ReadEvidence(name, list);
        return [.. list];
    }

    /// <summary>Reads an evidence list into <paramref name="items"/> (cleared first): a loop rather than callbacks, as it runs once per relation.</summary>
    private void ReadEvidence(string name, List<Quoted> items)
    {
        items.Clear();
        NextValue(name);
        if (json.TokenType != JsonToken.StartArray)
        {
            throw Here().Error($"expected an array for \"{name}\" but found {Describe()}.");
        }

        while (true)
        {
            Next();
            if (json.TokenType == JsonToken.EndArray)
            {
                break;
            }

            if (json.TokenType != JsonToken.StartObject)
            {
                ExpectStart(JsonToken.StartObject, $"an item of \"{name}\"");
            }

            items.Add(ReadEvidenceItem());
        }

        if (items.Count == 0)
        {
            throw Here().Error("the evidence list is empty; give at least one {\"source\", \"quote\"}.");
        }
    }

    private Quoted ReadEvidenceItem()
    {
        // Only lines and columns are kept: every use of these locations comes at the item's end, where
        // Newtonsoft's path is the item's own, so no path string is built unless there is an error.
        var (line, column) = Position;
        int sourceLine = line, sourceColumn = column;
        var sourceSeen = false;
        string? source = null, quote = null;
        var seen = 0;
        while (NextProperty(out var property))
        {
            switch (property)
            {
                case "source":
                    Once(ref seen, 0, property);
                    source = ReadId(property);
                    (sourceLine, sourceColumn) = Position;
                    sourceSeen = true;
                    break;
                case "quote": Once(ref seen, 1, property); quote = ReadText(property); break;
                default: throw Unknown(property, "evidence", "source, quote");
            }
        }

        const string needs = "evidence needs a source and a quote.";
        if (source is null || quote is null)
        {
            var where = new DataLocation(file, line, column, ToJsonPath(json.Path));
            Required(source, "source", where, needs);
            Required(quote, "quote", where, needs);
        }

        var item = new Quoted(source!, Identifier.RequireWellFormed(quote!, nameof(quote), "quote"));
        if (sourcesComplete && builder.SourceNumbers.TryGetValue(item.Source, out var known))
        {
            item = item with { Known = known };
        }
        else if (sourcesComplete)
        {
            builder.CheckSource(item.Source, sourceSeen
                ? new DataLocation(file, sourceLine, sourceColumn, ToJsonPath(json.Path), "source")
                : new DataLocation(file, line, column, ToJsonPath(json.Path)));
        }

        return item;
    }

    private List<string>? ReadAliases(string name)
    {
        if (NextValue(name) == JsonToken.Null)
        {
            return null;
        }

        var list = new List<string>();
        ReadArrayItems(name, () => list.Add(ReadTextHere("an alias")));
        return list;
    }

    private ActorCodes? ReadCodes(string name)
    {
        if (NextValue(name) == JsonToken.Null)
        {
            return null;
        }

        ExpectStart(JsonToken.StartObject, "codes");
        string? iso3 = null, cameo = null;
        int? cow = null;
        var seen = 0;
        while (NextProperty(out var property))
        {
            switch (property)
            {
                case "iso3":
                    Once(ref seen, 0, property);
                    iso3 = ReadOptionalString(property);
                    if (iso3 is not null && ActorCodes.CheckIso3(iso3) is { } iso3Error)
                    {
                        throw Here().Error(iso3Error);
                    }

                    break;
                case "cow":
                    Once(ref seen, 1, property);
                    if (NextValue(property) != JsonToken.Null)
                    {
                        cow = CurrentInt(property);
                        if (ActorCodes.CheckCow(cow.Value) is { } cowError)
                        {
                            throw Here().Error(cowError);
                        }
                    }

                    break;
                case "cameo":
                    Once(ref seen, 2, property);
                    cameo = ReadOptionalString(property);
                    if (cameo is not null && ActorCodes.CheckCameo(cameo) is { } cameoError)
                    {
                        throw Here().Error(cameoError);
                    }

                    break;
                default: throw Unknown(property, "codes", "iso3, cow, cameo");
            }
        }

        return new ActorCodes { Iso3 = iso3, Cow = cow, Cameo = cameo };
    }

    private ActorKind ReadActorKind(string name)
    {
        var text = ReadString(name);
        return ActorKinds.TryParse(text, out var kind) ? kind
            : throw Here().Error($"unknown actor kind '{text}'; expected {ActorKinds.Expected}.");
    }

    private void ReadArray(string name, Action readItem)
    {
        NextValue(name);
        var index = 0;
        var arrayPath = "$." + name;
        ReadArrayItems(name, () =>
        {
            if (json.TokenType != JsonToken.StartObject)
            {
                ExpectStart(JsonToken.StartObject, $"an item of \"{name}\"");
            }

            (itemArrayPath, itemIndex) = (arrayPath, index++);
            readItem();
            itemArrayPath = null;
        });
    }

    private void ReadArrayItems(string name, Action readItem)
    {
        if (json.TokenType != JsonToken.StartArray)
        {
            throw Here().Error($"expected an array for \"{name}\" but found {Describe()}.");
        }

        while (true)
        {
            Next();
            if (json.TokenType == JsonToken.EndArray)
            {
                return;
            }

            readItem();
        }
    }

    private void ExpectStart(JsonToken token, string what)
    {
        if (json.TokenType != token)
        {
            throw Here().Error($"expected {(token == JsonToken.StartObject ? "an object" : "an array")} for {what} but found {Describe()}.");
        }
    }

    /// <summary>Moves to the next property of the current object; false at its end.</summary>
    private bool NextProperty(out string name)
    {
        Next();
        if (json.TokenType == JsonToken.PropertyName)
        {
            name = (string)json.Value!;
            return true;
        }

        name = string.Empty;
        return json.TokenType == JsonToken.EndObject
            ? false
            : throw Here().Error($"expected a property name or the end of the object but found {Describe()}.");
    }

    private void Next()
    {
        if (!json.Read())
        {
            throw Here().Error("unexpected end of file; the JSON is truncated.");
        }

        if (json.TokenType == JsonToken.Undefined)
        {
            throw Here().Error("invalid JSON: a value is missing before this comma or bracket.");
        }
    }

    private JsonToken NextValue(string name)
    {
        Next();
        if (json.TokenType == JsonToken.Comment)
        {
            throw Here().Error($"a comment stands where the value of \"{name}\" should be; graph.json is plain JSON.");
        }

        return json.TokenType;
    }

    private string ReadString(string name)
    {
        NextValue(name);
        return CurrentString(name);
    }

    private string CurrentString(string name)
    {
        if (json.TokenType != JsonToken.String)
        {
            throw Here().Error($"expected a string for \"{name}\" but found {Describe()}.");
        }

        var value = (string)json.Value!;
        if (value.Length > options.MaxStringLength)
        {
            throw Here().Error(string.Create(CultureInfo.InvariantCulture,
                $"the string for \"{name}\" is {value.Length} characters long; the limit is {options.MaxStringLength} (GraphLoadOptions.MaxStringLength)."));
        }

        return value;
    }

    private string? ReadOptionalString(string name) => NextValue(name) == JsonToken.Null ? null : CurrentString(name);

    private string ReadText(string name)
    {
        NextValue(name);
        var text = CurrentString(name);
        return string.IsNullOrWhiteSpace(text) ? throw Here().Error($"\"{name}\" must not be empty.") : text;
    }

    private string ReadTextHere(string what)
    {
        var text = CurrentString(what);
        return string.IsNullOrWhiteSpace(text) ? throw Here().Error($"{what} must not be empty.") : text;
    }

    private string ReadId(string name)
    {
        var id = ReadString(name);
        return Identifier.Check(id) is { } error ? throw Here().Error(error) : id;
    }

    private PartialDate ReadDate(string name)
    {
        var text = ReadString(name);
        return PartialDate.TryParse(text, out var date, out var error) ? date : throw Here().Error(error);
    }

    private PartialDate? ReadOptionalDate(string name)
    {
        if (NextValue(name) == JsonToken.Null)
        {
            return null;
        }

        var text = CurrentString(name);
        return PartialDate.TryParse(text, out var date, out var error) ? date : throw Here().Error(error);
    }

    private bool? ReadOptionalBool(string name) => NextValue(name) switch
    {
        JsonToken.Null => null,
        JsonToken.Boolean => (bool)json.Value!,
        _ => throw Here().Error($"expected true or false for \"{name}\" but found {Describe()}."),
    };

    private int ReadInt(string name)
    {
        NextValue(name);
        return CurrentInt(name);
    }

    private int CurrentInt(string name)
    {
        if (json.TokenType != JsonToken.Integer)
        {
            throw Here().Error($"expected an integer for \"{name}\" but found {Describe()}.");
        }

        return json.Value switch
        {
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            int i => i,
            _ => throw Here().Error($"the number {Convert.ToString(json.Value, CultureInfo.InvariantCulture)} for \"{name}\" is out of range."),
        };
    }

    private string Describe() => json.TokenType switch
    {
        JsonToken.String => $"the string \"{Shorten((string)json.Value!)}\"",
        JsonToken.Integer => $"the number {Convert.ToString(json.Value, CultureInfo.InvariantCulture)}",
        JsonToken.Float => $"the number {FloatText(json.Value)}",
        JsonToken.StartConstructor => $"the JavaScript constructor 'new {json.Value}', which JSON does not have",
        JsonToken.Boolean => (bool)json.Value! ? "true" : "false",
        JsonToken.Null => "null",
        JsonToken.StartObject => "an object",
        JsonToken.StartArray => "an array",
        JsonToken.EndObject => "the end of an object",
        JsonToken.EndArray => "the end of an array",
        JsonToken.PropertyName => $"the property \"{json.Value}\"",
        JsonToken.Comment => "a comment",
        _ => json.TokenType.ToString(),
    };

    /// <summary>A float as written: 1.0 stays 1.0, so "expected an integer" never names a whole number.</summary>
    private static string FloatText(object? value) =>
        value is double d && double.IsFinite(d) && Math.Abs(d) < 1e15 && d == Math.Floor(d)
            ? d.ToString("0.0", CultureInfo.InvariantCulture)
            : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private void Once(ref int seen, int bit, string name)
    {
        if ((seen & (1 << bit)) != 0)
        {
            throw Here().Error($"the property \"{name}\" appears twice.");
        }

        seen |= 1 << bit;
    }

    private GraphDataException Unknown(string name, string what, string expected) =>
        Here().Error($"unknown property \"{name}\" in {what}; expected {expected}.");

    private static T Required<T>(T? value, string name, DataLocation where, string needs)
        where T : class =>
        value ?? throw where.Error($"missing \"{name}\"; {needs}");

    private static T Required<T>(T? value, string name, DataLocation where, string needs)
        where T : struct =>
        value ?? throw where.Error($"missing \"{name}\"; {needs}");

    private static T Construct<T>(DataLocation where, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            throw ModelError(where, e);
        }
    }

    /// <summary>The model's own checks, reached only for rules the reader does not check field by field.</summary>
    private static GraphDataException ModelError(DataLocation where, ArgumentException e) =>
        where.Error(e.Message.Split(" (Parameter", 2)[0], e);

    /// <summary>The at / start / end fields of a relation or event, checked together once the object ends.</summary>
    private struct TimeFields
    {
        private PartialDate? at;
        private PartialDate? start;
        private PartialDate? end;
        private DataLocation endWhere;

        public void ReadAt(GraphJsonReader reader, string name) => at = reader.ReadDate(name);

        public void ReadStart(GraphJsonReader reader, string name) => start = reader.ReadDate(name);

        public void ReadEnd(GraphJsonReader reader, string name, DataLocation item)
        {
            end = reader.ReadOptionalDate(name);
            endWhere = reader.HereIn(item, name);
        }

        public readonly TimeExtent Resolve(DataLocation where, string what)
        {
            if (at is { } point)
            {
                if (start is not null)
                {
                    throw where.Error($"the {what} has both \"at\" and \"start\"; it holds either at a point (at) or over a period (start, optional end).");
                }

                return end is null
                    ? TimeExtent.Point(point)
                    : throw endWhere.Error($"\"end\" needs \"start\"; a point in time (at) has no end.");
            }

            if (start is not { } first)
            {
                throw where.Error($"the {what} has no time; give \"at\" for a point or \"start\" (and optional \"end\") for a period.");
            }

            if (end is { } last && TimeExtent.CheckOrder(first, last) is { } error)
            {
                throw endWhere.Error(error);
            }

            return TimeExtent.Period(first, end);
        }
    }
}
