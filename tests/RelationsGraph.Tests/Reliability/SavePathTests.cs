using RelationsGraph.Graph;
using RelationsGraph.Storage;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Reliability;

/// <summary>Where a save can be asked to go: through links, onto devices, into folders that hold no files, under long names.</summary>
public sealed class SavePathTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-savepath-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Save_ThroughASymbolicLink_ReplacesWhatItPointsTo_AndKeepsTheLink()
    {
        var real = Path.Combine(folder, "real.json");
        var link = Path.Combine(folder, "link.json");
        GraphFile.Save(real, Random(1, 4, 10));
        File.CreateSymbolicLink(link, real);
        var next = Random(2, 4, 10);

        GraphFile.Save(link, next);

        new FileInfo(link).LinkTarget.Should().Be(real);
        GraphFile.Load(real).Relations.Should().Equal(next.Relations);
        Directory.GetFiles(folder).Order().Should().Equal(link, real);
    }

    [Fact]
    public void Save_ThroughADanglingSymbolicLink_CreatesItsTarget()
    {
        var real = Path.Combine(folder, "later.json");
        var link = Path.Combine(folder, "link.json");
        File.CreateSymbolicLink(link, real);

        GraphFile.Save(link, Random(3, 4, 10));

        new FileInfo(link).LinkTarget.Should().Be(real);
        File.Exists(real).Should().BeTrue();
    }

    [Fact]
    public void Save_ThroughALinkToADevice_WritesToTheDevice_InsteadOfReplacingIt()
    {
        // Through a link in a temporary folder: without the fix only the link is replaced, never /dev/null itself.
        var link = Path.Combine(folder, "out.json");
        File.CreateSymbolicLink(link, "/dev/null");

        GraphFile.Save(link, Random(4, 4, 10));

        new FileInfo(link).LinkTarget.Should().Be("/dev/null", "the link must not be replaced by a plain file");
        new FileInfo("/dev/null").Length.Should().Be(0);
    }

    [Fact]
    public void Save_IntoAFolderThatHoldsNoFiles_SaysWhichFolder()
    {
        var path = $"/proc/relgraph-{Guid.NewGuid():N}.json";

        FluentActions.Invoking(() => GraphFile.Save(path, Random(5, 4, 10))).Should().Throw<IOException>()
            .WithMessage($"Cannot save to '{path}': a file cannot be created in the folder '/proc'.");
    }

    [Fact]
    public void Save_UnderTheLongestFileNameTheSystemTakes_Works()
    {
        var path = Path.Combine(folder, new string('g', 250) + ".json");

        GraphFile.Save(path, Random(6, 4, 10));

        GraphFile.Load(path).Relations.Should().HaveCount(10);
    }
}
