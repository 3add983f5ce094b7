using System.Globalization;
using Newtonsoft.Json.Linq;
using RelationsGraph.Export;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;
using RelationsGraph.Storage;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Export;

public sealed class Neo4jCsvWriterTests : IDisposable
{
    private static readonly string[] CsvFiles = ["actors.csv", "sources.csv", "events.csv", "relations.csv", "actor-events.csv"];

    /// <summary>Parses every CSV file of a folder with Python's csv module in strict mode and prints the rows as JSON.</summary>
    private const string ParseCsv = """
        import csv, json, os, sys
        out = {}
        for name in sys.argv[2:]:
            with open(os.path.join(sys.argv[1], name), newline="", encoding="utf-8") as f:
                out[name] = list(csv.reader(f, delimiter=",", quotechar='"', doublequote=True, strict=True))
        json.dump(out, sys.stdout, ensure_ascii=True)
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-neo4j-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Neo4j_SmallGraph_MatchesGoldenFiles()
    {
        var written = Neo4jCsvWriter.Write(folder, GraphView.Of(ExportSamples.Small()));

        written.Files.Select(Path.GetFileName).Should().Equal([.. CsvFiles, "import.sh"]);
        foreach (var file in written.Files)
        {
            ExportGolden.ShouldMatch(File.ReadAllText(file), "neo4j", Path.GetFileName(file));
        }

        Directory.GetFiles(folder).Should().HaveCount(6, "no temporary files are left behind");
    }

    [Fact]
    public void Neo4j_Headers_AreTypedForNeo4jAdmin()
    {
        Neo4jCsvWriter.Write(folder, GraphView.Of(ExportSamples.Small()));

        Header("actors.csv").Should().Be("id:ID(Actor),:LABEL,name,kind,aliases:string[],iso3,cow:int,cameo");
        Header("sources.csv").Should().Be("id:ID(Source),:LABEL,title,author,publisher,published:date,publishedPrecision,path,sha256");
        Header("events.csv").Should().Be("id:ID(Event),:LABEL,kind,actor,time,point:boolean,start:date,startPrecision,end:date,endPrecision,knownUntil:date,label,evidenceSources:string[],evidenceQuotes:string[],note");
        Header("relations.csv").Should().Be(":START_ID(Actor),:END_ID(Actor),:TYPE,id,kind,polarity:int,cameo,directed:boolean,time,point:boolean,start:date,startPrecision,end:date,endPrecision,knownUntil:date,label,evidenceSources:string[],evidenceQuotes:string[],note");
        Header("actor-events.csv").Should().Be(":START_ID(Actor),:END_ID(Event),:TYPE");
    }

    [SkippableFact]
    public void Neo4j_TheBundledGraph_ParsedByARealCsvParser_LosesNothing()
    {
        ExternalTools.RequirePython();

        var graph = GraphFile.LoadBundled();

        var written = Neo4jCsvWriter.Write(folder, GraphView.Of(graph));

        ShouldRebuild(ReadCsv(), written.ArrayDelimiter, graph.Actors, graph.Relations, graph.Events, graph.Sources);
    }

    [SkippableFact]
    public void Neo4j_HostileNames_ParsedByARealCsvParser_LoseNothing()
    {
        ExternalTools.RequirePython();

        var graph = ExportSamples.WithNames(ExportSamples.Hostile);

        var written = Neo4jCsvWriter.Write(folder, GraphView.Of(graph));

        written.ArrayDelimiter.Should().Be('\u001F', "the hostile names use ; | and ¦");
        written.ImportCommand.Should().Contain("--array-delimiter=U+001F");
        ShouldRebuild(ReadCsv(), written.ArrayDelimiter, graph.Actors, graph.Relations, graph.Events, graph.Sources);
    }

    [Fact]
    public void Neo4j_AQuoteWithASemicolon_MovesArraysAndLabelsToTheBar()
    {
        var graph = new RelationGraphBuilder().Add(Source()).Add(Actor("A")).Add(Actor("B"))
            .Add(new Relation("r1", RelationKind.Treaty, new ActorId("A"), new ActorId("B"), At("2017"), "label", [new Evidence("src", "one; two"), Quote]))
            .Build();

        var written = Neo4jCsvWriter.Write(folder, GraphView.Of(graph));

        written.ArrayDelimiter.Should().Be('|');
        written.ImportCommand.Should().Contain("--array-delimiter='|'");
        File.ReadAllText(Path.Combine(folder, "actors.csv")).Should().Contain("A,Actor|State,A name");
        File.ReadAllText(Path.Combine(folder, "relations.csv")).Should().Contain(",src|src,one; two|a quote,");
        File.ReadAllText(Path.Combine(folder, "import.sh")).Should().Contain("--array-delimiter='|'");
    }

    [SkippableTheory]
    [InlineData("2017")]
    [InlineData("2018")]
    [InlineData("2035")]
    public void Neo4j_TheTriangleQuestionInCypher_AnswersLikeTheTriangleReport(string year)
    {
        ExternalTools.RequirePython();

        var graph = GraphFile.LoadBundled();
        Neo4jCsvWriter.Write(folder, GraphView.Of(graph));
        var rows = Rows(ReadCsv(), "relations.csv");
        string[] triangle = ["US", "China", "DPRK"];

        // The Cypher of docs/exports.md: both ends in the triangle, start <= the year's last day and knownUntil >= its
        // first day (a period still in force is known only up to its sources' publication, so 2035 finds nothing).
        var answer = rows
            .Where(r => triangle.Contains(r[":START_ID(Actor)"]) && triangle.Contains(r[":END_ID(Actor)"]))
            .Where(r => string.CompareOrdinal(r["start:date"], year + "-12-31") <= 0 && string.CompareOrdinal(r["knownUntil:date"], year + "-01-01") >= 0)
            .Select(r => r["id"]);

        var report = GroupReport.Of(GraphView.During(graph, PartialDate.Parse(year)), triangle.Select(id => new ActorId(id)));
        answer.Should().BeEquivalentTo(report.Pairs.SelectMany(p => p.Relations).Select(r => r.Id), "the query finds what relgraph triangle reports");
        if (year != "2035")
        {
            answer.Should().NotBeEmpty();
        }
    }

    [Fact]
    public void Neo4j_KnownUntil_IsTheLastDayTheSourcesVouchFor()
    {
        var graph = GraphFile.LoadBundled();
        Neo4jCsvWriter.Write(folder, GraphView.Of(graph));
        var lines = File.ReadAllLines(Path.Combine(folder, "relations.csv"));
        var header = lines[0].Split(',');
        var known = Array.IndexOf(header, "knownUntil:date");
        known.Should().BeGreaterThan(0);

        // The treaty is in force from 1961 with no end: the article of 2021-09-04 vouches for it up to that day.
        var treaty = lines.Single(l => l.Contains(",China-DPRK.treaty.1961,", StringComparison.Ordinal));
        graph.TryGetRelation("China-DPRK.treaty.1961", out var relation).Should().BeTrue();
        graph.LastKnownDay(relation!).Should().Be(new DateOnly(2021, 9, 4));
        treaty.Split(',')[known].Should().Be("2021-09-04", "its known-until day is the article's date");
    }

    [Fact]
    public void Neo4j_AWindowAndSelection_WriteOnlyTheirRelationsAndEvents()
    {
        var graph = ExportSamples.Small();
        var view = GraphView.Of(graph, TimeWindow.During(PartialDate.Parse("2017")));

        Neo4jCsvWriter.Write(folder, view, ExportSelection.Only(new ActorId("A"), new ActorId("B")));

        File.ReadAllLines(Path.Combine(folder, "actors.csv")).Skip(1).Select(l => l.Split(',')[0]).Should().Equal("A", "B");
        File.ReadAllLines(Path.Combine(folder, "relations.csv")).Skip(1).Select(l => l.Split(',')[3]).Should().Equal("r1", "r2", "r3");
        File.ReadAllLines(Path.Combine(folder, "events.csv")).Skip(1).Select(l => l.Split(',')[0]).Should().Equal("e1");
    }

    [Fact]
    public void Field_QuotesOnlyWhatNeo4jAdminNeedsQuoted()
    {
        Neo4jCsvWriter.Field("plain text; with | arrays").Should().Be("plain text; with | arrays");
        Neo4jCsvWriter.Field("a,b").Should().Be("\"a,b\"");
        Neo4jCsvWriter.Field("say \"hi\"").Should().Be("\"say \"\"hi\"\"\"");
        Neo4jCsvWriter.Field("two\nlines").Should().Be("\"two\nlines\"");
        Neo4jCsvWriter.Field("cr\ronly").Should().Be("\"cr\ronly\"");
        Neo4jCsvWriter.Field(null).Should().BeEmpty();
    }

    [Fact]
    public void Write_NullArguments_Throw()
    {
        FluentActions.Invoking(() => Neo4jCsvWriter.Write(folder, null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("view");
        FluentActions.Invoking(() => Neo4jCsvWriter.Write(null!, GraphView.Of(ExportSamples.Small()))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("directory");
    }

    private string Header(string file) => File.ReadLines(Path.Combine(folder, file)).First();

    private JObject ReadCsv()
    {
        var (code, json, error) = ExternalTools.Run(ExternalTools.Python, ["-c", ParseCsv, folder, .. CsvFiles]);
        code.Should().Be(0, error);
        return JObject.Parse(json);
    }

    private static List<Dictionary<string, string>> Rows(JObject files, string file)
    {
        var table = ((JArray)files[file]!).Select(row => row.Select(f => (string)f!).ToList()).ToList();
        table.Should().NotBeEmpty();
        var header = table[0];
        table.Skip(1).Where(row => row.Count != header.Count).Should().BeEmpty($"every row of {file} has a field for each column");
        return table.Skip(1).Select(row => header.Zip(row).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    /// <summary>Rebuilds the model from the parsed CSV as neo4j-admin reads it, and compares it with the original.</summary>
    private static void ShouldRebuild(JObject files, char delimiter, IReadOnlyList<Actor> actors, IReadOnlyList<Relation> relations, IReadOnlyList<ActorEvent> events, IReadOnlyList<Source> sources)
    {
        string[] Array(string field) => field.Length == 0 ? [] : field.Split(delimiter);
        string? Optional(string field) => field.Length == 0 ? null : field;
        IEnumerable<Evidence> Evidence(Dictionary<string, string> row) =>
            Array(row["evidenceSources:string[]"]).Zip(Array(row["evidenceQuotes:string[]"]), (s, q) => new Evidence(s, q));

        Rows(files, "actors.csv").Select(r => new Actor(
            new ActorId(r["id:ID(Actor)"]), r["name"], Enum.Parse<ActorKind>(r["kind"], ignoreCase: true), Array(r["aliases:string[]"]),
            new ActorCodes { Iso3 = Optional(r["iso3"]), Cow = r["cow:int"].Length == 0 ? null : int.Parse(r["cow:int"], CultureInfo.InvariantCulture), Cameo = Optional(r["cameo"]) }))
            .Should().Equal(actors);
        Rows(files, "actors.csv").Select(r => r[":LABEL"]).Should().Equal(actors.Select(a => $"Actor{delimiter}{a.Kind}"));

        Rows(files, "sources.csv").Select(r => new Source(
            r["id:ID(Source)"], r["title"], r["author"], r["publisher"], Date(r["published:date"], r["publishedPrecision"]), r["path"], r["sha256"]))
            .Should().Equal(sources);

        Rows(files, "relations.csv").Select(r => new Relation(
            r["id"], RelationKind.Parse(r["kind"]), new ActorId(r[":START_ID(Actor)"]), new ActorId(r[":END_ID(Actor)"]), Time(r),
            r["label"], Evidence(r), bool.Parse(r["directed:boolean"]), Optional(r["note"])))
            .Should().Equal(relations);
        Rows(files, "relations.csv").Select(r => (r[":TYPE"], r["polarity:int"], r["cameo"], r["time"]))
            .Should().Equal(relations.Select(r => (r.Kind.Name.ToUpperInvariant().Replace('-', '_'), ((int)r.Polarity).ToString(CultureInfo.InvariantCulture), r.Kind.CameoRoot ?? string.Empty, r.Time.ToString())));

        Rows(files, "events.csv").Select(r => new ActorEvent(
            r["id:ID(Event)"], EventKind.All.Single(k => k.Name == r["kind"]), new ActorId(r["actor"]), Time(r), r["label"], Evidence(r), Optional(r["note"])))
            .Should().Equal(events);
        Rows(files, "actor-events.csv").Select(r => (r[":START_ID(Actor)"], r[":END_ID(Event)"], r[":TYPE"]))
            .Should().Equal(events.Select(e => (e.Actor.Value, e.Id, "HAS_EVENT")));
    }

    private static TimeExtent Time(Dictionary<string, string> row)
    {
        var start = Date(row["start:date"], row["startPrecision"]);
        if (bool.Parse(row["point:boolean"]))
        {
            Date(row["end:date"], row["endPrecision"]).Should().Be(start, "a point ends on the last day of its own date");
            return TimeExtent.Point(start);
        }

        return TimeExtent.Period(start, row["end:date"].Length == 0 ? null : Date(row["end:date"], row["endPrecision"]));
    }

    /// <summary>A Neo4j date (a day) cut back to the precision the data knows.</summary>
    private static PartialDate Date(string day, string precision)
    {
        var d = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return precision switch
        {
            "year" => new PartialDate(d.Year),
            "month" => new PartialDate(d.Year, d.Month),
            "day" => new PartialDate(d.Year, d.Month, d.Day),
            _ => throw new FormatException($"'{precision}' is not a precision."),
        };
    }
}
