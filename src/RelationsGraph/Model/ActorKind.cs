namespace RelationsGraph.Model;

/// <summary>What an actor is. Written in graph.json in lower case (<c>state</c>, <c>organization</c>, …).</summary>
public enum ActorKind
{
    /// <summary>A sovereign state, such as China or the DPRK.</summary>
    State,

    /// <summary>An international organization or forum, such as the UN or the Six-Party Talks.</summary>
    Organization,

    /// <summary>A person, usually a leader.</summary>
    Person,

    /// <summary>A non-state group: a party, an armed group, a movement.</summary>
    Group,
}
