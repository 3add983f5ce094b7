using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using RelationsGraph.Cli;
using RelationsGraph.Cli.Repl;
using RelationsGraph.Graph;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// Random command lines over relgraph's real commands and options (and plain-English questions for ask), and the
/// property every run must have: exit code 0, 1 or 2, an error that starts "error: ", no stack trace, no exception
/// out of <c>Cli.Run</c>, no hang. Output files only ever go to a temporary folder, /proc or a missing folder.
/// </summary>
internal static partial class CliFuzz
{
    /// <summary>Stands for the run's temporary folder in generated and regression arguments.</summary>
    public const string Temp = "{temp}";

    private static readonly RelationGraph Bundled = RelationsGraph.Storage.GraphFile.LoadBundled();

    private static readonly Gen<string> Text = GraphGen.Text;

    private static readonly Gen<string> Date = Gen.Frequency(
        (6, Gen.OneOf("2017", "2017-11", "2017-11-05", "1950", "1953-07-27", "1961", "2018", "2016", "0001", "9999", "9999-12-31", "0001-01-01")),
        (3, Gen.OneOf("2017-02-30", "2017-13", "0000", "17", "", " ", "yesterday", "-1", "1e3", "２０１７", "2017/2018", "2017-1", "99999")),
        (1, Text));

    private static readonly Gen<string> Number = Gen.OneOf("0", "1", "2", "3", "5", "-1", "2147483648", "99999999999999999999", "abc", "1.5", "", "0x10");

    private static readonly Gen<string> ActorName = Gen.Frequency(
        (8, Gen.OneOf(Bundled.Actors.SelectMany(a => new[] { a.Id.Value, a.Name }.Concat(a.Aliases)).ToArray())),
        (2, Gen.OneOf("Nort Korea", "north korea", "PYONGYANG", "", " ", "DPRK,China", "US China", "-DPRK", "\u202EKRPD", "North\nKorea")),
        (1, Text));

    private static readonly Gen<string> List = Gen.Frequency(
        (4, ActorName.Array[1, 4].Select(a => string.Join(",", a))),
        (1, Gen.OneOf(",", ",,", "DPRK,,China")));

    private static readonly Gen<string> KindList = Gen.Frequency(
        (4, Gen.OneOf(RelationsGraph.Model.RelationKind.All.Select(k => k.Name).ToArray()).Array[1, 3].Select(a => string.Join(",", a))),
        (1, Gen.OneOf("friendship", "", ",", "ALLY", "ally,,war")));

    private static readonly Gen<string> GraphFile = Gen.OneOf(
        Repo.GraphJson, Path.Combine(MalformedCorpus.Folder, "random-bytes.json"), Path.Combine(MalformedCorpus.Folder, "date-february-30.json"),
        Path.Combine(MalformedCorpus.Folder, "utf16-with-byte-order-mark.json"), Path.Combine(MalformedCorpus.Folder, "empty-file.json"),
        Temp, Path.Combine(Temp, "missing.json"), "", "a\0b", "/proc/self/status");

    private static readonly Gen<string> OutPath = Gen.OneOf(
        Path.Combine(Temp, "out.txt"), Path.Combine(Temp, "out"), Temp, Path.Combine(Temp, "missing", "x.json"), "/proc/relgraph-fuzz.out", Path.Combine(Temp, "out.dot"),
        "", Path.Combine(Temp, "nul\0.json"));

    private static readonly Gen<string[]> Option = Gen.OneOf(
        Date.Select(d => new[] { "--at", d }), Date.Select(d => new[] { "--in", d }), Date.Select(d => new[] { "--from", d }), Date.Select(d => new[] { "--to", d }),
        KindList.Select(k => new[] { "--kinds", k }), Gen.OneOf("cooperative", "conflictual,neutral", "+,-", "friendly", "").Select(p => new[] { "--polarity", p }),
        Gen.OneOf("state", "person,organization", "group", "planet", "").Select(k => new[] { "--actor-kinds", k }),
        Gen.OneOf("text", "json", "xml", "").Select(f => new[] { "--format", f }), Gen.Const(new[] { "--notes" }),
        GraphFile.Select(g => new[] { "--graph", g }), Number.Select(n => new[] { "--k", n }), Gen.Const(new[] { "--directed" }),
        Gen.Const(new[] { "--temporal" }), Date.Select(d => new[] { "--after", d }), Number.Select(n => new[] { "--depth", n }),
        OutPath.Select(o => new[] { "-o", o }), OutPath.Select(o => new[] { "--output", o }), Gen.OneOf("year", "month").Select(e => new[] { "--each", e }),
        Gen.Const(new[] { "--no-legend" }), List.Select(a => new[] { "--actors", a }), List.Select(a => new[] { "--around", a }),
        Date.Select(d => new[] { "--origin", d }), Gen.OneOf("days", "hours", "minutes", "weeks").Select(u => new[] { "--unit", u }),
        GraphFile.Select(c => new[] { "--cameo", c }), Gen.OneOf("--help", "-h", "-?", "--version").Select(h => new[] { h }));

    /// <summary>A word that is not an option, or an odd one; never anything that could name an output file.</summary>
    private static readonly Gen<string> Stray = Gen.Frequency(
        (3, Text),
        (2, Gen.OneOf("--", "-", "@", "@missing-response-file", "--graph=", "--format:json", "---", "-x", "--kinds", "--at", "\0", "ask", "help")),
        (2, ActorName));

    private static readonly Gen<string> Sentence =
        Gen.Frequency(
            (6, ActorName),
            (6, Gen.OneOf(
                "how", "did", "the", "triangle", "look", "in", "between", "and", "since", "after", "before", "until", "from", "to", "who", "was",
                "close", "history", "of", "what", "changed", "tell", "me", "about", "summits", "sanctions", "allies", "connected", "is", "–", "-",
                ",", "?", "'s", "the 1990s", "November", "27 July 1953", "1950s", "today")),
            (3, Date))
        .Array[0, 12].Select(words => string.Join(" ", words));

    private static readonly Gen<string[]> Command = Gen.OneOf(
        Gen.Const(new[] { "validate" }), GraphFile.Select(f => new[] { "validate", f }), Gen.Const(new[] { "actors" }), ActorName.Select(a => new[] { "show", a }),
        ActorName.Array[3].Select(a => (string[])["triangle", .. a]), ActorName.Array[0, 6].Select(a => (string[])["group", .. a]),
        ActorName.Array[2].Select(a => (string[])["path", .. a]), ActorName.Select(a => new[] { "neighbours", a }),
        ActorName.Array[1, 2].Select(a => (string[])["timeline", .. a]), Date.Array[2].Select(d => (string[])["diff", .. d]),
        Gen.OneOf(Repo.File("tests", "RelationsGraph.Tests", "Import", "Fixtures", "icews-mini"), Temp, "/nonexistent").Select(d => new[] { "import", "icews", d }),
        Gen.Const(new[] { "import" }), Gen.Const(new[] { "dot" }), Gen.Const(new[] { "export", "graphml" }), Gen.Const(new[] { "export", "neo4j" }),
        Gen.Const(new[] { "export" }), Sentence.Select(s => new[] { "ask", s }), Sentence.Array[1, 3].Select(s => (string[])["ask", .. s]),
        Gen.Const(Array.Empty<string>()));

    /// <summary>A command, then up to five options and up to two stray words, each option kept next to its value.</summary>
    public static Gen<string[]> Arguments { get; } =
        Gen.Select(Command, Option.Array[0, 5], Stray.Array[0, 2], Gen.Int[0, 100], (command, options, stray, at) =>
        {
            var parts = options.ToList();
            foreach (var word in stray)
            {
                parts.Insert(at % (parts.Count + 1), [word]);
            }

            return command.Concat(parts.SelectMany(p => p)).ToArray();
        });

    /// <summary>Runs a command line in-process and checks the outcome; returns the outcome for the caller to print.</summary>
    public static void RunsCleanly(string[] template)
    {
        var folder = Directory.CreateTempSubdirectory("relgraph-clifuzz-").FullName;
        try
        {
            var args = template.Select(a => a.Replace(Temp, folder, StringComparison.Ordinal)).ToArray();
            var (exit, stdout, stderr, escaped) = HangGuard.Run(
                () =>
                {
                    var output = new StringWriter { NewLine = "\n" };
                    var error = new StringWriter { NewLine = "\n" };
                    try
                    {
                        var code = Cli.Cli.Run(args, output, error);
                        return (Code: code, Output: output.ToString(), Error: error.ToString(), Escaped: (Exception?)null);
                    }
                    catch (Exception e)
                    {
                        return (Code: -1, Output: output.ToString(), Error: error.ToString(), Escaped: e);
                    }
                },
                () => $"relgraph with {Describe(template)}");
            var problem =
                escaped is not null ? $"{escaped.GetType().Name} escaped Cli.Run: {escaped.Message}"
                : exit is < 0 or > 2 ? $"exit code {exit}"
                : StackFrame().IsMatch(stdout) || StackFrame().IsMatch(stderr) ? "a stack trace was printed"
                : exit == 2 && !stderr.StartsWith("error: ", StringComparison.Ordinal) ? $"exit 2 without an error line: \"{stderr}\""
                : ExceptionName().IsMatch(stderr) ? $"an exception's name was printed: \"{stderr}\""
                : null;
            if (problem is not null)
            {
                throw new InvalidOperationException($"{problem}; {Describe(template)}", escaped);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Runs lines through one interactive session: lines made from command lines, shell quoting gone wrong,
    /// help and ask lines. The session must survive every line without reaching its catch-all for command bugs.
    /// </summary>
    public static Gen<string[]> ReplLines { get; } = Gen.Frequency(
        (4, Arguments.Select(ShellWords.Join)),
        (2, Arguments.Select(a => "help " + ShellWords.Join(a))),
        (2, Sentence.Select(s => "ask " + s)),
        (2, Gen.Frequency((4, Text), (2, Gen.OneOf("\"", "'", "\\", "\"unclosed", "'half", "a\\", "\"\\\"", "''", "\"\"", "#", "relgraph", "relgraph ask", "repl", "exit now"))).Array[1, 6].Select(string.Concat)))
        .Array[1, 6];

    public static void SessionSurvives(string[] lines)
    {
        var folder = Directory.CreateTempSubdirectory("relgraph-replfuzz-").FullName;
        try
        {
            var transcript = new StringWriter { NewLine = "\n" };
            var session = new ReplSession(new CliContext(transcript, transcript), []);
            HangGuard.Run(
                () =>
                {
                    foreach (var line in lines)
                    {
                        session.RunLine(line.Replace(Temp, folder, StringComparison.Ordinal));
                    }

                    return true;
                },
                () => $"the session; lines: {JsonSerializer.Serialize(lines)}");
            var text = transcript.ToString();
            if (StackFrame().IsMatch(text) || ExceptionName().IsMatch(text) || session.WorstExitCode is < 0 or > 2)
            {
                throw new InvalidOperationException($"A line reached a command bug (exit {session.WorstExitCode}): \"{text}\"; lines: {JsonSerializer.Serialize(lines)}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Describe(string[] template) =>
        $"arguments {JsonSerializer.Serialize(template)} (add them as a line of Reliability/CliCorpus.jsonl to keep them as a regression test)";

    [GeneratedRegex(@"error: [A-Z][A-Za-z]*Exception\b")]
    private static partial Regex ExceptionName();

    /// <summary>A line of a .NET stack trace, such as "   at RelationsGraph.Cli.Cli.Run(String[] args)".</summary>
    [GeneratedRegex(@"(?m)^\s+at [A-Za-z_][\w.`<>\[\],]*\(")]
    private static partial Regex StackFrame();
}
