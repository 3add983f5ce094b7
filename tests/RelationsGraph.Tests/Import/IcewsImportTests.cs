using System.Security.Cryptography;
using RelationsGraph.Graph;
using RelationsGraph.Import;
using RelationsGraph.Model;
using RelationsGraph.Common;
using RelationsGraph.Storage;
using RelationsGraph.Time;

namespace RelationsGraph.Tests.Import;

public sealed class IcewsImportTests : IDisposable
{
    private static readonly string Fixture = Repo.File("tests", "RelationsGraph.Tests", "Import", "Fixtures", "icews-mini");
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-import-").FullName;

    private string GraphPath => Path.Combine(folder, "mini.json");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private IcewsImportResult Import(IcewsImportOptions? options = null) => IcewsImport.Read(Fixture, GraphPath, options);

    private static Relation Only(RelationGraph graph, string id) => graph.TryGetRelation(id, out var r) ? r : throw new InvalidOperationException(id);

    [Fact]
    public void Read_ImportsEachMappedEvent_AsOneDirectedRelation_AndCountsWhatItLeftOut()
    {
        var result = Import();

        result.Graph.Relations.Select(r => r.Id).Should().Equal(
            "test-00000001", "test-00000002", "test-00000003", "valid-00000001", "valid-00000002", "valid-00000003", "valid-00000006");
        result.Graph.Relations.Should().OnlyContain(r => r.Directed);
        result.EventsRead.Should().Be(9);
        result.UnmappedEventsSkipped.Should().Be(1);
        result.SelfRelationsSkipped.Should().Be(1, "Hamas and HAMAS are one actor, so that event joins it to itself");
        result.Files.Select(Path.GetFileName).Should().Equal("valid.txt", "test.txt");
    }

    [Fact]
    public void Read_MatchesDescriptions_Exactly_Normalized_ByTheWordingTable_OrNotAtAll()
    {
        var types = Import().EventTypes;

        types.Select(t => (t.Description, t.Code, t.How)).Should().Equal(
            ("Make statement", "010", CameoMatch.Normalized),
            ("Consult", "040", CameoMatch.Normalized),
            ("Host a visit", "043", CameoMatch.Exact),
            ("Sign formal agreement", "057", CameoMatch.Exact),
            ("Impose embargo, boycott, or sanctions", "163", CameoMatch.Exact),
            ("Threaten with military force", "138", CameoMatch.Table),
            ("Dance the tango", (string?)null, CameoMatch.Unmapped),
            ("fight with artillery and tanks", "194", CameoMatch.Normalized));
        types.Select(t => t.Events).Should().Equal(2, 1, 1, 1, 1, 1, 1, 1);
    }

    [Fact]
    public void Read_GivesEachCode_ItsKind_AndRecordsTheGoldsteinWeight_InTheNote()
    {
        var graph = Import().Graph;

        Only(graph, "valid-00000001").Kind.Should().Be(RelationKind.Statement);
        Only(graph, "valid-00000002").Kind.Should().Be(RelationKind.Summit);
        Only(graph, "valid-00000003").Kind.Should().Be(RelationKind.Sanctions);
        Only(graph, "test-00000001").Kind.Should().Be(RelationKind.Treaty);
        Only(graph, "test-00000002").Kind.Should().Be(RelationKind.Hostility);
        Only(graph, "test-00000003").Kind.Should().Be(RelationKind.War);
        Only(graph, "valid-00000003").Note.Should().Be("CAMEO 163 (Impose embargo, boycott, or sanctions); Goldstein -8.0.");
        Only(graph, "valid-00000003").Label.Should().Be("Impose embargo, boycott, or sanctions");
    }

    [Fact]
    public void Read_DatesEachEvent_AtOriginPlusTime_DroppingTheTimeOfDay()
    {
        var graph = Import().Graph;

        Only(graph, "valid-00000001").Time.Should().Be(TimeExtent.Point(PartialDate.Parse("2018-01-01")));
        Only(graph, "valid-00000003").Time.Should().Be(TimeExtent.Point(PartialDate.Parse("2018-01-03")));
        Only(graph, "test-00000001").Time.Should().Be(TimeExtent.Point(PartialDate.Parse("2018-08-29")));
        Only(graph, "test-00000003").Time.Should().Be(TimeExtent.Point(PartialDate.Parse("2018-08-30")), "5790 hours is day 241 and a quarter");
    }

    [Fact]
    public void Read_InDays_FromAnotherOrigin_CountsDays()
    {
        var graph = Import(new IcewsImportOptions { Origin = new DateOnly(2014, 1, 1), Unit = IcewsTimeUnit.Days }).Graph;

        Only(graph, "valid-00000002").Time.Should().Be(TimeExtent.Point(PartialDate.Parse("2014-01-25")));
    }

    [Fact]
    public void Read_KindsActors_ByTheNameRules()
    {
        var graph = Import().Graph;
        ActorKind KindOf(string name) => graph.FindActor(name).Actor!.Kind;

        KindOf("North Korea").Should().Be(ActorKind.State, "the data has Government (North Korea)");
        KindOf("China").Should().Be(ActorKind.State, "the data has Citizen (China)");
        KindOf("Kim Jong-Un").Should().Be(ActorKind.Person);
        KindOf("Xi Jinping").Should().Be(ActorKind.Person);
        KindOf("United Nations").Should().Be(ActorKind.Organization);
        KindOf("Militant (Boko Haram)").Should().Be(ActorKind.Group);
    }

    [Fact]
    public void Classify_ExcludesRegions_AndParentsOfSectorActors_FromStatesAndPersons()
    {
        string[] names = ["Middle East", "Government (Middle East)", "Boko Haram", "Militant (Boko Haram)", "Hamas", "Human Rights Watch", "Awami (People's) League"];

        IcewsActors.Classify(names).Should().Equal(
            ActorKind.Group, ActorKind.Group, ActorKind.Group, ActorKind.Group, ActorKind.Group, ActorKind.Organization, ActorKind.Group);
    }

    [Fact]
    public void Read_GivesValidUniqueIds_ThatNoOtherActorUsesAsName()
    {
        var graph = Import().Graph;

        graph.FindActor("Kim Jong-Un").Actor!.Id.Value.Should().Be("Kim-Jong-Un-0", "'Kim-Jong-Un' is another actor's name");
        graph.FindActor("Kim-Jong-Un").Actor!.Id.Value.Should().Be("Kim-Jong-Un");
        graph.FindActor("Militant (Boko Haram)").Actor!.Id.Value.Should().Be("Militant-Boko-Haram");
        graph.Actors.Select(a => a.Id.Value.ToUpperInvariant()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Classify_PrefersAPartysWord_AndReadsRegnalNumbers_AsPartOfAPersonsName() =>
        IcewsActors.Classify(["Congress Party", "Mswati III", "Margrethe II", "NATO", "G7"]).Should().Equal(
            ActorKind.Group, ActorKind.Person, ActorKind.Person, ActorKind.Organization, ActorKind.Organization);

    [Fact]
    public void Classify_ReadsATwoWordNameWithoutATellingWord_AsAPerson_ALimitOfTheRules() =>
        IcewsActors.Classify(["Global Witness"]).Should().Equal(ActorKind.Person);

    [Theory]
    [InlineData("Café Müller", "Cafe-Muller")]
    [InlineData("Dalia Grybauskaitė", "Dalia-Grybauskaite")]
    [InlineData("Wolfgang Schäuble", "Wolfgang-Schauble")]
    [InlineData("Cabinet / Council of Ministers / Advisors (Holy See (Vatican City State))", "Cabinet-Council-of-Ministers-Advisors-Holy-See-Vatican-City-State")]
    [InlineData("A.K. Antony", "A.K.-Antony")]
    [InlineData("10 Downing Street", "10-Downing-Street")]
    [InlineData("(()) ?", "actor")]
    public void Slug_KeepsIdCharacters_AndFoldsTheRest(string name, string slug) => IcewsActors.Slug(name).Should().Be(slug);

    [Fact]
    public void Read_MakesNamesDifferingOnlyByCase_OneActor()
    {
        var result = Import();

        result.MergedNames.Should().ContainSingle().Which.Should().Equal("Hamas", "HAMAS");
        result.Graph.FindActor("HAMAS").Actor!.Name.Should().Be("Hamas");
        Only(result.Graph, "valid-00000006").Source.Value.Should().Be("Hamas", "the event of HAMAS is the event of the one actor");
    }

    [Fact]
    public void Read_CitesTheQuadrupleLine_InASourceWithTheFilesHash_AndARelativePath()
    {
        var graph = Import().Graph;
        var evidence = Only(graph, "valid-00000001").Evidence.Should().ContainSingle().Subject;

        evidence.Quote.Should().Be("0 0 1 0 0");
        evidence.Source.Should().Be("icews-mini-valid");
        var source = graph.Sources.Single(s => s.Id == "icews-mini-valid");
        source.Sha256.Should().Be(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Fixture, "valid.txt")))).ToLowerInvariant());
        Path.GetFullPath(Path.Combine(folder, source.Path)).Should().Be(Path.Combine(Fixture, "valid.txt"));
        graph.Sources.Select(s => s.Id).Should().Equal("icews-mini-entity2id", "icews-mini-relation2id", "icews-mini-test", "icews-mini-valid");
    }

    [Fact]
    public void SavedImport_PassesTheSourceCheck_AndLoadsBackEqual()
    {
        var graph = Import().Graph;
        GraphFile.Save(GraphPath, graph);

        var check = SourceCheck.Run(GraphFile.Load(GraphPath), folder);

        check.Problems.Should().BeEmpty();
        check.QuotesChecked.Should().Be(7);
        GraphFile.Load(GraphPath).Relations.Should().Equal(graph.Relations);
    }

    [Fact]
    public void Import_IsDeterministic_ByteForByte()
    {
        GraphFile.Save(GraphPath, Import().Graph);
        var first = File.ReadAllBytes(GraphPath);

        GraphFile.Save(GraphPath, Import().Graph);

        File.ReadAllBytes(GraphPath).Should().Equal(first);
    }

    [Fact]
    public void Read_AMalformedLine_ThrowsGraphDataException_NamingFileLineAndColumn()
    {
        var data = CopyFixture();
        File.WriteAllText(Path.Combine(data, "test.txt"), "3\t3\t1\t5760\n6\tfive\t7\t5784\n");

        var act = () => IcewsImport.Read(data, GraphPath);

        act.Should().Throw<GraphDataException>().WithMessage(
            $"{Path.Combine(data, "test.txt")}:2:3: Expected whole numbers separated by tabs or spaces: subject, event type, object, time.");
    }

    [Fact]
    public void Read_AnActorNumberNotInTheDictionary_ThrowsGraphDataException()
    {
        var data = CopyFixture();
        File.WriteAllText(Path.Combine(data, "test.txt"), "99\t3\t1\t5760\t0\n");

        var act = () => IcewsImport.Read(data, GraphPath);

        act.Should().Throw<GraphDataException>().WithMessage("*test.txt:1:0: Actor 99 is not in entity2id.txt, which numbers 15 actors from 0.");
    }

    [Fact]
    public void Read_WithoutCameoTables_SaysWhereItLooked()
    {
        var data = CopyFixture();
        Directory.Delete(Path.Combine(data, "cameo"), recursive: true);

        var act = () => IcewsImport.Read(data, GraphPath);

        act.Should().Throw<FileNotFoundException>().WithMessage("No CAMEO tables*give their folder with --cameo.");
    }

    [Theory]
    [InlineData("Make statement, not specified below", "make statement")]
    [InlineData("Express intent to engage in material cooperation,  not specified below", "express intent to engage in material cooperation")]
    [InlineData("Conduct suicide, car, or other non-military bombing, not spec below", "conduct suicide car or other non military bombing")]
    [InlineData("Meet at a 'third' location", "meet at a third location")]
    public void Normalize_IgnoresCasePunctuationAndNotSpecifiedBelow(string description, string normalized) =>
        CameoCodebook.Normalize(description).Should().Be(normalized);

    [Theory]
    [InlineData("010", "statement")]
    [InlineData("036", "pledge")]
    [InlineData("040", "talks")]
    [InlineData("042", "summit")]
    [InlineData("044", "summit")]
    [InlineData("046", "talks")]
    [InlineData("051", "support")]
    [InlineData("054", "diplomatic-relations")]
    [InlineData("057", "treaty")]
    [InlineData("061", "trade")]
    [InlineData("062", "ally")]
    [InlineData("064", "cooperation")]
    [InlineData("1621", "reduced-relations")]
    [InlineData("160", "reduced-relations")]
    [InlineData("163", "sanctions")]
    [InlineData("1631", "sanctions")]
    [InlineData("166", "reduced-relations")]
    [InlineData("2042", "mass-violence")]
    public void KindOf_UsesTheRoot_AndTheFinerKindsCodes(string code, string kind) =>
        CameoKinds.KindOf(code)!.Name.Should().Be(kind);

    [Fact]
    public void KindOf_ACodeOutsideTheRoots_IsNull() => CameoKinds.KindOf("21").Should().BeNull();

    private string CopyFixture()
    {
        var data = Path.Combine(folder, "data");
        foreach (var file in Directory.GetFiles(Fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(data, Path.GetRelativePath(Fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return data;
    }
}
