using System.Security.Cryptography;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;
using RelationsGraph.Verification;

namespace RelationsGraph.Tests.Knowledge;

/// <summary>What the bundled graph must say, checked against the article it was read from.</summary>
public sealed class GraphKnowledgeTests
{
    private static readonly RelationGraph Graph = RelationGraph.Load(Repo.GraphJson);
    private static readonly ActorId China = new("China");
    private static readonly ActorId Dprk = new("DPRK");
    private static readonly ActorId Us = new("US");
    private static readonly ActorId Un = new("UN");
    private static readonly ActorId Rok = new("ROK");

    private static TimeWindow In(string date) => TimeWindow.During(PartialDate.Parse(date));

    private static IEnumerable<Relation> Between(ActorId a, ActorId b, TimeWindow window) =>
        Graph.RelationsActiveIn(window).Where(r => r.Involves(a) && r.Involves(b));

    [Fact]
    public void Seed_IsTheArticle_ByteForByte()
    {
        var seed = Repo.File("seeds", "ipis-2021-china-north-korea-allies-or-partners.txt");
        var shared = Repo.File("..", "shared", "seeds", "000_924782916717bbc0.txt");
        var hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(seed))).ToLowerInvariant();

        Graph.Sources.Should().ContainSingle().Which.Sha256.Should().Be(hash);
        if (File.Exists(shared))
        {
            File.ReadAllBytes(seed).Should().Equal(File.ReadAllBytes(shared));
        }
    }

    [Fact]
    public void EveryQuote_OccursVerbatimInItsSource()
    {
        var check = SourceCheck.Run(Graph, Repo.Root);

        check.MissingSources.Should().BeEmpty();
        check.Problems.Should().BeEmpty();
        check.QuotesChecked.Should().BeGreaterThanOrEqualTo(Graph.Relations.Count + Graph.Events.Count);
    }

    [Fact]
    public void BundledGraph_IsTheCommittedGraphJson()
    {
        RelationGraph.LoadBundled().Relations.Should().Equal(Graph.Relations);
    }

    [Theory]
    [InlineData("China")]
    [InlineData("DPRK")]
    [InlineData("US")]
    [InlineData("ROK")]
    [InlineData("USSR")]
    [InlineData("UN")]
    [InlineData("Russia")]
    [InlineData("Japan")]
    [InlineData("Kim-Il-Sung")]
    [InlineData("Kim-Jong-Il")]
    [InlineData("Kim-Jong-Un")]
    [InlineData("Xi-Jinping")]
    public void Actor_IsInTheGraph(string id)
    {
        Graph.TryGetActor(new ActorId(id), out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("North Korea", "DPRK")]
    [InlineData("Pyongyang", "DPRK")]
    [InlineData("dprk", "DPRK")]
    [InlineData("Beijing", "China")]
    [InlineData("PRC", "China")]
    [InlineData("South Korea", "ROK")]
    [InlineData("Seoul", "ROK")]
    [InlineData("United States", "US")]
    [InlineData("U.S.", "US")]
    [InlineData("Washington", "US")]
    [InlineData("Soviet Union", "USSR")]
    [InlineData("Moscow", "USSR")]
    [InlineData("United Nations", "UN")]
    [InlineData("UN Security Council", "UN")]
    public void Alias_FindsTheActor(string alias, string id)
    {
        Graph.FindActor(alias).Actor!.Id.Should().Be(new ActorId(id));
    }

    [Fact]
    public void In2017_ChinaAndDprk_HadCooperativeAndConflictualRelations()
    {
        var polarities = Between(China, Dprk, In("2017")).Select(r => r.Polarity).ToHashSet();

        polarities.Should().Contain(Polarity.Cooperative).And.Contain(Polarity.Conflictual);
    }

    [Fact]
    public void In2017_ChinaSuspendedCoalImports_InFebruary()
    {
        Between(China, Dprk, In("2017-02")).Should().Contain(r => r.Kind == RelationKind.Sanctions && r.Source == China);
    }

    [Theory]
    [InlineData("1981")]
    [InlineData("2001")]
    [InlineData("2017")]
    public void The1961Treaty_IsInForce(string year)
    {
        Between(China, Dprk, In(year)).Should().Contain(r => r.Kind == RelationKind.Treaty && r.Time.Beginning == PartialDate.Parse("1961"));
    }

    [Theory]
    [InlineData("1981")]
    [InlineData("2001")]
    public void TheTreatyRenewal_CanBeFoundByItsDate(string year)
    {
        Between(China, Dprk, In(year)).Should().Contain(r => r.Kind == RelationKind.Treaty && r.Time.At == PartialDate.Parse(year));
    }

    [Fact]
    public void In1950To1953_ChinaFoughtOnDprksSide_AgainstTheUsLedUnForces()
    {
        var korea = TimeWindow.Between(PartialDate.Parse("1950"), PartialDate.Parse("1953"));

        Between(China, Dprk, korea).Should().Contain(r => r.Polarity == Polarity.Cooperative);
        Between(China, Us, korea).Should().Contain(r => r.Kind == RelationKind.War);
        Between(China, Un, korea).Should().Contain(r => r.Kind == RelationKind.War);
    }

    [Fact]
    public void In1992_ChinaRecognisedRok()
    {
        Between(China, Rok, In("1992")).Should().Contain(r => r.Kind == RelationKind.DiplomaticRelations && r.Time.Beginning.Year == 1992);
    }

    [Fact]
    public void XiJinping_VisitedPyongyang_On20June2019()
    {
        Graph.RelationsActiveIn(In("2019-06-20")).Should().Contain(r => r.Kind == RelationKind.Summit && r.Time.At == PartialDate.Parse("2019-06-20"));
    }
}
