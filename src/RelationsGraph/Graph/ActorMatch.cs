using RelationsGraph.Model;

namespace RelationsGraph.Graph;

/// <summary>
/// The result of looking an actor up by id, name or alias: the actor when found, otherwise the closest
/// names as suggestions (which may be empty).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ActorMatch
{
    internal ActorMatch(string query, Actor? actor, IReadOnlyList<ActorSuggestion> suggestions)
    {
        Query = query;
        Actor = actor;
        Suggestions = suggestions;
    }

    /// <summary>Gets the text that was looked up.</summary>
    public string Query { get; }

    /// <summary>Gets the actor, or <see langword="null"/> when none matched.</summary>
    public Actor? Actor { get; }

    /// <summary>Gets a value telling whether an actor matched.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Actor))]
    public bool IsFound => Actor is not null;

    /// <summary>Gets the closest names when nothing matched, best first; empty when found.</summary>
    public IReadOnlyList<ActorSuggestion> Suggestions { get; }

    /// <summary>
    /// Describes a miss in one sentence, as in <c>unknown actor 'Nort Korea'; did you mean 'North Korea' (DPRK)?</c>.
    /// </summary>
    /// <returns>The sentence; for a match, the actor's name and id.</returns>
    public override string ToString()
    {
        if (Actor is not null)
        {
            return Actor.ToString();
        }

        var text = $"unknown actor '{Query}'";
        if (Suggestions.Count == 0)
        {
            return text + "; 'relgraph actors' lists the known actors.";
        }

        var options = Suggestions.Select(s => $"'{s.MatchedName}' ({s.Actor.Id})").ToList();
        var joined = options.Count == 1 ? options[0] : string.Join(", ", options[..^1]) + " or " + options[^1];
        return $"{text}; did you mean {joined}?";
    }
}

/// <summary>A suggested actor for a lookup that missed, with the name or alias that came closest.</summary>
/// <remarks>Immutable; made by the query that returns it.</remarks>
public sealed record ActorSuggestion
{
    internal ActorSuggestion(Actor actor, string matchedName)
    {
        Actor = actor;
        MatchedName = matchedName;
    }

    /// <summary>Gets the actor suggested.</summary>
    public Actor Actor { get; }

    /// <summary>Gets the id, name or alias of the actor that came closest to the query.</summary>
    public string MatchedName { get; }
}
