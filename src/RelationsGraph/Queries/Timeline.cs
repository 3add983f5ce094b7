using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Queries;

/// <summary>One entry of a timeline: a relation or an actor event, never both.</summary>
/// <remarks>Immutable. A relation entry makes its <see cref="Relation"/> when it is read, as every query result does.</remarks>
public sealed class TimelineEntry
{
    private readonly RelationList? relations;
    private readonly int index;

    internal TimelineEntry(RelationList relations, int index)
    {
        this.relations = relations;
        this.index = index;
    }

    internal TimelineEntry(ActorEvent actorEvent)
    {
        Event = actorEvent;
    }

    /// <summary>Gets the relation, or <see langword="null"/> for an event entry.</summary>
    public Relation? Relation => relations?[index];

    /// <summary>Gets the actor event, or <see langword="null"/> for a relation entry.</summary>
    public ActorEvent? Event { get; }

    /// <summary>Gets when the entry holds.</summary>
    public TimeExtent Time => Relation?.Time ?? Event!.Time;

    /// <summary>Gets the id of the relation or event.</summary>
    public string Id => Relation?.Id ?? Event!.Id;
}

/// <summary>
/// The relations of one actor, or between two, in date order with the actors' events interleaved.
/// Entries are ordered by their beginning (<see cref="PartialDate"/> order: first day, then last day),
/// events before relations on the same date, then by id. A view that keeps only some relation kinds or
/// polarities asks for those relations alone, so its timeline has no events.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class Timeline
{
    private Timeline(IReadOnlyList<Actor> actors, IReadOnlyList<TimelineEntry> entries)
    {
        Actors = actors;
        Entries = entries;
    }

    /// <summary>Gets the actor or the two actors the timeline is about.</summary>
    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>Gets the entries in date order.</summary>
    public IReadOnlyList<TimelineEntry> Entries { get; }

    /// <summary>Builds the timeline of one actor: its relations in the view and its events in the window.</summary>
    /// <param name="view">The view.</param>
    /// <param name="actor">The actor.</param>
    /// <returns>The timeline, or <see langword="null"/> for an actor not in the graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> is null.</exception>
    public static Timeline? Of(GraphView view, ActorId actor)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (!view.Graph.TryGetActor(actor, out var a))
        {
            return null;
        }

        view.Graph.TryGetVertex(actor, out var v);
        return Build(view, [a], view.Incident(v, directedOnly: false).Select(hit => hit.Row).ToList());
    }

    /// <summary>Builds the timeline of two actors: the relations between them in the view, and both actors' events in the window.</summary>
    /// <param name="view">The view.</param>
    /// <param name="first">One actor.</param>
    /// <param name="second">The other actor.</param>
    /// <returns>The timeline, or <see langword="null"/> when either actor is not in the graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> is null.</exception>
    public static Timeline? Between(GraphView view, ActorId first, ActorId second)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (!view.Graph.TryGetActor(first, out var a) || !view.Graph.TryGetActor(second, out var b))
        {
            return null;
        }

        var graph = view.Graph;
        graph.TryGetVertex(first, out var u);
        graph.TryGetVertex(second, out var v);
        return Build(view, [a, b], view.RelationsBetween(u, v, directed: false));
    }

    private static Timeline Build(GraphView view, Actor[] actors, List<int> relationRows)
    {
        // Relations come sorted by beginning then id from 64-bit keys; the few events are sorted on their own
        // and merged in, each before the relations that begin on the same date.
        var relations = view.InTimeOrder(relationRows);
        var kindsChosen = view.Kinds is not null || view.Polarities is not null;
        var events = actors.Distinct().Where(_ => !kindsChosen).SelectMany(a => view.Graph.EventsOf(a.Id)).Where(view.KnownIn)
            .OrderBy(e => e.Time.Beginning).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();
        int r = 0, e = 0;
        var store = view.Graph.Store;
        var entries = ChunkedList<TimelineEntry>.Create(relations.Count + events.Length, () =>
            e < events.Length && (r == relations.Count || events[e].Time.Beginning.CompareTo(store.Beginning(relations.Row(r))) <= 0)
                ? new TimelineEntry(events[e++])
                : new TimelineEntry(relations, r++));
        return new Timeline(actors, entries);
    }
}
