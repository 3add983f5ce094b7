using System.Globalization;
using System.Text;

namespace RelationsGraph.Common;

/// <summary>
/// Thrown when graph data is invalid: malformed JSON, wrong types, unknown references, duplicate ids,
/// impossible dates and the like. The message names the file, line, column and JSON path where they are
/// known, and says what was expected, as in
/// <c>graph.json:12:15: $.relations[3].at: '2017-02-30' is not a date: day 30 does not exist in 2017-02, which has 28 days.</c>
/// </summary>
/// <remarks>
/// Nothing is half-loaded: when this is thrown, no graph was returned. The message is one visible line:
/// characters a terminal would not show, or would break the line at (controls, format characters such as
/// a byte order mark or a right-to-left override, line separators), are written as <c>\uXXXX</c>; and it stays
/// short: a JSON path over 200 characters or a problem over 1,000 (one quoting a 10 MB property name) keeps its
/// start and end with "…" between.
/// </remarks>
public sealed class GraphDataException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong and what was expected, as a sentence.</param>
    /// <param name="filePath">The file, or <see langword="null"/> when the data did not come from a file.</param>
    /// <param name="line">The 1-based line, or 0 when unknown.</param>
    /// <param name="column">The 1-based column, or 0 when unknown.</param>
    /// <param name="jsonPath">The JSON path, such as <c>$.relations[3].kind</c>, or <see langword="null"/>.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public GraphDataException(string problem, string? filePath = null, int line = 0, int column = 0, string? jsonPath = null, Exception? innerException = null)
        : base(Visible(Format(Cut(problem, 300, 600), filePath, line, column, jsonPath is null ? null : Cut(jsonPath, 100, 100))), innerException)
    {
        Problem = problem;
        FilePath = filePath;
        Line = line;
        Column = column;
        JsonPath = jsonPath;
    }

    /// <summary>Gets what is wrong and what was expected, without the location.</summary>
    public string Problem { get; }

    /// <summary>Gets the file the data came from, or <see langword="null"/>.</summary>
    public string? FilePath { get; }

    /// <summary>Gets the 1-based line of the problem, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column of the problem, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>Gets the JSON path of the problem, such as <c>$.relations[3].kind</c>, or <see langword="null"/>.</summary>
    public string? JsonPath { get; }

    private static string Format(string problem, string? filePath, int line, int column, string? jsonPath)
    {
        var where = filePath ?? string.Empty;
        if (line > 0)
        {
            where += string.Create(CultureInfo.InvariantCulture, $":{line}:{column}");
        }

        var parts = new List<string>(3);
        if (where.Length > 0)
        {
            parts.Add(where.TrimStart(':'));
        }

        if (!string.IsNullOrEmpty(jsonPath))
        {
            parts.Add(jsonPath);
        }

        parts.Add(problem);
        return string.Join(": ", parts);
    }

    /// <summary>Keeps the first and last characters of a text longer than both, with "…" between.</summary>
    private static string Cut(string text, int head, int tail)
    {
        if (text.Length <= head + tail + 100)
        {
            return text;
        }

        // Never between the two halves of a surrogate pair.
        var end = char.IsLowSurrogate(text[head]) ? head + 1 : head;
        var start = char.IsLowSurrogate(text[^tail]) ? text.Length - tail + 1 : text.Length - tail;
        return string.Concat(text.AsSpan(0, end), "…", text.AsSpan(start));
    }

    private static string Visible(string text)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate)
            {
                escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                escaped?.Append(c);
            }
        }

        return escaped?.ToString() ?? text;
    }
}
