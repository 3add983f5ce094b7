using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Common;
using RelationsGraph.Storage;
using RelationsGraph.Time;
using RelationsGraph.Tests.Storage;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Graph;

public sealed class RelationGraphTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void RelationsActiveIn_EqualsABruteForceFilter_OnRandomGraphs(int seed)
    {
        var graph = Random(seed, actors: 30, relations: 3000);
        var random = new Random(seed * 7);
        for (var i = 0; i < 200; i++)
        {
            var window = RandomWindow(random);
            var expected = graph.Relations.Where(r => RelationsGraph.Tests.Queries.Oracle.Known(graph, r, window)).ToList();

            graph.RelationsActiveIn(window).Should().Equal(expected, $"window {window}: the relations sharing a day with it, by id");
        }
    }

    [Fact]
    public void RelationsActiveIn_ListsById_AsAViewDoes_ForAGraphLoadedAgain()
    {
        var first = Random(17, actors: 12, relations: 2000);
        var again = GraphFile.Load(new StringReader(GraphText.Of(first)));
        var window = TimeWindow.Between(new PartialDate(1950), new PartialDate(1990));

        again.RelationsActiveIn(window).Select(r => r.Id).Should().Equal(first.RelationsActiveIn(window).Select(r => r.Id));
        first.RelationsActiveIn(window).Select(r => r.Id).Should().BeInAscendingOrder(StringComparer.Ordinal);
        first.RelationsActiveIn(window).Should().Equal(GraphView.Of(first, window).Relations);
    }

    [Fact]
    public void RelationsActiveIn_FindsYearPrecisionRelation_FromAMonthWindow()
    {
        var graph = TwoActors(Relation("r1", "A", "B", At("2017")));

        graph.RelationsActiveIn(TimeWindow.During(PartialDate.Parse("2017-11"))).Select(r => r.Id).Should().Equal("r1");
        graph.RelationsActiveIn(TimeWindow.During(PartialDate.Parse("2018-01"))).Should().BeEmpty();
    }

    [Fact]
    public void ParallelRelations_BetweenTheSamePair_StayDistinct()
    {
        var graph = TwoActors(
            Relation("r1", "A", "B", At("2017"), RelationKind.Criticism, directed: true),
            Relation("r2", "A", "B", At("2017"), RelationKind.Criticism, directed: true),
            Relation("r3", "B", "A", Period("1961"), RelationKind.Treaty));

        graph.RelationsBetween(new ActorId("A"), new ActorId("B")).Select(r => r.Id).Should().Equal("r1", "r2", "r3");
        graph.RelationsBetween(new ActorId("B"), new ActorId("A")).Select(r => r.Id).Should().Equal("r1", "r2", "r3");
        graph.RelationsOf(new ActorId("A")).Should().HaveCount(3);
    }

    [Fact]
    public void RelationsOf_UnknownActor_IsEmpty()
    {
        TwoActors().RelationsOf(new ActorId("Nobody")).Should().BeEmpty();
    }

    [Fact]
    public void Lists_AreSortedById_WhateverTheOrderAdded()
    {
        var graph = new RelationGraphBuilder().Add(Source()).Add(Actor("B")).Add(Actor("A"))
            .Add(Relation("z", "A", "B", At("2000"))).Add(Relation("a", "A", "B", At("2001"))).Build();

        graph.Actors.Select(a => a.Id.Value).Should().Equal("A", "B");
        graph.Relations.Select(r => r.Id).Should().Equal("a", "z");
    }

    [Fact]
    public void Build_RejectsUnknownActor_WithASuggestion()
    {
        var build = () => new RelationGraphBuilder().Add(Source()).Add(Actor("DPRK")).Add(Actor("US"))
            .Add(Relation("r", "DPKR", "US", At("2017"))).Build();

        build.Should().Throw<GraphDataException>().WithMessage("Unknown actor 'DPKR'; did you mean 'DPRK'?");
    }

    [Fact]
    public void Build_RejectsUnknownEvidenceSource()
    {
        var build = () => new RelationGraphBuilder().Add(Actor("A")).Add(Actor("B")).Add(Relation("r", "A", "B", At("2017"))).Build();

        build.Should().Throw<GraphDataException>().WithMessage("Unknown source 'src'; evidence must cite the id of a source in \"sources\".");
    }

    [Fact]
    public void Build_RejectsTwoActorsSharingAnAlias()
    {
        var build = () => new RelationGraphBuilder().Add(Actor("A", ActorKind.State, "Korea")).Add(Actor("B", ActorKind.State, "KOREA")).Build();

        build.Should().Throw<GraphDataException>().WithMessage("Actor 'B' uses the name 'KOREA', which already names actor 'A'*");
    }

    [Fact]
    public void Add_RejectsDuplicateId()
    {
        var add = () => new RelationGraphBuilder().Add(Actor("A")).Add(Actor("A"));

        add.Should().Throw<GraphDataException>().WithMessage("Duplicate actor id 'A'; ids must be unique.");
    }

    [Theory]
    [InlineData("dprk")]
    [InlineData("North Korea")]
    [InlineData("NORTH KOREA")]
    [InlineData("pyongyang")]
    [InlineData("  DPRK ")]
    public void FindActor_MatchesIdNameOrAlias_IgnoringCase(string text)
    {
        var graph = new RelationGraphBuilder()
            .Add(new Actor(new ActorId("DPRK"), "North Korea", ActorKind.State, ["Pyongyang"]))
            .Add(new Actor(new ActorId("ROK"), "South Korea", ActorKind.State, ["Seoul"]))
            .Build();

        graph.FindActor(text).Actor!.Id.Should().Be(new ActorId("DPRK"));
    }

    [Fact]
    public void FindActor_Miss_SuggestsTheClosestName()
    {
        var graph = new RelationGraphBuilder()
            .Add(new Actor(new ActorId("DPRK"), "North Korea", ActorKind.State, ["Pyongyang"]))
            .Add(new Actor(new ActorId("ROK"), "South Korea", ActorKind.State, ["Seoul"]))
            .Build();

        var match = graph.FindActor("Nort Korea");

        match.IsFound.Should().BeFalse();
        match.ToString().Should().Be("unknown actor 'Nort Korea'; did you mean 'North Korea' (DPRK)?");
    }

    [Fact]
    public void FindActor_Fragment_SuggestsEveryActorContainingIt()
    {
        var graph = new RelationGraphBuilder()
            .Add(new Actor(new ActorId("DPRK"), "North Korea", ActorKind.State))
            .Add(new Actor(new ActorId("ROK"), "South Korea", ActorKind.State))
            .Build();

        graph.FindActor("Korea").ToString().Should().Be("unknown actor 'Korea'; did you mean 'North Korea' (DPRK) or 'South Korea' (ROK)?");
    }

    [Fact]
    public void FindActor_Initials_SuggestTheNamesTheySpell_StatesFirst()
    {
        var graph = new RelationGraphBuilder()
            .Add(new Actor(new ActorId("Urmas-Sutt"), "Urmas Sutt", ActorKind.Person))
            .Add(new Actor(new ActorId("United-States"), "United States", ActorKind.State))
            .Add(new Actor(new ActorId("United-Arab-Emirates"), "United Arab Emirates", ActorKind.State))
            .Add(new Actor(new ActorId("Bank-of-England"), "Bank of England", ActorKind.Organization))
            .Build();

        graph.FindActor("US").ToString().Should().Be("unknown actor 'US'; did you mean 'United States' (United-States) or 'Urmas Sutt' (Urmas-Sutt)?");
        graph.FindActor("UAE").ToString().Should().Be("unknown actor 'UAE'; did you mean 'United Arab Emirates' (United-Arab-Emirates)?");
        graph.FindActor("BE").ToString().Should().Be("unknown actor 'BE'; did you mean 'Bank of England' (Bank-of-England)?", "small words are left out");
        graph.FindActor("ua").ToString().Should().NotContain("United", "initials are asked for in capitals");
    }

    [Fact]
    public void FindActor_NothingClose_PointsToTheActorList()
    {
        TwoActors().FindActor("Atlantis").ToString().Should().Be("unknown actor 'Atlantis'; 'relgraph actors' lists the known actors.");
    }

    private static RelationGraph TwoActors(params Relation[] relations)
    {
        var builder = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B"));
        foreach (var r in relations)
        {
            builder.Add(r);
        }

        return builder.Build();
    }
}
