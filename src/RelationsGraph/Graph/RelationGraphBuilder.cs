using RelationsGraph.Model;
using RelationsGraph.Serialization;

namespace RelationsGraph.Graph;

/// <summary>
/// Collects sources, actors, relations and events, then checks them together and builds an immutable
/// <see cref="RelationGraph"/>. Items may be added in any order; references are resolved at
/// <see cref="Build"/>.
/// </summary>
/// <remarks>Not thread-safe; the graph it builds is.</remarks>
public sealed class RelationGraphBuilder
{
    private readonly List<(Source Item, DataLocation Where)> sources = [];
    private readonly List<(Actor Item, DataLocation Where)> actors = [];
    // Relations and, only once one may need it at Build (a reference not checked as read), their locations:
    // a million relations read from a saved file keep no location list at all.
    private readonly List<Relation> relations = [];
    private List<DataLocation>? relationWhere;
    private readonly List<(ActorEvent Item, DataLocation Where)> events = [];
    // Each id with the line it was first seen on (0 when not read from a file), for "first at line N".
    private readonly Dictionary<string, int> sourceIds = new(StringComparer.Ordinal);
    private readonly Dictionary<ActorId, int> actorIds = [];
    // Relation ids come sorted in a saved file: while each is greater than the one before, none can repeat,
    // and only the last id and each relation's line are kept. The first id out of order builds the dictionary.
    private readonly List<int> relationLines = [];
    private string? lastRelationId;
    private Dictionary<string, int>? relationIds;
    private readonly Dictionary<string, int> eventIds = new(StringComparer.Ordinal);

    /// <summary>Adds a source.</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="GraphDataException">A source with the same id was added before.</exception>
    public RelationGraphBuilder Add(Source source) => Add(source, DataLocation.None);

    /// <summary>Adds an actor.</summary>
    /// <param name="actor">The actor.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is null.</exception>
    /// <exception cref="GraphDataException">An actor with the same id was added before.</exception>
    public RelationGraphBuilder Add(Actor actor) => Add(actor, DataLocation.None);

    /// <summary>Adds a relation.</summary>
    /// <param name="relation">The relation.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="relation"/> is null.</exception>
    /// <exception cref="GraphDataException">A relation with the same id was added before.</exception>
    public RelationGraphBuilder Add(Relation relation) => Add(relation, DataLocation.None);

    /// <summary>Adds an actor event.</summary>
    /// <param name="actorEvent">The event.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actorEvent"/> is null.</exception>
    /// <exception cref="GraphDataException">An event with the same id was added before.</exception>
    public RelationGraphBuilder Add(ActorEvent actorEvent) => Add(actorEvent, DataLocation.None);

    /// <summary>Checks every reference and builds the graph.</summary>
    /// <returns>The immutable graph.</returns>
    /// <exception cref="GraphDataException">
    /// A relation or event names an unknown actor or source, or two actors share a name or alias.
    /// </exception>
    public RelationGraph Build()
    {
        var sortedActors = actors.OrderBy(a => a.Item.Id.Value, StringComparer.Ordinal).ToList();
        var directory = ActorDirectory.Create(
            sortedActors.Select(a => a.Item).ToList(),
            (actor, name, other) => throw actors.First(a => ReferenceEquals(a.Item, actor)).Where.Error(
                $"actor '{actor.Id}' uses the name '{name}', which already names actor '{other.Id}'; a name or alias must identify one actor."));

        // Locations are only put together for a reference that fails: a million relations check fast.
        for (var i = CheckedRelations; i < relations.Count; i++)
        {
            var relation = relations[i];
            var where = relationWhere?[i] ?? DataLocation.None;
            if (!actorIds.ContainsKey(relation.Source))
            {
                CheckActor(relation.Source, where.Child("source"));
            }

            if (!actorIds.ContainsKey(relation.Target))
            {
                CheckActor(relation.Target, where.Child("target"));
            }

            CheckEvidence(relation.Evidence, where);
        }

        foreach (var (actorEvent, where) in events)
        {
            CheckActor(actorEvent.Actor, where.Child("actor"));
            CheckEvidence(actorEvent.Evidence, where);
        }

        return new RelationGraph(
            SortedById(sources, s => s.Id),
            sortedActors.Select(a => a.Item).ToArray(),
            relationIds is null ? relations.ToArray() : SortedById(relations, r => r.Id),
            SortedById(events, e => e.Id),
            directory,
            Coverage);
    }

    internal RelationGraphBuilder Add(Source source, DataLocation where, DataLocation idWhere = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        Claim(sourceIds, source.Id, "source", idWhere == default ? where : idWhere);
        sources.Add((source, where));
        return this;
    }

    internal RelationGraphBuilder Add(Actor actor, DataLocation where, DataLocation idWhere = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Claim(actorIds, actor.Id, "actor", idWhere == default ? where : idWhere);
        actors.Add((actor, where));
        return this;
    }

    internal RelationGraphBuilder Add(Relation relation, DataLocation where, DataLocation idWhere = default, bool checkedAsRead = false)
    {
        ArgumentNullException.ThrowIfNull(relation);
        ClaimRelation(relation.Id, idWhere == default ? where : idWhere);
        if (checkedAsRead && CheckedRelations == relations.Count)
        {
            CheckedRelations++;
        }

        if (relationWhere is null && !checkedAsRead && where != default)
        {
            relationWhere = new List<DataLocation>(new DataLocation[relations.Count]);
        }

        relations.Add(relation);
        relationWhere?.Add(where);
        return this;
    }

    /// <summary>
    /// Adds the relations of a fast read, whose ids the reader found ascending (so none repeats) and whose actor
    /// and source references it checked, into a builder holding no relations yet: one copy, no check per relation.
    /// </summary>
    internal void AddInOrder(List<Relation> first, List<Relation> second)
    {
        if (relations.Count != 0 || relationIds is not null || relationWhere is not null)
        {
            throw new InvalidOperationException("Relations read in order go into a builder holding none yet.");
        }

        relations.EnsureCapacity(first.Count + second.Count);
        relations.AddRange(first);
        relations.AddRange(second);
        CheckedRelations = relations.Count;
        lastRelationId = relations.Count > 0 ? relations[^1].Id : null;

        // A fast read knows no line numbers, as DataLocation.None says for each relation it adds.
        relationLines.EnsureCapacity(relations.Count);
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(relationLines, relations.Count);
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(relationLines).Clear();
    }

    internal RelationGraphBuilder Add(ActorEvent actorEvent, DataLocation where, DataLocation idWhere = default)
    {
        ArgumentNullException.ThrowIfNull(actorEvent);
        Claim(eventIds, actorEvent.Id, "event", idWhere == default ? where : idWhere);
        events.Add((actorEvent, where));
        return this;
    }

    /// <summary>Checks an actor reference now, when the caller knows every actor has been added.</summary>
    internal void CheckActor(ActorId id, DataLocation where)
    {
        if (!actorIds.ContainsKey(id))
        {
            var near = ActorDirectory.Create(actors.Select(a => a.Item).ToList(), static (_, _, _) => { }).Find(id.Value);
            var hint = near.Suggestions.Count > 0 ? $"; did you mean '{near.Suggestions[0].Actor.Id}'?" : "; it must be the id of an actor in \"actors\".";
            throw where.Error($"unknown actor '{id}'{hint}");
        }
    }

    internal bool HasSource(string id) => sourceIds.ContainsKey(id);

    /// <summary>
    /// Gets how many of the first relations added had their actor and source references checked already (added
    /// with <c>checkedAsRead</c> by the reader, which checks them as it goes once every actor and source is
    /// known), so that <see cref="Build"/> checks only the rest.
    /// </summary>
    internal int CheckedRelations { get; private set; }

    /// <summary>Gets or sets the window the graph will hold every relation of (a windowed load's); null for all time.</summary>
    internal Time.TimeWindow? Coverage { get; set; }

    /// <summary>Checks that a cited source exists, when the caller knows every source has been added.</summary>
    internal void CheckSource(string id, DataLocation where)
    {
        if (!sourceIds.ContainsKey(id))
        {
            throw where.Error($"unknown source '{id}'; evidence must cite the id of a source in \"sources\".");
        }
    }

    private void CheckEvidence(IReadOnlyList<Evidence> evidence, DataLocation where)
    {
        for (var i = 0; i < evidence.Count; i++)
        {
            if (!sourceIds.ContainsKey(evidence[i].Source))
            {
                CheckSource(evidence[i].Source, where.Child($"evidence[{i}].source"));
            }
        }
    }

    /// <summary>The items in ordinal order of their (unique) ids; files are written sorted, so mostly this only checks.</summary>
    private static T[] SortedById<T>(List<(T Item, DataLocation Where)> items, Func<T, string> id) =>
        SortedById(items.ConvertAll(x => x.Item), id);

    private static T[] SortedById<T>(List<T> items, Func<T, string> id)
    {
        var array = new T[items.Count];
        var sorted = true;
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = items[i];
            sorted &= i == 0 || string.CompareOrdinal(id(array[i - 1]), id(array[i])) < 0;
        }

        if (!sorted)
        {
            Array.Sort(array.Select(id).ToArray(), array, StringComparer.Ordinal);
        }

        return array;
    }

    private void ClaimRelation(string id, DataLocation where)
    {
        if (relationIds is null)
        {
            if (lastRelationId is null || string.CompareOrdinal(lastRelationId, id) < 0)
            {
                lastRelationId = id;
                relationLines.Add(where.Line);
                return;
            }

            relationIds = new Dictionary<string, int>(relations.Count * 2, StringComparer.Ordinal);
            for (var i = 0; i < relations.Count; i++)
            {
                relationIds.Add(relations[i].Id, relationLines[i]);
            }

            relationLines.Clear();
            relationLines.TrimExcess();
        }

        Claim(relationIds, id, "relation", where);
    }

    private static void Claim<TKey>(Dictionary<TKey, int> ids, TKey id, string what, DataLocation where)
        where TKey : notnull
    {
        if (!ids.TryAdd(id, where.Line))
        {
            var firstLine = ids[id];
            var at = firstLine > 0 ? $" (first at line {firstLine})" : string.Empty;
            throw where.Error($"duplicate {what} id '{id}'{at}; ids must be unique.");
        }
    }
}
