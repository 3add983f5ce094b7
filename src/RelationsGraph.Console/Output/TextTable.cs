namespace RelationsGraph.Cli.Output;

/// <summary>
/// Plain aligned columns for terminals: each column as wide as its widest cell, two spaces apart, numbers
/// right-aligned where asked; a row too wide for the screen wraps its last cell under that cell's column.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];
    private readonly HashSet<int> right = [];

    public TextTable Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells.", nameof(cells));
        }

        rows.Add(cells);
        return this;
    }

    /// <summary>Aligns the cells of some columns (counted from 0) to the right, as numbers read.</summary>
    public TextTable AlignRight(params int[] columns)
    {
        right.UnionWith(columns);
        return this;
    }

    public void WriteTo(TextWriter writer, string indent = "")
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        WriteRow(writer, indent, headers, widths);
        foreach (var row in rows)
        {
            WriteRow(writer, indent, row, widths);
        }
    }

    private void WriteRow(TextWriter writer, string indent, string[] cells, int[] widths)
    {
        var parts = cells.Select((cell, i) =>
            right.Contains(i) ? cell.PadLeft(widths[i])
            : i == cells.Length - 1 ? ScreenWriter.Hang + cell
            : cell.PadRight(widths[i]));
        writer.WriteLine((indent + string.Join("  ", parts)).TrimEnd());
    }
}
