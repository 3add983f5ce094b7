using System.Security.Cryptography;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Knowledge;

/// <summary>What the bundled graph must say, checked against the article it was read from.</summary>
public sealed class GraphKnowledgeTests
{
    private static readonly RelationGraph Graph = GraphFile.Load(Repo.GraphJson);
    private static readonly ActorId China = new("China");
    private static readonly ActorId Dprk = new("DPRK");
    private static readonly ActorId Us = new("US");
    private static readonly ActorId Un = new("UN");
    private static readonly ActorId Rok = new("ROK");
    private static readonly ActorId Kim = new("Kim-Jong-Un");
    private static readonly ActorId Xi = new("Xi-Jinping");

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
        GraphFile.LoadBundled().Relations.Should().Equal(Graph.Relations);
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

    [Fact]
    public void In2017_TheTriangleVerdict_FollowsFromWhatTheArticleSays()
    {
        var report = GroupReport.Of(GraphView.During(Graph, PartialDate.Parse("2017")), [Us, China, Dprk]);
        PairReport Pair(ActorId a, ActorId b) => report.Pairs.Single(p => p.First.Id == a && p.Second.Id == b);
        static string[] Ids(PairReport pair, Polarity polarity) => pair.Relations.Where(r => r.Polarity == polarity).Select(r => r.Id).Order(StringComparer.Ordinal).ToArray();

        // The article states no relation between the United States and China in 2017.
        Pair(Us, China).Relations.Should().BeEmpty();
        Pair(Us, China).Sign.Should().Be(PairSign.None);

        // "Pyongyang's face-off with the United States" is the only US-DPRK relation of 2017.
        Pair(Us, Dprk).Relations.Select(r => r.Id).Should().Equal("DPRK-US.hostility.2017");
        Pair(Us, Dprk).Sign.Should().Be(PairSign.Conflictual);

        // China-DPRK: the treaty and its defence duty, in force, against the year's warnings, turn, coal suspension,
        // state-media attacks and the November demand.
        Ids(Pair(China, Dprk), Polarity.Cooperative).Should().Equal("China-DPRK.defence-commitment.1961", "China-DPRK.treaty.1961");
        Ids(Pair(China, Dprk), Polarity.Conflictual).Should().Equal(
            "China-DPRK.criticism.2017", "China-DPRK.demand.2017-11", "China-DPRK.hostility.2017", "China-DPRK.sanctions.2017-02-2017", "DPRK-China.criticism.2017");
        Ids(Pair(China, Dprk), Polarity.Neutral).Should().BeEmpty();
        Pair(China, Dprk).Sign.Should().Be(PairSign.Mixed);

        report.Triads.Single().Balance.Should().Be(Balance.Open, "with no US-China relation the triad has no sign to balance");
    }

    [Fact]
    public void UsAndChina_AreRelated_OnlyByTheKoreanWar()
    {
        Graph.RelationsBetween(Us, China).Select(r => r.Id).Should().Equal("China-US.war.1950-1953");
    }

    [Theory]
    [InlineData("leverage in its dealing with the United States")]
    [InlineData("can no longer expect Beijing")]
    [InlineData("prepared to live with a nuclear North Korea")]
    [InlineData("appears willing to condemn")]
    [InlineData("concern was mounting in Beijing")]
    [InlineData("fearing the consequences")]
    [InlineData("unlikely to touch the breaking point")]
    [InlineData("partners of geopolitical necessity")]
    [InlineData("relatively close and friendly relations")]
    public void CapacitiesExpectationsDispositionsAndForecasts_AreNotEvidence(string passage)
    {
        var quoting = Graph.Relations.Select(r => (r.Id, r.Evidence)).Concat(Graph.Events.Select(e => (e.Id, e.Evidence)))
            .Where(item => item.Evidence.Any(e => e.Quote.Contains(passage, StringComparison.Ordinal))).Select(item => item.Id);

        quoting.Should().BeEmpty();
    }

    [Fact]
    public void The1993SwitchToCashTrade_IsAConflictualHardening_FromChina()
    {
        Graph.TryGetRelation("China-DPRK.trade-terms.1993", out var r).Should().BeTrue();

        r!.Kind.Should().Be(RelationKind.ReducedRelations);
        r.Polarity.Should().Be(Polarity.Conflictual);
        (r.Directed, r.Source, r.Target, r.Time.At).Should().Be((true, China, Dprk, PartialDate.Parse("1993")));
        r.Evidence.Should().Contain(e => e.Quote.Contains("pushed the North Korea’s economy to the verge of collapse", StringComparison.Ordinal));
    }

    [Fact]
    public void TheMidNinetiesCollapseOfTrade_IsARelationOfItsOwn()
    {
        var collapse = Between(China, Dprk, In("1995")).Where(r => r.Evidence.Any(e => e.Quote == "even as bilateral trade plummeted")).ToList();

        collapse.Should().ContainSingle().Which.Should().Match<Relation>(r =>
            r.Kind == RelationKind.ReducedRelations && !r.Directed
            && r.Time.Start == PartialDate.Parse("1994") && r.Time.End == PartialDate.Parse("1996"));
        Between(China, Dprk, In("1995")).Should().NotContain(r => r.Kind == RelationKind.Trade, "the article has trade falling, not flourishing, in the mid-1990s");
    }

    [Fact]
    public void TheLate2012LaunchAndXisRebuke_AreBetweenTheStates()
    {
        Between(Dprk, China, In("2012")).Should().Contain(r => r.Kind == RelationKind.Rejection && r.Source == Dprk && r.Target == China && r.Directed);
        Between(Dprk, China, In("2012")).Should().Contain(r => r.Kind == RelationKind.Appeal && r.Source == China && r.Target == Dprk);
        Between(Dprk, China, In("2013")).Should().Contain(r => r.Kind == RelationKind.Criticism && r.Source == China && r.Target == Dprk);
    }

    [Fact]
    public void EveryActBetweenXiAndKim_IsRecordedBetweenTheirStatesToo()
    {
        var leaders = Graph.RelationsBetween(Xi, Kim);
        ActorId StateOf(ActorId leader) => leader == Xi ? China : Dprk;

        leaders.Should().HaveCount(8);
        foreach (var act in leaders)
        {
            // The state-level twin has the leaders' id with their states' ids: Kim-Jong-Un-Xi-Jinping.summit.2018-03 -> DPRK-China.summit.2018-03.
            var twinId = act.Id.Replace("Kim-Jong-Un", "DPRK", StringComparison.Ordinal).Replace("Xi-Jinping", "China", StringComparison.Ordinal);
            Graph.TryGetRelation(twinId, out var twin).Should().BeTrue($"{act.Id} is leader to leader");
            (twin!.Kind, twin.Time, twin.Directed, twin.Source, twin.Target).Should().Be((act.Kind, act.Time, act.Directed, StateOf(act.Source), StateOf(act.Target)), twinId);
            twin.Evidence.Should().Contain(e => act.Evidence.Contains(e), $"{twinId} rests on the quote of {act.Id}");
        }
    }

    [Fact]
    public void TheYearsOfTheSummitsAfterMarch2018_AreSaidToComeFromTheWiderRecord()
    {
        string[] undated =
        [
            "DPRK-China.summit.2018.before-singapore", "DPRK-China.summit.2018.after-singapore", "DPRK-China.summit.2019.before-hanoi",
            "Kim-Jong-Un-Xi-Jinping.summit.2018.before-singapore", "Kim-Jong-Un-Xi-Jinping.summit.2018.after-singapore",
            "Kim-Jong-Un-Xi-Jinping.summit.2019.before-hanoi", "DPRK-US.summit.2018.singapore", "DPRK-US.summit.2019.hanoi",
        ];

        foreach (var id in undated)
        {
            Graph.TryGetRelation(id, out var r).Should().BeTrue(id);
            r!.Note.Should().Contain("comes from the wider record, not the article", id);
        }
    }

    [Fact]
    public void ADateNotInItsQuotes_IsExplainedInANote()
    {
        static bool Explained(TimeExtent time, IReadOnlyList<Evidence> evidence, string? note)
        {
            var quotes = string.Join(" ", evidence.Select(e => e.Quote));
            var years = new[] { time.Beginning, time.End ?? time.Beginning }.Select(d => d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return years.All(y => quotes.Contains(y, StringComparison.Ordinal)) || note is not null;
        }

        Graph.Relations.Where(r => !Explained(r.Time, r.Evidence, r.Note)).Select(r => r.Id).Should().BeEmpty();
        Graph.Events.Where(e => !Explained(e.Time, e.Evidence, e.Note)).Select(e => e.Id).Should().BeEmpty();
    }

    [Fact]
    public void TheArticle_EndsOn4September2021_AndOpenRelationsAreNotKnownAfter()
    {
        Graph.SourcesEnd.Should().Be(PartialDate.Parse("2021-09-04"));
        Graph.RelationsActiveIn(In("2021-09")).Should().Contain(r => r.Id == "China-DPRK.treaty.1961");
        Graph.RelationsActiveIn(In("2021-10")).Should().BeEmpty();
    }
}
