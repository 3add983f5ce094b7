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
