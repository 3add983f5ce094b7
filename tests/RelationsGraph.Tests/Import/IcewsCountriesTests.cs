using RelationsGraph.Graph;
using RelationsGraph.Import;
using RelationsGraph.Model;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Import;

/// <summary>The importer's country table, and the codes and short names it gives to the states of event data.</summary>
public sealed class IcewsCountriesTests : IDisposable
{
    private static readonly string Fixture = Repo.File("tests", "RelationsGraph.Tests", "Import", "Fixtures", "icews-mini");
    private static readonly string TablePath = Repo.File("src", "RelationsGraph", "Import", "countries.tsv");
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-countries-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static IcewsCountries.Country Country(string iso3) => IcewsCountries.All.Single(c => c.Codes.Iso3 == iso3);

    [Fact]
    public void Table_NamesItsSourcesAndTheirLicences()
    {
        var header = string.Join("\n", File.ReadLines(TablePath).TakeWhile(line => line.StartsWith('#')));

        header.Should().Contain("i18n-iso-countries 7.14.0").And.Contain("MIT License")
            .And.Contain("Correlates of War Project").And.Contain("State System Membership List, v2016")
            .And.Contain("countries.py");
    }

    [Fact]
    public void Table_GivesEveryNameAndShortName_ToOneCountryOnly()
    {
        var names = IcewsCountries.All.SelectMany(c => c.Names.Concat(c.ShortNames).Distinct(StringComparer.OrdinalIgnoreCase));

        names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty();
    }

    [Fact]
    public void Table_HasUniqueCodes_WithCameoTheIsoCode()
    {
        IcewsCountries.All.Should().HaveCountGreaterThan(240);
        IcewsCountries.All.Select(c => c.Codes.Iso3).Should().OnlyHaveUniqueItems().And.OnlyContain(code => code != null && code.Length == 3);
        IcewsCountries.All.Where(c => c.Codes.Cow is not null).Select(c => c.Codes.Cow).Should().OnlyHaveUniqueItems().And.HaveCountGreaterThan(190);
        IcewsCountries.All.Should().OnlyContain(c => c.Codes.Cameo == c.Codes.Iso3);
    }

    [Theory]
    [InlineData("USA", 2, "United States", "US")]
    [InlineData("USA", 2, "United States of America", "USA")]
    [InlineData("CHN", 710, "China", "PRC")]
    [InlineData("PRK", 731, "North Korea", "DPRK")]
    [InlineData("KOR", 732, "South Korea", "ROK")]
    [InlineData("GBR", 200, "United Kingdom", "UK")]
    [InlineData("RUS", 365, "Russia", null)]
    [InlineData("COG", 484, "Congo", null)]
    [InlineData("COD", 490, "Democratic Republic of Congo", "DRC")]
    [InlineData("SRB", 345, "Serbia", null)]
    [InlineData("PSE", null, "Palestinian Territory, Occupied", null)]
    public void Table_KnowsTheCountry_ByItsIcewsName(string iso3, int? cow, string icewsName, string? shortName)
    {
        var country = IcewsCountries.Find(icewsName);

        country.Should().NotBeNull(icewsName);
        country!.Codes.Should().Be(new ActorCodes { Iso3 = iso3, Cow = cow, Cameo = iso3 });
        if (shortName is not null)
        {
            country.ShortNames.Should().Contain(shortName);
        }
    }

    [Fact]
    public void Table_FindsByFullNamesOnly_NotByShortNames()
    {
        IcewsCountries.Find("DPRK").Should().BeNull("a short name is an alias to give, not a name to recognise a state by");
    }

    [Fact]
    public void Table_AgreesWithTheBundledGraphsCodes()
    {
        var bundled = GraphFile.Load(Repo.GraphJson).Actors.Where(a => a.Codes.Iso3 is not null && a.Codes.Iso3 != "SUN");

        bundled.Should().NotBeEmpty();
        foreach (var actor in bundled)
        {
            Country(actor.Codes.Iso3!).Codes.Should().Be(actor.Codes, actor.Name);
        }
    }

    [Fact]
    public void Read_GivesStates_TheirCountrysCodes_AndOtherNamesAsAliases()
    {
        var result = IcewsImport.Read(Fixture, Path.Combine(folder, "mini.json"));
        var graph = result.Graph;

        var dprk = graph.FindActor("DPRK").Actor;
        dprk.Should().NotBeNull();
        dprk!.Name.Should().Be("North Korea");
        dprk.Codes.Should().Be(new ActorCodes { Iso3 = "PRK", Cow = 731, Cameo = "PRK" });
        dprk.Aliases.Should().Equal("Democratic People's Republic of Korea", "Democratic People’s Republic of Korea", "DPRK");
        graph.FindActor("PRC").Actor!.Name.Should().Be("China");
        graph.FindActor("China").Actor!.Codes.Iso3.Should().Be("CHN");
        result.Countries.Should().Be(2);
        result.AliasesLeftOut.Should().BeEmpty();
        graph.Actors.Where(a => a.Kind != ActorKind.State).Should().OnlyContain(a => a.Codes.IsEmpty && a.Aliases.Count == 0);
    }

    [Fact]
    public void Read_LeavesOutAnAlias_ThatIsAnotherActorsName_AndSaysSo()
    {
        var data = Dataset(("DPRK", "a group that calls itself so"));

        var result = IcewsImport.Read(data, Path.Combine(folder, "clash.json"));

        result.Graph.FindActor("DPRK").Actor!.Name.Should().Be("DPRK", "the name belongs to the actor the data calls so");
        result.Graph.FindActor("North Korea").Actor!.Aliases.Should().NotContain("DPRK").And.Contain("Democratic People's Republic of Korea");
        result.AliasesLeftOut.Should().Equal("'DPRK' is not an alias of North Korea (North-Korea): it is the id or name of DPRK (DPRK).");
    }

    [Fact]
    public void Read_TwoStatesNamingOneCountry_GetNeitherItsCodesNorItsAliases()
    {
        var data = Dataset(("Republic of Congo", "state"), ("Congo", "state"));

        var result = IcewsImport.Read(data, Path.Combine(folder, "congo.json"));

        result.Graph.FindActor("Congo").Actor!.Codes.IsEmpty.Should().BeTrue();
        result.Graph.FindActor("Republic of Congo").Actor!.Codes.IsEmpty.Should().BeTrue();
        result.AliasesLeftOut.Should().ContainSingle().Which.Should().StartWith("COG is named by ").And.EndWith("none of them gets its codes or aliases.");
    }

    /// <summary>The mini dataset with more actors, each in an event with China; a "state" gets a government sector.</summary>
    private string Dataset(params (string Name, string What)[] extra)
    {
        var data = Path.Combine(folder, "data");
        foreach (var file in Directory.GetFiles(Fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(data, Path.GetRelativePath(Fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var entities = File.ReadAllLines(Path.Combine(data, "entity2id.txt")).ToList();
        var events = new List<string>();
        foreach (var (name, what) in extra)
        {
            entities.Add($"{name}\t{entities.Count}");
            events.Add($"{entities.Count - 1}\t1\t3\t24\t0");
            if (what == "state")
            {
                entities.Add($"Government ({name})\t{entities.Count}");
            }
        }

        File.WriteAllLines(Path.Combine(data, "entity2id.txt"), entities);
        File.AppendAllLines(Path.Combine(data, "valid.txt"), events);
        return data;
    }
}
