using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Tests.Console;
using RelationsGraph.Time;
using RelationsGraph.Storage;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Graph;

/// <summary>What a source can know: an open period holds up to its sources' date, and answers past it say so.</summary>
public sealed class SourceHorizonTests
{
    private static readonly RelationGraph Bundled = GraphFile.Load(Repo.GraphJson);

    private static Source SourceOf(string id, string published) =>
        new(id, "Title " + id, "Author", "Publisher", PartialDate.Parse(published), $"seeds/{id}.txt", new string('0', 64));

    private static Relation Cited(string id, TimeExtent time, params string[] sources) =>
        new(id, RelationKind.Treaty, new ActorId("A"), new ActorId("B"), time, "label " + id, sources.Select(s => new Evidence(s, "a quote")));

    private static RelationGraph TwoSources(params Relation[] relations)
    {
        var builder = new RelationGraphBuilder().Add(SourceOf("old", "2010")).Add(SourceOf("new", "2021-09-04"))
            .Add(Actor("A")).Add(Actor("B"));
        foreach (var r in relations)
        {
            builder.Add(r);
        }

        return builder.Build();
    }

    private static TimeWindow In(string date) => TimeWindow.During(PartialDate.Parse(date));

    [Fact]
    public void LastKnownDay_OfAnOpenPeriod_IsItsSourcesPublicationDay()
    {
        var graph = TwoSources(Cited("r", Period("1961"), "new"));

        graph.LastKnownDay(graph.Relations[0]).Should().Be(new DateOnly(2021, 9, 4));
    }

    [Fact]
    public void LastKnownDay_OfAnOpenPeriod_CitingTwoSources_IsTheLatestPublication()
    {
        var graph = TwoSources(Cited("r", Period("1961"), "old", "new"), Cited("s", Period("1961"), "old"));

        graph.LastKnownDay(graph.Relations[0]).Should().Be(new DateOnly(2021, 9, 4));
        graph.LastKnownDay(graph.Relations[1]).Should().Be(new DateOnly(2010, 12, 31), "a source dated 2010 is read as of the end of 2010");
    }

    [Fact]
    public void LastKnownDay_OfPointsAndClosedPeriods_IsTheirOwnLastDay_EvenPastTheirSources()
    {
        var graph = TwoSources(Cited("closed", Period("2001", "2015-03"), "old"), Cited("point", At("2012-07"), "old"));

        graph.LastKnownDay(graph.Relations[0]).Should().Be(new DateOnly(2015, 3, 31));
        graph.LastKnownDay(graph.Relations[1]).Should().Be(new DateOnly(2012, 7, 31));
    }

    [Fact]
    public void LastKnownDay_OfAnOpenPeriodStartingAfterItsSources_IsTheLastDayOfItsStart()
    {
        var graph = TwoSources(Cited("r", Period("2012-05"), "old"));

        graph.LastKnownDay(graph.Relations[0]).Should().Be(new DateOnly(2012, 5, 31));
    }

    [Fact]
    public void LastKnownDay_OfARelationCitingNoSourceOfTheGraph_IsUnknown()
    {
        var graph = TwoSources();

        graph.LastKnownDay(Cited("r", Period("1961"), "elsewhere")).Should().BeNull();
    }

    [Fact]
    public void LastKnownDay_NullRelation_IsRejected()
    {
        var act = () => Bundled.LastKnownDay((Relation)null!);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("relation");
    }

    [Theory]
    [InlineData("2021-09-04", true)]
    [InlineData("2021-09", true)]
    [InlineData("2021-09-05", false)]
    [InlineData("2021-10", false)]
    [InlineData("2035", false)]
    public void AnOpenPeriod_IsActive_UpToItsSourcesDate_AndNotAfter(string window, bool active)
    {
        var graph = TwoSources(Cited("r", Period("1961"), "new"));

        graph.RelationsActiveIn(In(window)).Any().Should().Be(active);
        GraphView.Of(graph, In(window)).Contains(graph.Relations[0]).Should().Be(active);
        GraphView.Of(graph, In(window)).Relations.Any().Should().Be(active);
    }

    [Fact]
    public void AnOpenEvent_HappensUpToItsSourcesDate_AndNotAfter()
    {
        var graph = new RelationGraphBuilder().Add(SourceOf("old", "2010")).Add(Actor("A"))
            .Add(new ActorEvent("e", EventKind.Crisis, new ActorId("A"), Period("2005"), "a crisis", [new Evidence("old", "a quote")]))
            .Build();

        graph.EventsActiveIn(In("2010-12")).Should().ContainSingle();
        graph.EventsActiveIn(In("2011")).Should().BeEmpty();
        Timeline.Of(GraphView.Of(graph, In("2011")), new ActorId("A"))!.Entries.Should().BeEmpty();
    }

    [Fact]
    public void SourcesEnd_IsTheLatestPublication_AndNullWithoutSources()
    {
        TwoSources().SourcesEnd.Should().Be(PartialDate.Parse("2021-09-04"));
        RelationGraph.Empty.SourcesEnd.Should().BeNull();
        GraphView.Of(RelationGraph.Empty).BeyondSources.Should().BeNull("a graph with no source has nothing to say about its horizon");
    }

    [Theory]
    [InlineData("2021", true)]
    [InlineData("2021-09", true)]
    [InlineData("2021-09-04", false)]
    [InlineData("2020", false)]
    public void BeyondSources_SaysSo_WhenTheWindowReachesPastTheSources(string window, bool past)
    {
        var view = GraphView.Of(Bundled, In(window));

        view.BeyondSources.Should().Be(past ? "the sources end 2021-09-04; nothing is known after" : null);
    }

    [Fact]
    public void BeyondSources_OfAnOpenWindow_SaysSo()
    {
        GraphView.Of(Bundled).BeyondSources.Should().NotBeNull();
        GraphView.Of(Bundled, TimeWindow.Until(PartialDate.Parse("2000"))).BeyondSources.Should().BeNull();
    }

    [Fact]
    public void TheBundledTriangle_In2035_HasNoRelation()
    {
        var report = GroupReport.Of(GraphView.During(Bundled, PartialDate.Parse("2035")), [new ActorId("US"), new ActorId("China"), new ActorId("DPRK")]);

        report.Pairs.Should().OnlyContain(p => p.Relations.Count == 0);
        report.Context.Should().BeEmpty();
    }

    [Fact]
    public void TheBundledTreaty_IsInForceIn2021_ButNotKnownIn2022()
    {
        var treaty = Bundled.Relations.Single(r => r.Id == "China-DPRK.treaty.1961");

        GraphView.During(Bundled, PartialDate.Parse("2021")).Contains(treaty).Should().BeTrue();
        GraphView.During(Bundled, PartialDate.Parse("2022")).Contains(treaty).Should().BeFalse();
    }

    [Fact]
    public void Diff_AcrossTheHorizon_SaysNothingEnded_AndCarriesTheNote()
    {
        var diff = GraphDiff.Between(GraphView.Of(Bundled), PartialDate.Parse("2020"), PartialDate.Parse("2035"));

        diff.Ended.Should().BeEmpty("the sources stop knowing about open periods; they do not say those ended");
        diff.Started.Should().BeEmpty("nothing is known to be in force in 2035");
        diff.BeyondSources.Should().Be("the sources end 2021-09-04; nothing is known after");
        diff.SourcesEnd.Should().Be(PartialDate.Parse("2021-09-04"));
    }

    [Fact]
    public void Diff_AcrossTheHorizon_StillListsPeriodsWhoseStatedEndCameBefore()
    {
        var diff = GraphDiff.Between(GraphView.Of(Bundled), PartialDate.Parse("2017"), PartialDate.Parse("2035"));

        diff.Ended.Should().NotBeEmpty().And.OnlyContain(r => r.Time.End != null);
    }

    [Fact]
    public void Diff_WithinTheSources_HasNoNote()
    {
        GraphDiff.Between(GraphView.Of(Bundled), PartialDate.Parse("2016"), PartialDate.Parse("2018")).BeyondSources.Should().BeNull();
    }

    [Fact]
    public void ATimeRespectingPath_CannotUseAnOpenPeriodAfterItsSourcesDate()
    {
        var graph = TwoSources(Cited("r", Period("1961"), "old"));

        PathFinder.TimeRespecting(GraphView.Of(graph), new ActorId("A"), new ActorId("B"), PartialDate.Parse("2010-06")).Should().NotBeNull();
        PathFinder.TimeRespecting(GraphView.Of(graph), new ActorId("A"), new ActorId("B"), PartialDate.Parse("2011")).Should().BeNull();
    }

    [Fact]
    public void Console_Triangle2035_ShowsNoRelation_AndSaysWhereTheSourcesEnd()
    {
        var (code, output, _) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2035");

        code.Should().Be(1, "no relation is a miss");
        output.Should().Contain("Note: the sources end 2021-09-04; nothing is known after.");
        output.Should().Contain("United States – China: no relation").And.Contain("China – North Korea: no relation").And.Contain("United States – North Korea: no relation");
    }

    [Fact]
    public void Console_Triangle2035_InJson_CarriesTheNote()
    {
        var (code, output, _) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2035", "--format", "json");
        var json = Newtonsoft.Json.Linq.JObject.Parse(output);

        code.Should().Be(1, "no relation is a miss");
        ((string?)json["sourcesEnd"]).Should().Be("2021-09-04");
        ((string?)json["beyondSources"]).Should().Be("the sources end 2021-09-04; nothing is known after");
    }

    [Fact]
    public void Console_Triangle2017_HasNoNote()
    {
        var (_, output, _) = CliRunner.Run("triangle", "US", "China", "DPRK", "--in", "2017");

        output.Should().NotContain("nothing is known after");
    }
}
