using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Tests;

/// <summary>Small hand-made and random graphs for tests.</summary>
internal static class Samples
{
    public static readonly Evidence Quote = new("src", "a quote");

    public static Source Source() => new("src", "Title", "Author", "Publisher", PartialDate.Parse("2021-09-04"), "seeds/x.txt", new string('0', 64));

    public static Actor Actor(string id, ActorKind kind = ActorKind.State, params string[] aliases) =>
        new(new ActorId(id), id + " name", kind, aliases);

    public static Relation Relation(string id, string source, string target, TimeExtent time, RelationKind? kind = null, bool directed = false) =>
        new(id, kind ?? RelationKind.Treaty, new ActorId(source), new ActorId(target), time, "label " + id, [Quote], directed);

    public static TimeExtent At(string date) => TimeExtent.Point(PartialDate.Parse(date));

    public static TimeExtent Period(string start, string? end = null) =>
        TimeExtent.Period(PartialDate.Parse(start), end is null ? null : PartialDate.Parse(end));

    /// <summary>A random graph: dates at mixed precision, about 60 % points and 40 % periods, some open.</summary>
    public static RelationGraph Random(int seed, int actors, int relations)
    {
        var random = new Random(seed);
        var builder = new RelationGraphBuilder().Add(Source());
        for (var i = 0; i < actors; i++)
        {
            builder.Add(Actor($"A{i}"));
        }

        for (var i = 0; i < relations; i++)
        {
            var s = random.Next(actors);
            var t = (s + 1 + random.Next(actors - 1)) % actors;
            var kind = RelationKind.All[random.Next(RelationKind.All.Count)];
            var time = RandomExtent(random);
            builder.Add(new Relation($"r{i:D5}", kind, new ActorId($"A{s}"), new ActorId($"A{t}"), time, "label", [Quote], random.Next(2) == 0));
        }

        return builder.Build();
    }

    public static PartialDate RandomDate(Random random)
    {
        var year = random.Next(1940, 2030);
        return random.Next(3) switch
        {
            0 => new PartialDate(year),
            1 => new PartialDate(year, random.Next(1, 13)),
            _ => PartialDate.FromDateOnly(new DateOnly(year, 1, 1).AddDays(random.Next(365))),
        };
    }

    public static TimeExtent RandomExtent(Random random)
    {
        var start = RandomDate(random);
        if (random.NextDouble() < 0.6)
        {
            return TimeExtent.Point(start);
        }

        if (random.NextDouble() < 0.2)
        {
            return TimeExtent.Period(start);
        }

        PartialDate end;
        do
        {
            end = RandomDate(random);
        }
        while (end.LastDay < start.FirstDay);
        return TimeExtent.Period(start, end);
    }

    public static TimeWindow RandomWindow(Random random)
    {
        var a = RandomDate(random);
        return random.Next(6) switch
        {
            0 => TimeWindow.Since(a),
            1 => TimeWindow.Until(a),
            2 => TimeWindow.During(a),
            _ => Between(a, RandomDate(random)),
        };
    }

    private static TimeWindow Between(PartialDate a, PartialDate b) =>
        b.LastDay < a.FirstDay ? TimeWindow.Between(b, a) : TimeWindow.Between(a, b);
}
