using RelationsGraph.Common;
using RelationsGraph.Model;

namespace RelationsGraph.Graph;

/// <summary>
/// Collects sources, actors, relations and events, then checks them together and builds an immutable
/// <see cref="RelationGraph"/>. Items may be added in any order; references are resolved at
/// <see cref="Build"/>.
/// </summary>
/// <remarks>Not thread-safe; the graph it builds is. Relations are kept in columns as they are added, not as objects.</remarks>
public sealed class RelationGraphBuilder
{
    private readonly List<(Source Item, DataLocation Where)> sources = [];
    private readonly List<(Actor Item, DataLocation Where)> actors = [];
    private readonly List<(ActorEvent Item, DataLocation Where)> events = [];

    // Each id with its item's index in the order added, and the line each id was read on (0 when not read from a
    // file), for "first at line N".
    private readonly Dictionary<string, int> sourceIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> actorIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> eventIndex = new(StringComparer.Ordinal);
    private readonly List<int> sourceLines = [];
    private readonly List<int> actorLines = [];
    private readonly List<int> eventLines = [];

    // Relations added one by one, and the rows a reader filled (in file order) with their id order, when it checked them.
    private RelationRows? added;
    private readonly List<RelationRows.Sealed> read = [];
    private int[]? readInIdOrder;

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
    public RelationGraphBuilder Add(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        added ??= new RelationRows(new NameTable(null), new NameTable(null));
        var sequence = added.Count;
        var evidence = new (int Source, string Quote)[relation.Evidence.Count];
        for (var i = 0; i < evidence.Length; i++)
        {
            evidence[i] = (added.Sources.Ref(relation.Evidence[i].Source, sequence, 2 + i, DataLocation.None), relation.Evidence[i].Quote);
        }

        added.Add(
            relation.Id, relation.Kind, added.Actors.Ref(relation.Source.Value, sequence, 0, DataLocation.None), added.Actors.Ref(relation.Target.Value, sequence, 1, DataLocation.None),
            relation.Time, relation.Label, evidence, relation.Directed, relation.Note, sequence);
        return this;
    }

    /// <summary>Adds an actor event.</summary>
    /// <param name="actorEvent">The event.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actorEvent"/> is null.</exception>
    /// <exception cref="GraphDataException">An event with the same id was added before.</exception>
    public RelationGraphBuilder Add(ActorEvent actorEvent) => Add(actorEvent, DataLocation.None);

    /// <summary>Checks every reference and builds the graph.</summary>
    /// <returns>The immutable graph.</returns>
    /// <exception cref="GraphDataException">
    /// Two relations share an id, a relation or event names an unknown actor or source, or two actors share a name or alias.
    /// </exception>
    public RelationGraph Build() => BuildWithStore(null);

    /// <summary>
    /// Builds the graph; with <paramref name="relations"/>, its relations are the store that function makes from the
    /// actor ids (by vertex number: id order), the source ids (id order) and what the sources can know, instead
    /// of the relations added (a snapshot's, checked by its reader).
    /// </summary>
    internal RelationGraph BuildWithStore(Func<ActorId[], string[], SourceHorizon, RelationStore>? relations)
    {
        var chunks = new List<RelationRows.Sealed>(read);
        if (added is not null)
        {
            chunks.Add(added.Seal());
        }

        // Repeated relation ids first: a reader reports them as it reads, and Add would have refused them.
        var inIdOrder = relations is not null ? [] : added is null && readInIdOrder is not null ? readInIdOrder : CheckedIdOrder(chunks);

        var sortedActors = actors.Select((a, i) => (a.Item, Index: i)).OrderBy(a => a.Item.Id.Value, StringComparer.Ordinal).ToList();
        var directory = ActorDirectory.Create(
            sortedActors.Select(a => a.Item).ToList(),
            (actor, name, other) => throw actors.First(a => ReferenceEquals(a.Item, actor)).Where.Error(
                $"actor '{actor.Id}' uses the name '{name}', which already names actor '{other.Id}'; a name or alias must identify one actor."));
        var vertexOfAdded = new int[actors.Count];
        for (var v = 0; v < sortedActors.Count; v++)
        {
            vertexOfAdded[sortedActors[v].Index] = v;
        }

        var sortedSources = sources.Select((s, i) => (s.Item, Index: i)).OrderBy(s => s.Item.Id, StringComparer.Ordinal).ToList();
        var numberOfAdded = new int[sources.Count];
        for (var s = 0; s < sortedSources.Count; s++)
        {
            numberOfAdded[sortedSources[s].Index] = s;
        }

        // Names the relations used that were not known as they were read: resolved now, the earliest unknown one refused.
        var actorNames = chunks.Select(c => Resolve(c.Rows.Actors, actorIndex, vertexOfAdded)).ToArray();
        var sourceNames = chunks.Select(c => Resolve(c.Rows.Sources, sourceIndex, numberOfAdded)).ToArray();
        RefuseUnknown(chunks, actorNames, sourceNames);

        foreach (var (actorEvent, where) in events)
        {
            CheckActor(actorEvent.Actor, where.Child("actor"));
            for (var i = 0; i < actorEvent.Evidence.Count; i++)
            {
                CheckSource(actorEvent.Evidence[i].Source, where.Child($"evidence[{i}].source"));
            }
        }

        var actorArray = sortedActors.Select(a => a.Item).ToArray();
        var sourceArray = sortedSources.Select(s => s.Item).ToArray();
        var horizon = new SourceHorizon(sourceArray);
        var store = relations is not null ? relations(actorArray.Select(a => a.Id).ToArray(), sourceArray.Select(s => s.Id).ToArray(), horizon) : RelationStore.Build(
            chunks, inIdOrder,
            new RelationStore.References(vertexOfAdded, actorNames),
            new RelationStore.References(numberOfAdded, sourceNames),
            actorArray.Select(a => a.Id).ToArray(), sourceArray.Select(s => s.Id).ToArray(), horizon);
        return new RelationGraph(sourceArray, actorArray, store, SortedById(events, e => e.Id), directory, horizon, Coverage);
    }

    internal RelationGraphBuilder Add(Source source, DataLocation where, DataLocation idWhere = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        Claim(sourceIndex, sourceLines, source.Id, "source", idWhere == default ? where : idWhere);
        sources.Add((source, where));
        return this;
    }

    internal RelationGraphBuilder Add(Actor actor, DataLocation where, DataLocation idWhere = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Claim(actorIndex, actorLines, actor.Id.Value, "actor", idWhere == default ? where : idWhere);
        actors.Add((actor, where));
        return this;
    }

    internal RelationGraphBuilder Add(ActorEvent actorEvent, DataLocation where, DataLocation idWhere = default)
    {
        ArgumentNullException.ThrowIfNull(actorEvent);
        Claim(eventIndex, eventLines, actorEvent.Id, "event", idWhere == default ? where : idWhere);
        events.Add((actorEvent, where));
        return this;
    }

    /// <summary>
    /// Takes the relations a reader read (rows in file order, sealed) and, when it has checked their ids for
    /// repeats, their id order (<see cref="IdOrder.Sort"/>'s).
    /// </summary>
    internal void AddRead(IEnumerable<RelationRows.Sealed> rows, int[]? inIdOrder)
    {
        read.AddRange(rows);
        readInIdOrder = inIdOrder;
    }

    /// <summary>Gets the actors added so far by id, numbered in the order added: what a reader resolves names against once all are known.</summary>
    internal IReadOnlyDictionary<string, int> ActorNumbers => actorIndex;

    /// <summary>Gets the sources added so far by id, numbered in the order added.</summary>
    internal IReadOnlyDictionary<string, int> SourceNumbers => sourceIndex;

    /// <summary>Gets or sets the window the graph will hold every relation of (a windowed load's); null for all time.</summary>
    internal Time.TimeWindow? Coverage { get; set; }

    /// <summary>Checks an actor reference now, when the caller knows every actor has been added.</summary>
    internal void CheckActor(ActorId id, DataLocation where)
    {
        if (id.Value is null || !actorIndex.ContainsKey(id.Value))
        {
            throw UnknownActor(id.Value ?? string.Empty, where);
        }
    }

    /// <summary>Checks that a cited source exists, when the caller knows every source has been added.</summary>
    internal void CheckSource(string id, DataLocation where)
    {
        if (!sourceIndex.ContainsKey(id))
        {
            throw UnknownSource(id, where);
        }
    }

    /// <summary>The error for a relation id that comes again, where it comes again.</summary>
    internal static GraphDataException RepeatError(IReadOnlyList<RelationRows.Sealed> chunks, IdOrder.Repeat repeat)
    {
        var first = chunks[repeat.First.Chunk].IdLocation(repeat.First.Kept, repeat.First.Index);
        var second = chunks[repeat.Second.Chunk].IdLocation(repeat.Second.Kept, repeat.Second.Index);
        var at = first.Line > 0 ? $" (first at line {first.Line})" : string.Empty;
        return second.Error($"duplicate relation id '{repeat.Id}'{at}; ids must be unique.");
    }

    private GraphDataException UnknownActor(string id, DataLocation where)
    {
        var near = ActorDirectory.Create(actors.Select(a => a.Item).ToList(), static (_, _, _) => { }).Find(id);
        var hint = near.Suggestions.Count > 0 ? $"; did you mean '{near.Suggestions[0].Actor.Id}'?" : "; it must be the id of an actor in \"actors\".";
        return where.Error($"unknown actor '{id}'{hint}");
    }

    private static GraphDataException UnknownSource(string id, DataLocation where) =>
        where.Error($"unknown source '{id}'; evidence must cite the id of a source in \"sources\".");

    private static int[] CheckedIdOrder(List<RelationRows.Sealed> chunks)
    {
        var (inIdOrder, repeat) = IdOrder.Sort(chunks);
        return repeat is { } found ? throw RepeatError(chunks, found) : inIdOrder;
    }

    /// <summary>The number of each name a table met that was not known then, or -1 for a name nothing has.</summary>
    private static int[] Resolve(NameTable table, Dictionary<string, int> index, int[] numberOfAdded) =>
        table.LocalNames.Select(name => index.TryGetValue(name, out var i) ? numberOfAdded[i] : -1).ToArray();

    /// <summary>Refuses the unknown name met earliest (by item, then source, target, evidence), as a check relation by relation would.</summary>
    private void RefuseUnknown(List<RelationRows.Sealed> chunks, int[][] actorNames, int[][] sourceNames)
    {
        (int Chunk, int Sequence, int Role, DataLocation Where, string Name, bool IsActor)? earliest = null;
        for (var c = 0; c < chunks.Count; c++)
        {
            foreach (var (names, table, isActor) in new[] { (actorNames[c], chunks[c].Rows.Actors, true), (sourceNames[c], chunks[c].Rows.Sources, false) })
            {
                for (var i = 0; i < names.Length; i++)
                {
                    var (sequence, role, where) = table.Firsts[i];
                    if (names[i] < 0 && (earliest is not { } e || (c, sequence, role).CompareTo((e.Chunk, e.Sequence, e.Role)) < 0))
                    {
                        earliest = (c, sequence, role, chunks[c].Rows.Origin?.Translate(where) ?? where, table.LocalNames[i], isActor);
                    }
                }
            }
        }

        if (earliest is { } unknown)
        {
            var property = unknown.Role switch { 0 => "source", 1 => "target", _ => $"evidence[{unknown.Role - 2}].source" };
            throw unknown.IsActor ? UnknownActor(unknown.Name, unknown.Where.Child(property)) : UnknownSource(unknown.Name, unknown.Where.Child(property));
        }
    }

    /// <summary>The items in ordinal order of their (unique) ids; files are written sorted, so mostly this only checks.</summary>
    private static T[] SortedById<T>(List<(T Item, DataLocation Where)> items, Func<T, string> id)
    {
        var array = items.ConvertAll(x => x.Item).ToArray();
        var sorted = true;
        for (var i = 1; i < array.Length; i++)
        {
            sorted &= string.CompareOrdinal(id(array[i - 1]), id(array[i])) < 0;
        }

        if (!sorted)
        {
            Array.Sort(array.Select(id).ToArray(), array, StringComparer.Ordinal);
        }

        return array;
    }

    private static void Claim(Dictionary<string, int> ids, List<int> lines, string id, string what, DataLocation where)
    {
        if (ids.TryAdd(id, lines.Count))
        {
            lines.Add(where.Line);
        }
        else
        {
            var firstLine = lines[ids[id]];
            var at = firstLine > 0 ? $" (first at line {firstLine})" : string.Empty;
            throw where.Error($"duplicate {what} id '{id}'{at}; ids must be unique.");
        }
    }
}
