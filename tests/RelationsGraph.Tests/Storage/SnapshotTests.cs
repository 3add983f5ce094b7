using CsCheck;
using RelationsGraph.Common;
using RelationsGraph.Graph;
using RelationsGraph.Storage;
using RelationsGraph.Tests.Reliability;
using RelationsGraph.Time;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Storage;

public sealed class SnapshotTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-snapshot-").FullName;

    public void Dispose()
    {
        // A loaded snapshot keeps its file mapped until collected; Linux deletes it anyway.
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void JsonToSnapshotToJson_IsByteIdentical_ForTheRealGraph()
    {
        var snapshot = Path.Combine(folder, "graph.arrows");
        var json = Path.Combine(folder, "graph.json");
        GraphFile.Save(snapshot, GraphFile.Load(Repo.GraphJson));

        GraphFile.Save(json, GraphFile.Load(snapshot));

        GraphFile.FormatOf(snapshot).Should().Be(GraphFileFormat.Snapshot);
        File.ReadAllBytes(json).Should().Equal(File.ReadAllBytes(Repo.GraphJson));
    }

    [Fact]
    public void GraphLoadedFromEither_IsTheSameGraph_ForTheRealGraph()
    {
        var fromJson = GraphFile.Load(Repo.GraphJson);
        var snapshot = Path.Combine(folder, "graph.arrows");
        GraphFile.Save(snapshot, fromJson);

        var fromSnapshot = GraphFile.Load(snapshot);

        AssertSame(fromSnapshot, fromJson);
    }

    [Fact]
    public void SnapshotIsDeterministic_TheSameGraphGivesTheSameBytes()
    {
        var graph = GraphFile.Load(Repo.GraphJson);
        var (first, second) = (Path.Combine(folder, "a.arrows"), Path.Combine(folder, "b.arrows"));
        GraphFile.Save(first, graph);
        GraphFile.Save(second, GraphFile.Load(first));

        File.ReadAllBytes(second).Should().Equal(File.ReadAllBytes(first));
    }

    [Fact]
    public void RandomGraphs_RoundTripThroughASnapshot_AsTheSameGraphAndTheSameJson()
    {
        var n = 0;
        GraphGen.Graph(maxActors: 10, maxRelations: 80, maxEvents: 6).Sample(
            graph =>
            {
                var snapshot = Path.Combine(folder, $"random-{Interlocked.Increment(ref n)}.arrows");
                GraphFile.Save(snapshot, graph);
                var again = GraphFile.Load(snapshot);
                AssertSame(again, graph);
                Json(again).Should().Be(Json(graph));
            },
            iter: 60,
            threads: 1);
    }

    [Fact]
    public void ManyBatches_AndNotes_RoundTrip()
    {
        var graph = Random(5, actors: 40, relations: (SnapshotWriter.BatchRows * 2) + 17);
        var snapshot = Path.Combine(folder, "big.arrows");
        GraphFile.Save(snapshot, graph);

        var again = GraphFile.Load(snapshot);

        AssertSame(again, graph);
    }

    [Fact]
    public void EmptyGraph_RoundTrips()
    {
        var snapshot = Path.Combine(folder, "empty.arrows");
        GraphFile.Save(snapshot, RelationGraph.Empty);

        var again = GraphFile.Load(snapshot);

        again.Relations.Should().BeEmpty();
        Json(again).Should().Be(Json(RelationGraph.Empty));
    }

    [Fact]
    public void Save_WritesTheFormatAsked_WhateverTheName()
    {
        var path = Path.Combine(folder, "graph.json");
        GraphFile.Save(path, GraphFile.LoadBundled(), GraphFileFormat.Snapshot);

        GraphFile.FormatOf(path).Should().Be(GraphFileFormat.Snapshot);
        GraphFile.Load(path).Relations.Should().Equal(GraphFile.LoadBundled().Relations);
    }

    [Fact]
    public void Load_TellsTheKindByTheBytes_NotTheName()
    {
        var path = Path.Combine(folder, "graph.arrows");
        File.Copy(Repo.GraphJson, path);

        GraphFile.FormatOf(path).Should().Be(GraphFileFormat.Json);
        GraphFile.Load(path).Relations.Should().Equal(GraphFile.LoadBundled().Relations);
    }

    internal static void AssertSame(RelationGraph actual, RelationGraph expected)
    {
        actual.Sources.Should().Equal(expected.Sources);
        actual.Actors.Should().Equal(expected.Actors);
        actual.Relations.Should().Equal(expected.Relations);
        actual.Events.Should().Equal(expected.Events);
        foreach (var year in new[] { 1950, 2000, 2017, 2021 })
        {
            var window = TimeWindow.During(new PartialDate(year));
            if (expected.Coverage.Contains(window))
            {
                actual.RelationsActiveIn(window).Should().Equal(expected.RelationsActiveIn(window));
            }
        }

        foreach (var relation in expected.Relations.Take(50))
        {
            actual.TryGetRelation(relation.Id, out var found).Should().BeTrue();
            found.Should().Be(relation);
            actual.RelationsBetween(relation.Source, relation.Target).Should().Equal(expected.RelationsBetween(relation.Source, relation.Target));
        }
    }

    private static string Json(RelationGraph graph)
    {
        var text = new StringWriter();
        GraphFile.Write(text, graph);
        return text.ToString();
    }
}
