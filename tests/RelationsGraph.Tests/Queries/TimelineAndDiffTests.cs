using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using RelationsGraph.Storage;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Queries;

public sealed class TimelineAndDiffTests
{
    private static readonly RelationGraph Real = GraphFile.Load(Repo.GraphJson);

    [Fact]
    public void Timeline_OrdersByBeginning_EventsFirstOnTheSameDate()
    {
        var graph = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B"))
            .Add(Relation("r2", "A", "B", At("2017-02")))
            .Add(Relation("r1", "A", "B", At("2017")))
            .Add(Relation("r0", "A", "B", Period("1961")))
            .Add(new ActorEvent("e1", EventKind.MissileTest, new ActorId("A"), At("2017-02"), "test", [Quote]))
            .Build();

        var timeline = Timeline.Between(GraphView.Of(graph), new ActorId("A"), new ActorId("B"))!;

        timeline.Entries.Select(e => e.Id).Should().Equal("r0", "r1", "e1", "r2");
    }

    [Fact]
    public void Timeline_OfChosenKinds_HasThoseRelationsAlone_NoEvents()
    {
        var view = GraphView.Of(Real).WithKinds(RelationKind.DiplomaticRelations);

        var timeline = Timeline.Between(view, new ActorId("China"), new ActorId("ROK"))!;

        timeline.Entries.Should().NotBeEmpty().And.OnlyContain(e => e.Event == null && e.Relation!.Kind == RelationKind.DiplomaticRelations);
        timeline.Entries[0].Time.Beginning.Year.Should().Be(1992, "China recognised South Korea in 1992 and the founding of the PRC is an event, not a hit");
    }

    [Fact]
    public void Timeline_OfChinaAndDprk_StartsBefore1950_AndHasTheTreatyBeforeTheBorderSettlement()
    {
        var timeline = Timeline.Between(GraphView.Of(Real), new ActorId("China"), new ActorId("DPRK"))!;
        var ids = timeline.Entries.Select(e => e.Id).ToList();

        timeline.Entries[0].Time.Beginning.Year.Should().BeLessThanOrEqualTo(1950);
        ids.IndexOf("China-DPRK.treaty.1961").Should().BeLessThan(ids.FindIndex(id => id.Contains("1962", StringComparison.Ordinal)));
        timeline.Entries.Should().Contain(e => e.Event != null && e.Event.Kind == EventKind.NuclearTest);
        timeline.Entries.Select(e => e.Time.Beginning).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Timeline_InAWindow_KeepsOnlyWhatOverlapsIt()
    {
        var view = GraphView.Of(Real, TimeWindow.Between(PartialDate.Parse("2018"), PartialDate.Parse("2019")));

        var timeline = Timeline.Between(view, new ActorId("Kim-Jong-Un"), new ActorId("Xi-Jinping"))!;

        timeline.Entries.Should().NotBeEmpty().And.OnlyContain(e => e.Time.Overlaps(view.Window));
        timeline.Entries.Should().Contain(e => e.Relation != null && e.Relation.Time.At == PartialDate.Parse("2019-06-20"));
    }

    [Fact]
    public void Diff_SplitsStartedEndedAndHappened()
    {
        var graph = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B"))
            .Add(Relation("ends", "A", "B", Period("2010", "2016-06")))
            .Add(Relation("starts", "A", "B", Period("2017-03")))
            .Add(Relation("continues", "A", "B", Period("2000")))
            .Add(Relation("point-2016", "A", "B", At("2016")))
            .Add(Relation("point-2017", "A", "B", At("2017-05")))
            .Add(Relation("point-2018", "A", "B", At("2018")))
            .Add(Relation("point-2019", "A", "B", At("2019")))
            .Add(Relation("came-and-went", "A", "B", Period("2017-02", "2017")))
            .Build();

        var diff = GraphDiff.Between(GraphView.Of(graph), PartialDate.Parse("2016"), PartialDate.Parse("2018"));

        diff.Started.Select(r => r.Id).Should().Equal("starts");
        diff.Ended.Select(r => r.Id).Should().Equal("ends");
        diff.Happened.Select(r => r.Id).Should().Equal("came-and-went", "point-2017", "point-2018");
    }

    [Fact]
    public void Diff_From2016To2018_OnTheRealGraph_HasThe2018SummitsAndThe2017CoalSuspension()
    {
        var diff = GraphDiff.Between(GraphView.Of(Real), PartialDate.Parse("2016"), PartialDate.Parse("2018"));

        diff.Happened.Should().Contain(r => r.Kind == RelationKind.Summit && r.Time.Beginning.Year == 2018);
        diff.Happened.Should().Contain(r => r.Kind == RelationKind.Sanctions && r.Time.Beginning == PartialDate.Parse("2017-02"));
        diff.Events.Should().Contain(e => e.Kind == EventKind.MissileTest);
    }

    [Fact]
    public void Diff_RejectsASecondDateNotAfterTheFirst()
    {
        var act = () => GraphDiff.Between(GraphView.Of(Real), PartialDate.Parse("2018"), PartialDate.Parse("2018-05"));

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("to");
    }
}
