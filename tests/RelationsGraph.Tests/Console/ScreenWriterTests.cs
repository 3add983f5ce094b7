using RelationsGraph.Cli.Output;

namespace RelationsGraph.Tests.Console;

public sealed class ScreenWriterTests
{
    private const char Hang = ScreenWriter.Hang;

    [Fact]
    public void Wrap_AShortLine_IsLeftAsItIs()
    {
        ScreenWriter.Wrap("  + 2017  summit  A -- B  met", 40).Should().Equal("  + 2017  summit  A -- B  met");
    }

    [Fact]
    public void Wrap_AtTheMark_KeepsTheColumnsBeforeIt_AndHangsUnderIt()
    {
        var lines = ScreenWriter.Wrap($"  + 2017  summit  {Hang}the leaders of the two states met in Singapore for the first time in history", 60);

        lines.Should().Equal(
            "  + 2017  summit  the leaders of the two states met in",
            "                  Singapore for the first time in history");
    }

    [Fact]
    public void Wrap_WithoutAMark_HangsTwoColumnsRightOfTheIndent()
    {
        ScreenWriter.Wrap("  one two three four five six seven", 20).Should().Equal(
            "  one two three four",
            "    five six seven");
    }

    [Fact]
    public void Wrap_AWordLongerThanTheRoom_IsCut()
    {
        ScreenWriter.Wrap("abcdefghijklmnopqrstuvwxyz", 10).Should().Equal("abcdefghij", "  klmnopqr", "  stuvwxyz");
    }

    [Fact]
    public void Wrap_AMarkTooFarRight_HangsCloserToTheIndent_SoTheTextKeepsItsRoom()
    {
        var lines = ScreenWriter.Wrap(new string('x', 30) + " " + Hang + string.Join(' ', Enumerable.Repeat("word", 12)), 50);

        lines.Skip(1).Should().OnlyContain(l => l.StartsWith("    word", StringComparison.Ordinal));
        lines.Should().OnlyContain(l => l.Length <= 50);
    }

    [Fact]
    public void Wrap_CountsNoColumnsForColourCodes()
    {
        var red = "\u001b[31m-\u001b[0m";

        var lines = ScreenWriter.Wrap($"{red} one two three", 13);

        lines.Should().Equal($"{red} one two", "  three");
    }

    [Fact]
    public void Writer_WrapsEachLine_AndNeverWritesTheMark()
    {
        var inner = new StringWriter { NewLine = "\n" };
        using (var writer = new ScreenWriter(inner, 20))
        {
            writer.WriteLine($"a: {Hang}one two three four five");
            writer.Write("b\nc");
        }

        inner.ToString().Should().Be("a: one two three\n   four five\nb\nc");
    }
}
