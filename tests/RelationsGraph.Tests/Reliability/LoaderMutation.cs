using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using RelationsGraph.Graph;
using RelationsGraph.Common;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// Byte and token mutations of valid graph files, and the one property every mutant must have: it loads (and
/// then saves and loads back equal), or it fails with a located <see cref="GraphDataException"/> on one line;
/// no other exception and no hang.
/// </summary>
internal static partial class LoaderMutation
{
    private static readonly byte[] InterestingBytes = [0x00, 0xFF, 0xFE, 0x80, 0xC0, 0xED, 0xEF, 0xF4, (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)',', (byte)':', (byte)'\n', (byte)'0', (byte)'-', (byte)'e'];

    private static readonly string[] InterestingTokens =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e400", "-1e400", "99999999999999999999", "\"\"", "\" \"", "\"x\"", "{}", "[]", "[[[[",
        "}}}", "\"2017-02-30\"", "\"0000\"", "\"9999-12-31\"", "\"0001-01-01\"", "\"9999\"", "\"A0\"", "\"r0\"", "\"s0\"", "\"\\ud800\"",
        "\"\\u0000\"", "\"a\\nb\"", "new Date(1)", "undefined", "NaN", "Infinity", "/* c */", "// c\n", ",", ":", "'single'", "\"formatVersion\"",
        "\"evidence\"", "\"at\"", "\"start\"", "\"end\"", "\"directed\"", "\"aliases\"", "\"codes\"", "\"cow\"", "\"\\uFEFF\"",
    ];

    /// <summary>The valid files mutated: the real graph and saved random graphs.</summary>
    public static IReadOnlyList<byte[]> Seeds { get; } = CreateSeeds();

    /// <summary>Up to four byte-level edits: bit flips, odd bytes, deletions, duplications, insertions, truncation.</summary>
    public static Gen<(int Seed, (int Kind, int At, int Length, int Value)[] Edits)> ByteEdits { get; } =
        Gen.Select(Gen.Int[0, 1000], Gen.Select(Gen.Int[0, 6], Gen.Int[0, int.MaxValue], Gen.Int[0, 40], Gen.Int[0, 255]).Array[1, 4]);

    /// <summary>Up to four token-level edits: delete, duplicate, swap, replace with an odd token or another string of the file.</summary>
    public static Gen<(int Seed, (int Kind, int At, int Other, int Value)[] Edits)> TokenEdits { get; } =
        Gen.Select(Gen.Int[0, 1000], Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, 1000]).Array[1, 4]);

    public static byte[] ApplyBytes(int seed, (int Kind, int At, int Length, int Value)[] edits)
    {
        var bytes = new List<byte>(Seeds[seed % Seeds.Count]);
        foreach (var (kind, at, length, value) in edits)
        {
            var i = bytes.Count == 0 ? 0 : at % bytes.Count;
            var n = Math.Min(length, bytes.Count - i);
            switch (kind)
            {
                case 0 when bytes.Count > 0: bytes[i] ^= (byte)(1 << (value % 8)); break;
                case 1 when bytes.Count > 0: bytes[i] = InterestingBytes[value % InterestingBytes.Length]; break;
                case 2 when bytes.Count > 0: bytes[i] = (byte)value; break;
                case 3: bytes.RemoveRange(i, n); break;
                case 4: bytes.InsertRange(i, bytes.GetRange(i, n)); break;
                case 5: bytes.InsertRange(i, Enumerable.Repeat(InterestingBytes[value % InterestingBytes.Length], 1 + (length % 4))); break;
                case 6: bytes.RemoveRange(i, bytes.Count - i); break;
                default: break;
            }
        }

        return [.. bytes];
    }

    public static byte[] ApplyTokens(int seed, (int Kind, int At, int Other, int Value)[] edits)
    {
        var text = Encoding.UTF8.GetString(Seeds[seed % Seeds.Count]);
        foreach (var (kind, at, other, value) in edits)
        {
            var tokens = Token().Matches(text);
            if (tokens.Count == 0)
            {
                break;
            }

            var a = tokens[at % tokens.Count];
            var b = tokens[other % tokens.Count];
            text = kind switch
            {
                0 => text.Remove(a.Index, a.Length),
                1 => text.Insert(a.Index, a.Value + " "),
                2 when a.Index + a.Length <= b.Index => Splice(text, (a.Index, a.Length, b.Value), (b.Index, b.Length, a.Value)),
                3 => text.Remove(a.Index, a.Length).Insert(a.Index, InterestingTokens[value % InterestingTokens.Length]),
                4 when b.Value.StartsWith('"') => text.Remove(a.Index, a.Length).Insert(a.Index, b.Value),
                5 => text.Insert(a.Index, InterestingTokens[value % InterestingTokens.Length] + " "),
                _ => text,
            };
        }

        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>
    /// Loads the bytes from a file and checks the outcome. Whatever fails is kept in the temporary folder
    /// relgraph-crashers, named in the failure, to be added to the corpus.
    /// </summary>
    public static void LoadsOrFailsCleanly(byte[] bytes)
    {
        var folder = Directory.CreateTempSubdirectory("relgraph-mutant-").FullName;
        var path = Path.Combine(folder, "mutant.json");
        try
        {
            File.WriteAllBytes(path, bytes);
            var (graph, error) = HangGuard.Run(
                () =>
                {
                    try
                    {
                        return (Graph: GraphFile.Load(path), Error: (Exception?)null);
                    }
                    catch (Exception e)
                    {
                        return (Graph: (RelationGraph?)null, Error: e);
                    }
                },
                () => $"loading a mutated file; {Keep(bytes)}");
            switch (error)
            {
                case null:
                    // Whatever the loader accepts, the saver must write so that it loads back equal.
                    var again = Path.Combine(folder, "again.json");
                    GraphFile.Save(again, graph!);
                    RoundTripPropertyTests.ShouldBeEqual(GraphFile.Load(again), graph!);
                    break;
                case GraphDataException data:
                    // A mutant that starts with the Arrow stream marker is read as a snapshot, whose errors name a
                    // table, row and column, not a line (corpus: arrow-marker-before-json).
                    var located = SnapshotReader.HasMagic(bytes) || (data.Line >= 1 && data.Column >= 1);
                    if (!located || !data.Message.StartsWith(path + ":", StringComparison.Ordinal)
                        || data.Message.Contains('\n', StringComparison.Ordinal) || data.Message.Contains('\r', StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"The error is not one located line: \"{data.Message}\"; {Keep(bytes)}");
                    }

                    break;
                default:
                    throw new InvalidOperationException($"{error.GetType().Name} escaped the loader; {Keep(bytes)}", error);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Keep(byte[] bytes)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "relgraph-crashers")).FullName;
        var path = Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + ".json");
        File.WriteAllBytes(path, bytes);
        return $"the input is kept as {path}";
    }

    private static string Splice(string text, (int Index, int Length, string With) first, (int Index, int Length, string With) second) =>
        text.Remove(second.Index, second.Length).Insert(second.Index, second.With)
            .Remove(first.Index, first.Length).Insert(first.Index, first.With);

    private static byte[][] CreateSeeds()
    {
        // The real graph, a plain random graph, and two with awkward text (new ones each run; a failure keeps its input).
        var awkward = GraphGen.Graph(maxActors: 6, maxRelations: 12, maxEvents: 4);
        return
        [
            File.ReadAllBytes(Repo.GraphJson),
            Encoding.UTF8.GetBytes(RoundTripPropertyTests.Json(Samples.Random(8, actors: 6, relations: 20))),
            Encoding.UTF8.GetBytes(RoundTripPropertyTests.Json(awkward.Single())),
            Encoding.UTF8.GetBytes(RoundTripPropertyTests.Json(awkward.Single())),
        ];
    }

    [GeneratedRegex("""
        "(?:[^"\\]|\\.)*"|-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null|[{}\[\]:,]
        """, RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
