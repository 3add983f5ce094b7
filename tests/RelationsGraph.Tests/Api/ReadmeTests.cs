using RelationsGraph.Model;

namespace RelationsGraph.Tests.Api;

public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Repo.File("README.md"));

    [Fact]
    public void Readme_ShowsTheSamplesCode_Verbatim()
    {
        var sample = File.ReadAllText(Repo.File("samples", "TriangleSample", "Program.cs"));

        Readme.Should().Contain("```csharp\n" + sample + "```", "the README's library example is the sample CI compiles against the package");
    }

    [Fact]
    public void Readme_HasTheTwoCommandsOfAFreshClone()
    {
        Readme.Should().Contain("dotnet run --project src/RelationsGraph.Console -- triangle US China DPRK --in 2017")
            .And.Contain("dotnet test");
    }

    [Fact]
    public void Readme_ListsEveryRelationKind_WithItsPolarityAndCameoCode()
    {
        foreach (var kind in RelationKind.All)
        {
            var sign = kind.Polarity switch { Polarity.Cooperative => "+", Polarity.Conflictual => "−", _ => "0" };
            Readme.Should().Contain($"| `{kind.Name}` | {sign} | {kind.CameoRoot ?? "—"} |");
        }
    }
}
