using RelationsGraph.Model;

namespace RelationsGraph.Graph;

/// <summary>Finds actors by id, name or alias, ignoring case, and suggests close names on a miss.</summary>
internal sealed class ActorDirectory
{
    private readonly Dictionary<string, Actor> byKey;
    private readonly List<(string Key, Actor Actor)> keys;

    private ActorDirectory(Dictionary<string, Actor> byKey, List<(string Key, Actor Actor)> keys)
    {
        this.byKey = byKey;
        this.keys = keys;
    }

    /// <summary>Builds the directory; <paramref name="onClash"/> reports a name two actors share.</summary>
    public static ActorDirectory Create(IReadOnlyList<Actor> actors, Action<Actor, string, Actor> onClash)
    {
        var byKey = new Dictionary<string, Actor>(StringComparer.OrdinalIgnoreCase);
        var keys = new List<(string, Actor)>();
        foreach (var actor in actors)
        {
            foreach (var key in NamesOf(actor))
            {
                if (byKey.TryGetValue(key, out var existing))
                {
                    if (!ReferenceEquals(existing, actor))
                    {
                        onClash(actor, key, existing);
                    }

                    continue;
                }

                byKey.Add(key, actor);
                keys.Add((key, actor));
            }
        }

        return new ActorDirectory(byKey, keys);
    }

    public static IEnumerable<string> NamesOf(Actor actor)
    {
        yield return actor.Id.Value;
        yield return actor.Name;
        foreach (var alias in actor.Aliases)
        {
            yield return alias;
        }
    }

    public ActorMatch Find(string text)
    {
        var query = text.Trim();
        if (byKey.TryGetValue(query, out var actor))
        {
            return new ActorMatch(text, actor, []);
        }

        return new ActorMatch(text, null, Suggest(query));
    }

    private List<ActorSuggestion> Suggest(string query)
    {
        var lowered = query.ToLowerInvariant();
        var limit = Math.Max(2, lowered.Length / 3);
        var scored = new List<(int Score, string Key, Actor Actor)>();
        foreach (var (key, actor) in keys)
        {
            var candidate = key.ToLowerInvariant();
            var distance = Levenshtein(lowered, candidate, limit);
            if (distance <= limit)
            {
                scored.Add((distance, key, actor));
            }
            else if (lowered.Length >= 3 && candidate.Contains(lowered, StringComparison.Ordinal))
            {
                // A fragment such as "Korea" should still find "North Korea" and "South Korea".
                scored.Add((limit + 1 + candidate.Length - lowered.Length, key, actor));
            }
            else if (IsInitialsOf(query, key))
            {
                // Initials such as "US" or "UAE" should find "United States" and "United Arab Emirates" (states
                // and organizations first: an acronym names a person less often).
                scored.Add((actor.Kind is ActorKind.State or ActorKind.Organization ? 0 : 1, key, actor));
            }
        }

        var result = new List<ActorSuggestion>();
        var seen = new HashSet<ActorId>();
        var best = scored.Count == 0 ? 0 : scored.Min(s => s.Score);
        foreach (var (_, key, actor) in scored.Where(s => s.Score <= best + 1).OrderBy(s => s.Score).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            if (seen.Add(actor.Id))
            {
                result.Add(new ActorSuggestion(actor, key));
                if (result.Count == 3)
                {
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Whether a query of two to six letters, written in capitals, spells the initials of a name of as many
    /// words (small words such as "of" and "the" left out): "US" for "United States".
    /// </summary>
    internal static bool IsInitialsOf(string query, string name)
    {
        if (query.Length is < 2 or > 6 || !query.All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        var words = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("of" or "the" or "and" or "for" or "de" or "la" or "del" or "da" or "du"))
            .ToArray();
        if (words.Length != query.Length)
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (char.ToUpperInvariant(words[i][0]) != query[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Edit distance, giving up (returning limit + 1) once it must exceed <paramref name="limit"/>.</summary>
    internal static int Levenshtein(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
