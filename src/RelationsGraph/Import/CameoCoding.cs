using System.Globalization;
using RelationsGraph.Model;

namespace RelationsGraph.Import;

/// <summary>
/// The CAMEO coding of an imported event: its code, the codebook's description of the code and the code's
/// Goldstein weight (−10 most conflictual to +10 most cooperative). graph.json carries it in the relation's note,
/// written by the importer as <c>CAMEO 163 (Impose embargo, boycott, or sanctions); Goldstein -8.0.</c>; this type
/// is the one place that writes and reads that form.
/// </summary>
/// <param name="Code">The CAMEO code, such as <c>163</c>.</param>
/// <param name="Description">The codebook's description of the code.</param>
/// <param name="Goldstein">The code's Goldstein weight, or <see langword="null"/> when the codebook has none.</param>
/// <remarks>Immutable.</remarks>
public sealed record CameoCoding(string Code, string Description, double? Goldstein)
{
    private const string Prefix = "CAMEO ";
    private const string WeightPart = "); Goldstein ";

    /// <summary>Reads the coding of a relation, from its note.</summary>
    /// <param name="relation">The relation.</param>
    /// <returns>The coding, or <see langword="null"/> when the relation carries none (it was not imported from event data).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="relation"/> is null.</exception>
    public static CameoCoding? Of(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return Parse(relation.Note);
    }

    /// <summary>The note the importer writes for a code: <c>CAMEO 163 (Impose embargo, boycott, or sanctions); Goldstein -8.0.</c></summary>
    internal string ToNote() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix}{Code} ({Description}{WeightPart}{Goldstein?.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) ?? "unknown"}.");

    /// <summary>Reads a note in the form <see cref="ToNote"/> writes; anything else is no coding.</summary>
    internal static CameoCoding? Parse(string? note)
    {
        if (note is null || !note.StartsWith(Prefix, StringComparison.Ordinal) || !note.EndsWith('.'))
        {
            return null;
        }

        var open = note.IndexOf(" (", Prefix.Length, StringComparison.Ordinal);
        var weight = note.LastIndexOf(WeightPart, StringComparison.Ordinal);
        if (open < 0 || weight < open)
        {
            return null;
        }

        var code = note[Prefix.Length..open];
        var description = note[(open + 2)..weight];
        var value = note[(weight + WeightPart.Length)..^1];
        if (code.Length == 0 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        if (value == "unknown")
        {
            return new CameoCoding(code, description, null);
        }

        return double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var goldstein)
            ? new CameoCoding(code, description, goldstein)
            : null;
    }
}
