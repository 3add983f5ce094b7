using System.Globalization;
using RelationsGraph.Model;

namespace RelationsGraph.Import;

/// <summary>
/// The countries the ICEWS importer knows: codes (ISO 3166-1 alpha-3, Correlates of War, CAMEO), English names
/// and common short names, from <c>countries.tsv</c> beside this file, which names its sources and their licences
/// (i18n-iso-countries, MIT; the Correlates of War state list; the project's own short names) and is rebuilt by
/// <c>countries.py</c>. A name or short name belongs to one country only, ignoring case.
/// </summary>
internal static class IcewsCountries
{
    private const string Resource = "RelationsGraph.Import.countries.tsv";

    private static readonly Lazy<(IReadOnlyList<Country> All, Dictionary<string, Country> ByName)> Table = new(Load);

    /// <summary>Gets every country, by ISO code.</summary>
    public static IReadOnlyList<Country> All => Table.Value.All;

    /// <summary>Finds a country by its name or one of its other names (not a short name), ignoring case.</summary>
    public static Country? Find(string name) =>
        Table.Value.ByName.TryGetValue(name, out var country) ? country : null;

    private static (IReadOnlyList<Country>, Dictionary<string, Country>) Load()
    {
        using var stream = typeof(IcewsCountries).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The country table resource '{Resource}' is missing from the library.");
        using var reader = new StreamReader(stream);
        var countries = new List<Country>();
        var byName = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var cells = line.Split('\t');
            static string[] List(string cell) => cell.Length == 0 ? [] : cell.Split('|');
            var country = new Country(
                new ActorCodes
                {
                    Iso3 = cells[0],
                    Cow = cells[1].Length == 0 ? null : int.Parse(cells[1], CultureInfo.InvariantCulture),
                    Cameo = cells[2].Length == 0 ? null : cells[2],
                },
                [cells[3], .. List(cells[4])],
                List(cells[5]));
            countries.Add(country);
            foreach (var name in country.Names)
            {
                // The table is checked by a test to give each name to one country; the first keeps it regardless.
                byName.TryAdd(name, country);
            }
        }

        return (countries.AsReadOnly(), byName);
    }

    /// <summary>A country: its codes, its names (the first is ISO's English short name) and its short names.</summary>
    internal sealed record Country(ActorCodes Codes, IReadOnlyList<string> Names, IReadOnlyList<string> ShortNames);
}
