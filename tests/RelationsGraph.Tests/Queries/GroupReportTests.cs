using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using RelationsGraph.Storage;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Queries;

public sealed class GroupReportTests
{
    private static readonly ActorId[] Abc = [new("A"), new("B"), new("C")];

    private static RelationGraph Triangle(params Relation[] relations)
    {
        var builder = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B")).Add(Actor("C")).Add(Actor("D"));
        foreach (var r in relations)
        {
            builder.Add(r);
        }

        return builder.Build();
    }

    private static GroupReport Read(RelationGraph graph, string year = "2017") =>
        GroupReport.Of(GraphView.During(graph, PartialDate.Parse(year)), Abc);

    [Fact]
    public void Triad_ThreeFriends_IsBalanced()
    {
        var report = Read(Triangle(
            Relation("ab", "A", "B", At("2017"), RelationKind.Ally),
            Relation("ac", "A", "C", At("2017"), RelationKind.Trade),
            Relation("bc", "B", "C", At("2017"), RelationKind.Summit)));

        report.Triads.Should().ContainSingle().Which.Balance.Should().Be(Balance.Balanced);
    }

    [Fact]
    public void Triad_TwoFriendsWithACommonEnemy_IsBalanced()
    {
        var report = Read(Triangle(
            Relation("ab", "A", "B", At("2017"), RelationKind.Ally),
            Relation("ac", "A", "C", At("2017"), RelationKind.War),
            Relation("bc", "B", "C", At("2017"), RelationKind.Sanctions)));

        report.Triads[0].Balance.Should().Be(Balance.Balanced);
        report.Triads[0].Explanation.Should().Be("A–B + × A–C − × B–C − = + → balanced");
    }

    [Fact]
    public void Triad_ThreeEnemies_IsUnbalanced()
    {
        var report = Read(Triangle(
            Relation("ab", "A", "B", At("2017"), RelationKind.Hostility),
            Relation("ac", "A", "C", At("2017"), RelationKind.War),
            Relation("bc", "B", "C", At("2017"), RelationKind.Sanctions)));

        report.Triads[0].Balance.Should().Be(Balance.Unbalanced);
    }

    [Fact]
    public void Triad_WithAMissingPair_IsOpen()
    {
        var report = Read(Triangle(
            Relation("ab", "A", "B", At("2017"), RelationKind.Ally),
            Relation("ac", "A", "C", At("2017"), RelationKind.War)));

        report.Pairs.Select(p => p.Sign).Should().Equal(PairSign.Cooperative, PairSign.Conflictual, PairSign.None);
        report.Triads[0].Balance.Should().Be(Balance.Open);
    }

    [Fact]
    public void Triad_WithOnlyNeutralRelationsInAPair_IsOpen()
    {
        var report = Read(Triangle(
            Relation("ab", "A", "B", At("2017"), RelationKind.Ally),
            Relation("ac", "A", "C", At("2017"), RelationKind.War),
            Relation("bc", "B", "C", At("2017"), RelationKind.Statement)));

        report.Pairs[2].Sign.Should().Be(PairSign.Neutral);
        report.Triads[0].Balance.Should().Be(Balance.Open);
    }

    [Fact]
    public void MixedPair_CountsByItsMajority_AndATieIsAmbiguous()
    {
        var majority = Read(Triangle(
            Relation("ab1", "A", "B", At("2017"), RelationKind.Ally),
            Relation("ab2", "A", "B", At("2017"), RelationKind.Criticism),
            Relation("ab3", "A", "B", At("2017"), RelationKind.Sanctions),
            Relation("ac", "A", "C", At("2017"), RelationKind.War),
            Relation("bc", "B", "C", At("2017"), RelationKind.War)));
        var tie = Read(Triangle(
            Relation("ab1", "A", "B", At("2017"), RelationKind.Ally),
            Relation("ab2", "A", "B", At("2017"), RelationKind.Criticism),
            Relation("ac", "A", "C", At("2017"), RelationKind.War),
            Relation("bc", "B", "C", At("2017"), RelationKind.War)));

        majority.Pairs[0].Sign.Should().Be(PairSign.Mixed);
        majority.Triads[0].Balance.Should().Be(Balance.Unbalanced);
        majority.Triads[0].Explanation.Should().StartWith("A–B mixed (1+ 2−, counted −)");
        tie.Triads[0].Balance.Should().Be(Balance.Ambiguous);
    }

    [Fact]
    public void Changes_CompareWithThePreviousYear()
    {
        var report = Read(Triangle(
            Relation("ab-old", "A", "B", At("2016"), RelationKind.Ally),
            Relation("ab-new", "A", "B", At("2017"), RelationKind.War),
            Relation("ac", "A", "C", Period("2010"), RelationKind.Trade)));

        report.PreviousWindow.Should().Be(TimeWindow.During(PartialDate.Parse("2016")));
        var ab = report.Changes[0];
        (ab.Before, ab.After).Should().Be((PairSign.Cooperative, PairSign.Conflictual));
        ab.Added.Select(r => r.Id).Should().Equal("ab-new");
        ab.Dropped.Select(r => r.Id).Should().Equal("ab-old");
        report.Changes[1].Added.Should().BeEmpty("a period in force both years is not a change");
    }

    [Fact]
    public void Context_HoldsRelationsWithOneMemberOnly()
    {
        var report = Read(Triangle(
            Relation("ab", "A", "B", At("2017")),
            Relation("ad", "A", "D", At("2017")),
            Relation("bd-old", "B", "D", At("2015"))));

        report.Context.Select(r => r.Id).Should().Equal("ad");
    }

    [Fact]
    public void Of_RejectsTheSameActorTwice()
    {
        var act = () => GroupReport.Of(GraphView.Of(Triangle()), [new ActorId("A"), new ActorId("A")]);

        act.Should().Throw<ArgumentException>().WithMessage("Actor 'A' is given twice*").Which.ParamName.Should().Be("actors");
    }

    [Fact]
    public void OnTheRealGraph_The2017Triangle_IsOpen_WithAMixedChinaDprkPair()
    {
        var graph = GraphFile.Load(Repo.GraphJson);

        var report = GroupReport.Of(GraphView.During(graph, PartialDate.Parse("2017")), [new ActorId("US"), new ActorId("China"), new ActorId("DPRK")]);

        var chinaDprk = report.Pairs.Single(p => p.First.Id.Value == "China" && p.Second.Id.Value == "DPRK");
        chinaDprk.Sign.Should().Be(PairSign.Mixed);
        chinaDprk.Relations.Should().Contain(r => r.Kind == RelationKind.Treaty)
            .And.Contain(r => r.Kind == RelationKind.Sanctions && r.Time.Beginning == PartialDate.Parse("2017-02"));
        chinaDprk.Relations.Should().Contain(r => r.Kind == RelationKind.Criticism && r.Source.Value == "DPRK", "North Korea's state media attacked China")
            .And.Contain(r => r.Kind == RelationKind.Criticism && r.Source.Value == "China", "China reacted with sharp warnings");
        report.Pairs.Single(p => p.Second.Id.Value == "DPRK" && p.First.Id.Value == "US").Sign.Should().Be(PairSign.Conflictual);
        report.Pairs.Single(p => p.First.Id.Value == "US" && p.Second.Id.Value == "China").Sign.Should().Be(PairSign.None);
        report.Triads.Single().Balance.Should().Be(Balance.Open);
        report.Events.Should().Contain(e => e.Kind == EventKind.MissileTest && e.Time.At == PartialDate.Parse("2017-11"));
        report.Context.Should().Contain(r => r.Source.Value == "China" && r.Target.Value == "UN" && r.Kind == RelationKind.Support);
    }
}
