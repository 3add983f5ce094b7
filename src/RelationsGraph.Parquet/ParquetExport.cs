using System.Globalization;
using Parquet;
using Parquet.Schema;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Parquet;

/// <summary>
/// Writes a graph as Parquet files for engines that outgrow one machine: the relations partitioned by the year
/// they start (Hive layout, <c>relations/year=YYYY/part-N.parquet</c>), their evidence, and the actors, their
/// aliases, the sources, the events and the events' evidence, each a flat table (docs/parquet.md has the columns
/// and the queries). Written with Parquet.Net (managed code, no native library).
/// </summary>
/// <remarks>
/// A relation is written once, in the partition of its first day's year; a slice must therefore read every
/// partition up to its last year and filter on <c>first_day</c> and <c>last_day</c>, as a period that started
/// earlier may still hold. <c>last_day</c> is the last day the relation is known to hold (for an open period,
/// its sources' last day: <see cref="RelationGraph.LastKnownDay(RelationsGraph.Model.Relation)"/>), so that filter gives the library's slice.
/// The same graph gives the same files. Thread-safe: every call stands alone.
/// </remarks>
public static class ParquetExport
{
    /// <summary>Rows per file of a partition and per file of evidence: more go to the next part file.</summary>
    private const int RowsPerFile = 1 << 20;

    /// <summary>
    /// Writes the files into <paramref name="directory"/>, which must not exist or be empty: they are written into
    /// a new folder beside it, which is then renamed to it, so a failed export leaves nothing half-written.
    /// </summary>
    /// <param name="directory">The folder to create.</param>
    /// <param name="graph">The graph.</param>
    /// <returns>The files written, relative to <paramref name="directory"/>, in order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException"><paramref name="directory"/> is a file or a folder with something in it, or cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written.</exception>
    public static IReadOnlyList<string> Write(string directory, RelationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(graph);
        var target = Path.GetFullPath(directory);
        if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
        {
            throw new IOException($"Cannot export to '{directory}': it is {(File.Exists(target) ? "a file" : "a folder that is not empty")}; give a new or empty folder.");
        }

        var parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        if (!Directory.Exists(parent))
        {
            throw new DirectoryNotFoundException($"Cannot export to '{directory}': the folder '{parent}' does not exist.");
        }

        var temp = Path.Combine(parent, $".relgraph-{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temp);
        try
        {
            var written = WriteAll(temp, graph).GetAwaiter().GetResult();
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(temp, target);
            return written;
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    private static async Task<IReadOnlyList<string>> WriteAll(string root, RelationGraph graph)
    {
        var written = new List<string>();
        var sources = graph.Sources;
        await Table(root, "sources.parquet", written, sources.Count, [
            Text("id", i => sources[i].Id), Text("title", i => sources[i].Title), Text("author", i => sources[i].Author),
            Text("publisher", i => sources[i].Publisher), Text("published", i => sources[i].Published.ToString()), Text("path", i => sources[i].Path),
            Text("sha256", i => sources[i].Sha256),
        ]).ConfigureAwait(false);

        var actors = graph.Actors;
        await Table(root, "actors.parquet", written, actors.Count, [
            Text("id", i => actors[i].Id.Value), Text("name", i => actors[i].Name), Text("kind", i => actors[i].Kind.Name()),
            Text("iso3", i => actors[i].Codes.Iso3, nullable: true), Ints("cow", i => actors[i].Codes.Cow), Text("cameo", i => actors[i].Codes.Cameo, nullable: true),
        ]).ConfigureAwait(false);

        var aliases = actors.SelectMany(a => a.Aliases.Select((alias, n) => (Actor: a.Id.Value, Ordinal: n, Alias: alias))).ToList();
        await Table(root, "actor_aliases.parquet", written, aliases.Count, [
            Text("actor", i => aliases[i].Actor), Ints("ordinal", i => aliases[i].Ordinal), Text("alias", i => aliases[i].Alias),
        ]).ConfigureAwait(false);

        var events = graph.Events;
        await Table(root, "events.parquet", written, events.Count, [
            Text("id", i => events[i].Id), Text("kind", i => events[i].Kind.Name), Text("actor", i => events[i].Actor.Value),
            .. TimeColumns(i => events[i].Time, i => graph.LastKnownDay(events[i])),
            Text("label", i => events[i].Label), Text("note", i => events[i].Note, nullable: true),
        ]).ConfigureAwait(false);
        var eventEvidence = events.SelectMany(e => e.Evidence.Select((x, n) => (Item: e.Id, Ordinal: n, x.Source, x.Quote))).ToList();
        await Table(root, "event_evidence.parquet", written, eventEvidence.Count, EvidenceColumns("event", eventEvidence)).ConfigureAwait(false);

        // Relations by the year of their first day, in id order within a year; their evidence in id order.
        var relations = graph.Relations;
        var byYear = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < relations.Count; i++)
        {
            var year = relations[i].Time.FirstDay.Year;
            if (!byYear.TryGetValue(year, out var list))
            {
                byYear.Add(year, list = []);
            }

            list.Add(i);
        }

        foreach (var (year, rows) in byYear)
        {
            for (var part = 0; part * RowsPerFile < rows.Count; part++)
            {
                var slice = rows.GetRange(part * RowsPerFile, Math.Min(RowsPerFile, rows.Count - (part * RowsPerFile)));
                var items = slice.Select(i => relations[i]).ToArray();
                var name = Path.Combine("relations", string.Create(CultureInfo.InvariantCulture, $"year={year:D4}"), string.Create(CultureInfo.InvariantCulture, $"part-{part}.parquet"));
                await Table(root, name, written, items.Length, RelationColumns(graph, items)).ConfigureAwait(false);
            }
        }

        for (var part = 0; part == 0 || part * RowsPerFile < relations.Count; part++)
        {
            var items = relations.Skip(part * RowsPerFile).Take(RowsPerFile)
                .SelectMany(r => r.Evidence.Select((x, n) => (Item: r.Id, Ordinal: n, x.Source, x.Quote))).ToList();
            var name = Path.Combine("evidence", string.Create(CultureInfo.InvariantCulture, $"part-{part}.parquet"));
            await Table(root, name, written, items.Count, EvidenceColumns("relation", items)).ConfigureAwait(false);
        }

        return written;
    }

    private static Column[] RelationColumns(RelationGraph graph, Relation[] r) =>
    [
        Text("id", i => r[i].Id), Text("kind", i => r[i].Kind.Name), Ints("polarity", i => (int)r[i].Polarity),
        Text("source", i => r[i].Source.Value), Text("target", i => r[i].Target.Value), Bools("directed", i => r[i].Directed),
        .. TimeColumns(i => r[i].Time, i => graph.LastKnownDay(r[i])),
        Text("label", i => r[i].Label), Text("note", i => r[i].Note, nullable: true),
    ];

    private static Column[] TimeColumns(Func<int, TimeExtent> time, Func<int, DateOnly?> lastKnown) =>
    [
        Dates("first_day", i => time(i).FirstDay), Dates("last_day", i => lastKnown(i) ?? DateOnly.MaxValue),
        Text("shape", i => time(i).IsPoint ? "point" : time(i).End is null ? "open" : "closed"),
        Text("start", i => time(i).Beginning.ToString()), Text("end", i => time(i).End?.ToString(), nullable: true),
    ];

    private static Column[] EvidenceColumns(string item, List<(string Item, int Ordinal, string Source, string Quote)> rows) =>
    [
        Text(item, i => rows[i].Item), Ints("ordinal", i => rows[i].Ordinal), Text("source", i => rows[i].Source), Text("quote", i => rows[i].Quote),
    ];

    private static async Task Table(string root, string name, List<string> written, int count, Column[] columns)
    {
        var path = Path.Combine(root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        await using (stream.ConfigureAwait(false))
        {
            var schema = new ParquetSchema(columns.Select(c => c.Field));
            var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                using var group = writer.CreateRowGroup();
                foreach (var column in columns)
                {
                    await column.Write(group, count).ConfigureAwait(false);
                }
            }

            stream.Flush(flushToDisk: true);
        }

        written.Add(name.Replace(Path.DirectorySeparatorChar, '/'));
    }

    private static Column Text(string name, Func<int, string?> value, bool nullable = false)
    {
        var field = new DataField<string>(name, nullable);
        return new Column(field, (group, n) => group.WriteAsync(field, Enumerable.Range(0, n).Select(value).ToArray(), null));
    }

    private static Column Ints(string name, Func<int, int?> value)
    {
        var field = new DataField<int?>(name, true);
        return new Column(field, (group, n) => group.WriteAsync<int>(field, Enumerable.Range(0, n).Select(value).ToArray().AsMemory(), null, null, default));
    }

    private static Column Ints(string name, Func<int, int> value)
    {
        var field = new DataField<int>(name, false);
        return new Column(field, (group, n) => group.WriteAsync<int>(field, Enumerable.Range(0, n).Select(value).ToArray().AsMemory(), null, null, default));
    }

    private static Column Bools(string name, Func<int, bool> value)
    {
        var field = new DataField<bool>(name, false);
        return new Column(field, (group, n) => group.WriteAsync<bool>(field, Enumerable.Range(0, n).Select(value).ToArray().AsMemory(), null, null, default));
    }

    private static Column Dates(string name, Func<int, DateOnly> value)
    {
        var field = new DataField<DateOnly>(name, false);
        return new Column(field, (group, n) => group.WriteAsync<DateOnly>(field, Enumerable.Range(0, n).Select(value).ToArray().AsMemory(), null, null, default));
    }

    /// <summary>A column of a table: its field and how to write its values for rows 0 to n - 1.</summary>
    private sealed record Column(DataField Field, Func<ParquetRowGroupWriter, int, Task> Write);
}
