using System.Globalization;
using System.Text;
using RelationsGraph.Common;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// The corpus of malformed graph files in <c>Reliability/Corpus</c>. A case is <c>NAME.expected.txt</c>, the exact
/// message with the file named as <c>NAME.json</c>, plus its input: <c>NAME.json</c>, or, for inputs too big or too
/// odd to commit (50 MB, a directory, a sparse 4 GiB file), a generator below. <c>NAME.options.txt</c> may set
/// <see cref="GraphLoadOptions"/> as <c>Name=value</c> lines. Adding a case is adding files.
/// </summary>
internal static class MalformedCorpus
{
    public static string Folder { get; } = Repo.File("tests", "RelationsGraph.Tests", "Reliability", "Corpus");

    /// <summary>Inputs made at test time, each with the exception type it must raise.</summary>
    private static readonly Dictionary<string, (Type Expected, Action<string> Make)> Generated = new(StringComparer.Ordinal)
    {
        ["string-of-50-megabytes"] = (typeof(GraphDataException), path => WriteWithLabel(path, new string('x', 50 * 1024 * 1024))),
        ["nesting-20000-deep-arrays"] = (typeof(GraphDataException), path => File.WriteAllText(path, new string('[', 20_000) + new string(']', 20_000))),
        ["nesting-20000-deep-objects-in-a-note"] = (typeof(GraphDataException), path => WriteWithNote(path, Nested(20_000))),
        ["file-beyond-the-default-4-gib"] = (typeof(GraphDataException), path =>
        {
            // Sparse: the loader must refuse it by its length alone, before reading a byte.
            using var stream = new FileStream(path, FileMode.CreateNew);
            stream.SetLength((4L * 1024 * 1024 * 1024) + 1);
        }),
        ["property-name-of-10-megabytes"] = (typeof(GraphDataException), path =>
            WriteWithNote(path, "null, \"" + new string('p', 10 * 1024 * 1024) + "\": 1")),
        ["relation-kind-of-a-megabyte"] = (typeof(GraphDataException), path =>
            File.WriteAllText(path, Document("\"label\": \"Treaty\"").Replace("\"kind\": \"treaty\"", "\"kind\": \"" + new string('k', 999_999) + "\"", StringComparison.Ordinal))),
        ["directory-instead-of-a-file"] = (typeof(IOException), path => Directory.CreateDirectory(path)),
        ["missing-file"] = (typeof(FileNotFoundException), _ => { }),
    };

    public static IEnumerable<string> Names() =>
        Directory.GetFiles(Folder, "*.expected.txt").Select(f => Path.GetFileName(f)[..^".expected.txt".Length]).Order(StringComparer.Ordinal);

    /// <summary>Prepares a case: its path (committed, or generated into a temporary folder), options and expected outcome.</summary>
    public static CorpusCase Open(string name)
    {
        var committed = Path.Combine(Folder, name + ".json");
        var expected = Path.Combine(Folder, name + ".expected.txt");
        var options = Options(name);
        if (File.Exists(committed))
        {
            return new CorpusCase(name, committed, null, typeof(GraphDataException), options, expected);
        }

        if (!Generated.TryGetValue(name, out var generator))
        {
            throw new InvalidOperationException($"Corpus case '{name}' has {name}.expected.txt but neither {name}.json nor a generator in {nameof(MalformedCorpus)}.");
        }

        var folder = Directory.CreateTempSubdirectory("relgraph-corpus-").FullName;
        var path = Path.Combine(folder, name + ".json");
        generator.Make(path);
        return new CorpusCase(name, path, folder, generator.Expected, options, expected);
    }

    /// <summary>The load options a case sets in its <c>NAME.options.txt</c>, or the defaults.</summary>
    public static GraphLoadOptions Options(string name) => ReadOptions(Path.Combine(Folder, name + ".options.txt"));

    private static GraphLoadOptions ReadOptions(string path)
    {
        var options = GraphLoadOptions.Default;
        if (!File.Exists(path))
        {
            return options;
        }

        foreach (var line in File.ReadAllLines(path).Where(l => l.Trim().Length > 0))
        {
            var (key, value) = (line.Split('=', 2)[0].Trim(), long.Parse(line.Split('=', 2)[1].Trim(), CultureInfo.InvariantCulture));
            options = key switch
            {
                nameof(GraphLoadOptions.MaxDepth) => options with { MaxDepth = checked((int)value) },
                nameof(GraphLoadOptions.MaxStringLength) => options with { MaxStringLength = checked((int)value) },
                nameof(GraphLoadOptions.MaxFileBytes) => options with { MaxFileBytes = value },
                _ => throw new InvalidOperationException($"{path}: unknown option '{key}'."),
            };
        }

        return options;
    }

    private static string Nested(int depth)
    {
        var text = new StringBuilder(depth * 8);
        text.Insert(0, "{\"a\": ", depth).Append("null").Append('}', depth);
        return text.ToString();
    }

    private static void WriteWithLabel(string path, string label) =>
        File.WriteAllText(path, Document($"\"label\": \"{label}\", \"note\": null"), GraphJsonReader.StrictUtf8);

    private static void WriteWithNote(string path, string note) =>
        File.WriteAllText(path, Document($"\"label\": \"Treaty\", \"note\": {note}"), GraphJsonReader.StrictUtf8);

    /// <summary>A small graph whose one relation has the given label and note properties, on line 7.</summary>
    private static string Document(string labelAndNote) =>
        "{\n" +
        "  \"formatVersion\": 1,\n" +
        "  \"sources\": [{\"id\": \"src\", \"title\": \"T\", \"author\": \"A\", \"publisher\": \"P\", \"published\": \"2021\", \"path\": \"x.txt\", \"sha256\": \"" + new string('0', 64) + "\"}],\n" +
        "  \"actors\": [{\"id\": \"China\", \"name\": \"China\", \"kind\": \"state\"}, {\"id\": \"DPRK\", \"name\": \"North Korea\", \"kind\": \"state\"}],\n" +
        "  \"relations\": [\n" +
        "    {\"id\": \"r1\", \"kind\": \"treaty\", \"source\": \"China\", \"target\": \"DPRK\", \"start\": \"1961\",\n" +
        "     " + labelAndNote + ", \"evidence\": [{\"source\": \"src\", \"quote\": \"q\"}]}\n" +
        "  ]\n" +
        "}\n";
}

/// <summary>One prepared corpus case; disposing it deletes what was generated.</summary>
internal sealed class CorpusCase(string name, string path, string? temporaryFolder, Type expectedType, GraphLoadOptions options, string expectedFile) : IDisposable
{
    public string Name { get; } = name;

    public string Path { get; } = path;

    public Type ExpectedType { get; } = expectedType;

    public GraphLoadOptions Options { get; } = options;

    public string Expected => File.ReadAllText(expectedFile).TrimEnd('\n');

    /// <summary>The message with the case's full path written as the bare NAME.json, as the expected files have it.</summary>
    public string Relative(string message) => message.Replace(Path, Name + ".json", StringComparison.Ordinal);

    /// <summary>With UPDATE_GOLDEN=1, writes a new expected message instead of comparing (review the diff before committing).</summary>
    public void UpdateIfAsked(string actual)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedFile, actual + "\n");
        }
    }

    public void Dispose()
    {
        if (temporaryFolder is not null)
        {
            Directory.Delete(temporaryFolder, recursive: true);
        }
    }
}
