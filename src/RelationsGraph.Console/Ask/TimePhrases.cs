using System.Globalization;
using System.Text.RegularExpressions;
using RelationsGraph.Time;

namespace RelationsGraph.Cli.Ask;

/// <summary>A time a question gives, as the words it used and the window they mean.</summary>
/// <param name="Phrase">The words, as typed ("in November 2017", "between 1950 and 1953").</param>
/// <param name="From">The first date covered, or null when open to the past.</param>
/// <param name="To">The last date covered, or null when open to the future.</param>
internal sealed record TimePhrase(string Phrase, PartialDate? From, PartialDate? To);

/// <summary>What the time phrases of a question come to: one window, or why there is none.</summary>
/// <param name="Window">The window, or null when the question gives no time or an unusable one.</param>
/// <param name="Phrases">Every time phrase found, in order.</param>
/// <param name="Problem">Why the times cannot be used, or null.</param>
internal sealed record TimeReading(TimeWindow? Window, IReadOnlyList<TimePhrase> Phrases, string? Problem);

/// <summary>
/// Reads the times in a question: years, months and days in words or ISO form, decades, ranges
/// ("between 1950 and 1953", "from 1950 to 1953", "1950–1953") and open ends ("since 2018", "after 2017",
/// "before 1992", "until 1991"). Times relative to events ("after the 1961 treaty") are recognised only to
/// say that they are not understood.
/// </summary>
internal static partial class TimePhrases
{
    private const string Month = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    private const string Year = @"(?:1[0-9]{3}|20[0-9]{2})";
    private const string Day = @"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?";
    private const string Date =
        $@"(?:{Year}-[01][0-9]-[0-3][0-9](?![0-9])|{Year}-[01][0-9](?![0-9])|{Day}\s+(?:of\s+)?{Month},?\s+{Year}|{Month}\s+{Day},?\s+{Year}|{Month}\s+(?:of\s+)?{Year}|{Year})(?![0-9])";

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>
    /// Reads every time phrase in <paramref name="text"/> and blanks it out there, so later readers do not see it
    /// again. Actor names must already be masked with <see cref="Mask"/>.
    /// </summary>
    public static TimeReading Read(char[] text, string original)
    {
        var eventRelative = EventRelative().Match(new string(text));
        if (eventRelative.Success)
        {
            var phrase = original.Substring(eventRelative.Index, eventRelative.Length).Trim();
            return new TimeReading(null, [], $"times relative to events, such as '{phrase}', are not understood; give a date instead, as in 'since 1962' or 'from 1950 to 1953'.");
        }

        var found = new List<(int At, TimePhrase Phrase)>();
        void Add(Match m, PartialDate? from, PartialDate? to)
        {
            var phrase = original.Substring(m.Index, m.Length).Trim();
            if (from is { } f && to is { } t && t.LastDay < f.FirstDay)
            {
                throw new FormatException($"'{phrase}' runs backwards: {t} is before {f}.");
            }

            found.Add((m.Index, new TimePhrase(phrase, from, to)));
        }

        try
        {
            Take(text, Range(), m => Add(m, Parse(m.Groups["a"].Value), Parse(m.Groups["b"].Value)));
            Take(text, Decade(), m =>
            {
                var first = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                Add(m, new PartialDate(first), new PartialDate(first + 9));
            });
            Take(text, Since(), m => Add(m, Parse(m.Groups["a"].Value), null));
            Take(text, After(), m => Add(m, Step(Parse(m.Groups["a"].Value), 1), null));
            Take(text, Before(), m => Add(m, null, Step(Parse(m.Groups["a"].Value), -1)));
            Take(text, Until(), m => Add(m, null, Parse(m.Groups["a"].Value)));
            Take(text, During(), m =>
            {
                var date = Parse(m.Groups["a"].Value);
                Add(m, date, date);
            });
        }
        catch (FormatException e)
        {
            return new TimeReading(null, found.Select(f => f.Phrase).ToList(), e.Message);
        }

        return Combine(found.OrderBy(f => f.At).Select(f => f.Phrase).ToList());
    }

    /// <summary>What actor names are replaced with before times are read: not a letter, digit or space, so no time phrase runs into one.</summary>
    public const char Mask = '#';

    /// <summary>The date one step later (or earlier) at its own precision: the next year, month or day.</summary>
    public static PartialDate Step(PartialDate date, int by) => date.Precision switch
    {
        DatePrecision.Year => new PartialDate(date.Year + by),
        DatePrecision.Month => new PartialDate(date.FirstDay.AddMonths(by).Year, date.FirstDay.AddMonths(by).Month),
        _ => PartialDate.FromDateOnly(date.FirstDay.AddDays(by)),
    };

    private static TimeReading Combine(List<TimePhrase> phrases)
    {
        switch (phrases.Count)
        {
            case 0:
                return new TimeReading(null, phrases, null);
            case 1:
                return new TimeReading(Window(phrases[0].From, phrases[0].To), phrases, null);
        }

        var starts = phrases.Where(p => p.To is null).ToList();
        var ends = phrases.Where(p => p.From is null).ToList();
        if (phrases.Count == 2 && starts.Count == 1 && ends.Count == 1)
        {
            var from = starts[0].From!.Value;
            var to = ends[0].To!.Value;
            return to.LastDay < from.FirstDay
                ? new TimeReading(null, phrases, $"'{starts[0].Phrase}' and '{ends[0].Phrase}' leave no time between them.")
                : new TimeReading(TimeWindow.Between(from, to), phrases, null);
        }

        return new TimeReading(null, phrases, $"it gives more than one time ({string.Join(", ", phrases.Select(p => $"'{p.Phrase}'"))}); ask about one year, month, day or range.");
    }

    private static TimeWindow Window(PartialDate? from, PartialDate? to) => (from, to) switch
    {
        ({ } f, { } t) when f == t => TimeWindow.During(f),
        ({ } f, { } t) => TimeWindow.Between(f, t),
        ({ } f, null) => TimeWindow.Since(f),
        (null, { } t) => TimeWindow.Until(t),
        _ => TimeWindow.All,
    };

    private static void Take(char[] text, Regex pattern, Action<Match> read)
    {
        foreach (Match m in pattern.Matches(new string(text)))
        {
            read(m);
            Array.Fill(text, ' ', m.Index, m.Length);
        }
    }

    /// <summary>Parses a date as the question wrote it: 2017, 2017-11, November 2017, Nov. 11, 2017, 11 November 2017.</summary>
    /// <exception cref="FormatException">The words name a day that does not exist.</exception>
    internal static PartialDate Parse(string words)
    {
        var text = words.Trim();
        var iso = IsoDate().Match(text);
        string candidate;
        if (iso.Success)
        {
            candidate = text;
        }
        else
        {
            var year = YearIn().Match(text).Value;
            var month = MonthIn().Match(text);
            var day = DayIn().Match(month.Success ? text.Remove(month.Index, month.Length) : text);
            var monthNumber = month.Success ? Array.IndexOf(MonthNames, month.Value[..3].ToLowerInvariant()) + 1 : 0;
            var dayValue = day.Success ? int.Parse(day.Groups["d"].Value, CultureInfo.InvariantCulture) : 0;
            candidate = monthNumber == 0 ? year
                : dayValue == 0 ? string.Create(CultureInfo.InvariantCulture, $"{year}-{monthNumber:D2}")
                : string.Create(CultureInfo.InvariantCulture, $"{year}-{monthNumber:D2}-{dayValue:D2}");
        }

        if (PartialDate.TryParse(candidate, out var date))
        {
            return date;
        }

        try
        {
            PartialDate.Parse(candidate);
        }
        catch (FormatException e)
        {
            var reason = e.Message.IndexOf(": ", StringComparison.Ordinal) is var at and >= 0 ? e.Message[(at + 2)..] : e.Message;
            throw new FormatException($"'{text}' is not a date: {reason}");
        }

        throw new FormatException($"'{text}' is not a date.");
    }

    // Case matters here only for the words after "the": "during the Korean War" names an event, "in the triangle" does not.
    [GeneratedRegex($@"\b(?:(?i:after|before|since|until|till|following|prior\s+to)\s+(?i:the|a|an|his|her|its|their|this|that)\s+(?!(?:1[0-9]|20)[0-9]0'?s\b)(?:{Year}\s+)?[\w'’#][\w'’#-]*(?:\s+[A-Z#][\w'’#-]*)*|(?i:during|in)\s+(?i:the)\s+(?:{Year}\s+[A-Za-z][\w'’-]*|[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex EventRelative();

    [GeneratedRegex($@"\bbetween\s+(?<a>{Date})\s*(?:and|[-–—])\s*(?<b>{Date})|(?:\bfrom\s+)?\b(?<a>{Date})(?:\s*[-–—]\s*|\s+(?:to|until|till|through|thru)\s+)(?<b>{Date})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(?:(?:in|during|through|throughout)\s+)?(?:the\s+)?(?<y>(?:1[0-9]|20)[0-9]0)'?s\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Decade();

    [GeneratedRegex($@"\b(?:since|from|starting(?:\s+in)?|beginning(?:\s+in)?)\s+(?<a>{Date})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Since();

    [GeneratedRegex($@"\bafter\s+(?<a>{Date})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex After();

    [GeneratedRegex($@"\b(?:before|prior\s+to)\s+(?<a>{Date})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Before();

    [GeneratedRegex($@"\b(?:until|till|through|up\s+to|by|to)\s+(?<a>{Date})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Until();

    [GeneratedRegex($@"(?:\b(?:in|during|on|at|as\s+of|of|around|for)\s+)?\b(?<a>{Date})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex During();

    [GeneratedRegex($@"^{Year}(?:-[0-9]{{2}}){{0,2}}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(Year, RegexOptions.CultureInvariant)]
    private static partial Regex YearIn();

    [GeneratedRegex($@"\b{Month}(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthIn();

    [GeneratedRegex(@"\b(?<d>[0-9]{1,2})(?:st|nd|rd|th)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayIn();
}
