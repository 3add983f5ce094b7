using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Storage;
using RelationsGraph.Tests.Console;
using RelationsGraph.Time;

namespace RelationsGraph.Tests.Storage;

/// <summary>
/// A snapshot read for a report on some actors (<see cref="SnapshotReader.ReadTouching"/>: only the rows of their
/// relations) answers it as the whole graph does, and holds exactly those relations.
/// </summary>
public sealed class ReadTouchingTests : IDisposable
{
    // 150,000 relations among 30 actors: three record batches of the snapshot, each pair's rows in one or two of them.
    private static readonly Lazy<RelationGraph> Big = new(() => Samples.Random(31, actors: 30, relations: 150_000));

    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-touching-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void TrianglesAndGroups_OnASnapshot_AnswerAsOnTheSameGraphReadWhole()
    {
        var random = new Random(5);

        // Three actors or four, any of them (their pairs lie in any of the batches), in a year, as text or JSON.
        ShouldAnswerAlike(10, (i, ids) =>
        {
            var picked = ids.OrderBy(_ => random.Next()).Take(i % 3 == 2 ? 4 : 3).ToArray();
            return [picked.Length == 3 ? "triangle" : "group", .. picked, "--in", random.Next(1945, 2025).ToString()];
        });
    }

    [Fact]
    public void TimelinesAndTrends_OnASnapshot_AnswerAsOnTheSameGraphReadWhole()
    {
        var random = new Random(6);

        // One actor's timeline, a pair's, or a pair's trend; a year, a span, or all time; as text or JSON.
        ShouldAnswerAlike(9, (i, ids) =>
        {
            var picked = ids.OrderBy(_ => random.Next()).Take(i % 3 == 0 ? 1 : 2).ToArray();
            string[] window = (i % 3) switch
            {
                0 => ["--in", random.Next(1945, 2025).ToString()],
                1 => ["--from", "1960", "--to", "1975"],
                _ => [],
            };
            return [i % 3 == 2 ? "trend" : "timeline", .. picked, .. window];
        });
    }

    [Theory]
    [InlineData("how did the US–China–DPRK triangle look in 2017?")]
    [InlineData("how is the U.S. connected to Pyongyang in 2017?")]
    [InlineData("who was North Korea close to in 1953?")]
    [InlineData("history of China and North Korea between 1950 and 1992")]
    [InlineData("what changed between 2016 and 2018?")]
    [InlineData("tell me about Kim Jong Un")]
    [InlineData("summits of Beijing and Pyongyang since 2018")]
    [InlineData("how did Atlantis and China get along?")]
    public void Ask_OnASnapshot_AnswersAsOnTheSameGraphJson(string question)
    {
        // A question is read against the actors alone (no relation read), then answered by the command it becomes.
        var json = Repo.File("graph.json");
        var arrows = Path.Combine(folder, "graph.arrows");
        GraphFile.Save(arrows, GraphFile.Load(json));

        var onJson = CliRunner.Run("ask", question, "--graph", json);
        var onSnapshot = CliRunner.Run("ask", question, "--graph", arrows);

        onSnapshot.Should().Be(onJson);
    }

    [Theory]
    [InlineData("A0,A1,A10", null)]
    [InlineData("A5,A17,A29", "1990/1999")]
    [InlineData("A3", "2017")]
    public void ReadTouching_HoldsExactlyTheRelationsOfTheActors_ThatMeetTheWindow(string actors, string? years)
    {
        var arrows = Path.Combine(folder, "g.arrows");
        GraphFile.Save(arrows, Big.Value);
        var ids = actors.Split(',').Select(a => new ActorId(a)).ToArray();
        var window = years is null ? null
            : years.Contains('/') ? TimeWindow.Between(PartialDate.Parse(years.Split('/')[0]), PartialDate.Parse(years.Split('/')[1]))
            : TimeWindow.During(PartialDate.Parse(years));

        var touching = SnapshotReader.ReadTouching(arrows, window, _ => ids);

        var expected = (window is null ? Big.Value.Relations : Big.Value.RelationsActiveIn(window))
            .Where(r => ids.Contains(r.Source) || ids.Contains(r.Target)).Select(r => r.Id);
        touching.Relations.Select(r => r.Id).Should().Equal(expected);
        touching.Relations.Count.Should().BeLessThan(Big.Value.Relations.Count);
        touching.Actors.Should().HaveCount(30);
        touching.Coverage.Should().Be(window ?? TimeWindow.All);
    }

    /// <summary>
    /// Asks <paramref name="count"/> questions (command and arguments, made from the question's number and the actor
    /// ids) of the big graph saved as graph.json and as a snapshot, every other one as JSON: the answers must agree.
    /// </summary>
    private void ShouldAnswerAlike(int count, Func<int, string[], string[]> question)
    {
        var (json, arrows) = (Path.Combine(folder, "g.json"), Path.Combine(folder, "g.arrows"));
        GraphFile.Save(json, Big.Value);
        GraphFile.Save(arrows, Big.Value);
        var ids = Big.Value.Actors.Select(a => a.Id.Value).ToArray();
        for (var i = 0; i < count; i++)
        {
            string[] asked = [.. question(i, ids), .. i % 2 == 0 ? ["--format", "json"] : Array.Empty<string>()];

            var whole = CliRunner.Run([.. asked, "--graph", json]);
            var touching = CliRunner.Run([.. asked, "--graph", arrows]);

            touching.Should().Be(whole, $"'{string.Join(' ', asked)}' reads only its actors' rows of the snapshot");
            whole.Output.Should().NotBeEmpty();
        }
    }
}
