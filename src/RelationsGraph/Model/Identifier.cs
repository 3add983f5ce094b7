using System.Globalization;

namespace RelationsGraph.Model;

/// <summary>The one rule for ids of sources, actors, relations and events.</summary>
internal static class Identifier
{
    public const int MaxLength = 200;

    private static readonly System.Buffers.SearchValues<char> IdAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    private static readonly System.Buffers.SearchValues<byte> IdAlphabetUtf8 =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-"u8);

    /// <summary>Whether UTF-8 bytes spell a valid id (the rule of <see cref="Check"/>; a valid id is ASCII, one byte per character).</summary>
    public static bool IsValid(ReadOnlySpan<byte> utf8) => IsValidIfInAlphabet(utf8) && InAlphabet(utf8);

    /// <summary>Whether UTF-8 bytes are all of the id alphabet: of many ids at once, whose bytes lie one after another.</summary>
    internal static bool InAlphabet(ReadOnlySpan<byte> utf8) => !utf8.ContainsAnyExcept(IdAlphabetUtf8);

    /// <summary>Whether bytes known to be of the id alphabet spell a valid id (its length and its first character).</summary>
    internal static bool IsValidIfInAlphabet(ReadOnlySpan<byte> utf8) =>
        utf8.Length is > 0 and <= MaxLength && char.IsAsciiLetterOrDigit((char)utf8[0]);

    /// <summary>Returns why <paramref name="id"/> is not a valid id, or null when it is.</summary>
    public static string? Check(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "an id must not be empty.";
        }

        if (id.Length > MaxLength)
        {
            return $"the id '{id[..20]}…' is {id.Length} characters long; at most {MaxLength} are allowed.";
        }

        if (!char.IsAsciiLetterOrDigit(id[0]))
        {
            return $"the id '{id}' must start with an ASCII letter or digit.";
        }

        // A vectorized search for the first character outside the id alphabet; loads check millions of ids.
        var bad = id.AsSpan().IndexOfAnyExcept(IdAlphabet);
        return bad < 0 ? null : $"the id '{id}' contains '{id[bad]}'; ids use ASCII letters, digits and . _ : - only.";
    }

    public static string Require(string? id, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        var error = Check(id);
        return error is null ? id : throw new ArgumentException(Capitalize(error), paramName);
    }

    public static string RequireText(string? text, string paramName, string what)
    {
        ArgumentNullException.ThrowIfNull(text, paramName);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"The {what} must not be empty or white space.", paramName);
        }

        return RequireWellFormed(text, paramName, what);
    }

    /// <summary>Text known not to be blank, checked to be well-formed: an unpaired surrogate has no UTF-8 form, so the graph could not be saved.</summary>
    public static string RequireWellFormed(string text, string paramName, string what)
    {
        var bad = UnpairedSurrogate(text);
        return bad < 0
            ? text
            : throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The {what} has an unpaired surrogate (U+{(int)text[bad]:X4} at index {bad}); text must be well-formed Unicode."),
                paramName);
    }

    /// <summary>Optional text: null, empty or white space is none (null); anything else must be <see cref="RequireText"/> text.</summary>
    public static string? OptionalText(string? text, string paramName, string what) =>
        string.IsNullOrWhiteSpace(text) ? null : RequireText(text, paramName, what);

    private static int UnpairedSurrogate(string text)
    {
        // Most text has no surrogate at all, which a vectorized search tells at once.
        var first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return -1;
        }

        for (var i = first; i < text.Length; i++)
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

    public static string Capitalize(string sentence) =>
        sentence.Length == 0 ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..];
}
