using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Common;
using RelationsGraph.Time;

namespace RelationsGraph.Import;

/// <summary>
/// Imports event data in the quadruple format of temporal-knowledge-graph research (ICEWS14, ICEWS18,
/// ICEWS05-15, GDELT as released with RE-Net and its kin): <c>entity2id.txt</c> and <c>relation2id.txt</c>
/// (<c>name TAB number</c>), and <c>train.txt</c>, <c>valid.txt</c>, <c>test.txt</c> with lines
/// <c>subject relation object time</c> (a fifth column is ignored).
/// </summary>
/// <remarks>
/// <para>Each quadruple becomes one directed relation from the subject to the object, <c>at</c> the day
/// origin + time (time within a day is dropped: the day is the precision kept). Its kind comes from the
/// CAMEO code of its event type (see <see cref="CameoMatch"/>): by the code's root, with the finer kinds
/// summit (042–044), diplomatic-relations (054), treaty (057), trade (061) and ally (062). Its label is the
/// dataset's description of the type, its note the code and the code's Goldstein weight, and its evidence
/// the quadruple line itself (runs of white space folded to one space), citing a source that records
/// the file's SHA-256 and its path relative to the graph file. The dictionaries are recorded as sources too.</para>
/// <para>Actors are named and kinded by the rules of the ICEWS names (sector actors, states, persons,
/// organizations and groups; see docs/import.md); names that differ only by case are one
/// actor. Events whose type has no CAMEO code, and events of an actor with itself, are left out and
/// counted in the result.</para>
/// </remarks>
public static class IcewsImport
{
    /// <summary>The quadruple files read, in this order, when present.</summary>
    public static IReadOnlyList<string> QuadrupleFiles { get; } = ["train.txt", "valid.txt", "test.txt"];

    /// <summary>Reads a dataset folder into a graph.</summary>
    /// <param name="directory">The folder with <c>entity2id.txt</c>, <c>relation2id.txt</c> and at least one of <see cref="QuadrupleFiles"/>.</param>
    /// <param name="graphPath">Where the graph will be saved; source paths are written relative to its folder.</param>
    /// <param name="options">How to read times and where the CAMEO tables are; <see langword="null"/> for the defaults.</param>
    /// <returns>The graph and a report of the import.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> or <paramref name="graphPath"/> is null.</exception>
    /// <exception cref="GraphDataException">A file is malformed; the message names the file, line and column.</exception>
    /// <exception cref="IOException">A file is missing or cannot be read.</exception>
    public static IcewsImportResult Read(string directory, string graphPath, IcewsImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(graphPath);
        options ??= IcewsImportOptions.Default;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The dataset folder '{directory}' does not exist.");
        }

        var codebook = CameoCodebook.Load(FindCameo(directory, options));
        var entities = ReadDictionary(Path.Combine(directory, "entity2id.txt"), "actor");
        var types = ReadDictionary(Path.Combine(directory, "relation2id.txt"), "event type");
        var files = QuadrupleFiles.Select(f => Path.Combine(directory, f)).Where(File.Exists).ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"The dataset folder '{directory}' has no quadruple file; expected {string.Join(", ", QuadrupleFiles)}.");
        }

        var actors = IcewsActorTable.Create(entities);
        var eventTypes = MapTypes(types, codebook);
        var dataset = Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var datasetSlug = IcewsActors.Slug(dataset).ToLowerInvariant();
        var graphFolder = Path.GetDirectoryName(Path.GetFullPath(graphPath)) ?? ".";
        var builder = new RelationGraphBuilder();
        var used = new bool[actors.Count];
        var counts = new int[types.Count];
        int read = 0, selfRelations = 0;
        var lastDay = DateOnly.MinValue;
        var hashes = new List<(string Path, string Stem, string Sha256)>();
        foreach (var file in files)
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var sourceId = $"{datasetSlug}-{IcewsActors.Slug(stem).ToLowerInvariant()}";
            var sha = QuadrupleReader.Read(file, (quad, line) =>
            {
                read++;
                var subject = actors.ActorOf(quad.Subject, file, line);
                var target = actors.ActorOf(quad.Object, file, line);
                if (quad.Type < 0 || quad.Type >= eventTypes.Length)
                {
                    throw new GraphDataException(
                        string.Create(CultureInfo.InvariantCulture, $"Event type {quad.Type} is not in relation2id.txt, which numbers {eventTypes.Length} types from 0."),
                        file, line, quad.TypeColumn);
                }

                counts[quad.Type]++;
                var type = eventTypes[quad.Type];
                if (type.Kind is null)
                {
                    return;
                }

                if (subject == target)
                {
                    selfRelations++;
                    return;
                }

                var day = DayOf(quad.Time, options, file, line, quad.TimeColumn);
                lastDay = day > lastDay ? day : lastDay;
                used[subject] = used[target] = true;
                builder.Add(new Relation(
                    string.Create(CultureInfo.InvariantCulture, $"{stem}-{line:D8}"),
                    type.Kind,
                    actors.IdOf(subject),
                    actors.IdOf(target),
                    TimeExtent.Point(PartialDate.FromDateOnly(day)),
                    type.Label,
                    [new Evidence(sourceId, quad.Text)],
                    directed: true,
                    note: type.Note));
            });
            hashes.Add((file, stem, sha));
        }

        var published = lastDay == DateOnly.MinValue ? new PartialDate(options.Origin.Year) : new PartialDate(lastDay.Year);
        foreach (var (file, stem, sha) in hashes)
        {
            AddSource(builder, $"{datasetSlug}-{IcewsActors.Slug(stem).ToLowerInvariant()}", $"{dataset} {stem} split ({Path.GetFileName(file)})", published, file, sha, graphFolder);
        }

        foreach (var name in new[] { "entity2id.txt", "relation2id.txt" })
        {
            var file = Path.Combine(directory, name);
            var stem = Path.GetFileNameWithoutExtension(name);
            AddSource(builder, $"{datasetSlug}-{stem}", $"{dataset} dictionary ({name})", published, file, Hash(file), graphFolder);
        }

        var (countries, aliasesLeftOut) = actors.AddCountries(used);
        for (var i = 0; i < actors.Count; i++)
        {
            if (used[i])
            {
                builder.Add(actors.ActorAt(i));
            }
        }

        var report = eventTypes.Select((t, i) => t.Report.WithEvents(counts[i])).ToList();
        return new IcewsImportResult(builder.Build(), files.AsReadOnly(), read, selfRelations, report.AsReadOnly(), actors.Merged, countries, aliasesLeftOut);
    }

    private static void AddSource(RelationGraphBuilder builder, string id, string title, PartialDate published, string file, string sha256, string graphFolder)
    {
        var path = Path.GetRelativePath(graphFolder, Path.GetFullPath(file)).Replace('\\', '/');
        builder.Add(new Source(
            id, title, "Integrated Crisis Early Warning System (ICEWS)", "temporal knowledge graph release in the quadruple format",
            published, path, sha256));
    }

    private static string FindCameo(string directory, IcewsImportOptions options)
    {
        if (options.CameoDirectory is { } given)
        {
            return given;
        }

        var candidates = new[] { directory, Path.Combine(directory, "cameo"), Path.Combine(directory, "..", "cameo") };
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, CameoCodebook.EventCodesFile)))
            ?? throw new FileNotFoundException(
                $"No CAMEO tables ({CameoCodebook.EventCodesFile}, {CameoCodebook.GoldsteinFile}) in '{directory}', its 'cameo' folder or a 'cameo' folder beside it; give their folder with --cameo.");
    }

    private static DateOnly DayOf(long time, IcewsImportOptions options, string file, int line, int column)
    {
        var perDay = options.Unit switch
        {
            IcewsTimeUnit.Days => 1L,
            IcewsTimeUnit.Hours => 24L,
            _ => 24L * 60,
        };
        var days = Math.Floor((double)time / perDay);
        var first = (long)options.Origin.DayNumber + (long)days;
        if (first < DateOnly.MinValue.DayNumber || first > DateOnly.MaxValue.DayNumber)
        {
            throw new GraphDataException(
                string.Create(CultureInfo.InvariantCulture, $"Time {time} ({options.Unit.ToString().ToLowerInvariant()} from {options.Origin:yyyy-MM-dd}) falls outside the years 1 to 9999."),
                file, line, column);
        }

        return DateOnly.FromDayNumber((int)first);
    }

    private static EventTypeMapping[] MapTypes(List<(string Name, int Id, int Line)> types, CameoCodebook codebook)
    {
        var mapped = new EventTypeMapping[types.Count];
        foreach (var (name, id, _) in types)
        {
            var (code, how) = codebook.Match(name);
            var kind = code is null ? null : CameoKinds.KindOf(code);
            var goldstein = code is null ? null : codebook.GoldsteinOf(code);
            var note = code is null ? null : new CameoCoding(code, codebook.DescriptionOf(code) ?? string.Empty, goldstein).ToNote();
            mapped[id] = new EventTypeMapping(
                kind, name, note, new IcewsEventType(id, name, code, kind is null ? CameoMatch.Unmapped : how, kind, goldstein, 0));
        }

        return mapped;
    }

    /// <summary>Reads <c>name TAB number</c> lines; the numbers must run from 0 without gaps.</summary>
    internal static List<(string Name, int Id, int Line)> ReadDictionary(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The dataset has no '{path}'; it needs entity2id.txt and relation2id.txt.", path);
        }

        var items = new List<(string, int, int)>();
        var seen = new HashSet<int>();
        var line = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var tab = raw.LastIndexOf('\t');
            var name = tab < 0 ? string.Empty : raw[..tab].Trim();
            if (tab < 0 || name.Length == 0
                || !int.TryParse(raw.AsSpan(tab + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new GraphDataException($"Expected a {what} name, a tab and its number.", path, line, 1);
            }

            if (!seen.Add(id))
            {
                throw new GraphDataException(string.Create(CultureInfo.InvariantCulture, $"The {what} number {id} is given twice."), path, line, tab + 2);
            }

            items.Add((name, id, line));
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Contains(i))
            {
                throw new GraphDataException(
                    string.Create(CultureInfo.InvariantCulture, $"The {what} numbers must run from 0 to {items.Count - 1}, but {i} is missing."), path);
            }
        }

        return items;
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>An event type's kind, label and note, shared by all its relations.</summary>
    private sealed record EventTypeMapping(RelationKind? Kind, string Label, string? Note, IcewsEventType Report);
}
