using System.Globalization;
using Newtonsoft.Json;
using RelationsGraph.Model;
using RelationsGraph.Storage;
using RelationsGraph.Time;

namespace RelationsGraph.Bench;

/// <summary>
/// Deterministic synthetic graphs in graph.json form: N actors (US, China, DPRK, then A0003 …), M relations between
/// actors drawn with Zipf-like skew (actor i has weight 1/(i+1)^0.8), about 60 % points and 40 % periods (a sixth of
/// them open), dates from 1900 to 2025 at year, month or day precision, each with a label and a one-quote evidence.
/// Relation i (id <c>R{i}</c>) is made from the seed and i alone, so a file of any size is written as a stream, in
/// any order, in three layouts of the same graph: the library's own (as <c>GraphFile.Save</c> writes it: ids
/// sorted, two-space indent), one compact line in the order made (R0, R1, …, R10, …, as a script writes it), and
/// pretty-printed with every object's keys and the relations shuffled. The same arguments give the same bytes.
/// </summary>
internal sealed class Generator
{
    public const string SourceId = "synthetic";

    public static readonly string[] Layouts = ["own", "compact", "pretty-shuffled"];

    private static readonly RelationKind[] Kinds = RelationKind.All.Where(k => k.CameoRoot is not null).ToArray();
    private readonly double[] cumulative;
    private readonly ulong seed;

    public Generator(int actors, int relations, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(actors, 3);
        Actors = actors;
        Relations = relations;
        this.seed = (ulong)seed;
        cumulative = new double[actors];
        var total = 0.0;
        for (var i = 0; i < actors; i++)
        {
            total += 1.0 / Math.Pow(i + 1, 0.8);
            cumulative[i] = total;
        }
    }

    public int Actors { get; }

    public int Relations { get; }

    public static Source Source { get; } = new(SourceId, "Synthetic relations", "relgraph-bench", "RelationsGraph", new PartialDate(2025), "synthetic.txt", new string('0', 64));

    public static string ActorIdOf(int i) => i switch
    {
        0 => "US",
        1 => "China",
        2 => "DPRK",
        _ => string.Create(CultureInfo.InvariantCulture, $"A{i:D4}"),
    };

    /// <summary>The i-th actor of a graph of <paramref name="actors"/>: US, China and DPRK first, a quarter states.</summary>
    public static Actor ActorOf(int i, int actors)
    {
        var name = i switch { 0 => "United States", 1 => "China", 2 => "North Korea", _ => string.Create(CultureInfo.InvariantCulture, $"Actor {i}") };
        return new Actor(new ActorId(ActorIdOf(i)), name, i < actors / 4 ? ActorKind.State : (ActorKind)(i % 4));
    }

    public Actor ActorAt(int i) => ActorOf(i, Actors);

    /// <summary>Relation i's draws, from the seed and i alone: its two actors (numbers as made), its kind, its time and direction.</summary>
    public (int Source, int Target, RelationKind Kind, TimeExtent Time, bool Directed) Draw(int i)
    {
        var random = new SplitMix((seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)i * 0xBF58476D1CE4E5B9UL));
        var s = Pick(random);
        int t;
        do
        {
            t = Pick(random);
        }
        while (t == s);

        var kind = Kinds[random.Next(Kinds.Length)];
        var time = Extent(random);
        return (s, t, kind, time, random.Next(3) > 0);
    }

    /// <summary>Relation i (id R{i}), made from the seed and i alone.</summary>
    public Relation RelationAt(int i)
    {
        var (s, t, kind, time, directed) = Draw(i);
        var (source, target) = (ActorIdOf(s), ActorIdOf(t));
        return new Relation(
            IdOf(i), kind, new ActorId(source), new ActorId(target), time, LabelOf(kind, source, target),
            [new Evidence(SourceId, QuoteOf(i, kind, source, target, time))],
            directed);
    }

    public static string IdOf(int i) => string.Create(CultureInfo.InvariantCulture, $"R{i}");

    public static string LabelOf(RelationKind kind, string source, string target) => $"{kind.Name} {source} {target}";

    public static string QuoteOf(int i, RelationKind kind, string source, string target, TimeExtent time) =>
        string.Create(CultureInfo.InvariantCulture, $"Synthetic report {i} of {kind.Name} between {source} and {target}, {time}.");

    /// <summary>Writes the graph in a layout to a file, relation by relation.</summary>
    public void Write(string path, string layout)
    {
        using var text = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        var actors = Enumerable.Range(0, Actors).Select(ActorAt);
        switch (layout)
        {
            case "own":
                // What GraphFile.Save writes for this graph: the library's own writer, lists sorted by id.
                GraphJsonWriter.Write(text, [Source], actors.OrderBy(a => a.Id.Value, StringComparer.Ordinal), OrdinalOrder(Relations).Select(RelationAt), []);
                break;
            case "compact":
                WriteCompact(text, actors);
                break;
            case "pretty-shuffled":
                WriteShuffled(text, actors);
                break;
            default:
                throw new ArgumentException($"Unknown layout '{layout}'; expected {string.Join(", ", Layouts)}.", nameof(layout));
        }
    }

    /// <summary>0 … n − 1 in the ordinal order of their decimal text ("R0" &lt; "R1" &lt; "R10" &lt; "R100" &lt; "R11" …), as saved files list ids.</summary>
    public static IEnumerable<int> OrdinalOrder(int n)
    {
        if (n > 0)
        {
            yield return 0;
        }

        for (var x = 1; x < n;)
        {
            yield return x;
            if ((long)x * 10 < n)
            {
                x *= 10;
                continue;
            }

            while (x % 10 == 9 || x + 1 >= n)
            {
                x /= 10;
                if (x == 0)
                {
                    yield break;
                }
            }

            x++;
        }
    }

    /// <summary>The graph.json object opened, its format version and source written, and its actors array begun.</summary>
    private static void WriteHead(JsonWriter json)
    {
        json.WriteStartObject();
        json.WritePropertyName("formatVersion");
        json.WriteValue(1);
        json.WritePropertyName("sources");
        json.WriteStartArray();
        GraphJsonWriter.WriteSource(json, Source);
        json.WriteEndArray();
        json.WritePropertyName("actors");
        json.WriteStartArray();
    }

    private void WriteCompact(StreamWriter text, IEnumerable<Actor> actors)
    {
        using var json = new JsonTextWriter(text) { Formatting = Formatting.None, CloseOutput = false };
        WriteHead(json);
        foreach (var actor in actors)
        {
            GraphJsonWriter.WriteActor(json, actor);
        }

        json.WriteEndArray();
        json.WritePropertyName("relations");
        json.WriteStartArray();
        for (var i = 0; i < Relations; i++)
        {
            GraphJsonWriter.WriteRelation(json, RelationAt(i));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteShuffled(StreamWriter text, IEnumerable<Actor> actors)
    {
        var random = new SplitMix(seed ^ 0x5DEECE66DUL);
        using var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 4, CloseOutput = false };
        WriteHead(json);
        foreach (var actor in actors)
        {
            Shuffled(json, random, ("id", actor.Id.Value), ("kind", actor.Kind.Name()), ("name", actor.Name));
        }

        json.WriteEndArray();
        json.WritePropertyName("relations");
        json.WriteStartArray();
        var order = Enumerable.Range(0, Relations).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        foreach (var i in order)
        {
            var r = RelationAt(i);
            var properties = new List<(string, object?)>
            {
                ("id", r.Id), ("kind", r.Kind.Name), ("source", r.Source.Value), ("target", r.Target.Value), ("directed", r.Directed), ("label", r.Label),
                ("evidence", r.Evidence),
            };
            if (r.Time.At is { } at)
            {
                properties.Add(("at", at.ToString()));
            }
            else
            {
                properties.Add(("start", r.Time.Start!.Value.ToString()));
                properties.Add(("end", r.Time.End?.ToString()));
            }

            Shuffled(json, random, [.. properties]);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>An object with its properties in random order; evidence as an array of objects with shuffled keys too.</summary>
    private static void Shuffled(JsonWriter json, SplitMix random, params (string Name, object? Value)[] properties)
    {
        for (var i = properties.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (properties[i], properties[j]) = (properties[j], properties[i]);
        }

        json.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            json.WritePropertyName(name);
            if (value is IReadOnlyList<Evidence> evidence)
            {
                json.WriteStartArray();
                foreach (var item in evidence)
                {
                    Shuffled(json, random, ("source", item.Source), ("quote", item.Quote));
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteValue(value);
            }
        }

        json.WriteEndObject();
    }

    private int Pick(SplitMix random)
    {
        var x = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private static TimeExtent Extent(SplitMix random)
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

    private static PartialDate Date(SplitMix random, int fromYear, int toYear)
    {
        var year = fromYear + random.Next(toYear - fromYear + 1);
        var precision = random.Next(10);
        if (precision < 2)
        {
            return new PartialDate(year);
        }

        var month = 1 + random.Next(12);
        return precision < 5 ? new PartialDate(year, month) : new PartialDate(year, month, 1 + random.Next(DateTime.DaysInMonth(year, month)));
    }

    /// <summary>SplitMix64: a small, fast generator whose whole state is one number, so relation i can start from (seed, i).</summary>
    private sealed class SplitMix(ulong state)
    {
        public ulong NextUInt64()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public int Next(int bound) => (int)(NextUInt64() % (ulong)bound);

        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
    }
}
