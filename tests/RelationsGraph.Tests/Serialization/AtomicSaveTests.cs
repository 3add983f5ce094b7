using RelationsGraph.Graph;
using RelationsGraph.Serialization;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Serialization;

public sealed class AtomicSaveTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-save-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("Created")]
    [InlineData("Written")]
    [InlineData("Flushed")]
    public void Write_FailingAtAnyStepBeforeTheRename_LeavesThePreviousFileIntact(string stepName)
    {
        var failAt = Enum.Parse<AtomicFile.Step>(stepName);
        var path = Path.Combine(folder, "graph.json");
        File.WriteAllText(path, "previous");
        var graph = Random(41, 5, 20);

        var save = () => AtomicFile.Write(path, s => GraphJsonWriter.Write(graph, s), step =>
        {
            if (step == failAt)
            {
                throw new IOException($"disk failed at {step}");
            }
        });

        save.Should().Throw<IOException>().WithMessage($"disk failed at {failAt}");
        File.ReadAllText(path).Should().Be("previous");
        Directory.GetFiles(folder).Should().Equal(path);
    }

    [Fact]
    public void Write_WriterThrowingHalfway_LeavesThePreviousFileIntact()
    {
        var path = Path.Combine(folder, "graph.json");
        File.WriteAllText(path, "previous");

        var save = () => AtomicFile.Write(path, s =>
        {
            s.Write("{\"partial"u8);
            throw new InvalidOperationException("writer failed");
        });

        save.Should().Throw<InvalidOperationException>();
        File.ReadAllText(path).Should().Be("previous");
        Directory.GetFiles(folder).Should().Equal(path);
    }

    [Fact]
    public void Save_ReplacesTheFile_AndLeavesNoTemporaryFiles()
    {
        var path = Path.Combine(folder, "graph.json");
        File.WriteAllText(path, "previous");
        var graph = Random(42, 5, 20);

        graph.Save(path);

        RelationGraph.Load(path).Relations.Should().Equal(graph.Relations);
        Directory.GetFiles(folder).Should().Equal(path);
    }

    [Fact]
    public void Save_ToAMissingFolder_SaysSo()
    {
        var path = Path.Combine(folder, "nope", "graph.json");

        FluentActions.Invoking(() => RelationGraph.Empty.Save(path)).Should().Throw<DirectoryNotFoundException>()
            .WithMessage($"Cannot save to '{path}': the folder '{Path.Combine(folder, "nope")}' does not exist.");
    }
}
