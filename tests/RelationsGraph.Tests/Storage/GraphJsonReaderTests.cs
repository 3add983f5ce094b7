using RelationsGraph.Graph;
using RelationsGraph.Common;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Storage;

public sealed class GraphJsonReaderTests
{
    private const string SourceJson = """{"id": "src", "title": "T", "author": "A", "publisher": "P", "published": "2021-09-04", "path": "seeds/x.txt", "sha256": "0000000000000000000000000000000000000000000000000000000000000000"}""";
    private const string ActorsJson = """{"id": "China", "name": "China", "kind": "state"}, {"id": "DPRK", "name": "North Korea", "kind": "state", "aliases": ["Pyongyang"]}""";
    private const string Ev = "\"evidence\": [{\"source\": \"src\", \"quote\": \"q\"}]";

    /// <summary>A graph with one relation per line so errors have meaningful line numbers.</summary>
    private static string Doc(string relation, string? actors = null, string? top = null) =>
        "{\n" +
        "\"formatVersion\": 1,\n" +
        (top ?? string.Empty) +
        $"\"sources\": [{SourceJson}],\n" +
        $"\"actors\": [{actors ?? ActorsJson}],\n" +
        "\"relations\": [\n" +
        relation + "\n" +
        "]\n" +
        "}\n";

    private static RelationGraph Load(string json) => GraphFile.Load(new StringReader(json), "g.json");

    private static void ShouldFail(string json, string message) =>
        FluentActions.Invoking(() => Load(json)).Should().Throw<GraphDataException>().WithMessage(message);

    [Fact]
    public void Load_ReadsAValidRelation()
    {
        var graph = Load(Doc($$"""{"id": "r", "kind": "treaty", "source": "China", "target": "DPRK", "start": "1961", {{Ev}}, "label": "treaty"}"""));

        graph.Relations.Should().ContainSingle().Which.Time.ToString().Should().Be("1961/..");
    }

    [Fact]
    public void Load_ReportsImpossibleDate_WithFileLineColumnAndPath()
    {
        ShouldFail(
            Doc($$"""{"id": "r", "kind": "summit", "source": "China", "target": "DPRK", "at": "2017-02-30", {{Ev}}, "label": "x"}"""),
            "g.json:6:85: $.relations[0].at: '2017-02-30' is not a date: day 30 does not exist in 2017-02, which has 28 days.");
    }

    [Fact]
    public void Load_ReportsMonthOutOfRange()
    {
        ShouldFail(
            Doc($$"""{"id": "r", "kind": "summit", "source": "China", "target": "DPRK", "at": "2017-13", {{Ev}}, "label": "x"}"""),
            "g.json:6:82: $.relations[0].at: '2017-13' is not a date: month 13 is outside 1 to 12.");
    }

    [Fact]
    public void Load_ReportsEndBeforeStart_AtTheEnd()
    {
        ShouldFail(
            Doc($$"""{"id": "r", "kind": "war", "source": "China", "target": "DPRK", "start": "1953", "end": "1950", {{Ev}}, "label": "x"}"""),
            "g.json:6:94: $.relations[0].end: The end 1950 is before the start 1953; a period must end on or after the day it starts.");
    }

    [Fact]
    public void Load_ReportsBothAtAndStart()
    {
        ShouldFail(
            Doc($$"""{"id": "r", "kind": "war", "source": "China", "target": "DPRK", "at": "1950", "start": "1950", {{Ev}}, "label": "x"}"""),
            "g.json:6:1: $.relations[0]: The relation has both \"at\" and \"start\"; it holds either at a point (at) or over a period (start, optional end).");
    }

    [Fact]
    public void Load_ReportsNoTimeAtAll()
    {
        ShouldFail(
            Doc($$"""{"id": "r", "kind": "war", "source": "China", "target": "DPRK", {{Ev}}, "label": "x"}"""),
            "g.json:6:1: $.relations[0]: The relation has no time; give \"at\" for a point or \"start\" (and optional \"end\") for a period.");
    }

    [Fact]
    public void Load_ReportsEndWithoutStart()
    {
        ShouldFail(
            Doc($$"""{"id": "r", "kind": "war", "source": "China", "target": "DPRK", "at": "1950", "end": "1953", {{Ev}}, "label": "x"}"""),
            "g.json:6:91: $.relations[0].end: \"end\" needs \"start\"; a point in time (at) has no end.");
    }

    [Fact]
    public void Load_ReportsUnknownKind_ListingTheVocabulary()
    {
        ShouldFail(
            Doc($$"""{"id": "r", "kind": "friendship", "source": "China", "target": "DPRK", "at": "1950", {{Ev}}, "label": "x"}"""),
            "g.json:6:32: $.relations[0].kind: Unknown relation kind 'friendship'; expected one of statement, appeal, pledge, talks, summit, *, leader-of, member-of.");
    }

    [Fact]
    public void Load_ReportsUnknownActorReference_WithASuggestion()
    {
        ShouldFail(
            Doc($$"""{"id": "r", "kind": "war", "source": "China", "target": "DPKR", "at": "1950", {{Ev}}, "label": "x"}"""),
            "g.json:6:62: $.relations[0].target: Unknown actor 'DPKR'; did you mean 'DPRK'?");
    }

    [Fact]
    public void Load_ReportsUnknownActorReference_WhenActorsComeAfterRelations()
    {
        var json = "{\"formatVersion\": 1,\n\"relations\": [\n" +
            $$"""{"id": "r", "kind": "war", "source": "China", "target": "Nowhere", "at": "1950", {{Ev}}, "label": "x"}""" +
            $"\n],\n\"sources\": [{SourceJson}],\n\"actors\": [{ActorsJson}]\n}}";

        ShouldFail(json, "g.json:3:1: $.relations[0].target: Unknown actor 'Nowhere'; it must be the id of an actor in \"actors\".");
    }

    [Fact]
    public void Load_ReportsUnknownSourceInEvidence()
    {
        ShouldFail(
            Doc("""{"id": "r", "kind": "war", "source": "China", "target": "DPRK", "at": "1950", "evidence": [{"source": "nope", "quote": "q"}], "label": "x"}"""),
            "g.json:6:108: $.relations[0].evidence[0].source: Unknown source 'nope'; evidence must cite the id of a source in \"sources\".");
    }

    [Fact]
    public void Load_ReportsDuplicateRelationId_WithTheFirstLine()
    {
        var r = $$"""{"id": "r", "kind": "war", "source": "China", "target": "DPRK", "at": "1950", {{Ev}}, "label": "x"}""";

        ShouldFail(Doc(r + ",\n" + r), "g.json:7:10: $.relations[1].id: Duplicate relation id 'r' (first at line 6); ids must be unique.");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Load_FindsTheFirstRepeatedRelationId_SortedOrNot(int seed)
    {
        // Ids mostly ascending (as saved), sometimes out of order, sometimes repeated: the builder keeps only the
        // last id while they ascend, and builds its dictionary at the first out of order.
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var ids = new List<string>();
            var next = 0;
            for (var i = 0; i < 2 + random.Next(30); i++)
            {
                next = random.Next(10) switch
                {
                    0 => random.Next(next + 1),
                    _ => next + 1 + random.Next(3),
                };
                ids.Add($"r{next:D3}");
            }

            var lines = ids.Select(id => $$"""{"id": "{{id}}", "kind": "war", "source": "China", "target": "DPRK", "at": "1950", {{Ev}}, "label": "x"}""");
            var json = Doc(string.Join(",\n", lines));
            var repeat = Enumerable.Range(0, ids.Count).FirstOrDefault(j => ids.IndexOf(ids[j]) < j, -1);
            if (repeat < 0)
            {
                Load(json).Relations.Select(r => r.Id).Should().Equal(ids.Order(StringComparer.Ordinal));
            }
            else
            {
                // Relations start on line 6 of Doc, one per line.
                ShouldFail(json, $"g.json:{6 + repeat}:*: $.relations[{repeat}].id: Duplicate relation id '{ids[repeat]}' (first at line {6 + ids.IndexOf(ids[repeat])}); ids must be unique.");
            }
        }
    }

    [Fact]
    public void Load_ReportsDuplicateActorId()
    {
        ShouldFail(
            Doc(string.Empty, actors: """{"id": "China", "name": "China", "kind": "state"}, {"id": "China", "name": "PRC", "kind": "state"}"""),
            "g.json:4:76: $.actors[1].id: Duplicate actor id 'China' (first at line 4); ids must be unique.");
    }

    [Fact]
    public void Load_ReportsWrongType_SayingWhatWasExpected()
    {
        ShouldFail(
            Doc($$"""{"id": 42, "kind": "war", "source": "China", "target": "DPRK", "at": "1950", {{Ev}}, "label": "x"}"""),
            "g.json:6:9: $.relations[0].id: Expected a string for \"id\" but found the number 42.");
    }

    [Fact]
    public void Load_ReportsDirectedThatIsNotABoolean()
    {
        ShouldFail(
            Doc($$"""{"id": "r", "kind": "war", "source": "China", "target": "DPRK", "directed": "yes", "at": "1950", {{Ev}}, "label": "x"}"""),
            "g.json:6:81: $.relations[0].directed: Expected true or false for \"directed\" but found the string \"yes\".");
    }

    [Fact]
    public void Load_ReportsMissingRequiredProperty()
    {
        ShouldFail(
            Doc($$"""{"id": "r", "kind": "war", "source": "China", "target": "DPRK", "at": "1950", {{Ev}}}"""),
            "g.json:6:1: $.relations[0]: Missing \"label\"; a relation needs id, kind, source, target, label, evidence, and at or start.");
    }

    [Fact]
    public void Load_ReportsEmptyEvidence()
    {
        ShouldFail(
            Doc("""{"id": "r", "kind": "war", "source": "China", "target": "DPRK", "at": "1950", "evidence": [], "label": "x"}"""),
            "g.json:6:92: $.relations[0].evidence: The evidence list is empty; give at least one {\"source\", \"quote\"}.");
    }

    [Fact]
    public void Load_ReportsUnknownProperty()
    {
        ShouldFail(
            Doc($$"""{"id": "r", "kind": "war", "source": "China", "target": "DPRK", "at": "1950", {{Ev}}, "label": "x", "colour": "red"}"""),
            "g.json:6:148: $.relations[0].colour: Unknown property \"colour\" in a relation; expected id, kind, source, target, directed, at, start, end, label, evidence, note.");
    }

    [Fact]
    public void Load_ReportsRelationToItself()
    {
        ShouldFail(
            Doc($$"""{"id": "r", "kind": "war", "source": "China", "target": "China", "at": "1950", {{Ev}}, "label": "x"}"""),
            "g.json:6:63: $.relations[0].target: The relation goes from 'China' to itself; a relation joins two different actors.");
    }

    [Fact]
    public void Load_ReportsUnsupportedFormatVersion()
    {
        ShouldFail("{\n\"formatVersion\": 2\n}", "g.json:2:18: $.formatVersion: Unsupported formatVersion 2; this version of RelationsGraph reads formatVersion 1.");
    }

    [Fact]
    public void Load_ReportsMissingFormatVersion()
    {
        ShouldFail("{\"actors\": []}", "g.json:1:14: $: Missing \"formatVersion\"; expected \"formatVersion\": 1 in the top-level object.");
    }

    [Fact]
    public void Load_ReportsTruncatedJson()
    {
        var json = Doc($$"""{"id": "r", "kind": "war", "source": "China", "target": "DPRK", "at": "1950", {{Ev}}, "label": "x"}""");

        ShouldFail(json[..(json.Length / 2)], "g.json:*: Invalid JSON: *");
    }

    [Fact]
    public void Load_ReportsMalformedJson_WithItsPosition()
    {
        ShouldFail("{\n\"formatVersion\": 1,\n\"actors\": [,]\n}", "g.json:3:11: $.actors[0]: Invalid JSON: a value is missing before this comma or bracket.");
    }

    [Fact]
    public void Load_ReportsAnEmptyFile()
    {
        ShouldFail(string.Empty, "g.json:1:1: $: The file is empty; expected a JSON object with formatVersion, sources, actors, relations and events.");
    }

    [Fact]
    public void Load_ReportsATopLevelArray()
    {
        ShouldFail("[]", "g.json:1:1: $: Expected an object for the graph but found an array.");
    }

    [Fact]
    public void Load_ReportsTrailingContent()
    {
        ShouldFail("{\"formatVersion\": 1} {}", "g.json:*: Invalid JSON: Additional text encountered after finished reading JSON content: {.");
    }

    [Fact]
    public void Load_Survives20000DeepNesting_WithAnError()
    {
        var deep = new string('[', 20_000);

        ShouldFail("{\"formatVersion\": 1, \"relations\": " + deep, "g.json:1:*: $.relations[0]: Expected an object for an item of \"relations\" but found an array.");
    }

    [Fact]
    public void Load_ReportsNestingBeyondTheConfiguredLimit()
    {
        var options = GraphLoadOptions.Default with { MaxDepth = 3 };
        var json = Doc($$"""{"id": "r", "kind": "war", "source": "China", "target": "DPRK", "at": "1950", {{Ev}}, "label": "x"}""");

        FluentActions.Invoking(() => GraphFile.Load(new StringReader(json), "g.json", options)).Should().Throw<GraphDataException>()
            .WithMessage("g.json:4:129: $.actors[1].aliases: Invalid JSON: The reader's MaxDepth of 3 has been exceeded.");
    }

    [Fact]
    public void Load_ReportsAStringBeyondTheConfiguredLimit()
    {
        var options = GraphLoadOptions.Default with { MaxStringLength = 10 };
        var json = "{\"formatVersion\": 1,\n\"actors\": [{\"id\": \"A\", \"name\": \"a name far too long\", \"kind\": \"state\"}]}";

        FluentActions.Invoking(() => GraphFile.Load(new StringReader(json), "g.json", options)).Should().Throw<GraphDataException>()
            .WithMessage("g.json:2:52: $.actors[0].name: The string for \"name\" is 19 characters long; the limit is 10 (GraphLoadOptions.MaxStringLength).");
    }

    [Fact]
    public void Load_ReportsInvalidUtf8()
    {
        var path = Path.Combine(Path.GetTempPath(), $"relgraph-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, [.. "{\"formatVersion\": 1, \"$schema\": \""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()]);
        try
        {
            FluentActions.Invoking(() => GraphFile.Load(path)).Should().Throw<GraphDataException>()
                .WithMessage($"{path}:1:34: The file is not valid UTF-8 text (byte 0xC3 starts no valid character); graph.json must be UTF-8.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_AcceptsAUtf8ByteOrderMark()
    {
        var path = Path.Combine(Path.GetTempPath(), $"relgraph-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "{\"formatVersion\": 1}"u8.ToArray()]);
        try
        {
            GraphFile.Load(path).Relations.Should().BeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound_NamingIt()
    {
        FluentActions.Invoking(() => GraphFile.Load("/nonexistent/graph.json")).Should().Throw<FileNotFoundException>()
            .WithMessage("Cannot read the graph '/nonexistent/graph.json': the file does not exist.");
    }

    [Fact]
    public void Load_Directory_ThrowsIOException_NamingIt()
    {
        var dir = Path.GetTempPath();

        FluentActions.Invoking(() => GraphFile.Load(dir)).Should().Throw<IOException>()
            .WithMessage($"Cannot read the graph '{dir}': it is a directory, not a file.");
    }

    [Fact]
    public void Load_ReportsAnActorKindOutsideTheVocabulary()
    {
        ShouldFail(
            Doc(string.Empty, actors: """{"id": "China", "name": "China", "kind": "country"}"""),
            "g.json:4:61: $.actors[0].kind: Unknown actor kind 'country'; expected state, organization, person or group.");
    }

    [Fact]
    public void Load_ReportsABadSha256()
    {
        ShouldFail(
            "{\"formatVersion\": 1, \"sources\": [" + SourceJson.Replace("0000000000000000000000000000000000000000000000000000000000000000", "xyz", StringComparison.Ordinal) + "]}",
            "g.json:1:*: $.sources[0].sha256: The SHA-256 'xyz' is not 64 lowercase hexadecimal digits.");
    }

    [Fact]
    public void Load_ReportsAnInvalidId()
    {
        ShouldFail(
            Doc(string.Empty, actors: """{"id": "North Korea", "name": "North Korea", "kind": "state"}"""),
            "g.json:4:31: $.actors[0].id: The id 'North Korea' contains ' '; ids use ASCII letters, digits and . _ : - only.");
    }
}
