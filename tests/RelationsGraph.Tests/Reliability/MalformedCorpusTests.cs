using RelationsGraph.Common;
using RelationsGraph.Graph;
using RelationsGraph.Storage;
using RelationsGraph.Tests.Console;

namespace RelationsGraph.Tests.Reliability;

/// <summary>Every file of the malformed corpus fails with its exact message, in the library and in the console.</summary>
public sealed class MalformedCorpusTests
{
    public static TheoryData<string> Cases() => new(MalformedCorpus.Names());

    /// <summary>
    /// The committed cases that are strict JSON other tools could lay out differently (no comments, repeated keys,
    /// encoding problems or infinite numbers): their problem does not depend on the layout.
    /// </summary>
    public static TheoryData<string> RelayableCases() =>
        new(MalformedCorpus.Names().Where(n => Storage.Layouts.Parsed(Path.Combine(MalformedCorpus.Folder, n + ".json")) is not null));

    /// <summary>The cases the console can meet: it loads with the default limits, so cases about other limits are not among them.</summary>
    public static TheoryData<string> ConsoleCases() => new(MalformedCorpus.Names().Where(n => MalformedCorpus.Options(n) == GraphLoadOptions.Default));

    [Fact]
    public void Corpus_HasAtLeastThirtyCases()
    {
        MalformedCorpus.Names().Should().HaveCountGreaterThanOrEqualTo(30);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_FailsWithTheExpectedTypeAndMessage(string name)
    {
        using var input = MalformedCorpus.Open(name);

        var error = FluentActions.Invoking(() => GraphFile.Load(input.Path, input.Options)).Should().Throw<Exception>().Which;

        var message = input.Relative(error.Message);
        input.UpdateIfAsked(message);
        error.Should().BeOfType(input.ExpectedType, message);
        message.Should().Be(input.Expected);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LoadInParts_FailsWithTheExpectedTypeAndMessage(string name)
    {
        // The same file read in parts on several cores (as big files are): the same first problem, located alike.
        using var input = MalformedCorpus.Open(name);

        var error = FluentActions.Invoking(() => GraphJsonReader.ReadFile(input.Path, input.Options, parallelFrom: 0)).Should().Throw<Exception>().Which;

        error.Should().BeOfType(input.ExpectedType);
        input.Relative(error.Message).Should().Be(input.Expected);
    }

    [Theory]
    [MemberData(nameof(RelayableCases))]
    public void InOtherLayouts_TheSameProblemIsFound_InOnePieceAndInParts(string name)
    {
        // Where the case is JSON that other tools could have written differently (compact, keys and relations
        // shuffled, relations first): the problem is the same; only where it is found moves.
        using var input = MalformedCorpus.Open(name);
        var canonical = Storage.Layouts.Parsed(input.Path)!;

        var expected = ((GraphDataException)FluentActions.Invoking(() => GraphFile.Load(input.Path, input.Options)).Should().Throw<Exception>().Which).Problem;
        foreach (var layout in Storage.Layouts.Names.Skip(1))
        {
            var path = Path.Combine(Path.GetTempPath(), $"relgraph-corpus-{Guid.NewGuid():N}.json");
            try
            {
                File.WriteAllText(path, Storage.Layouts.Of(canonical, layout, 1));
                var whole = FluentActions.Invoking(() => GraphJsonReader.ReadFile(path, input.Options, long.MaxValue)).Should().Throw<GraphDataException>().Which;
                var parts = FluentActions.Invoking(() => GraphJsonReader.ReadFile(path, input.Options, 0)).Should().Throw<GraphDataException>().Which;

                parts.Message.Should().Be(whole.Message, layout);
                if (layout != "relations-first" && input.Options == GraphLoadOptions.Default)
                {
                    // Line numbers in a problem ("first at line 11") move with the layout.
                    Digitless(whole.Problem).Should().Be(Digitless(expected), layout);
                }
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    private static string Digitless(string text) => System.Text.RegularExpressions.Regex.Replace(text, "[0-9]+", "#");

    [Theory]
    [MemberData(nameof(ConsoleCases))]
    public void Validate_PrintsTheExpectedMessageOnOneLine_AndExitsTwo(string name)
    {
        using var input = MalformedCorpus.Open(name);

        var (code, output, error) = CliRunner.Run("validate", input.Path);

        code.Should().Be(2);
        output.Should().BeEmpty();
        input.Relative(error).Should().Be($"error: {input.Expected}\n");
    }
}
