using RelationsGraph.Model;

namespace RelationsGraph.Cli.Ask;

/// <summary>An actor named in a question, and where.</summary>
/// <param name="Actor">The actor.</param>
/// <param name="Start">The index of the name's first character.</param>
/// <param name="End">The index just past the name, a possessive 's included.</param>
internal sealed record ActorMention(Actor Actor, int Start, int End);

/// <summary>
/// Finds actors in a sentence by their ids, names and aliases: whole words only, ignoring case, the longest name
/// first (so "Kim Jong Un" is one person, not "Kim" and "Un"), with possessives ("China's", "DPRK’s").
/// </summary>
internal sealed class ActorSpotter
{
    private readonly List<(string Key, Actor Actor)> keys;

    public ActorSpotter(IEnumerable<Actor> actors)
    {
        keys = actors
            .SelectMany(a => new[] { a.Id.Value, a.Name }.Concat(a.Aliases).Select(k => (Key: Normalize(k), Actor: a)))
            .DistinctBy(k => k.Key.ToUpperInvariant())
            .OrderByDescending(k => k.Key.Length)
            .ThenBy(k => k.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The mentions in the order they occur.</summary>
    public IReadOnlyList<ActorMention> Find(string text)
    {
        var norm = Normalize(text);
        var found = new List<(ActorMention Mention, bool Weak)>();
        var i = 0;
        while (i < norm.Length)
        {
            if ((i > 0 && char.IsLetterOrDigit(norm[i - 1])) || !char.IsLetterOrDigit(norm[i]) || Match(norm, i) is not { } hit)
            {
                i++;
                continue;
            }

            found.Add(hit);
            i = hit.Mention.End;
        }

        return found.Where((f, n) => !f.Weak || JoinedByDash(norm, found, n)).Select(f => f.Mention).ToList();
    }

    /// <summary>Curly apostrophes read as straight ones, so "China’s" is "China's"; the length stays the same.</summary>
    public static string Normalize(string text) => text.Replace('’', '\'');

    private (ActorMention Mention, bool Weak)? Match(string text, int at)
    {
        foreach (var (key, actor) in keys)
        {
            var end = at + key.Length;
            if (end > text.Length || string.Compare(text, at, key, 0, key.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            if (end < text.Length && char.IsLetterOrDigit(text[end]) && char.IsLetterOrDigit(key[^1]))
            {
                continue;
            }

            if (end + 1 < text.Length && text[end] == '\'' && char.ToLowerInvariant(text[end + 1]) == 's' && (end + 2 == text.Length || !char.IsLetterOrDigit(text[end + 2])))
            {
                end += 2;
            }

            // "US" and "UN" in lower case are the English words "us" and "un": only an actor when joined to another by a dash.
            var weak = key.Length <= 2 && key.All(char.IsUpper) && !text.Substring(at, key.Length).All(char.IsUpper);
            return (new ActorMention(actor, at, end), weak);
        }

        return null;
    }

    private static bool JoinedByDash(string text, List<(ActorMention Mention, bool Weak)> found, int n)
    {
        return (n > 0 && IsDash(text, found[n - 1].Mention.End, found[n].Mention.Start))
            || (n + 1 < found.Count && IsDash(text, found[n].Mention.End, found[n + 1].Mention.Start));
    }

    private static bool IsDash(string text, int from, int to) => text[from..to].Trim() is "-" or "–" or "—";
}
