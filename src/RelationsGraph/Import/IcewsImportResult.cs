using RelationsGraph.Graph;
using RelationsGraph.Model;

namespace RelationsGraph.Import;

/// <summary>What an import produced: the graph, and a report of what was read, mapped and left out.</summary>
/// <remarks>Immutable.</remarks>
public sealed class IcewsImportResult
{
    internal IcewsImportResult(
        RelationGraph graph,
        IReadOnlyList<string> files,
        int eventsRead,
        int selfRelations,
        IReadOnlyList<IcewsEventType> eventTypes,
        IReadOnlyList<IReadOnlyList<string>> mergedNames,
        int countries,
        IReadOnlyList<string> aliasesLeftOut)
    {
        Countries = countries;
        AliasesLeftOut = aliasesLeftOut;
        Graph = graph;
        Files = files;
        EventsRead = eventsRead;
        SelfRelationsSkipped = selfRelations;
        EventTypes = eventTypes;
        MergedNames = mergedNames;
    }

    /// <summary>Gets the graph: one relation per imported event.</summary>
    public RelationGraph Graph { get; }

    /// <summary>Gets the quadruple files read, in the order read.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Gets how many quadruples were read.</summary>
    public int EventsRead { get; }

    /// <summary>Gets how many events were left out because their subject and object are the same actor.</summary>
    public int SelfRelationsSkipped { get; }

    /// <summary>Gets how many events were left out because their type has no CAMEO code.</summary>
    public int UnmappedEventsSkipped => EventTypes.Where(t => t.Code is null).Sum(t => t.Events);

    /// <summary>Gets every event type of the dataset, in the dataset's order, with its code, kind and use.</summary>
    public IReadOnlyList<IcewsEventType> EventTypes { get; }

    /// <summary>
    /// Gets the actor names that differ only by case, each group in the dataset's order; each group became
    /// one actor, named by its first spelling.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> MergedNames { get; }

    /// <summary>
    /// Gets how many state actors were found in the importer's country table and got its codes (ISO 3166-1
    /// alpha-3, Correlates of War, CAMEO) and its other names and short names (US, DPRK, PRC, …) as aliases.
    /// </summary>
    public int Countries { get; }

    /// <summary>
    /// Gets what of the countries' codes and aliases was left out, and why, one sentence each: an alias that is
    /// another actor's id or name, one that two actors would share, a country that two actors name.
    /// </summary>
    public IReadOnlyList<string> AliasesLeftOut { get; }
}
