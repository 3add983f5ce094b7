using System.Globalization;
using System.Text.Json;
using CsCheck;
using RelationsGraph.Cli;
using RelationsGraph.Cli.Repl;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// The bounded fuzz run: the loader (byte and token mutations of valid files), the console's argument parsing and
/// commands, and the interactive session's line handling, each for a share of RELGRAPH_FUZZ_SECONDS (CI sets it;
/// unset, each target runs 3 s). Inputs are random every run; a failure names its input, to be kept in
/// Reliability/Corpus (graph files) or Reliability/CliCorpus.jsonl (command lines).
/// </summary>
public sealed class FuzzTests
{
    private const int Targets = 4;

    /// <summary>Seconds for each fuzz target.</summary>
    private static int Seconds { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("RELGRAPH_FUZZ_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var total) && total > 0
            ? Math.Max(1, total / Targets)
            : 3;

    [Fact]
    public void Fuzz_Loader_ByteMutations()
    {
        LoaderMutation.ByteEdits.Sample(
            (seed, edits) => LoaderMutation.LoadsOrFailsCleanly(LoaderMutation.ApplyBytes(seed, edits)),
            iter: long.MaxValue,
            time: Seconds);
    }

    [Fact]
    public void Fuzz_Loader_TokenMutations()
    {
        LoaderMutation.TokenEdits.Sample(
            (seed, edits) => LoaderMutation.LoadsOrFailsCleanly(LoaderMutation.ApplyTokens(seed, edits)),
            iter: long.MaxValue,
            time: Seconds);
    }

    [Fact]
    public void Fuzz_Console_ArgumentsAndCommands()
    {
        CliFuzz.Arguments.Sample(CliFuzz.RunsCleanly, iter: long.MaxValue, time: Seconds, print: a => JsonSerializer.Serialize(a));
    }

    [Fact]
    public void Fuzz_InteractiveSession_Lines()
    {
        CliFuzz.ReplLines.Sample(CliFuzz.SessionSurvives, iter: long.MaxValue, time: Seconds, print: l => JsonSerializer.Serialize(l));
    }

    public static TheoryData<string> CliRegressions() =>
        new(File.ReadAllLines(Repo.File("tests", "RelationsGraph.Tests", "Reliability", "CliCorpus.jsonl")).Where(l => l.Trim().Length > 0));

    [Theory]
    [MemberData(nameof(CliRegressions))]
    public void CommandLinesThatOnceFailed_RunCleanly(string line)
    {
        CliFuzz.RunsCleanly(JsonSerializer.Deserialize<string[]>(line)!);
    }

    [Fact]
    public void ShellWords_JoinThenSplit_GivesTheSameWords()
    {
        Gen.Frequency((3, GraphGen.Text), (1, Gen.OneOf("", " ", "\"", "'", "\\", "\\\\", "\"'\"", "a b", "--x=\"y z\"", "\t", "\n"))).Array[0, 6].Sample(
            words => ShellWords.Split(ShellWords.Join(words)).Should().Equal(words),
            iter: 2000,
            print: w => JsonSerializer.Serialize(w));
    }

    [Fact]
    public void ShellWords_AnyLine_SplitsOrSaysWhichQuoteIsOpen_AndScanNeverThrows()
    {
        Gen.Frequency((3, GraphGen.Text), (2, Gen.OneOf("\"", "'", "\\", " ", "ab"))).Array[0, 10].Select(string.Concat).Sample(
            line =>
            {
                var words = ShellWords.Scan(line, out var openQuoteAt, out _);
                words.Should().BeInAscendingOrder(w => w.Start);
                words.All(w => w.Start >= 0 && w.Start < w.End && w.End <= line.Length).Should().BeTrue("every word lies within the line");
                openQuoteAt.Should().BeInRange(-1, line.Length - 1);
                try
                {
                    ShellWords.Split(line);
                }
                catch (UserInputException e)
                {
                    e.Message.Should().MatchRegex("^the (double|single) quote at column [0-9]+ is not closed\\.$|^the line ends in a backslash");
                }
            },
            iter: 2000,
            print: l => JsonSerializer.Serialize(l));
    }
}
