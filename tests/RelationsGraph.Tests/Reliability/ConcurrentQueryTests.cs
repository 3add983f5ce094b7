using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Storage;
using RelationsGraph.Time;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// One graph, and the same view objects, queried from 8 threads at once give exactly the answers of a sequential
/// run: slices, paths, k-shortest and time-respecting paths, neighbourhoods, group reports, timelines and diffs.
/// </summary>
public sealed class ConcurrentQueryTests
{
    private const int Threads = 8;

    [Fact]
    public void EightThreads_GiveTheSequentialAnswers_OnTheBundledGraph()
    {
        var graph = GraphFile.LoadBundled();
        var ids = graph.Actors.Select(a => a.Id).ToArray();

        ShouldAgree(Queries(graph, ids, new Random(1)));
    }

    [Fact]
    public void EightThreads_GiveTheSequentialAnswers_OnALargerRandomGraph()
    {
        var graph = Samples.Random(2026, actors: 40, relations: 1500);
        var ids = graph.Actors.Select(a => a.Id).ToArray();

        ShouldAgree(Queries(graph, ids, new Random(2)));
    }

    [Fact]
    public void SlicesOfRandomWindows_FromEightThreads_GiveTheSequentialAnswers()
    {
        var graph = Samples.Random(21, actors: 40, relations: 5000);
        var windows = Enumerable.Range(0, 64).Select(i => Samples.RandomWindow(new Random(i))).ToArray();
        var expected = windows.Select(w => graph.RelationsActiveIn(w).Select(r => r.Id).ToArray()).ToArray();
        var actual = new string[windows.Length][];

        Parallel.For(0, windows.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            actual[i] = graph.RelationsActiveIn(windows[i]).Select(r => r.Id).ToArray());

        actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Fact]
    public void FirstSlices_OfAFreshGraph_FromEightThreads_AtOnce_GiveTheSequentialAnswers()
    {
        // The time index is built by the first slice: eight threads ask for it together on a graph that has none yet.
        var windows = Enumerable.Range(0, Threads).Select(i => Samples.RandomWindow(new Random(100 + i))).ToArray();
        var sequential = Samples.Random(22, actors: 40, relations: 5000);
        var expected = windows.Select(w => sequential.RelationsActiveIn(w).Select(r => r.Id).ToArray()).ToArray();
        var fresh = Samples.Random(22, actors: 40, relations: 5000);
        var actual = new string[Threads][];
        using var start = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            actual[t] = fresh.RelationsActiveIn(windows[t]).Select(r => r.Id).ToArray();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    private static void ShouldAgree(List<Func<string>> queries)
    {
        var expected = queries.Select(q => q()).ToArray();
        var wrong = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var start = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            // Each thread asks everything in its own order, twice, starting together.
            var order = Enumerable.Range(0, queries.Count).OrderBy(_ => Random.Shared.Next()).ToArray();
            start.SignalAndWait();
            for (var round = 0; round < 2; round++)
            {
                foreach (var i in order)
                {
                    try
                    {
                        if (queries[i]() != expected[i])
                        {
                            wrong.Enqueue($"thread {t}, query {i}: a different answer");
                        }
                    }
                    catch (Exception e)
                    {
                        wrong.Enqueue($"thread {t}, query {i}: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        wrong.Should().BeEmpty();
    }

    /// <summary>
    /// A mix of every query, each returning its JSON. The views are built once and shared by all threads, so their
    /// lazily listed relations are computed under contention too.
    /// </summary>
    private static List<Func<string>> Queries(RelationGraph graph, ActorId[] ids, Random random)
    {
        var views = new List<GraphView>
        {
            GraphView.Of(graph),
            GraphView.During(graph, PartialDate.Parse("2017")),
            GraphView.Of(graph, TimeWindow.Between(PartialDate.Parse("1950"), PartialDate.Parse("1953"))),
            GraphView.Of(graph, TimeWindow.Since(PartialDate.Parse("2000-06"))),
            GraphView.Of(graph).WithPolarities(Polarity.Cooperative),
            GraphView.Of(graph, TimeWindow.Until(PartialDate.Parse("1992-08-24"))).WithKinds(RelationKind.All.Take(12)),
        };
        ActorId Any() => ids[random.Next(ids.Length)];
        GraphView AnyView() => views[random.Next(views.Count)];
        var queries = new List<Func<string>>();
        foreach (var view in views)
        {
            queries.Add(() => string.Join(",", view.Relations.Select(r => r.Id)));
            queries.Add(() => string.Join(",", view.Events.Select(e => e.Id)));
            queries.Add(() => string.Join(",", graph.RelationsActiveIn(view.Window).Select(r => r.Id)));
        }

        for (var i = 0; i < 12; i++)
        {
            var (view, from, to, directed) = (AnyView(), Any(), Any(), i % 2 == 0);
            queries.Add(() => Json(w => ResultJson.Write(w, view, PathFinder.Shortest(view, from, to, directed) is { } p ? [p] : [])));
            queries.Add(() => Json(w => ResultJson.Write(w, view, PathFinder.KShortest(view, from, to, 3, directed))));
            var after = PartialDate.Parse(random.Next(1945, 2020).ToString(System.Globalization.CultureInfo.InvariantCulture));
            queries.Add(() => Json(w => ResultJson.Write(w, view, PathFinder.TimeRespecting(view, from, to, after, directed) is { } p ? [p] : [])));
            queries.Add(() => Neighbourhood.Of(view, from, 1 + (i % 3), directed) is { } n ? Json(w => ResultJson.Write(w, view, n)) : "none");
            var group = ids.OrderBy(_ => random.Next()).Take(3 + (i % 2)).ToArray();
            queries.Add(() => Json(w => ResultJson.Write(w, GroupReport.Of(view, group))));
            queries.Add(() => Timeline.Of(view, from) is { } t ? Json(w => ResultJson.Write(w, view, t)) : "none");
            queries.Add(() => from != to && Timeline.Between(view, from, to) is { } t ? Json(w => ResultJson.Write(w, view, t)) : "none");
            var first = 1950 + random.Next(60);
            var (a, b) = (PartialDate.Parse($"{first}"), PartialDate.Parse($"{first + 1 + random.Next(10)}"));
            queries.Add(() => Json(w => ResultJson.Write(w, view, GraphDiff.Between(view, a, b))));
            var name = graph.Actors[random.Next(graph.Actors.Count)].Name.ToUpperInvariant();
            queries.Add(() => graph.FindActor(name).Actor?.Id.Value ?? "none");
        }

        return queries;
    }

    private static string Json(Action<TextWriter> write)
    {
        var text = new StringWriter { NewLine = "\n" };
        write(text);
        return text.ToString();
    }
}
