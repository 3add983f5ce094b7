using RelationsGraph.Parquet;
using RelationsGraph.Storage;
using RelationsGraph.Tests.Console;

namespace RelationsGraph.Tests.Export;

public sealed class ParquetExportTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-parquet-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Write_PartitionsRelationsByTheYearTheyStart_AndWritesTheOtherTables()
    {
        var graph = GraphFile.LoadBundled();
        var target = Path.Combine(folder, "export");

        var written = ParquetExport.Write(target, graph);

        var years = graph.Relations.Select(r => r.Time.FirstDay.Year).Distinct().Order().Select(y => $"relations/year={y:D4}/part-0.parquet");
        written.Where(f => f.StartsWith("relations/", StringComparison.Ordinal)).Should().Equal(years);
        written.Should().Contain(["sources.parquet", "actors.parquet", "actor_aliases.parquet", "events.parquet", "event_evidence.parquet", "evidence/part-0.parquet"]);
        written.Should().OnlyContain(f => File.Exists(Path.Combine(target, f)));
        Directory.EnumerateFileSystemEntries(folder).Should().Equal([target], "the files were written beside and renamed into place");
    }

    [Fact]
    public void Write_GivesTheSameBytes_ForTheSameGraph()
    {
        var graph = GraphFile.LoadBundled();
        var (first, second) = (Path.Combine(folder, "a"), Path.Combine(folder, "b"));

        var files = ParquetExport.Write(first, graph);
        ParquetExport.Write(second, graph);

        foreach (var file in files)
        {
            File.ReadAllBytes(Path.Combine(second, file)).Should().Equal(File.ReadAllBytes(Path.Combine(first, file)), file);
        }
    }

    [Fact]
    public void Write_RefusesAFolderWithSomethingInIt_AndChangesNothing()
    {
        var target = Path.Combine(folder, "export");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");

        var write = () => ParquetExport.Write(target, GraphFile.LoadBundled());

        write.Should().Throw<IOException>().WithMessage($"Cannot export to '{target}': it is a folder that is not empty; give a new or empty folder.");
        Directory.EnumerateFileSystemEntries(target).Should().Equal([Path.Combine(target, "keep.txt")]);
        Directory.EnumerateFileSystemEntries(folder).Should().Equal([target]);
    }

    [Fact]
    public void ExportParquet_WritesTheFiles_AndExitsZero()
    {
        var target = Path.Combine(folder, "export");

        var run = CliRunner.Run("export", "parquet", "-o", target);

        run.ExitCode.Should().Be(0);
        run.Output.Should().StartWith($"wrote 2").And.Contain($"into {target}: 77 relations");
        File.Exists(Path.Combine(target, "actors.parquet")).Should().BeTrue();
    }

    [Fact]
    public void ExportParquet_IntoAFolderWithSomethingInIt_ExitsTwo_WithOneLine()
    {
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "mine");

        var run = CliRunner.Run("export", "parquet", "-o", folder);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be($"error: Cannot export to '{folder}': it is a folder that is not empty; give a new or empty folder.\n");
    }
}
