using System.Text;
using System.Text.RegularExpressions;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Serialization;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Serialization;

/// <summary>
/// Large saved files are read by two readers at once (head, two halves of the relations, merge). The parallel
/// read must give exactly the graph the ordinary read gives, and on any bad file exactly its error: these
/// force it on small files (a threshold of 0) and compare it with the ordinary read.
/// </summary>
public sealed class ParallelLoadTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-parallel-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(501, 5, 2)]
    [InlineData(502, 20, 300)]
    [InlineData(503, 40, 2000)]
    public void SavedGraphs_ReadInParallel_GiveTheSameGraph_ByteForByte(int seed, int actors, int relations)
    {
        var path = Save(WithEvents(Random(seed, actors, relations), seed, actors));
        var length = new FileInfo(path).Length;

        var parallel = GraphJsonReader.TryReadInParallel(path, length, 0, GraphLoadOptions.Default);

        if (relations >= 100)
        {
            // With only a few relations the cut, searched for from the middle of the file on, can miss them all.
            parallel.Should().NotBeNull("a saved file has the layout the parallel read expects");
            Text(parallel!).Should().Be(File.ReadAllText(path));
        }

        Text(GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: 0)).Should().Be(File.ReadAllText(path));
    }

    [Fact]
    public void AFileNotLaidOutAsSaved_IsLeftToTheOrdinaryRead()
    {
        var path = Path.Combine(folder, "minified.json");
        var pretty = File.ReadAllText(Save(Random(504, 10, 50)));
        File.WriteAllText(path, Newtonsoft.Json.Linq.JToken.Parse(pretty).ToString(Newtonsoft.Json.Formatting.None));

        GraphJsonReader.TryReadInParallel(path, new FileInfo(path).Length, 0, GraphLoadOptions.Default).Should().BeNull();
        GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: 0).Relations.Should().HaveCount(50);
    }

    [Theory]
    [InlineData("r00010", "r00390")]
    [InlineData("r00010", "r00020")]
    [InlineData("r00380", "r00390")]
    public void UniqueIdsOutOfOrder_WithinAHalfOrAcrossTheCut_GiveTheOrdinaryReadsGraph(string one, string other)
    {
        // The fast read adds relations without a check per relation because their ids ascend; ids swapped within
        // either half or across the cut are all still unique, and the graph must be the ordinary read's.
        var text = File.ReadAllText(Save(Random(507, 12, 400)))
            .Replace($"\"id\": \"{one}\"", "\"id\": \"swap\"", StringComparison.Ordinal)
            .Replace($"\"id\": \"{other}\"", $"\"id\": \"{one}\"", StringComparison.Ordinal)
            .Replace("\"id\": \"swap\"", $"\"id\": \"{other}\"", StringComparison.Ordinal);
        var path = Path.Combine(folder, "swapped.json");
        File.WriteAllText(path, text);

        var ordinary = Outcome(() => GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: long.MaxValue));
        ordinary.Should().NotStartWith("error: ");
        Outcome(() => GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: 0)).Should().Be(ordinary);
        GraphJsonReader.TryReadInParallel(path, new FileInfo(path).Length, 0, GraphLoadOptions.Default).Should().BeNull("the fast read vouches only for ascending ids");
    }

    [Fact]
    public void IdsSwappedAtTheCut_GiveTheOrdinaryReadsGraph()
    {
        // The last relation of the first half and the first of the second swap ids: each half still ascends,
        // so only the check across the cut (where the fast read splits the array, as found here) sees it.
        var original = File.ReadAllBytes(Save(Random(508, 12, 400)));
        var marker = "\n  \"relations\": [\n"u8;
        var itemsStart = original.AsSpan().IndexOf(marker) + marker.Length;
        var middle = itemsStart + ((original.Length - itemsStart) / 2);
        var cutByte = middle + original.AsSpan(middle).IndexOf("\n    },\n    {\n"u8);
        var text = Encoding.UTF8.GetString(original);
        var cut = Encoding.UTF8.GetCharCount(original, 0, cutByte);
        var before = Regex.Matches(text[..cut], "\"id\": \"(r\\d+)\"").Last().Groups[1].Value;
        var after = Regex.Match(text[cut..], "\"id\": \"(r\\d+)\"").Groups[1].Value;
        text = text.Replace($"\"{before}\"", "\"swap\"", StringComparison.Ordinal)
            .Replace($"\"{after}\"", $"\"{before}\"", StringComparison.Ordinal)
            .Replace("\"swap\"", $"\"{after}\"", StringComparison.Ordinal);
        var path = Path.Combine(folder, "cut.json");
        File.WriteAllText(path, text);

        var ordinary = Outcome(() => GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: long.MaxValue));
        ordinary.Should().NotStartWith("error: ");
        Outcome(() => GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: 0)).Should().Be(ordinary);
    }

    [Theory]
    [InlineData(505)]
    [InlineData(506)]
    public void MutatedFiles_GiveTheOrdinaryReadsResultOrError_Exactly(int seed)
    {
        var original = File.ReadAllBytes(Save(Random(seed, 12, 400)));
        var random = new Random(seed);
        var path = Path.Combine(folder, "mutated.json");
        for (var i = 0; i < 150; i++)
        {
            var bytes = (byte[])original.Clone();
            switch (i % 3)
            {
                case 0:
                    // A byte anywhere, often in the relations, sometimes at a cut.
                    bytes[random.Next(bytes.Length)] = (byte)"{}[],:\"x0 \n"[random.Next(11)];
                    break;
                case 1:
                    // A relation's id repeated later in the file: a duplicate only the merge sees.
                    bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(
                        $"\"id\": \"r{random.Next(300, 400):D5}\"", $"\"id\": \"r{random.Next(0, 100):D5}\"", StringComparison.Ordinal));
                    break;
                default:
                    // An actor reference broken in one half or the other.
                    bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(
                        $"\"target\": \"A{random.Next(12)}\"", "\"target\": \"Nobody\"", StringComparison.Ordinal));
                    break;
            }

            File.WriteAllBytes(path, bytes);
            Outcome(() => GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: 0))
                .Should().Be(Outcome(() => GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, parallelFrom: long.MaxValue)), $"mutation {i}");
        }
    }

    private static string Outcome(Func<RelationGraph> load) => GraphText.Outcome(load);

    private static string Text(RelationGraph graph) => GraphText.Of(graph);

    private string Save(RelationGraph graph)
    {
        var path = Path.Combine(folder, $"graph-{Guid.NewGuid():N}.json");
        graph.Save(path);
        return path;
    }

    private static RelationGraph WithEvents(RelationGraph graph, int seed, int actors)
    {
        var random = new Random(seed);
        var builder = GraphText.Rebuild(graph, graph.Relations);
        for (var i = 0; i < 10; i++)
        {
            builder.Add(new ActorEvent($"e{i:D3}", EventKind.All[random.Next(EventKind.All.Count)], new ActorId($"A{random.Next(actors)}"),
                RandomExtent(random), "label", [Quote]));
        }

        return builder.Build();
    }
}
