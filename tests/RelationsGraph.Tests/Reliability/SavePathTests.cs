using RelationsGraph.Graph;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Reliability;

/// <summary>Where a save can be asked to go: through links, onto devices, into folders that hold no files, under long names.</summary>
public sealed class SavePathTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-savepath-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Save_IntoAFolderThatHoldsNoFiles_SaysWhichFolder()
    {
        var path = $"/proc/relgraph-{Guid.NewGuid():N}.json";

        FluentActions.Invoking(() => Random(5, 4, 10).Save(path)).Should().Throw<IOException>()
            .WithMessage($"Cannot save to '{path}': a file cannot be created in the folder '/proc'.");
    }

    [Fact]
    public void Save_UnderTheLongestFileNameTheSystemTakes_Works()
    {
        var path = Path.Combine(folder, new string('g', 250) + ".json");

        Random(6, 4, 10).Save(path);

        RelationGraph.Load(path).Relations.Should().HaveCount(10);
    }
}
