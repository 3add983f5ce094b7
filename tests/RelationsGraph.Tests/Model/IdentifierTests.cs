using CsCheck;
using RelationsGraph.Model;

namespace RelationsGraph.Tests.Model;

/// <summary>
/// The id and text checks run millions of times in a load, so they search vectorized; these compare them with
/// the plain character-by-character rule on random strings drawn mostly from the characters that matter.
/// </summary>
public sealed class IdentifierTests
{
    private static readonly Gen<string> Strings =
        Gen.String[Gen.OneOf(Gen.Char["aZ09._:- /é"], Gen.Char['\uD800', '\uDFFF'], Gen.Char), 0, 12];

    [Fact]
    public void IdCheck_AcceptsExactlyTheIdAlphabet_AndNamesTheFirstBadCharacter()
    {
        Strings.Sample(id =>
        {
            var error = Identifier.Check(id);
            var firstBad = Enumerable.Range(0, id.Length).Where(i => !(char.IsAsciiLetterOrDigit(id[i]) || id[i] is '.' or '_' or ':' or '-')).DefaultIfEmpty(-1).First();
            var valid = id.Length > 0 && char.IsAsciiLetterOrDigit(id[0]) && firstBad < 0;
            (error is null).Should().Be(valid, $"'{id}'");
            if (id.Length > 0 && char.IsAsciiLetterOrDigit(id[0]) && firstBad >= 0)
            {
                error.Should().Contain($"contains '{id[firstBad]}'");
            }
        });
    }

    [Fact]
    public void TextCheck_RejectsExactlyTheStringsWithAnUnpairedSurrogate()
    {
        Strings.Where(s => !string.IsNullOrWhiteSpace(s)).Sample(text =>
        {
            var check = () => Identifier.RequireText(text, "quote", "label");
            var wellFormed = System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text)) == text;
            if (wellFormed)
            {
                check.Should().NotThrow();
            }
            else
            {
                check.Should().Throw<ArgumentException>().WithMessage($"*at index {ReferenceUnpaired(text)})*");
            }
        });
    }

    private static int ReferenceUnpaired(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
