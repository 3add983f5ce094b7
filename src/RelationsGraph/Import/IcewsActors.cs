using System.Text;
using RelationsGraph.Model;

namespace RelationsGraph.Import;

/// <summary>
/// Turns ICEWS actor names into actors: a kind by the rules below, a unique id, and one actor per name
/// ignoring case. The rules, in order:
/// <list type="number">
/// <item>A sector actor, <c>Sector (Parent)</c> such as <c>Media Personnel (Afghanistan)</c> or
/// <c>Militant (Taliban)</c>, is a <see cref="ActorKind.Group"/>.</item>
/// <item>A name without parentheses is a <see cref="ActorKind.State"/> when the data has a government
/// sector of it: <c>Government (X)</c>, <c>Head of Government (X)</c>, <c>Foreign Affairs (X)</c> or
/// <c>Citizen (X)</c>; regions and placeholders that have such sectors too (<c>Africa</c>,
/// <c>Middle East</c>, <c>International</c>, …) are listed and excluded.</item>
/// <item>Any other name that is the parent of a sector actor (<c>Militant (Boko Haram)</c>) is no person:
/// an organization by the words of rule 4, else a group.</item>
/// <item>A name with a word of a party or armed group (<c>Party</c>, <c>Front</c>, <c>Army</c>, …) is a
/// <see cref="ActorKind.Group"/>; else one with a word of an organisation (<c>Union</c>, <c>Council</c>,
/// <c>Bank</c>, …) or written as an acronym (<c>NATO</c>, not a regnal number such as <c>III</c>) is an
/// <see cref="ActorKind.Organization"/>.</item>
/// <item>A name of two to five words, each capitalised or a name particle (<c>al-</c>, <c>de</c>, <c>bin</c>),
/// is a <see cref="ActorKind.Person"/>; anything else (one word, such as <c>Hamas</c>) is a group.</item>
/// </list>
/// The rules read names, not facts, so they err: a two-word company or group without a telling word and
/// without sector actors of its own (<c>Stora Enso</c>, <c>Global Witness</c>) reads as a person, and
/// sub-national places with government sectors (<c>Crimea</c>, <c>Scotland</c>) read as states.
/// </summary>
internal static class IcewsActors
{
    /// <summary>Sectors that only a state (or a state-like territory) has.</summary>
    internal static readonly string[] GovernmentSectors = ["Government", "Head of Government", "Foreign Affairs", "Citizen"];

    /// <summary>Parents that have government sectors in ICEWS but are regions or placeholders, not states.</summary>
    internal static readonly HashSet<string> NotStates = new(StringComparer.Ordinal)
    {
        "Africa", "Asia", "Europe", "Middle East", "Southeast Asia", "South Asia", "Central Asia", "East Asia",
        "Latin America", "North America", "South America", "Caribbean", "Persian Gulf", "International",
        "Unidentified State Actor", "Arab Unidentified State Actor", "Non-Governmental Organizations",
        "International Government Organizations",
    };

    private static readonly HashSet<string> OrganizationWords = new(StringComparer.Ordinal)
    {
        "Organization", "Organisation", "Organizations", "Union", "Nations", "Council", "Bank", "Fund", "Agency",
        "Commission", "Committee", "Court", "Association", "Institute", "Institution", "University", "College",
        "Company", "Corporation", "Corp", "Inc", "Ltd", "Group", "Ministry", "Department", "Office", "Service",
        "Services", "Authority", "Assembly", "Parliament", "Senate", "Congress", "Forum", "Foundation",
        "Federation", "Confederation", "Network", "Cooperation", "Community", "Conference", "Secretariat",
        "Watch", "International", "Press", "News", "Times", "Journal", "Post", "Airlines", "Airways", "Airport",
        "Motor", "Motors", "Church", "Broadcasting", "Television", "Radio", "Cross", "Crescent", "Centre", "Center",
        "Hospital", "School", "Board", "Exchange", "Energy", "Petroleum", "Oil", "Gas", "Holdings", "Industries",
        "Society", "Chamber", "Commonwealth", "Programme", "Program", "Tribunal", "Bureau", "Police", "Rada",
        "Knesset", "Duma", "Sabha", "Majlis", "Cabinet", "Government", "Administration", "Mission", "Initiative",
    };

    private static readonly HashSet<string> GroupWords = new(StringComparer.Ordinal)
    {
        "Party", "Front", "Movement", "Army", "Forces", "Force", "Brigade", "Brigades", "Militia", "Cartel", "Rebels",
        "Tigers", "Jihad", "Alliance", "Coalition", "Guard", "Guards", "Mujahideen", "Mujahedeen", "Mujahedin",
        "Liberation", "League", "Taliban", "Kurds", "people", "Tribe", "Clan", "Insurgents", "Militants", "Sangh",
        "Dal", "Sena", "Janata", "Parishad", "Battalion", "Units", "Legion", "Gang", "Club",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "al", "el", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den",
        "ter", "bin", "ibn", "bint", "ul", "ud", "y", "e", "abu", "ould", "ag", "mac", "st",
    };

    /// <summary>Splits <c>Sector (Parent)</c> into its parts; the parent may hold parentheses of its own.</summary>
    public static bool TrySplitSector(string name, out string sector, out string parent)
    {
        sector = parent = string.Empty;
        if (!name.EndsWith(')'))
        {
            return false;
        }

        // The parent's opening parenthesis balances the final one: "Citizen (Holy See (Vatican City State))".
        var depth = 0;
        for (var i = name.Length - 1; i >= 0; i--)
        {
            depth += name[i] switch { ')' => 1, '(' => -1, _ => 0 };
            if (depth == 0)
            {
                if (i < 2 || name[i - 1] != ' ')
                {
                    return false;
                }

                sector = name[..(i - 1)].Trim();
                parent = name[(i + 1)..^1].Trim();
                return sector.Length > 0 && parent.Length > 0;
            }
        }

        return false;
    }

    /// <summary>Gives each name its kind by the rules above.</summary>
    public static ActorKind[] Classify(IReadOnlyList<string> names)
    {
        var plain = new HashSet<string>(names.Where(n => !TrySplitSector(n, out _, out _)), StringComparer.Ordinal);
        var states = new HashSet<string>(StringComparer.Ordinal);
        var parents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (TrySplitSector(name, out var sector, out var parent) && plain.Contains(parent))
            {
                parents.Add(parent);
                if (GovernmentSectors.Contains(sector, StringComparer.Ordinal) && !NotStates.Contains(parent))
                {
                    states.Add(parent);
                }
            }
        }

        return names.Select(n => KindOf(n, states, parents)).ToArray();
    }

    private static ActorKind KindOf(string name, HashSet<string> states, HashSet<string> parents)
    {
        if (TrySplitSector(name, out _, out _))
        {
            return ActorKind.Group;
        }

        if (states.Contains(name))
        {
            return ActorKind.State;
        }

        var words = name.Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries);
        var bare = words.Select(w => w.Trim(',', '.', '\'', '"', '(', ')')).ToArray();

        // A party's or armed group's word wins over an organisation's: "Congress Party", "Liberation Army".
        if (bare.Any(GroupWords.Contains))
        {
            return ActorKind.Group;
        }

        if (bare.Any(w => OrganizationWords.Contains(w) || IsAcronym(w)))
        {
            return ActorKind.Organization;
        }

        return !parents.Contains(name) && words.Length is >= 2 and <= 5 && words.All(IsNameWord) ? ActorKind.Person : ActorKind.Group;
    }

    /// <summary>
    /// A deterministic id from a name: letters without their accents, digits and <c>. _ -</c> kept,
    /// every other run of characters one <c>-</c>, as in <c>Kim-Jong-Un</c> or <c>Media-Personnel-Afghanistan</c>.
    /// </summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var raw in name)
        {
            // Invariant globalization has no Unicode decomposition, so Latin letters lose their accents by table.
            var at = AccentedLetters.IndexOf(raw, StringComparison.Ordinal);
            var c = at >= 0 ? PlainLetters[at] : raw;
            if (char.IsAsciiLetterOrDigit(c) || (c is '.' or '_' && builder.Length > 0))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().TrimEnd('-', '.', '_');
        if (slug.Length > Identifier.MaxLength - 12)
        {
            slug = slug[..(Identifier.MaxLength - 12)].TrimEnd('-', '.', '_');
        }

        return slug.Length == 0 ? "actor" : slug;
    }

    private const string AccentedLetters = "ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆĈĊČçćĉċčĎĐďđÈÉÊËĒĔĖĘĚèéêëēĕėęěĜĞĠĢĝğġģĤĦĥħÌÍÎÏĨĪĬĮİìíîïĩīĭįıĴĵĶķĹĻĽĿŁĺļľŀłÑŃŅŇñńņňÒÓÔÕÖØŌŎŐòóôõöøōŏőŔŖŘŕŗřŚŜŞŠśŝşšșȘŢŤŦţťŧțȚÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűųŴŵÝŸŶýÿŷŹŻŽźżž";
    private const string PlainLetters = "AAAAAAAAAaaaaaaaaaCCCCCcccccDDddEEEEEEEEEeeeeeeeeeGGGGggggHHhhIIIIIIIIIiiiiiiiiiJjKkLLLLLlllllNNNNnnnnOOOOOOOOOoooooooooRRRrrrSSSSsssssSTTTttttTUUUUUUUUUUuuuuuuuuuuWwYYYyyyZZZzzz";

    /// <summary>Capitals (and digits) such as NATO or G7; not a regnal number such as III.</summary>
    private static bool IsAcronym(string word) =>
        word.Length >= 2 && word.Length <= 8 && word.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)) && word.Any(char.IsAsciiLetterUpper)
        && !word.All(c => c is 'I' or 'V' or 'X');

    private static bool IsNameWord(string word)
    {
        var head = word.Split('-')[0];
        if (Particles.Contains(head.ToLowerInvariant()) && (head.Length == 0 || char.IsLower(head[0]) || word.Contains('-', StringComparison.Ordinal)))
        {
            return true;
        }

        // "Kim", "Jong-Un", "A.K.", "O'Brien", "Schäuble": starts with a capital, then letters and name marks.
        return word.Length > 0 && char.IsUpper(word[0]) && word.All(c => char.IsLetter(c) || c is '-' or '.' or '\'' or '’');
    }
}
