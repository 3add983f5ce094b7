using CsCheck;
using RelationsGraph.Graph;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Reliability;

public sealed class RoundTripPropertyTests
{
    [Fact]
    public void WriteThenLoad_GivesAnEqualGraph_AndWritingAgainGivesTheSameText()
    {
        GraphGen.Graph().Sample(
            graph =>
            {
                var first = Json(graph);

                var again = GraphFile.Load(new StringReader(first), "random.json");

                ShouldBeEqual(again, graph);
                Json(again).Should().Be(first);
            },
            iter: 300,
            print: Json);
    }

    [Fact]
    public void SaveThenLoad_ThroughAFile_GivesAnEqualGraph_AndByteIdenticalSaves()
    {
        var folder = Directory.CreateTempSubdirectory("relgraph-roundtrip-").FullName;
        try
        {
            GraphGen.Graph(maxActors: 5, maxRelations: 15, maxEvents: 5).Sample(
                graph =>
                {
                    var path = Path.Combine(folder, $"{Guid.NewGuid():N}.json");
                    var second = path + ".again.json";
                    GraphFile.Save(path, graph);

                    var again = GraphFile.Load(path);
                    GraphFile.Save(second, again);

                    ShouldBeEqual(again, graph);
                    File.ReadAllBytes(second).Should().Equal(File.ReadAllBytes(path));
                    File.ReadAllText(path).Should().Be(Json(graph), "Save writes exactly what WriteJson writes, as UTF-8");
                    File.Delete(path);
                    File.Delete(second);
                },
                iter: 100,
                print: Json);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static string Json(RelationGraph graph)
    {
        var text = new StringWriter { NewLine = "\n" };
        GraphFile.Write(text, graph);
        return text.ToString();
    }

    internal static void ShouldBeEqual(RelationGraph actual, RelationGraph expected)
    {
        actual.Sources.Should().Equal(expected.Sources);
        actual.Actors.Should().Equal(expected.Actors);
        actual.Relations.Should().Equal(expected.Relations);
        actual.Events.Should().Equal(expected.Events);
    }
}
