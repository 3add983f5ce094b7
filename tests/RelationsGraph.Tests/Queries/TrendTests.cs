using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Storage;
using RelationsGraph.Time;

namespace RelationsGraph.Tests.Queries;

public sealed class TrendTests
{
    private static readonly RelationsGraph.Graph.RelationGraph Bundled = GraphFile.LoadBundled();

    [Theory]
    [InlineData(TrendStep.Year, "1949", "2021")]
    [InlineData(TrendStep.Month, "2016", "2019")]
    [InlineData(TrendStep.Day, "2017-01", "2017-03")]
    public void Of_CountsPerPeriod_WhatAViewOfThatPeriodHolds(TrendStep step, string from, string to)
    {
        var view = GraphView.Of(Bundled, TimeWindow.Between(PartialDate.Parse(from), PartialDate.Parse(to)));

        var trend = Trend.Of(view, new ActorId("China"), new ActorId("DPRK"), step);

        trend.Periods.Should().NotBeEmpty();
        foreach (var period in trend.Periods)
        {
            // The oracle: the view of that one period, asked relation by relation.
            var slice = GraphView.During(Bundled, period.Period);
            var between = Bundled.Relations.Where(r => r.Involves(new ActorId("China")) && r.Involves(new ActorId("DPRK")) && slice.Contains(r)).ToList();
            period.Cooperative.Should().Be(between.Count(r => r.Polarity == Polarity.Cooperative), $"cooperative in {period.Period}");
            period.Conflictual.Should().Be(between.Count(r => r.Polarity == Polarity.Conflictual), $"conflictual in {period.Period}");
            period.Neutral.Should().Be(between.Count(r => r.Polarity == Polarity.Neutral), $"neutral in {period.Period}");
            period.Goldstein.Should().BeNull("the article's relations carry no CAMEO weight");
        }
    }

    [Fact]
    public void Of_EachPeriodOfTheWindow_InOrder_EmptyOnesToo()
    {
        var view = GraphView.Of(Bundled, TimeWindow.Between(new PartialDate(1949), new PartialDate(2021)));

        var trend = Trend.Of(view, new ActorId("China"), new ActorId("DPRK"));

        trend.Periods.Select(p => p.Period.Year).Should().Equal(Enumerable.Range(1949, 73));
        trend.Window.ToString().Should().Be("1949/2021");
    }

    [Fact]
    public void Of_AnOpenWindow_RunsFromThePairsFirstRelation_ToItsLastKnownDay()
    {
        var trend = Trend.Of(GraphView.Of(Bundled), new ActorId("China"), new ActorId("DPRK"));

        trend.Window.ToString().Should().Be("1949/2021", "the first relation is of 1949 and the sources end in 2021");
    }

    [Fact]
    public void Of_ImportedEvents_SumTheirGoldsteinWeights_PerDay()
    {
        var graph = RelationsGraph.Import.IcewsImport.Read(
            Repo.File("tests", "RelationsGraph.Tests", "Import", "Fixtures", "icews-triangle"), Path.Combine(Path.GetTempPath(), "trend.json")).Graph;
        var us = new ActorId("United-States");
        var china = new ActorId("China");

        var trend = Trend.Of(GraphView.Of(graph, TimeWindow.During(new PartialDate(2018, 9))), us, china, TrendStep.Day);

        trend.Periods.Should().HaveCount(30);
        foreach (var period in trend.Periods)
        {
            var that = graph.Relations.Where(r => r.Involves(us) && r.Involves(china) && r.Time.Beginning == period.Period).ToList();
            period.Total.Should().Be(that.Count);
            var weights = that.Select(r => RelationsGraph.Import.CameoCoding.Of(r)!.Goldstein!.Value).ToList();
            period.Goldstein.Should().Be(weights.Count == 0 ? null : Math.Round(weights.Sum(), 1));
        }
    }

    [Fact]
    public void Of_TooManyPeriods_IsRefusedWithASentence()
    {
        var view = GraphView.Of(Bundled, TimeWindow.Between(new PartialDate(1900), new PartialDate(2021)));

        var act = () => Trend.Of(view, new ActorId("China"), new ActorId("DPRK"), TrendStep.Day);

        act.Should().Throw<ArgumentException>().WithMessage("The window 1900/2021 holds 44,560 periods of a day; a trend holds at most 40,000*");
    }

    [Fact]
    public void Of_OneActorTwice_IsRefused()
    {
        var act = () => Trend.Of(GraphView.Of(Bundled), new ActorId("China"), new ActorId("China"));

        act.Should().Throw<ArgumentException>().WithParameterName("second");
    }
}
