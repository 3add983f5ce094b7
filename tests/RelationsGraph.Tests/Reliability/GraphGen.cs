using CsCheck;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// CsCheck generators of valid graphs that stress the file format: text with quotes, backslashes, control and
/// format characters, line separators, astral characters and JSON punctuation; aliases and codes; dates at every
/// precision from year 1 to 9999; points, closed and open periods; notes; events; several sources.
/// </summary>
internal static class GraphGen
{
    private static readonly string[] Awkward =
    [
        "\"", "\\", "/", "\n", "\r\n", "\t", "\u0000", "\u001F", "\u007F", "\u0085", "é", "ß", "中", "\uFEFF", "\u2028",
        "\u202E", "\u200D", "\uD83D\uDCA5", "\uD834\uDD1E", "'", "<", ">", "&", "{", "}", "[", "]", ":", ",", "\u00A0", "Ω", "\\u0041", "−",
    ];

    /// <summary>Text the model accepts: not empty or white space, well-formed UTF-16, anything else allowed.</summary>
    public static Gen<string> Text { get; } =
        Gen.Frequency(
            (12, Gen.Char['a', 'z'].Select(c => c.ToString())),
            (3, Gen.Char['A', 'Z'].Select(c => c.ToString())),
            (3, Gen.Const(" ")),
            (5, Gen.OneOf(Awkward)))
        .Array[1, 14].Select(string.Concat).Where(s => !string.IsNullOrWhiteSpace(s));

    public static Gen<string?> Note { get; } = Gen.Frequency(
        (3, Gen.Const((string?)null)),
        (1, Gen.OneOf<string?>(" ", "\t\n")),
        (4, Text.Select(t => (string?)t)));

    /// <summary>A date at any precision, with the edges of the range (years 1 and 9999, leap days) more likely.</summary>
    public static Gen<PartialDate> Date { get; } =
        Gen.Select(
            Gen.Frequency((1, Gen.Int[1, 3]), (1, Gen.Int[9997, 9999]), (6, Gen.Int[1900, 2030]), (2, Gen.Int[1, 9999])),
            Gen.Int[0, 2],
            Gen.Int[1, 12],
            Gen.Int[1, 31],
            (year, precision, month, day) => precision switch
            {
                0 => new PartialDate(year),
                1 => new PartialDate(year, month),
                _ => new PartialDate(year, month, Math.Min(day, DateTime.DaysInMonth(year, month))),
            });

    public static Gen<TimeExtent> Time { get; } =
        Gen.Select(Gen.Int[0, 9], Date, Date, (shape, a, b) =>
        {
            if (shape < 5)
            {
                return TimeExtent.Point(a);
            }

            if (shape < 7)
            {
                return TimeExtent.Period(a);
            }

            return b.LastDay < a.FirstDay ? TimeExtent.Period(b, a) : TimeExtent.Period(a, b);
        });

    private static readonly Gen<string> Upper = Gen.Char['A', 'Z'].Select(c => c.ToString());

    private static readonly Gen<ActorCodes?> Codes = Gen.Frequency(
        (2, Gen.Const((ActorCodes?)null)),
        (3, Gen.Select(
            Gen.Frequency((1, Gen.Const((string?)null)), (2, Upper.Array[3].Select(a => (string?)string.Concat(a)))),
            Gen.Frequency((1, Gen.Const((int?)null)), (2, Gen.Int[1, 999].Select(i => (int?)i))),
            Gen.Frequency((1, Gen.Const((string?)null)), (2, Gen.Frequency((3, Upper), (1, Gen.Char['0', '9'].Select(c => c.ToString()))).Array[3, 9].Select(a => (string?)string.Concat(a)))),
            (iso3, cow, cameo) => (ActorCodes?)new ActorCodes { Iso3 = iso3, Cow = cow, Cameo = cameo })));

    private sealed record ActorSpec(string Name, string[] Aliases, ActorKind Kind, ActorCodes? Codes);

    private sealed record ItemSpec(int From, int Offset, int Kind, TimeExtent Time, string Label, (int Source, string Quote)[] Evidence, bool Directed, string? Note);

    private static readonly Gen<ActorSpec> Actor =
        Gen.Select(Text, Text.Array[0, 3], Gen.Enum<ActorKind>(), Codes, (name, aliases, kind, codes) => new ActorSpec(name, aliases, kind, codes));

    private static readonly Gen<ItemSpec> Item =
        Gen.Select(
            Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000], Time, Text,
            Gen.Select(Gen.Int[0, 10], Text).Array[1, 3], Gen.Bool, Note,
            (from, offset, kind, time, label, evidence, directed, note) => new ItemSpec(from, offset, kind, time, label, evidence, directed, note));

    private static readonly Gen<Func<string, Source>> SourceGen =
        Gen.Select(Text, Text, Text, Date, Text, Gen.Char["0123456789abcdef"].Array[64],
            (title, author, publisher, published, path, hash) => (Func<string, Source>)(id => new Source(id, title, author, publisher, published, path, new string(hash))));

    /// <summary>A valid graph of 2 to <paramref name="maxActors"/> actors with up to <paramref name="maxRelations"/> relations.</summary>
    public static Gen<RelationGraph> Graph(int maxActors = 8, int maxRelations = 40, int maxEvents = 10) =>
        Gen.Select(SourceGen.Array[1, 3], Actor.Array[2, maxActors], Item.Array[0, maxRelations], Item.Array[0, maxEvents], Build);

    /// <summary>
    /// Builds the graph. Ids are unique by construction and names carry their actor's number, so no two actors
    /// share a name or alias (which the builder rejects).
    /// </summary>
    private static RelationGraph Build(Func<string, Source>[] sources, ActorSpec[] actors, ItemSpec[] relations, ItemSpec[] events)
    {
        var builder = new RelationGraphBuilder();
        for (var i = 0; i < sources.Length; i++)
        {
            builder.Add(sources[i]($"s{i}"));
        }

        for (var i = 0; i < actors.Length; i++)
        {
            var a = actors[i];
            builder.Add(new Actor(
                new ActorId($"A{i}"), $"{a.Name} #{i}", a.Kind, a.Aliases.Select((alias, j) => $"{alias} ~{i}.{j}"), a.Codes));
        }

        List<Evidence> Evidence(ItemSpec item) => item.Evidence.Select(e => new Evidence($"s{e.Source % sources.Length}", e.Quote)).ToList();

        for (var i = 0; i < relations.Length; i++)
        {
            var r = relations[i];
            var source = r.From % actors.Length;
            var target = (source + 1 + (r.Offset % (actors.Length - 1))) % actors.Length;
            builder.Add(new Relation(
                $"r{i}", RelationKind.All[r.Kind % RelationKind.All.Count], new ActorId($"A{source}"), new ActorId($"A{target}"),
                r.Time, r.Label, Evidence(r), r.Directed, r.Note));
        }

        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            builder.Add(new ActorEvent(
                $"e{i}", EventKind.All[e.Kind % EventKind.All.Count], new ActorId($"A{e.From % actors.Length}"), e.Time, e.Label, Evidence(e), e.Note));
        }

        return builder.Build();
    }
}
