using System.Text;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Export;

/// <summary>Graphs for export tests: a small one with every feature, and ones with hostile names.</summary>
internal static class ExportSamples
{
    /// <summary>
    /// Five actors of every kind (one isolated), relations mutual and directed, points and periods at every
    /// precision, open and closed, parallel relations both ways, notes and several quotes, and one event.
    /// </summary>
    public static RelationGraph Small()
    {
        var quote = new Evidence("src", "They signed, \"at last\", and it held.");
        return new RelationGraphBuilder()
            .Add(Source())
            .Add(new Actor(new ActorId("A"), "Alpha", ActorKind.State, ["Alphaland", "The A"], new ActorCodes { Iso3 = "ALP", Cow = 101, Cameo = "ALP" }))
            .Add(new Actor(new ActorId("B"), "Beta Org", ActorKind.Organization))
            .Add(new Actor(new ActorId("C"), "Carol", ActorKind.Person))
            .Add(new Actor(new ActorId("D"), "Delta Front", ActorKind.Group))
            .Add(new Actor(new ActorId("E"), "Epsilon", ActorKind.State))
            .Add(new Relation("r1", RelationKind.Treaty, new ActorId("A"), new ActorId("B"), Period("1961-07-11"), "Treaty of friendship", [quote], note: "Still in force."))
            .Add(new Relation("r2", RelationKind.Sanctions, new ActorId("A"), new ActorId("B"), At("2017-02"), "A suspends imports from B", [Quote], directed: true))
            .Add(new Relation("r3", RelationKind.Criticism, new ActorId("B"), new ActorId("A"), At("2017"), "B attacks A in harsh words", [Quote], directed: true))
            .Add(new Relation("r4", RelationKind.LeaderOf, new ActorId("C"), new ActorId("A"), Period("2012", "2019"), "Carol leads Alpha", [Quote], directed: true))
            .Add(new Relation("r5", RelationKind.War, new ActorId("D"), new ActorId("A"), Period("1950-06-25", "1953-07-27"), "War, with a \"front\"", [Quote]))
            .Add(new Relation("r6", RelationKind.Summit, new ActorId("A"), new ActorId("B"), At("2018-06-12"), "Summit, first ever", [Quote, quote], note: "Line one.\nLine two."))
            .Add(new ActorEvent("e1", EventKind.NuclearTest, new ActorId("A"), At("2017-09-03"), "Alpha tests a bomb", [Quote]))
            .Build();
    }

    /// <summary>Names and labels that break naive DOT, GraphML and CSV writers.</summary>
    public static readonly string[] Hostile =
    [
        "node", "edge", "graph", "subgraph", "strict", "digraph", "Node", "STRICT",
        "a -> b", "a -- b", "{ x }", "x; y", "[label=evil]", "a=b, c",
        "say \"hi\"", "\"", "back\\slash", "ends with \\", "\\", "\\N \\G \\E \\T \\H \\L", "\\n not a break", "\\\"",
        "two\nlines", "crlf\r\nline", "lone\rreturn", "tab\there",
        "&amp; &lt; & <b>bold</b> <", "// comment", "/* c */", "# hash",
        "中华人民共和国", "조선민주주의인민공화국", "Ελλάδα", "العربية", "עברית", "Россия", "😀 emoji 🇰🇵",
        "bell\u0007char", "nul\0char", "  spaced  out  ", "'single'", "a,b", "x;y|z¦w",
    ];

    /// <summary>A graph whose actor names, aliases, labels, quotes and notes are hostile strings.</summary>
    public static RelationGraph WithNames(IReadOnlyList<string> names, int seed = 1)
    {
        var random = new Random(seed);
        var builder = new RelationGraphBuilder().Add(Source());
        for (var i = 0; i < names.Count; i++)
        {
            builder.Add(new Actor(new ActorId($"a{i}"), $"{i} {names[i]}", (ActorKind)(i % 4), [$"alias {i} {names[i]}"]));
        }

        for (var i = 0; i < names.Count; i++)
        {
            var target = (i + 1 + random.Next(names.Count - 1)) % names.Count;
            var kind = RelationKind.All[random.Next(RelationKind.All.Count)];
            var text = names[(i + 3) % names.Count];
            builder.Add(new Relation(
                $"r{i:D3}", kind, new ActorId($"a{i}"), new ActorId($"a{target}"), RandomExtent(random),
                "label " + text, [new Evidence("src", "quote " + text), new Evidence("src", "second " + names[i])], random.Next(2) == 0, note: "note " + text));
        }

        return builder.Build();
    }

    /// <summary>A random hostile name: pieces of the hostile list and random characters of many scripts.</summary>
    public static string RandomName(Random random)
    {
        var text = new StringBuilder("x");
        var pieces = random.Next(1, 6);
        for (var i = 0; i < pieces; i++)
        {
            if (random.Next(2) == 0)
            {
                text.Append(Hostile[random.Next(Hostile.Length)]);
            }
            else
            {
                const string alphabet = "\"\\\n\r\t{}[];,=-><&#/*'|ab Zß中ё한😀\u0001\u200B";
                var at = random.Next(alphabet.Length);
                text.Append(char.IsSurrogate(alphabet[at]) ? "😀" : alphabet[at].ToString());
            }
        }

        return text.ToString();
    }
}
