using System.Text;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Storage;
using RelationsGraph.Time;
using RelationsGraph.Tests.Console;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Storage;

/// <summary>
/// A file loaded with <see cref="GraphLoadOptions.Window"/> keeps only the relations active in the window. It
/// must hold exactly the graph's relations active there (and every actor, source and event), answer every
/// query inside the window as the whole graph does, refuse views outside it, and fail on a bad file with
/// exactly the whole read's error. Both the ordinary windowed read and the parallel one are checked, the
/// parallel one forced on small files.
/// </summary>
public sealed class WindowedLoadTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-window-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(601, 0L)]
    [InlineData(602, long.MaxValue)]
    [InlineData(603, 0L)]
    [InlineData(604, long.MaxValue)]
    public void AWindowedLoad_HoldsExactlyTheRelationsActiveInTheWindow(int seed, long parallelFrom)
    {
        var random = new Random(seed);
        var full = Random(seed, 15, 600);
        var path = Save(full);
        for (var i = 0; i < 12; i++)
        {
            var window = RandomWindow(random);
            var graph = GraphJsonReader.ReadFile(path, GraphLoadOptions.Default with { Window = window }, parallelFrom);

            graph.Coverage.Should().Be(window);
            Text(graph).Should().Be(Text(Narrowed(full, window)), $"window {window}");
        }
    }

    [Theory]
    [InlineData(605)]
    [InlineData(606)]
    public void ASnapshotLoadedWithAWindow_HoldsWhatGraphJsonLoadedWithItHolds(int seed)
    {
        var random = new Random(seed);
        var full = Random(seed, 15, 600);
        var (json, snapshot) = (Save(full), Save(full, ".arrows"));
        for (var i = 0; i < 12; i++)
        {
            var window = RandomWindow(random);
            var fromSnapshot = GraphFile.Load(snapshot, GraphLoadOptions.Default with { Window = window });

            fromSnapshot.Coverage.Should().Be(window);
            Text(fromSnapshot).Should().Be(Text(GraphFile.Load(json, GraphLoadOptions.Default with { Window = window })), $"window {window}");
            Text(fromSnapshot).Should().Be(Text(Narrowed(full, window)), $"window {window}");
        }
    }

    [Theory]
    [InlineData(611, ".json")]
    [InlineData(612, ".json")]
    [InlineData(613, ".arrows")]
    [InlineData(614, ".arrows")]
    public void QueriesInsideTheWindow_AnswerAsOnTheWholeGraph(int seed, string extension)
    {
        var random = new Random(seed);
        var full = Random(seed, 10, 500);
        var path = Save(full, extension);
        for (var i = 0; i < 10; i++)
        {
            var window = TimeWindow.Between(new PartialDate(1950 + random.Next(60)), new PartialDate(2010 + random.Next(20)));
            var graph = GraphFile.Load(path, GraphLoadOptions.Default with { Window = window });
            var inner = TimeWindow.During(new PartialDate(window.From!.Value.Year + random.Next(window.To!.Value.Year - window.From!.Value.Year + 1)));
            foreach (var w in new[] { window, inner })
            {
                ActorId a = new($"A{random.Next(10)}"), b = new($"A{random.Next(10)}"), c = new($"A{random.Next(10)}");
                var group = a != b && b != c && a != c && w.Previous() is { } previous && window.Contains(previous);
                Answers(GraphView.Of(graph, w), a, b, c, group).Should().Be(Answers(GraphView.Of(full, w), a, b, c, group), $"window {w}");
            }

            // The whole window's triangle has no year before it in this graph: no comparison rather than a false one.
            var report = GroupReport.Of(GraphView.Of(graph, window), [new("A0"), new("A1"), new("A2")]);
            report.PreviousWindow.Should().BeNull();
            report.Changes.Should().BeEmpty();
            report.Pairs.Select(p => p.Relations).Should().BeEquivalentTo(
                GroupReport.Of(GraphView.Of(full, window), [new("A0"), new("A1"), new("A2")]).Pairs.Select(p => p.Relations), o => o.WithStrictOrdering());
        }
    }

    [Fact]
    public void ViewsOutsideTheWindow_AreRefused_NotAnsweredFromHalfTheData()
    {
        var path = Save(Random(621, 8, 200));
        var graph = GraphFile.Load(path, GraphLoadOptions.Default with { Window = TimeWindow.Between(new PartialDate(1990), new PartialDate(1999)) });

        GraphView.Of(graph, TimeWindow.During(new PartialDate(1995))).Relations.Should().NotBeEmpty();
        var outside = () => GraphView.Of(graph, TimeWindow.During(new PartialDate(2000)));
        outside.Should().Throw<ArgumentException>().WithMessage("*loaded for 1990/1999 only*cannot answer for 2000*");
        ((Action)(() => GraphView.Of(graph))).Should().Throw<ArgumentException>();
        ((Action)(() => GraphView.Of(graph, TimeWindow.During(new PartialDate(1995))).WithWindow(TimeWindow.Since(new PartialDate(1995)))))
            .Should().Throw<ArgumentException>();
        ((Action)(() => graph.RelationsActiveIn(TimeWindow.Until(new PartialDate(1995))))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void AFileTheWindowedReadCannotVouchFor_IsReadWhole()
    {
        // Relations before the actors: a relation left out could not have its actors checked as it is read.
        var full = Random(631, 6, 80);
        var json = Newtonsoft.Json.Linq.JObject.Parse(Text(full));
        var reordered = new Newtonsoft.Json.Linq.JObject
        {
            ["formatVersion"] = json["formatVersion"],
            ["relations"] = json["relations"],
            ["sources"] = json["sources"],
            ["actors"] = json["actors"],
        };
        var path = Path.Combine(folder, "relations-first.json");
        File.WriteAllText(path, reordered.ToString());

        var graph = GraphFile.Load(path, GraphLoadOptions.Default with { Window = TimeWindow.During(new PartialDate(2000)) });

        graph.Coverage.Should().Be(TimeWindow.All);
        Text(graph).Should().Be(Text(full));
    }

    [Fact]
    public void FromATextReader_TheGraphIsReadWhole()
    {
        var full = Random(632, 6, 80);
        var graph = GraphFile.Load(new StringReader(Text(full)), null, GraphLoadOptions.Default with { Window = TimeWindow.During(new PartialDate(2000)) });

        graph.Coverage.Should().Be(TimeWindow.All);
        graph.Relations.Should().HaveCount(80);
    }

    [Theory]
    [InlineData(641, 0L)]
    [InlineData(642, long.MaxValue)]
    public void MutatedFiles_GiveTheWholeReadsError_Exactly(int seed, long parallelFrom)
    {
        var original = File.ReadAllBytes(Save(Random(seed, 12, 400)));
        var random = new Random(seed);
        var path = Path.Combine(folder, "mutated.json");
        var window = TimeWindow.Between(new PartialDate(1980), new PartialDate(1990));
        for (var i = 0; i < 120; i++)
        {
            var text = Encoding.UTF8.GetString(original);
            var bytes = (i % 4) switch
            {
                // A byte anywhere, mostly in relations the window leaves out.
                0 => Mutate(original, random),
                // A relation's id repeated elsewhere, most likely between two relations the window leaves out.
                1 => Encoding.UTF8.GetBytes(text.Replace(
                    $"\"id\": \"r{random.Next(200, 400):D5}\"", $"\"id\": \"r{random.Next(0, 200):D5}\"", StringComparison.Ordinal)),
                // An unknown actor in some relations, or one relation's label blank or not a string.
                2 => Encoding.UTF8.GetBytes(text.Replace($"\"target\": \"A{random.Next(12)}\"", "\"target\": \"Nobody\"", StringComparison.Ordinal)),
                _ => Encoding.UTF8.GetBytes(ReplaceOne(text, "\"label\": \"label\"", random.Next(2) == 0 ? "\"label\": 5" : "\"label\": \" \"", random)),
            };

            File.WriteAllBytes(path, bytes);
            var windowed = Outcome(() => GraphJsonReader.ReadFile(path, GraphLoadOptions.Default with { Window = window }, parallelFrom));
            var whole = Outcome(() => GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, long.MaxValue));
            if (whole.StartsWith("error: ", StringComparison.Ordinal))
            {
                windowed.Should().Be(whole, $"mutation {i}");
            }
            else
            {
                // A valid file the windowed read cannot vouch for (say, a mutated id now out of order) is read whole.
                var loaded = GraphJsonReader.ReadFile(path, GraphLoadOptions.Default with { Window = window }, parallelFrom);
                var expected = loaded.Coverage.Equals(TimeWindow.All)
                    ? whole
                    : Outcome(() => Narrowed(GraphJsonReader.ReadFile(path, GraphLoadOptions.Default, long.MaxValue), window));
                windowed.Should().Be(expected, $"mutation {i}");
                loaded.Coverage.Should().BeOneOf(window, TimeWindow.All);
            }
        }
    }

    [Theory]
    [InlineData(".json")]
    [InlineData(".arrows")]
    public void TheConsole_LoadsOnlyTheWindowAQueryNeeds_AndAnswersAsTheWholeGraphDoes(string extension)
    {
        var full = Random(651, 8, 400);
        var path = Save(full, extension);
        var window = TimeWindow.During(new PartialDate(1990));
        var view = GraphView.Of(full, window);
        ActorId[] three = [new("A1"), new("A2"), new("A3")];

        // The triangle also compares with the year before, so it must load 1989 too.
        Json(w => ResultJson.Write(w, GroupReport.Of(view, three)))
            .Should().Be(CliRunner.Run("triangle", "A1", "A2", "A3", "--in", "1990", "--graph", path, "--format", "json").Output);
        Json(w => ResultJson.Write(w, view, Neighbourhood.Of(view, three[0], 2)!))
            .Should().Be(CliRunner.Run("neighbours", "A1", "--depth", "2", "--in", "1990", "--graph", path, "--format", "json").Output);
        Json(w => ResultJson.Write(w, view, PathFinder.KShortest(view, three[0], three[1], 1)))
            .Should().Be(CliRunner.Run("path", "A1", "A2", "--in", "1990", "--graph", path, "--format", "json").Output);
        Json(w => ResultJson.Write(w, view, Timeline.Between(view, three[0], three[1])!))
            .Should().Be(CliRunner.Run("timeline", "A1", "A2", "--in", "1990", "--graph", path, "--format", "json").Output);
    }

    [Fact]
    public void TimeWindowContains_TellsWhetherEveryDayOfAWindowIsInside()
    {
        var nineties = TimeWindow.Between(new PartialDate(1990), new PartialDate(1999));

        nineties.Contains(TimeWindow.During(new PartialDate(1990, 1))).Should().BeTrue();
        nineties.Contains(TimeWindow.During(new PartialDate(1999, 12, 31))).Should().BeTrue();
        nineties.Contains(nineties).Should().BeTrue();
        nineties.Contains(TimeWindow.During(new PartialDate(2000, 1, 1))).Should().BeFalse();
        nineties.Contains(TimeWindow.Between(new PartialDate(1989, 12), new PartialDate(1995))).Should().BeFalse();
        nineties.Contains(TimeWindow.Since(new PartialDate(1995))).Should().BeFalse();
        TimeWindow.All.Contains(TimeWindow.Until(new PartialDate(1995))).Should().BeTrue();
        TimeWindow.Since(new PartialDate(1995)).Contains(TimeWindow.All).Should().BeFalse();
    }

    private static string Answers(GraphView view, ActorId a, ActorId b, ActorId c, bool group)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", view.Relations.Select(r => r.Id)));
        if (group)
        {
            text.AppendLine(Json(w => ResultJson.Write(w, GroupReport.Of(view, [a, b, c]))));
        }

        text.AppendLine(Json(w => ResultJson.Write(w, view, Neighbourhood.Of(view, a, 2)!)));
        text.AppendLine(Json(w => ResultJson.Write(w, view, PathFinder.KShortest(view, a, b, 2))));
        return text.ToString();
    }

    private static RelationGraph Narrowed(RelationGraph graph, TimeWindow window)
    {
        // The load keeps what the dates meet, an open period even past its sources' date (queries clip it).
        var builder = GraphText.Rebuild(graph, graph.Relations.Where(r => r.Time.Overlaps(window)));
        foreach (var actorEvent in graph.Events)
        {
            builder.Add(actorEvent);
        }

        return builder.Build();
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        bytes[random.Next(bytes.Length)] = (byte)"{}[],:\"x0 \n"[random.Next(11)];
        return bytes;
    }

    private static string ReplaceOne(string text, string what, string with, Random random)
    {
        var at = -1;
        for (var skip = random.Next(400); skip >= 0; skip--)
        {
            var next = text.IndexOf(what, at + 1, StringComparison.Ordinal);
            if (next < 0)
            {
                break;
            }

            at = next;
        }

        return text[..at] + with + text[(at + what.Length)..];
    }

    private static string Outcome(Func<RelationGraph> load) => GraphText.Outcome(load);

    private static string Json(Action<TextWriter> write)
    {
        var writer = new StringWriter { NewLine = "\n" };
        write(writer);
        return writer.ToString();
    }

    private static string Text(RelationGraph graph) => GraphText.Of(graph);

    private string Save(RelationGraph graph, string extension = ".json")
    {
        var path = Path.Combine(folder, $"graph-{Guid.NewGuid():N}{extension}");
        GraphFile.Save(path, graph);
        return path;
    }
}
