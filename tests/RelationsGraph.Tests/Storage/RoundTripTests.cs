using RelationsGraph.Graph;
using RelationsGraph.Storage;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Storage;

public sealed class RoundTripTests
{
    [Fact]
    public void SaveThenLoad_GivesAnEqualGraph_ForTheRealGraph()
    {
        var graph = GraphFile.Load(Repo.GraphJson);
        var text = new StringWriter();
        GraphFile.Write(text, graph);

        var again = GraphFile.Load(new StringReader(text.ToString()));

        again.Sources.Should().Equal(graph.Sources);
        again.Actors.Should().Equal(graph.Actors);
        again.Relations.Should().Equal(graph.Relations);
        again.Events.Should().Equal(graph.Events);
    }

    [Fact]
    public void CommittedGraphJson_IsInCanonicalForm()
    {
        var graph = GraphFile.Load(Repo.GraphJson);
        var path = Path.Combine(Path.GetTempPath(), $"relgraph-{Guid.NewGuid():N}.json");
        try
        {
            GraphFile.Save(path, graph);

            File.ReadAllBytes(path).Should().Equal(File.ReadAllBytes(Repo.GraphJson),
                "graph.json is written in the saver's canonical form, so a load and save changes nothing");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void SaveThenLoad_RoundTripsRandomGraphs_ByteForByte(int seed)
    {
        var graph = Random(seed, actors: 12, relations: 400);
        var first = new StringWriter();
        GraphFile.Write(first, graph);

        var again = GraphFile.Load(new StringReader(first.ToString()));
        var second = new StringWriter();
        GraphFile.Write(second, again);

        again.Relations.Should().Equal(graph.Relations);
        second.ToString().Should().Be(first.ToString());
    }
}
