using Apache.Arrow;
using Apache.Arrow.Types;

namespace RelationsGraph.Storage;

/// <summary>
/// The tables of a snapshot and their Arrow schemas (docs/snapshot.md describes them): one definition the writer
/// writes and the reader checks against. A snapshot is Arrow IPC streams one after another, one per table (the
/// relations in parts of at most 1 GiB, so each part maps as one buffer), each schema naming its table in its
/// metadata.
/// </summary>
internal static class SnapshotSchema
{
    public const string TableKey = "relgraph.table";
    public const string VersionKey = "relgraph.snapshot";
    public const string Version = "1";

    /// <summary>Arrow date32 counts days from 1970-01-01; the store counts from 0001-01-01 (<see cref="DateOnly.DayNumber"/>).</summary>
    public const int EpochDayNumber = 719_162;

    // The shared types first: static properties are set in the order they are written.
    public static readonly string[] TableOrder = ["sources", "actors", "events", "relations"];

    /// <summary>The relation kind: indices into a dictionary of kind names.</summary>
    public static DictionaryType KindType { get; } = new(Int8Type.Default, StringType.Default, false);

    public static StructType EvidenceItem { get; } = new([new Field("source", Int32Type.Default, false), Text("quote")]);

    /// <summary>A relation's or event's evidence: a list of (source number, quote).</summary>
    public static ListType EvidenceList { get; } = new(new Field("item", EvidenceItem, false));

    public static Schema Sources { get; } = Make(
        "sources",
        Text("id"), Text("title"), Text("author"), Text("publisher"), Text("published"), Text("path"), Text("sha256"));

    public static Schema Actors { get; } = Make(
        "actors",
        Text("id"), Text("name"), Text("kind"), new Field("aliases", new ListType(new Field("item", StringType.Default, false)), false),
        Text("iso3", nullable: true), new Field("cow", Int32Type.Default, true), Text("cameo", nullable: true));

    public static Schema Events { get; } = Make(
        "events",
        Text("id"), Text("kind"), new Field("actor", Int32Type.Default, false), new Field("first_day", Date32Type.Default, false),
        new Field("last_day", Date32Type.Default, false), new Field("time", UInt8Type.Default, false), Text("label"), Evidence(), Text("note", nullable: true));

    public static Schema Relations { get; } = Make(
        "relations",
        Text("id"), new Field("kind", KindType, false), new Field("source", Int32Type.Default, false), new Field("target", Int32Type.Default, false),
        new Field("directed", BooleanType.Default, false), new Field("first_day", Date32Type.Default, false), new Field("last_day", Date32Type.Default, false),
        new Field("time", UInt8Type.Default, false), Text("label"), Evidence(), Text("note", nullable: true), new Field("id_rank", Int32Type.Default, false));

    public static Schema ForTable(string table) => table switch
    {
        "sources" => Sources,
        "actors" => Actors,
        "events" => Events,
        _ => Relations,
    };

    private static Field Text(string name, bool nullable = false) => new(name, StringType.Default, nullable);

    private static Field Evidence() => new("evidence", EvidenceList, false);

    private static Schema Make(string table, params Field[] fields) =>
        new(fields, new Dictionary<string, string> { [TableKey] = table, [VersionKey] = Version });
}
