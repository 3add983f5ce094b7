using System.Diagnostics;
using RelationsGraph.Cli;
using RelationsGraph.Cli.Repl;
using RelationsGraph.Graph;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Console;

public sealed class ReplTests
{
    private static Completer Completer { get; } = new(Cli.Cli.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null) { CompletionGraph = GraphFile.LoadBundled() }));

    /// <summary>Runs a script through a session whose output and errors go to one transcript, as a terminal shows them.</summary>
    private static (int WorstExitCode, string Transcript) RunScript(string script, bool echo = true, params (string, string?)[] options)
    {
        var transcript = new StringWriter { NewLine = "\n" };
        var session = new ReplSession(new CliContext(transcript, transcript), options);
        using var reader = new StringReader(script);
        session.Run(reader.ReadLine, echo ? transcript : null);
        return (session.WorstExitCode, transcript.ToString());
    }

    private static string Run(params string[] args) => CliRunner.Run(args).Output;

    [Fact]
    public void Session_AScriptWithAnErrorInTheMiddle_RunsToExit_AsTheGoldenTranscript()
    {
        var script = """
            # a scripted session
            actors
            triangle US China Iran --in 2017
            frobnicate
            show "Soviet Union"
            ask who was North Korea close to in 1950?
            exit
            actors
            """;

        var (worst, transcript) = RunScript(script);

        worst.Should().Be(2);
        CliRunner.ShouldMatchGolden(transcript, "repl-session.txt");
    }

    [Fact]
    public void Session_EachLine_AnswersExactlyAsTheCommandLine()
    {
        var (worst, transcript) = RunScript("path US DPRK --in 2017\ntimeline China DPRK --from 1950 --to 1953\n", echo: false);

        worst.Should().Be(0);
        transcript.Should().Be(Run("path", "US", "DPRK", "--in", "2017") + Run("timeline", "China", "DPRK", "--from", "1950", "--to", "1953"));
    }

    [Fact]
    public void Session_ErrorsAndUnclosedQuotes_DoNotEndIt()
    {
        var (worst, transcript) = RunScript("show \"North Korea\nshow Nort Korea\nshow Japan\n", echo: false);

        worst.Should().Be(2);
        transcript.Should().StartWith(
            "error: the double quote at column 6 is not closed.\n" +
            "error: ACTOR is one actor, and 2 words are given; quote a name with spaces, as in \"Nort Korea\".\n" +
            "Run 'relgraph show --help' for usage and examples.\n");
        transcript.Should().EndWith(Run("show", "Japan"));
    }

    [Fact]
    public void Session_Help_ShowsTheSameHelpAsTheCommandLine()
    {
        RunScript("help", echo: false).Transcript.Should().Be(Run("--help"));
        RunScript("help triangle", echo: false).Transcript.Should().Be(Run("triangle", "--help"));
    }

    [Fact]
    public void Session_ALineStartingWithRelgraph_RunsTheCommandAfterIt()
    {
        RunScript("relgraph show Japan", echo: false).Transcript.Should().Be(Run("show", "Japan"));
    }

    [Fact]
    public void Session_Repl_IsRefusedInsideTheInteractiveMode()
    {
        var (worst, transcript) = RunScript("repl\nshow Japan", echo: false);

        worst.Should().Be(2);
        transcript.Should().StartWith("error: this is the interactive mode already; type a command, or 'exit' to leave.\n");
    }

    [Fact]
    public void Session_Quit_EndsIt_AndSoDoesTheEndOfTheInput()
    {
        RunScript("quit\nshow Japan", echo: false).Transcript.Should().BeEmpty();
        RunScript(string.Empty, echo: false).Should().Be((0, string.Empty));
    }

    [Fact]
    public void Session_AskLine_TakesTheQuestionAsTyped_ApostrophesAndAll()
    {
        var (worst, transcript) = RunScript("ask who were China's allies in 1960?", echo: false);

        worst.Should().Be(0);
        transcript.Should().Be(CliRunner.Run("ask", "who were China's allies in 1960?").Output);
        ReplSession.Words("ask \"tell me about China\"").Should().Equal("ask", "tell", "me", "about", "China");
    }

    [Fact]
    public void Session_GraphGivenToTheSession_AppliesToEveryLine_AndStaysLoaded()
    {
        var folder = Directory.CreateTempSubdirectory("relgraph-repl-").FullName;
        var path = Path.Combine(folder, "graph.json");
        File.Copy(Repo.GraphJson, path);
        try
        {
            var transcript = new StringWriter { NewLine = "\n" };
            var session = new ReplSession(new CliContext(transcript, transcript), [("--graph", path)]);

            session.RunLine("show Japan");
            File.Delete(path);
            session.RunLine("show Japan");

            session.WorstExitCode.Should().Be(0, "the graph was read once and kept: {0}", transcript);
            transcript.ToString().Should().Be(Run("show", "Japan") + Run("show", "Japan"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Session_FormatGivenToTheSession_AppliesUnlessTheLineGivesItsOwn()
    {
        var (_, transcript) = RunScript("actors\nshow Japan --format text", echo: false, ("--format", "json"));

        transcript.Should().Be(Run("actors", "--format", "json") + Run("show", "Japan"));
    }

    [Fact]
    public void Relgraph_WithNoCommandAndNoTerminal_IsStillAUsageError()
    {
        var (code, output, error) = CliRunner.Run();

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be("error: Required command was not provided.\nRun 'relgraph --help' for usage and examples.\n");
    }

    [Fact]
    public void Relgraph_WithAnUnknownCommand_SaysOnlyThat()
    {
        var (code, output, error) = CliRunner.Run("frobnicate");

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be("error: Unrecognized command or argument 'frobnicate'.\nRun 'relgraph --help' for usage and examples.\n");
    }

    [Fact]
    public void Repl_FromAPipe_ReadsLinesPlainly_AndExitsWithTheWorstCode()
    {
        var (code, output, _) = RunProcess(["repl"], "show Japan\nshow Atlantis\n");

        code.Should().Be(2);
        output.Should().Be(Run("show", "Japan"), "a pipe gets no prompt and no banner");

        RunProcess(["repl", "--echo"], "show Japan\n").Output.Should().Be("relgraph> show Japan\n" + Run("show", "Japan"));
        RunProcess([], "show Japan\n").ExitCode.Should().Be(2, "with no command and no terminal, relgraph does not start the interactive mode");
    }

    [Theory]
    [InlineData("tri", "triangle ")]
    [InlineData("qu", "quit ")]
    [InlineData("neighbors DP", "neighbors DPRK ")]
    [InlineData("triangle US China DPRK --fr", "triangle US China DPRK --from ")]
    [InlineData("actors --format j", "actors --format json ")]
    [InlineData("triangle US --kinds ally,tre", "triangle US --kinds ally,treaty ")]
    [InlineData("show nor", "show \"North Korea\" ")]
    [InlineData("show \"Sou", "show \"South Korea\" ")]
    [InlineData("show pyon", "show Pyongyang ")]
    [InlineData("show \"Kim Jo", "show \"Kim Jong")]
    [InlineData("show Kim-Jong-U", "show Kim-Jong-Un ")]
    [InlineData("show \"People's R", "show \"People's Republic of China\" ")]
    [InlineData("ask tell me about nort", "ask tell me about North Korea ")]
    [InlineData("relgraph tim", "relgraph timeline ")]
    [InlineData("help tri", "help triangle ")]
    [InlineData("--graph graph.json sh", "--graph graph.json show ")]
    [InlineData("import ic", "import icews ")]
    public void Complete_AUniqueOrCommonPrefix_IsFilledIn_WithQuotesWhereNeeded(string line, string expected)
    {
        var completion = Completer.Complete(line, line.Length);

        completion.Insert.Should().NotBeNull();
        (line[..completion.Start] + completion.Insert).Should().Be(expected);
    }

    [Fact]
    public void Complete_AnAmbiguousPrefix_ListsTheCandidates_AndAddsNothing()
    {
        var commands = Completer.Complete("", 0);
        commands.Insert.Should().BeNull();
        commands.Candidates.Should().Contain(["actors", "ask", "diff", "exit", "group", "path", "repl", "show", "triangle"]);

        var kims = Completer.Complete("show Kim", 8);
        kims.Insert.Should().BeNull();
        kims.Candidates.Should().Equal(
            "Kim Il Sung", "Kim Il-sung", "Kim Ill Sung", "Kim Jong Il", "Kim Jong Un", "Kim Jong-Il", "Kim Jong-un", "Kim Jung-Il",
            "Kim-Il-Sung", "Kim-Jong-Il", "Kim-Jong-Un");

        var options = Completer.Complete("path US DPRK --", 15);
        options.Insert.Should().BeNull();
        options.Candidates.Should().Contain(["--k", "--directed", "--temporal", "--after", "--in", "--kinds", "--graph", "--format", "--notes", "--help"]);
    }

    [Fact]
    public void Complete_WhereNothingFits_DoesNothing()
    {
        Completer.Complete("diff 20", 7).Should().Match<Completion>(c => c.Insert == null && c.Candidates.Count == 0);
        Completer.Complete("show Atlantis", 13).Candidates.Should().BeEmpty();
        Completer.Complete("actors x", 8).Candidates.Should().BeEmpty("actors takes no actor arguments");
    }

    [Fact]
    public void Complete_InTheMiddleOfALine_ReplacesOnlyTheWordBeforeTheCursor()
    {
        var line = "tri US China DPRK";

        var completion = Completer.Complete(line, 3);

        (line[..completion.Start] + completion.Insert + line[3..]).Should().Be("triangle  US China DPRK");
    }

    [Theory]
    [InlineData("show ", true)]
    [InlineData("triangle US China ", true)]
    [InlineData("group ", true)]
    [InlineData("path US ", true)]
    [InlineData("neighbours ", true)]
    [InlineData("neighbors ", true)]
    [InlineData("timeline ", true)]
    [InlineData("ask who was ", true)]
    [InlineData("actors ", false)]
    [InlineData("diff ", false)]
    [InlineData("validate ", false)]
    [InlineData("import icews ", false)]
    public void Complete_OffersActors_WhereTheCommandTakesActors(string line, bool actors)
    {
        var candidates = Completer.Complete(line, line.Length).Candidates;

        if (actors)
        {
            candidates.Should().Contain(["DPRK", "North Korea", "Pyongyang"]);
        }
        else
        {
            candidates.Should().NotContain("DPRK");
        }
    }

    [Fact]
    public void History_UpAndDown_WalkTheLines_AndComeBackToTheDraft()
    {
        var history = new LineHistory();
        history.Add("show China");
        history.Add("  ");
        history.Add("show DPRK");
        history.Add("show DPRK");

        history.Entries.Should().Equal("show China", "show DPRK");
        history.Previous("tri").Should().Be("show DPRK");
        history.Previous("show DPRK").Should().Be("show China");
        history.Previous("show China").Should().BeNull();
        history.Next().Should().Be("show DPRK");
        history.Next().Should().Be("tri");
        history.Next().Should().BeNull();
    }

    [Fact]
    public void History_KeepsOnlyTheNewestLines_UpToItsCapacity()
    {
        var history = new LineHistory(capacity: 2);
        history.Add("a");
        history.Add("b");
        history.Add("c");

        history.Entries.Should().Equal("b", "c");
    }

    [Fact]
    public void History_IsKeptInTheHomeFolder_AndReadBackNextSession()
    {
        var home = Directory.CreateTempSubdirectory("relgraph-home-").FullName;
        try
        {
            var path = LineHistory.PathIn(home);
            path.Should().Be(Path.Combine(home, ".relgraph_history"));
            var first = LineHistory.Load(path);
            first.Add("show China");
            first.Add("triangle US China DPRK --in 2017");

            var second = LineHistory.Load(path);

            second.Entries.Should().Equal("show China", "triangle US China DPRK --in 2017");
            second.Previous(string.Empty).Should().Be("triangle US China DPRK --in 2017");
            File.ReadAllText(path!).Should().Be("show China\ntriangle US China DPRK --in 2017\n");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public void History_ThatCannotBeWritten_IsKeptInMemory_Silently()
    {
        var path = Path.Combine(Path.GetTempPath(), $"relgraph-missing-{Guid.NewGuid():N}", ".relgraph_history");
        var history = LineHistory.Load(path);

        history.Add("show China");

        history.Entries.Should().Equal("show China");
        File.Exists(path).Should().BeFalse();
        LineHistory.PathIn(null).Should().BeNull();
    }

    [Fact]
    public void Editor_TypingTabAndEnter_GivesTheCompletedLine_AndRemembersIt()
    {
        var (editor, terminal, history) = Editor();
        terminal.Type("tri\tUS China DPRK --i\t2017\r");

        editor.ReadLine().Should().Be("triangle US China DPRK --in 2017");
        history.Entries.Should().Equal("triangle US China DPRK --in 2017");
        terminal.Output.Should().StartWith("\rrelgraph> \u001b[K").And.EndWith("\r\n");
    }

    [Fact]
    public void Editor_UpAndDown_RecallHistory_AndEditingWorksAnywhereInTheLine()
    {
        var (editor, terminal, history) = Editor();
        history.Add("show China");
        history.Add("show DPRK");

        terminal.Type("sh");
        terminal.Press(ConsoleKey.UpArrow, ConsoleKey.UpArrow, ConsoleKey.DownArrow, ConsoleKey.DownArrow);
        editor.Begin();
        terminal.Drain(editor);
        editor.Text.Should().Be("sh", "Down past the newest line brings back what was being typed");

        terminal.Press(ConsoleKey.UpArrow, ConsoleKey.Home);
        terminal.Type("x");
        terminal.Press(ConsoleKey.Delete, ConsoleKey.End, ConsoleKey.LeftArrow, ConsoleKey.Backspace);
        terminal.Drain(editor);
        editor.Text.Should().Be("xhow DPK");
        editor.Cursor.Should().Be(7);
    }

    [Fact]
    public void Editor_AnAmbiguousTab_ListsTheCandidatesUnderThePrompt()
    {
        var (editor, terminal, _) = Editor();
        terminal.Type("show Kim\t");
        editor.Begin();

        terminal.Drain(editor);

        editor.Text.Should().Be("show Kim");
        terminal.Output.Should().Contain("Kim Il Sung").And.Contain("Kim-Jong-Un\r\n");
    }

    [Fact]
    public void Editor_CtrlC_DropsTheLine_AndCtrlDOnAnEmptyLine_EndsTheInput()
    {
        var (editor, terminal, history) = Editor();
        terminal.Type("show Ch");
        terminal.Control('C');
        terminal.Type("x");
        terminal.Control('A');
        terminal.Control('D');
        terminal.Control('D');

        editor.ReadLine().Should().BeNull();
        terminal.Output.Should().Contain("^C\r\n");
        history.Entries.Should().BeEmpty();
    }

    [Fact]
    public void Editor_ALineWiderThanTheTerminal_ScrollsSideways_KeepingTheCursorInView()
    {
        var (editor, terminal, _) = Editor(width: 30);
        terminal.Type("timeline China DPRK --from 1950 --to 1953");
        editor.Begin();

        terminal.Drain(editor);

        var lastDraw = terminal.Output[terminal.Output.LastIndexOf('\r')..];
        lastDraw.Should().Be("\rrelgraph> from 1950 --to 1953\u001b[K", "the last 19 characters fit beside the prompt");
    }

    [Fact]
    public void Editor_PastedLines_AreEachShownAfterThePrompt_BeforeTheyRun()
    {
        var (editor, terminal, _) = Editor();
        terminal.Pasting = true;
        terminal.Type("show DPRK\rtimeline China\r");

        editor.ReadLine().Should().Be("show DPRK");
        terminal.Output.Should().EndWith("\rrelgraph> show DPRK\u001b[K\r\n");
        editor.ReadLine().Should().Be("timeline China");
        terminal.Output.Should().EndWith("\rrelgraph> timeline China\u001b[K\r\n");
        terminal.Output.Split("\r\n").Should().HaveCount(3, "each pasted line is drawn once, ended once");
    }

    [Fact]
    public void Editor_PastedText_IsDrawnOnce_WhenItHasAllArrived()
    {
        var (editor, terminal, _) = Editor();
        terminal.Pasting = true;
        terminal.Type("show DPRK");
        editor.Begin();
        var before = terminal.Output.Length;

        terminal.Drain(editor);

        terminal.Output[before..].Should().Be("\rrelgraph> show DPRK\u001b[K", "nothing is drawn while more keys wait, then the whole line once");
    }

    private static (LineEditor Editor, FakeTerminal Terminal, LineHistory History) Editor(int width = 80)
    {
        var terminal = new FakeTerminal(width);
        var history = new LineHistory();
        return (new LineEditor(terminal, history, Completer.Complete, "relgraph> "), terminal, history);
    }

    private static (int ExitCode, string Output, string Error) RunProcess(string[] args, string input)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "relgraph.dll");
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(HangGuard.Limit).Should().BeTrue($"relgraph {string.Join(' ', args)} should finish within {HangGuard.Limit.TotalMinutes:0} minutes");
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A terminal for tests: keys come from a queue, everything drawn is kept.</summary>
    private sealed class FakeTerminal(int width) : ITerminal
    {
        private readonly Queue<ConsoleKeyInfo> keys = new();
        private readonly System.Text.StringBuilder output = new();

        public int Width => width;

        /// <summary>Gets or sets whether keys arrive faster than typed, as pasted text does: each key finds the next already waiting.</summary>
        public bool Pasting { get; set; }

        public bool KeyAvailable => Pasting && keys.Count > 0;

        public string Output => output.ToString();

        public ConsoleKeyInfo ReadKey() => keys.Count > 0 ? keys.Dequeue() : throw new InvalidOperationException("no more keys");

        public void Write(string text) => output.Append(text);

        public void Type(string text)
        {
            foreach (var c in text)
            {
                var key = c switch
                {
                    '\t' => ConsoleKey.Tab,
                    '\r' => ConsoleKey.Enter,
                    ' ' => ConsoleKey.Spacebar,
                    _ when char.IsAsciiLetterOrDigit(c) => (ConsoleKey)char.ToUpperInvariant(c),
                    _ => (ConsoleKey)0,
                };
                keys.Enqueue(new ConsoleKeyInfo(c, key, shift: false, alt: false, control: false));
            }
        }

        public void Press(params ConsoleKey[] pressed)
        {
            foreach (var key in pressed)
            {
                keys.Enqueue(new ConsoleKeyInfo('\0', key, shift: false, alt: false, control: false));
            }
        }

        public void Control(char letter) =>
            keys.Enqueue(new ConsoleKeyInfo((char)(letter - 'A' + 1), ConsoleKey.A + (letter - 'A'), shift: false, alt: false, control: true));

        /// <summary>Feeds every queued key to the editor.</summary>
        public void Drain(LineEditor editor)
        {
            while (keys.Count > 0)
            {
                editor.Handle(keys.Dequeue());
            }
        }
    }
}
