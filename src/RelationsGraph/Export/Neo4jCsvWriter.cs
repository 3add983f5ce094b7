using System.Globalization;
using System.Text;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Common;
using RelationsGraph.Time;

namespace RelationsGraph.Export;

/// <summary>
/// Writes a view of the graph as the CSV files of <c>neo4j-admin database import full</c> (Neo4j 5), with
/// typed headers, so that moving the graph to Neo4j loses nothing.
/// </summary>
/// <remarks>
/// <para>Files, with one header row each:</para>
/// <list type="bullet">
/// <item><c>actors.csv</c>: <c>id:ID(Actor)</c>, <c>:LABEL</c> (<c>Actor;State</c>, <c>Actor;Person</c>, …; labels are
/// separated by the array delimiter), name, kind,
/// <c>aliases:string[]</c>, iso3, <c>cow:int</c>, cameo.</item>
/// <item><c>sources.csv</c>: <c>id:ID(Source)</c>, <c>:LABEL</c> (<c>Source</c>), title, author, publisher,
/// <c>published:date</c>, publishedPrecision, path, sha256.</item>
/// <item><c>events.csv</c>: <c>id:ID(Event)</c>, <c>:LABEL</c> (<c>Event;NuclearTest</c>, …), kind, actor, then the time
/// and evidence columns below.</item>
/// <item><c>relations.csv</c>: <c>:START_ID(Actor)</c>, <c>:END_ID(Actor)</c>, <c>:TYPE</c> (the kind in capitals:
/// <c>TREATY</c>, <c>LEADER_OF</c>), id, kind, <c>polarity:int</c>, cameo, <c>directed:boolean</c>, then the time and
/// evidence columns. A mutual relation is stored from its source to its target with directed false.</item>
/// <item><c>actor-events.csv</c>: <c>:START_ID(Actor)</c>, <c>:END_ID(Event)</c>, <c>:TYPE</c> (<c>HAS_EVENT</c>).</item>
/// <item><c>import.sh</c>: runs <see cref="Neo4jExport.ImportCommand"/> from the folder.</item>
/// </list>
/// <para>
/// Time columns: time (ISO 8601 as in <c>1961/..</c>), <c>point:boolean</c>, <c>start:date</c> (the first day
/// covered), startPrecision (<c>year</c>, <c>month</c> or <c>day</c>), <c>end:date</c> (the last day covered; empty
/// for a period still in force), endPrecision, <c>knownUntil:date</c> (the last day the graph's sources can vouch
/// for, <see cref="RelationGraph.LastKnownDay(RelationsGraph.Model.Relation)"/>: the end, or for a period still in force its sources' publication).
/// Neo4j dates are days, so the precision columns keep what the data knows: a relation dated <c>2017</c> has start
/// 2017-01-01, end 2017-12-31, both of year precision.
/// Evidence columns: <c>evidenceSources:string[]</c> and <c>evidenceQuotes:string[]</c>, in step; then note.
/// </para>
/// <para>
/// Quoting follows neo4j-admin: a field holding a comma, a double quote or a line break is quoted, with its
/// quotes doubled; empty fields are absent properties. Text is kept exactly (the import needs
/// <c>--multiline-fields=true</c>, which the command gives). Files are UTF-8 without a byte order mark, with
/// "\n" line ends, rows sorted by id, each file written atomically. Thread-safe.
/// </para>
/// </remarks>
public static class Neo4jCsvWriter
{
    private const string TimeHeader = "time,point:boolean,start:date,startPrecision,end:date,endPrecision,knownUntil:date";
    private const string EvidenceHeader = "evidenceSources:string[],evidenceQuotes:string[]";
    private static readonly char[] Delimiters = [';', '|', '¦', '\u001F', '\u001E'];

    /// <summary>Writes a view as neo4j-admin import files into a folder, creating it when missing.</summary>
    /// <param name="directory">The folder to write into; files of the same names are replaced.</param>
    /// <param name="view">The relations to write: the window and kinds; events of the window go with their actors.</param>
    /// <param name="selection">Which actors to write; <see langword="null"/> for <see cref="ExportSelection.All"/>.</param>
    /// <param name="database">
    /// The database the import creates or replaces; <see langword="null"/> for <see cref="DefaultDatabase"/>, so that an
    /// import never replaces the database named <c>neo4j</c> unless asked to. Neo4j's rules: 3 to 63 characters, ASCII
    /// lower-case letters, digits, dots and dashes, starting with a letter; not <c>system</c>.
    /// </param>
    /// <returns>The files written and the command that imports them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> or <paramref name="directory"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The selection names an actor the graph does not have, the database name breaks Neo4j's rules, or the text uses every
    /// character that could separate array elements.
    /// </exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">A file or the folder may not be written.</exception>
    public static Neo4jExport Write(string directory, GraphView view, ExportSelection? selection = null, string? database = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(directory);
        database ??= DefaultDatabase;
        CheckDatabaseName(database);
        var scope = ExportScope.Resolve(view, selection);
        var sources = view.Graph.Sources;
        var horizon = view.Graph.Horizon;
        var events = scope.Events;
        var delimiter = ArrayDelimiter(scope, events) ?? throw new ArgumentException(
            $"Aliases and quotes use every character that could separate array elements ({string.Join(" ", Delimiters.Select(d => $"U+{(int)d:X4}"))}); the export cannot be written.",
            nameof(view));
        var tables = new (string File, string Header, IEnumerable<string?[]> Rows)[]
        {
            ("actors.csv", "id:ID(Actor),:LABEL,name,kind,aliases:string[],iso3,cow:int,cameo", scope.Actors.Select(a => new[]
            {
                a.Id.Value, $"Actor{delimiter}{a.Kind}", a.Name, a.Kind.Name(), Array(a.Aliases, delimiter),
                a.Codes.Iso3, a.Codes.Cow?.ToString(CultureInfo.InvariantCulture), a.Codes.Cameo,
            })),
            ("sources.csv", "id:ID(Source),:LABEL,title,author,publisher,published:date,publishedPrecision,path,sha256", sources.Select(s => new[]
            {
                s.Id, "Source", s.Title, s.Author, s.Publisher, Day(s.Published.FirstDay), ExportText.Name(s.Published.Precision), s.Path, s.Sha256,
            })),
            ("events.csv", $"id:ID(Event),:LABEL,kind,actor,{TimeHeader},label,{EvidenceHeader},note", events.Select(e => (string?[])
            [
                e.Id, $"Event{delimiter}{Pascal(e.Kind.Name)}", e.Kind.Name, e.Actor.Value, .. Time(e.Time, horizon.LastKnownDayNumber(e)), e.Label, .. Evidence(e.Evidence, delimiter), e.Note,
            ])),
            ("relations.csv", $":START_ID(Actor),:END_ID(Actor),:TYPE,id,kind,polarity:int,cameo,directed:boolean,{TimeHeader},label,{EvidenceHeader},note", scope.Relations.Select(r => (string?[])
            [
                r.Source.Value, r.Target.Value, r.Kind.Name.ToUpperInvariant().Replace('-', '_'), r.Id, r.Kind.Name,
                ((int)r.Polarity).ToString(CultureInfo.InvariantCulture), r.Kind.CameoRoot, Bool(r.Directed),
                .. Time(r.Time, horizon.LastKnownDayNumber(r)), r.Label, .. Evidence(r.Evidence, delimiter), r.Note,
            ])),
            ("actor-events.csv", ":START_ID(Actor),:END_ID(Event),:TYPE", events.Select(e => new[] { e.Actor.Value, e.Id, "HAS_EVENT" })),
        };

        CreateFolder(directory);
        var files = new List<string>();
        foreach (var (file, header, rows) in tables)
        {
            var path = Path.Combine(directory, file);
            Save(path, text =>
            {
                text.Write(header);
                text.Write('\n');
                foreach (var row in rows)
                {
                    text.Write(string.Join(",", row.Select(Field)));
                    text.Write('\n');
                }
            });
            files.Add(path);
        }

        var command = ImportCommand(delimiter, database);
        var script = Path.Combine(directory, "import.sh");
        Save(script, text => text.Write(
            "#!/bin/sh\n" +
            $"# Imports this folder into the Neo4j 5 database named by the first argument (default: {database}), which must be stopped.\n" +
            "# Written by relgraph; every file and option is explained in the RelationsGraph README.\n" +
            "cd \"$(dirname \"$0\")\" || exit 1\n" +
            $"exec {ImportCommand(delimiter, $"\"${{1:-{database}}}\"")}\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, File.GetUnixFileMode(script) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        files.Add(script);
        return new Neo4jExport(directory, files, delimiter, command);
    }

    /// <summary>The database an import goes to unless another is named: not <c>neo4j</c>, Neo4j's own default, so an import does not replace it.</summary>
    public const string DefaultDatabase = "relationsgraph";

    private static void CheckDatabaseName(string database)
    {
        var fits = database.Length is >= 3 and <= 63 && database[0] is >= 'a' and <= 'z'
            && database.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-');
        if (!fits)
        {
            throw new ArgumentException(
                $"'{database}' is not a Neo4j database name; expected 3 to 63 lower-case ASCII letters, digits, dots and dashes, starting with a letter.",
                nameof(database));
        }

        if (database.StartsWith("system", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{database}' is not a Neo4j database name; names starting with 'system' are reserved.", nameof(database));
        }
    }

    /// <summary>Creates the output folder; a failure names it and why, not a path .NET happened to try.</summary>
    private static void CreateFolder(string directory)
    {
        if (File.Exists(directory))
        {
            throw new IOException($"Cannot write the export to '{directory}': it is a file, not a folder.");
        }

        try
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException($"Cannot write the export to '{directory}': permission to create the folder is denied.", e);
        }
        catch (IOException e)
        {
            throw new IOException($"Cannot write the export to '{directory}': the folder cannot be created.", e);
        }
    }

    /// <summary>Quotes a field as neo4j-admin reads it: only when it holds the delimiter, a quote or a line break.</summary>
    internal static string Field(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;

    private static string ImportCommand(char delimiter, string database)
    {
        var array = delimiter switch
        {
            ';' or '|' or '¦' => $"'{delimiter}'",
            _ => string.Create(CultureInfo.InvariantCulture, $"U+{(int)delimiter:X4}"),
        };
        return "neo4j-admin database import full --overwrite-destination --delimiter=',' " +
            $"--array-delimiter={array} --quote='\"' --multiline-fields=true " +
            "--nodes=actors.csv --nodes=sources.csv --nodes=events.csv " +
            $"--relationships=relations.csv --relationships=actor-events.csv {database}";
    }

    private static char? ArrayDelimiter(ExportScope scope, IReadOnlyList<ActorEvent> events)
    {
        var elements = scope.Actors.SelectMany(a => a.Aliases)
            .Concat(scope.Relations.SelectMany(r => r.Evidence).Concat(events.SelectMany(e => e.Evidence)).Select(e => e.Quote))
            .ToList();
        foreach (var candidate in Delimiters)
        {
            if (!elements.Any(e => e.Contains(candidate, StringComparison.Ordinal)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Evidence source ids contain no delimiter (ids are ASCII letters, digits and <c>. _ : -</c>).</summary>
    private static string?[] Evidence(IReadOnlyList<Evidence> evidence, char delimiter) =>
        [Array(evidence.Select(e => e.Source).ToList(), delimiter), Array(evidence.Select(e => e.Quote).ToList(), delimiter)];

    private static string?[] Time(TimeExtent time, int lastKnownDay)
    {
        var first = time.Beginning;
        var last = time.IsPoint ? first : time.End;
        return
        [
            time.ToString(), Bool(time.IsPoint), Day(first.FirstDay), ExportText.Name(first.Precision),
            last is { } l ? Day(l.LastDay) : null, last is { } p ? ExportText.Name(p.Precision) : null,
            ExportText.KnownUntil(lastKnownDay),
        ];
    }

    private static string? Array(IReadOnlyList<string> values, char delimiter) =>
        values.Count == 0 ? null : string.Join(delimiter, values);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Pascal(string name) =>
        string.Concat(name.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static void Save(string path, Action<TextWriter> write) =>
        AtomicFile.Write(path, stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(text);
        });
}
