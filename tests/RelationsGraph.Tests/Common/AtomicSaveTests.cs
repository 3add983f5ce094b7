using RelationsGraph.Graph;
using RelationsGraph.Common;
using RelationsGraph.Storage;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Common;

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
    public void Write_SyncsTheFolderAfterTheRename()
    {
        var path = Path.Combine(folder, "graph.json");
        var steps = new List<AtomicFile.Step>();

        AtomicFile.Write(path, s => GraphJsonWriter.Write(Random(43, 5, 20), s), steps.Add);

        steps.Should().Equal(AtomicFile.Step.Created, AtomicFile.Step.Written, AtomicFile.Step.Flushed, AtomicFile.Step.Renamed, AtomicFile.Step.FolderSynced);
    }

    [Fact]
    public void SyncFolder_SyncsARealFolder_OnPosixSystems_AndNotAMissingOne()
    {
        NativeMethods.SyncFolder(folder).Should().Be(!OperatingSystem.IsWindows(), "libc's open and fsync take a folder");
        NativeMethods.SyncFolder(Path.Combine(folder, "missing")).Should().BeFalse();
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

        GraphFile.Save(path, graph);

        GraphFile.Load(path).Relations.Should().Equal(graph.Relations);
        Directory.GetFiles(folder).Should().Equal(path);
    }

    [Fact]
    public void Save_ToAMissingFolder_SaysSo()
    {
        var path = Path.Combine(folder, "nope", "graph.json");

        FluentActions.Invoking(() => GraphFile.Save(path, RelationGraph.Empty)).Should().Throw<DirectoryNotFoundException>()
            .WithMessage($"Cannot save to '{path}': the folder '{Path.Combine(folder, "nope")}' does not exist.");
    }
}
