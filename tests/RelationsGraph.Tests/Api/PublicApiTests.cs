using PublicApiGenerator;
using RelationsGraph.Graph;

namespace RelationsGraph.Tests.Api;

/// <summary>
/// The library's public API is deliberate: it is checked in as PublicAPI.approved.txt, so every change to it
/// shows in review. After a deliberate change, run with UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedBaseline()
    {
        var api = typeof(RelationGraph).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
        }).ReplaceLineEndings("\n") + "\n";
        var path = Repo.File("src", "RelationsGraph", "PublicAPI.approved.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, api);
        }

        api.Should().Be(File.ReadAllText(path), "the public API changed; if that is deliberate, update the baseline with UPDATE_GOLDEN=1 and review the diff");
    }

    [Fact]
    public void ParquetPackagePublicApi_MatchesTheApprovedBaseline()
    {
        var api = typeof(RelationsGraph.Parquet.ParquetExport).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
        }).ReplaceLineEndings("\n") + "\n";
        var path = Repo.File("src", "RelationsGraph.Parquet", "PublicAPI.approved.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, api);
        }

        api.Should().Be(File.ReadAllText(path), "the public API changed; if that is deliberate, update the baseline with UPDATE_GOLDEN=1 and review the diff");
    }

    [Fact]
    public void PublicApi_ExposesNoQuikGraphType()
    {
        var api = typeof(RelationGraph).Assembly.GeneratePublicApi();

        api.Should().NotContain("QuikGraph");
    }
}
