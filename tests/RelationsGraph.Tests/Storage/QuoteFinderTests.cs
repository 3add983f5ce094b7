using CsCheck;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Storage;

/// <summary>
/// SourceCheck finds quotes through an index of eight-character keys once a source has been searched many
/// times. It must answer exactly as a plain substring search does, for quotes that occur (anywhere, at the
/// very end, overlapping, many times) and quotes that do not (one character off, longer than the text).
/// </summary>
public sealed class QuoteFinderTests
{
    [Fact]
    public void Contains_AnswersAsAPlainSubstringSearch_BeforeAndAfterIndexing()
    {
        // A small alphabet makes repeats, shared eight-character starts and near misses common.
        var gen = Gen.Select(Gen.String[Gen.Char["ab 0"], 0, 400], Gen.Int[0, 1000].Array[80, 200]);
        gen.Sample((text, seeds) =>
        {
            var finder = new SourceCheck.QuoteFinder(text);
            var random = new Random(seeds[0]);
            foreach (var seed in seeds)
            {
                string quote;
                if (text.Length > 0 && seed % 3 != 0)
                {
                    var start = random.Next(text.Length);
                    quote = text.Substring(start, random.Next(text.Length - start + 1));
                    if (seed % 3 == 2 && quote.Length > 0)
                    {
                        var at = random.Next(quote.Length);
                        quote = quote[..at] + (quote[at] == 'a' ? 'b' : 'a') + quote[(at + 1)..];
                    }
                }
                else
                {
                    quote = new string('a', random.Next(1, 12)) + "b" + new string('0', random.Next(0, 3));
                }

                finder.Contains(quote).Should().Be(text.Contains(quote, StringComparison.Ordinal), $"text \"{text}\", quote \"{quote}\"");
            }
        }, iter: 200);
    }
}
