using System.Globalization;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Bench;

/// <summary>
/// Deterministic synthetic graphs in graph.json form: N actors (A0000 …, the first three named US, China
/// and DPRK), M relations between actors drawn with Zipf-like skew (actor i has weight 1/(i+1)^0.8), about
/// 60 % points and 40 % periods (a sixth of them open), dates from 1900 to 2025 at year, month or day
/// precision, each relation with a label and a one-quote evidence. The same arguments give the same bytes.
/// </summary>
internal static class Generator
{
    public const string SourceId = "synthetic";

    public static RelationGraph Build(int actors, int relations, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(actors, 3);
        var random = new Random(seed);
        var builder = new RelationGraphBuilder();
        builder.Add(new Source(SourceId, "Synthetic relations", "relgraph-bench", "RelationsGraph", new PartialDate(2025), "synthetic.txt", new string('0', 64)));
        var ids = new ActorId[actors];
        for (var i = 0; i < actors; i++)
        {
            var actor = ActorOf(i, actors);
            ids[i] = actor.Id;
            builder.Add(actor);
        }

        var cumulative = new double[actors];
        var total = 0.0;
        for (var i = 0; i < actors; i++)
        {
            total += 1.0 / Math.Pow(i + 1, 0.8);
            cumulative[i] = total;
        }

        var kinds = RelationKind.All.Where(k => k.CameoRoot is not null).ToArray();
        for (var r = 0; r < relations; r++)
        {
            var (s, t, k, time, directed) = Draw(random, cumulative, total, kinds);
            var kind = kinds[k];
            var id = string.Create(CultureInfo.InvariantCulture, $"r{r:D8}");
            builder.Add(new Relation(
                id, kind, ids[s], ids[t], time, $"{kind.Name} {ids[s]} {ids[t]}",
                [new Evidence(SourceId, string.Create(CultureInfo.InvariantCulture, $"Synthetic report {r} of {kind.Name} between {ids[s]} and {ids[t]}, {time}."))],
                directed));
        }

        return builder.Build();
    }

    /// <summary>The i-th actor of a graph of <paramref name="actors"/>: US, China and DPRK first, a quarter states.</summary>
    public static Actor ActorOf(int i, int actors)
    {
        var name = i switch { 0 => "United States", 1 => "China", 2 => "North Korea", _ => string.Create(CultureInfo.InvariantCulture, $"Actor {i}") };
        return new Actor(new ActorId(ActorIdOf(i)), name, i < actors / 4 ? ActorKind.State : (ActorKind)(i % 4));
    }

    /// <summary>One relation's draws, in the order the generator makes them: its two actors, its kind (an index into <paramref name="kinds"/>), its time and direction.</summary>
    public static (int Source, int Target, int Kind, TimeExtent Time, bool Directed) Draw(Random random, double[] cumulative, double total, RelationKind[] kinds)
    {
        var s = Pick(random, cumulative, total);
        int t;
        do
        {
            t = Pick(random, cumulative, total);
        }
        while (t == s);

        var kind = random.Next(kinds.Length);
        var time = Extent(random);
        return (s, t, kind, time, random.Next(3) > 0);
    }

    public static string ActorIdOf(int i) => i switch
    {
        0 => "US",
        1 => "China",
        2 => "DPRK",
        _ => string.Create(CultureInfo.InvariantCulture, $"A{i:D4}"),
    };

    private static int Pick(Random random, double[] cumulative, double total)
    {
        var x = random.NextDouble() * total;
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private static TimeExtent Extent(Random random)
    {
        var start = Date(random, 1900, 2025);
        if (random.NextDouble() < 0.6)
        {
            return TimeExtent.Point(start);
        }

        if (random.Next(6) == 0)
        {
            return TimeExtent.Period(start);
        }

        var years = (int)Math.Min(2025 - start.Year, Math.Floor(-Math.Log(1 - random.NextDouble()) * 4));
        var endYear = start.Year + years;
        var end = Date(random, endYear, endYear);
        return end.LastDay < start.FirstDay ? TimeExtent.Period(start, new PartialDate(endYear)) : TimeExtent.Period(start, end);
    }

    private static PartialDate Date(Random random, int fromYear, int toYear)
    {
        var year = random.Next(fromYear, toYear + 1);
        var precision = random.Next(10);
        if (precision < 2)
        {
            return new PartialDate(year);
        }

        var month = random.Next(1, 13);
        return precision < 5 ? new PartialDate(year, month) : new PartialDate(year, month, random.Next(1, DateTime.DaysInMonth(year, month) + 1));
    }
}
