using System.Diagnostics;
using System.Text;

namespace RelationsGraph.Export;

/// <summary>
/// Quotes text for DOT so that any name or label reads back exactly. Every value is a double-quoted
/// string, so keywords (<c>node</c>, <c>strict</c>, …), <c>-&gt;</c>, braces and semicolons are plain text.
/// </summary>
internal static class DotText
{
    /// <summary>
    /// Graphviz rejects a quoted string longer than 16384 bytes, so longer text is written as several
    /// strings joined by DOT's <c>+</c>; each piece stays well below the limit.
    /// </summary>
    internal const int MaxPieceBytes = 8000;

    /// <summary>
    /// Quotes a value Graphviz reads as an escString (labels, tooltips, ids): backslashes are doubled so
    /// that <c>\N</c>, <c>\l</c> and friends stay literal, quotes are escaped, line breaks become
    /// centred <c>\n</c>, and <c>&amp;</c> becomes <c>&amp;amp;</c> because Graphviz decodes HTML entities
    /// in labels. What SVG cannot hold (control characters) becomes U+FFFD.
    /// </summary>
    public static string Text(string value)
    {
        var text = ExportText.XmlSafe(value);
        var pieces = new List<string>();
        var piece = new StringBuilder("\"");
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string unit;
            if (c == '\r')
            {
                unit = "\\n";
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (char.IsHighSurrogate(c))
            {
                unit = text.Substring(i, 2);
                i++;
            }
            else
            {
                unit = c switch
                {
                    '\\' => "\\\\",
                    '"' => "\\\"",
                    '\n' => "\\n",
                    '&' => "&amp;",
                    _ => c.ToString(),
                };
            }

            var size = Encoding.UTF8.GetByteCount(unit);
            if (bytes + size > MaxPieceBytes)
            {
                pieces.Add(piece.Append('"').ToString());
                piece.Clear().Append('"');
                bytes = 0;
            }

            piece.Append(unit);
            bytes += size;
        }

        pieces.Add(piece.Append('"').ToString());
        return string.Join(" + ", pieces);
    }

    /// <summary>
    /// Quotes a tooltip: on one line, line breaks and tabs as spaces, otherwise as <see cref="Text"/>. (Graphviz 2.43
    /// expands escapes in tooltips twice, so a backslash in one may not read back as itself.)
    /// </summary>
    public static string Tooltip(string value) =>
        Text(value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' '));

    /// <summary>Quotes a node or graph name made of id characters, which need no escaping.</summary>
    public static string Id(string id)
    {
        Debug.Assert(id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-' or ' '), $"'{id}' is not a plain DOT id.");
        return $"\"{id}\"";
    }
}
