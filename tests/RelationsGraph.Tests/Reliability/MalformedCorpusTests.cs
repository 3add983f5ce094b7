using RelationsGraph.Graph;
using RelationsGraph.Storage;
using RelationsGraph.Tests.Console;

namespace RelationsGraph.Tests.Reliability;

/// <summary>Every file of the malformed corpus fails with its exact message, in the library and in the console.</summary>
public sealed class MalformedCorpusTests
{
    public static TheoryData<string> Cases() => new(MalformedCorpus.Names());

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
