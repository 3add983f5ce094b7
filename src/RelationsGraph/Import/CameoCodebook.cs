using System.Globalization;
using System.Text;
using RelationsGraph.Model;
using RelationsGraph.Common;

namespace RelationsGraph.Import;

/// <summary>
/// The CAMEO event codes with their descriptions and Goldstein weights, read from the two tab-separated
/// tables <c>CAMEO.eventcodes.txt</c> and <c>CAMEO.goldsteinscale.txt</c>, and the matching of an event
/// dataset's own wording of a description to a code.
/// </summary>
internal sealed class CameoCodebook
{
    public const string EventCodesFile = "CAMEO.eventcodes.txt";
    public const string GoldsteinFile = "CAMEO.goldsteinscale.txt";

    /// <summary>
    /// ICEWS wordings that neither equal a codebook description nor reduce to one by <see cref="Normalize"/>,
    /// each with the code whose description says the same thing. Where the codebook has no code that
    /// narrow, the code is the one above it (the same CAMEO root, so the same relation kind).
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> IcewsWordings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Make an appeal or request"] = "020",
        ["Express intent to engage in diplomatic cooperation (such as policy support)"] = "032",
        ["Express intent to provide material aid"] = "033",
        ["Express intent to allow international involvement (non-mediation)"] = "0355",
        ["Appeal to engage in or accept mediation"] = "028",
        ["Appeal for easing of political dissent"] = "0252",
        ["Demand diplomatic cooperation (such as policy support)"] = "102",
        ["Demand material cooperation"] = "101",
        ["Demand material aid"] = "103",
        ["Demand that target yields"] = "105",
        ["Demand settling of dispute"] = "10",
        ["Reject judicial cooperation"] = "121",
        ["Threaten with sanctions, boycott, embargo"] = "1312",
        ["Threaten with restrictions on political freedoms"] = "1321",
        ["Threaten with political dissent, protest"] = "133",
        ["Threaten with repression"] = "137",
        ["Threaten with military force"] = "138",
        ["Reduce or stop material aid"] = "162",
        ["Use chemical, biological, or radiological weapons"] = "2041",
    };

    private readonly Dictionary<string, string> descriptions;
    private readonly Dictionary<string, double> goldstein;
    private readonly Dictionary<string, string> byDescription;
    private readonly Dictionary<string, string> byNormalized;

    private CameoCodebook(Dictionary<string, string> descriptions, Dictionary<string, double> goldstein)
    {
        this.descriptions = descriptions;
        this.goldstein = goldstein;
        byDescription = new Dictionary<string, string>(StringComparer.Ordinal);
        byNormalized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, description) in descriptions.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            byDescription.TryAdd(FoldSpaces(description), code);

            // A root ("10 DEMAND") and its "not specified below" code ("100") normalize alike; the
            // dataset's "Demand" is the latter, the event that is not one of the finer codes.
            var key = Normalize(description);
            if (!byNormalized.TryGetValue(key, out var existing) || (existing.Length == 2 && code.Length > 2))
            {
                byNormalized[key] = code;
            }
        }
    }

    /// <summary>Gets the number of codes.</summary>
    public int Count => descriptions.Count;

    /// <summary>Reads the two tables from a folder.</summary>
    /// <exception cref="GraphDataException">A table is missing a column, a code or a weight.</exception>
    /// <exception cref="IOException">A table cannot be read.</exception>
    public static CameoCodebook Load(string folder)
    {
        var codesPath = Path.Combine(folder, EventCodesFile);
        var weightsPath = Path.Combine(folder, GoldsteinFile);
        foreach (var path in new[] { codesPath, weightsPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The CAMEO table '{path}' does not exist; the folder of CAMEO tables needs {EventCodesFile} and {GoldsteinFile}.", path);
            }
        }

        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, text, line) in ReadTable(codesPath))
        {
            // Lines "1 Verbal Cooperation" … "4 Material Conflict" name GDELT's quad classes, not codes.
            if (code.Length >= 2 && !descriptions.TryAdd(code, text))
            {
                throw new GraphDataException($"The CAMEO code {code} appears twice.", codesPath, line, 1);
            }
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (code, text, line) in ReadTable(weightsPath))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight is < -10 or > 10)
            {
                throw new GraphDataException($"'{text}' is not a Goldstein weight for CAMEO code {code}; expected a number from -10 to 10.", weightsPath, line, code.Length + 2);
            }

            weights[code] = weight;
        }

        return new CameoCodebook(descriptions, weights);
    }

    /// <summary>Gets the description of a code, or null.</summary>
    public string? DescriptionOf(string code) => descriptions.GetValueOrDefault(code);

    /// <summary>Gets the Goldstein weight of a code, falling back to its parent codes; null when none has one.</summary>
    public double? GoldsteinOf(string code)
    {
        for (var c = code; c.Length >= 2; c = c[..^1])
        {
            if (goldstein.TryGetValue(c, out var weight))
            {
                return weight;
            }
        }

        return null;
    }

    /// <summary>
    /// Finds the code for a dataset's description: first as written (white space folded), then
    /// <see cref="Normalize">normalized</see>, then in the table of known ICEWS wordings.
    /// </summary>
    public (string? Code, CameoMatch How) Match(string description)
    {
        if (byDescription.TryGetValue(FoldSpaces(description), out var code))
        {
            return (code, CameoMatch.Exact);
        }

        if (byNormalized.TryGetValue(Normalize(description), out code))
        {
            return (code, CameoMatch.Normalized);
        }

        if (IcewsWordings.TryGetValue(FoldSpaces(description), out code) && descriptions.ContainsKey(code))
        {
            return (code, CameoMatch.Table);
        }

        return (null, CameoMatch.Unmapped);
    }

    /// <summary>
    /// Lower case, letters and digits only, single spaces, and without the codebook's trailing
    /// "not specified below" (or "not spec below"), which the datasets leave out.
    /// </summary>
    internal static string Normalize(string description)
    {
        var builder = new StringBuilder(description.Length);
        foreach (var c in description)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        var text = builder.ToString().TrimEnd();
        foreach (var tail in new[] { " not specified below", " not spec below" })
        {
            if (text.EndsWith(tail, StringComparison.Ordinal))
            {
                return text[..^tail.Length];
            }
        }

        return text;
    }

    internal static string FoldSpaces(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<(string Code, string Text, int Line)> ReadTable(string path)
    {
        var line = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            line++;
            if (line == 1 && raw.StartsWith("CAMEOEVENTCODE", StringComparison.Ordinal))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var tab = raw.IndexOf('\t', StringComparison.Ordinal);
            var code = tab < 0 ? string.Empty : raw[..tab].Trim();
            if (tab < 0 || code.Length == 0 || !code.All(char.IsAsciiDigit))
            {
                throw new GraphDataException("Expected a CAMEO code (digits), a tab and a value.", path, line, 1);
            }

            yield return (code, raw[(tab + 1)..].Trim(), line);
        }
    }
}
