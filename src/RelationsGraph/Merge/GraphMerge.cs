using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Storage;

namespace RelationsGraph.Merge;

/// <summary>
/// One graph from several, such as the article's graph and ICEWS18. Inputs are taken in order, and an actor of a
/// later input is the same as an actor of an earlier one when they share a code (ISO 3166-1 alpha-3; else, when
/// either lacks it, the Correlates of War number; else the CAMEO code), or else an id, name or alias (ignoring
/// case). What is ambiguous is reported in <see cref="Problems"/> and the merge refused, never guessed: an actor
/// that matches two actors, one whose codes disagree with the actor its name matches, or whose kind differs.
/// Several actors of one input may match one earlier actor (the earlier graph says their names are one actor's):
/// they become that actor, and a relation between two of them, now an actor with itself, is left out and counted.
/// </summary>
/// <remarks>
/// The merged graph keeps every source and every piece of evidence. A merged actor keeps its earliest input's id,
/// name and kind, takes codes it lacked from the later ones, and their ids, names and aliases as aliases. Ids stay
/// unique: a source, relation or event whose id an earlier input already has for something else is renamed to
/// <c>id.N</c>, N its input's number from 1 (noted in <see cref="Notes"/>), and one equal to the earlier is kept
/// once. The same inputs in the same order give the same graph. Immutable.
/// </remarks>
public sealed class GraphMerge
{
    private GraphMerge(RelationGraph? graph, IReadOnlyList<ActorJoin> joins, IReadOnlyList<string> problems, IReadOnlyList<string> notes)
    {
        Graph = graph;
        Joins = joins;
        Problems = problems;
        Notes = notes;
    }

    /// <summary>Gets the merged graph, or <see langword="null"/> when the merge was refused (see <see cref="Problems"/>).</summary>
    public RelationGraph? Graph { get; }

    /// <summary>Gets a value telling whether the inputs were merged.</summary>
    [MemberNotNullWhen(true, nameof(Graph))]
    public bool IsMerged => Graph is not null;

    /// <summary>Gets the actors of later inputs that became actors of earlier ones, in input order, with what they share.</summary>
    public IReadOnlyList<ActorJoin> Joins { get; }

    /// <summary>Gets why the merge was refused, one sentence each; empty when it was not.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Gets what the merge changed besides joining actors: renamed ids, relations left out as an actor with itself.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Merges graphs, by the rules in the summary.</summary>
    /// <param name="graphs">The graphs, earliest first; at least one.</param>
    /// <returns>The merge: the graph, or the problems that refused it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graphs"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">No graph is given, or one was loaded for a window only (it does not hold all its relations).</exception>
    public static GraphMerge Of(params IEnumerable<RelationGraph> graphs)
    {
        ArgumentNullException.ThrowIfNull(graphs);
        var list = graphs.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A merge needs at least one graph.", nameof(graphs));
        }

        for (var i = 0; i < list.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(list[i], nameof(graphs));
            if (list[i].Coverage.From is not null || list[i].Coverage.To is not null)
            {
                throw new ArgumentException(
                    $"Graph {i + 1} was loaded for {list[i].Coverage} only; merge graphs loaded whole, so that no relation is lost.", nameof(graphs));
            }
        }

        return new Merger(list).Run();
    }

    /// <summary>
    /// Loads graph files and merges them for saving at <paramref name="output"/>: each source's path, relative to its
    /// own graph file, is rewritten relative to the output's folder, so <c>relgraph validate</c> still finds every
    /// document. The merge is not saved (<see cref="GraphFile.Save(string, RelationGraph)"/> does that).
    /// </summary>
    /// <param name="paths">The graph files, earliest first; at least one.</param>
    /// <param name="output">Where the merged graph will be saved.</param>
    /// <returns>The merge: the graph, or the problems that refused it.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No file is given.</exception>
    /// <exception cref="Common.GraphDataException">A file is not a valid graph.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static GraphMerge Files(IEnumerable<string> paths, string output)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);
        var outputFolder = Path.GetDirectoryName(Path.GetFullPath(output)) ?? ".";
        var graphs = paths.Select(path => Rebased(GraphFile.Load(path), Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", outputFolder)).ToList();
        return graphs.Count == 0 ? throw new ArgumentException("A merge needs at least one graph file.", nameof(paths)) : Of(graphs);
    }

    /// <summary>The graph with its sources' paths relative to another folder.</summary>
    private static RelationGraph Rebased(RelationGraph graph, string from, string to)
    {
        if (string.Equals(Path.GetFullPath(from), Path.GetFullPath(to), StringComparison.Ordinal))
        {
            return graph;
        }

        var builder = new RelationGraphBuilder();
        foreach (var s in graph.Sources)
        {
            var path = Path.IsPathRooted(s.Path) ? s.Path : Path.GetRelativePath(to, Path.GetFullPath(Path.Combine(from, s.Path))).Replace('\\', '/');
            builder.Add(new Source(s.Id, s.Title, s.Author, s.Publisher, s.Published, path, s.Sha256));
        }

        Copy(graph, builder);
        return builder.Build();
    }

    private static void Copy(RelationGraph graph, RelationGraphBuilder builder)
    {
        foreach (var actor in graph.Actors)
        {
            builder.Add(actor);
        }

        foreach (var relation in graph.Relations)
        {
            builder.Add(relation);
        }

        foreach (var actorEvent in graph.Events)
        {
            builder.Add(actorEvent);
        }
    }

    /// <summary>One merge's working state.</summary>
    private sealed class Merger(List<RelationGraph> inputs)
    {
        private readonly List<Merged> actors = [];
        private readonly Dictionary<string, Merged> byKey = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<Merged>> byIso = new(StringComparer.Ordinal);
        private readonly Dictionary<int, List<Merged>> byCow = [];
        private readonly Dictionary<string, List<Merged>> byCameo = new(StringComparer.Ordinal);
        private readonly List<ActorJoin> joins = [];
        private readonly List<string> problems = [];
        private readonly List<string> notes = [];

        public GraphMerge Run()
        {
            // Each input's actors are matched against the earlier inputs only, then added: two actors of one input
            // are never made one by each other's names or codes.
            var actorMaps = new List<Dictionary<ActorId, Merged>>();
            for (var k = 0; k < inputs.Count; k++)
            {
                var map = new Dictionary<ActorId, Merged>();
                var matched = inputs[k].Actors.Select(a => (Actor: a, Into: Match(k, a))).ToList();
                foreach (var (actor, into) in matched)
                {
                    map[actor.Id] = into is null ? Add(actor) : Join(into, actor);
                }

                actorMaps.Add(map);
            }

            if (problems.Count > 0)
            {
                return new GraphMerge(null, joins.AsReadOnly(), problems.AsReadOnly(), notes.AsReadOnly());
            }

            var builder = new RelationGraphBuilder();
            foreach (var actor in actors)
            {
                builder.Add(new Actor(actor.Id, actor.Name, actor.Kind, actor.Aliases, actor.Codes));
            }

            var sourceIds = new Dictionary<string, Source>(StringComparer.Ordinal);
            var relationIds = new Dictionary<string, Relation>(StringComparer.Ordinal);
            var eventIds = new Dictionary<string, ActorEvent>(StringComparer.Ordinal);
            for (var k = 0; k < inputs.Count; k++)
            {
                var sourceMap = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var source in inputs[k].Sources)
                {
                    var id = Place(source.Id, k, sourceIds, existing => existing == source, "source");
                    sourceMap[source.Id] = id;
                    if (!sourceIds.ContainsKey(id))
                    {
                        var placed = id == source.Id ? source : new Source(id, source.Title, source.Author, source.Publisher, source.Published, source.Path, source.Sha256);
                        sourceIds.Add(id, placed);
                        builder.Add(placed);
                    }
                }

                var map = actorMaps[k];
                var selves = 0;
                foreach (var r in inputs[k].Relations)
                {
                    var (source, target) = (map[r.Source].Id, map[r.Target].Id);
                    if (source == target)
                    {
                        selves++;
                        continue;
                    }

                    var evidence = r.Evidence.Select(e => new Evidence(sourceMap[e.Source], e.Quote)).ToArray();
                    var relation = new Relation(r.Id, r.Kind, source, target, r.Time, r.Label, evidence, r.Directed, r.Note);
                    var id = Place(r.Id, k, relationIds, existing => existing == relation, "relation");
                    if (!relationIds.ContainsKey(id))
                    {
                        var placed = id == r.Id ? relation : new Relation(id, r.Kind, source, target, r.Time, r.Label, evidence, r.Directed, r.Note);
                        relationIds.Add(id, placed);
                        builder.Add(placed);
                    }
                }

                if (selves > 0)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"{selves} relation{(selves == 1 ? string.Empty : "s")} of input {k + 1} left out: {(selves == 1 ? "it joins" : "each joins")} two actors the merge made one."));
                }

                foreach (var e in inputs[k].Events)
                {
                    var evidence = e.Evidence.Select(x => new Evidence(sourceMap[x.Source], x.Quote)).ToArray();
                    var actorEvent = new ActorEvent(e.Id, e.Kind, map[e.Actor].Id, e.Time, e.Label, evidence, e.Note);
                    var id = Place(e.Id, k, eventIds, existing => existing == actorEvent, "event");
                    if (!eventIds.ContainsKey(id))
                    {
                        var placed = id == e.Id ? actorEvent : new ActorEvent(id, e.Kind, actorEvent.Actor, e.Time, e.Label, evidence, e.Note);
                        eventIds.Add(id, placed);
                        builder.Add(placed);
                    }
                }
            }

            return new GraphMerge(builder.Build(), joins.AsReadOnly(), problems.AsReadOnly(), notes.AsReadOnly());
        }

        /// <summary>
        /// The id an item of input <paramref name="k"/> takes: its own when free or held by an equal item (kept once),
        /// else <c>id.N</c> (N = k + 1, then <c>id.N.2</c>, …), noted.
        /// </summary>
        private string Place<T>(string id, int k, Dictionary<string, T> taken, Func<T, bool> same, string what)
        {
            if (!taken.TryGetValue(id, out var existing) || same(existing))
            {
                return id;
            }

            var renamed = string.Create(CultureInfo.InvariantCulture, $"{id}.{k + 1}");
            for (var n = 2; taken.ContainsKey(renamed); n++)
            {
                renamed = string.Create(CultureInfo.InvariantCulture, $"{id}.{k + 1}.{n}");
            }

            notes.Add($"The {what} '{id}' of input {k + 1} is '{renamed}': an earlier input has another {what} with that id.");
            return renamed;
        }

        /// <summary>The earlier actor this one is, null for a new one, or null with a problem recorded.</summary>
        private Merged? Match(int k, Actor actor)
        {
            var byCode = CodeCandidates(actor.Codes).Where(m => SameByCode(actor.Codes, m.Codes)).Distinct().ToList();
            var byName = Keys(actor).Select(key => byKey.TryGetValue(key, out var m) ? (Key: key, Actor: m) : default).Where(x => x.Actor is not null).ToList();
            var named = byName.Select(x => x.Actor).Distinct().ToList();
            var where = $"{actor} (input {k + 1})";

            if (byCode.Count > 1)
            {
                return Refuse($"{where} has the codes of {Several(byCode)}; which one it is cannot be told.");
            }

            var into = byCode.Count == 1 ? byCode[0] : named.Count == 1 ? named[0] : null;
            if (named.Count > 1 || (into is not null && named.Exists(m => m != into)))
            {
                var who = byName.Where(x => x.Actor != into || byCode.Count == 0).Select(x => $"'{x.Key}' is {x.Actor!.Id}");
                return Refuse($"{where} matches {Several(named.Union(byCode).ToList())}: {string.Join(", ", who)}{(byCode.Count == 1 ? $", and its codes are {byCode[0].Id}'s" : string.Empty)}.");
            }

            if (into is null)
            {
                return null;
            }

            var by = byCode.Count == 1 ? SharedCode(actor.Codes, into.Codes) : $"{KeyKind(actor, byName[0].Key)} '{byName[0].Key}'";
            if (Disagreement(actor.Codes, into.Codes) is { } codes)
            {
                return Refuse($"{where} and {into.Id} share the {by} but their {codes}.");
            }

            if (actor.Kind != into.Kind)
            {
                return Refuse($"{where} is a {actor.Kind.Name()} and {into.Id} a {into.Kind.Name()}, though they share the {by}.");
            }

            joins.Add(new ActorJoin(k, actor.Id, into.Id, by));
            return into;
        }

        private Merged? Refuse(string problem)
        {
            problems.Add(problem);
            return null;
        }

        private Merged Add(Actor actor)
        {
            var merged = new Merged(actor.Id, actor.Name, actor.Kind, [.. actor.Aliases], actor.Codes);
            actors.Add(merged);
            foreach (var key in Keys(actor))
            {
                byKey.TryAdd(key, merged);
            }

            Index(merged, merged.Codes);
            return merged;
        }

        /// <summary>Makes a later input's actor one with an earlier one: its names become aliases, its codes fill gaps.</summary>
        private Merged Join(Merged into, Actor actor)
        {
            foreach (var key in Keys(actor))
            {
                if (byKey.TryAdd(key, into))
                {
                    into.Aliases.Add(key);
                }
            }

            var added = new ActorCodes
            {
                Iso3 = into.Codes.Iso3 is null ? actor.Codes.Iso3 : null,
                Cow = into.Codes.Cow is null ? actor.Codes.Cow : null,
                Cameo = into.Codes.Cameo is null ? actor.Codes.Cameo : null,
            };
            Index(into, added);
            into.Codes = new ActorCodes { Iso3 = into.Codes.Iso3 ?? added.Iso3, Cow = into.Codes.Cow ?? added.Cow, Cameo = into.Codes.Cameo ?? added.Cameo };
            return into;
        }

        private void Index(Merged actor, ActorCodes codes)
        {
            if (codes.Iso3 is { } iso)
            {
                (byIso.TryGetValue(iso, out var list) ? list : byIso[iso] = []).Add(actor);
            }

            if (codes.Cow is { } cow)
            {
                (byCow.TryGetValue(cow, out var list) ? list : byCow[cow] = []).Add(actor);
            }

            if (codes.Cameo is { } cameo)
            {
                (byCameo.TryGetValue(cameo, out var list) ? list : byCameo[cameo] = []).Add(actor);
            }
        }

        private IEnumerable<Merged> CodeCandidates(ActorCodes codes) =>
            (codes.Iso3 is { } iso && byIso.TryGetValue(iso, out var a) ? a : [])
            .Concat(codes.Cow is { } cow && byCow.TryGetValue(cow, out var b) ? b : [])
            .Concat(codes.Cameo is { } cameo && byCameo.TryGetValue(cameo, out var c) ? c : []);

        /// <summary>The codes say one actor: the ISO codes when both have one; else the COW numbers; else the CAMEO codes.</summary>
        private static bool SameByCode(ActorCodes a, ActorCodes b) =>
            a.Iso3 is not null && b.Iso3 is not null ? a.Iso3 == b.Iso3
            : a.Cow is not null && b.Cow is not null ? a.Cow == b.Cow
            : a.Cameo is not null && b.Cameo is not null && a.Cameo == b.Cameo;

        private static string SharedCode(ActorCodes a, ActorCodes b) =>
            a.Iso3 is not null && b.Iso3 is not null ? $"ISO code {a.Iso3}"
            : a.Cow is not null && b.Cow is not null ? string.Create(CultureInfo.InvariantCulture, $"COW number {a.Cow}")
            : $"CAMEO code {a.Cameo}";

        /// <summary>Which codes both actors have and differ in, in words, or null.</summary>
        private static string? Disagreement(ActorCodes a, ActorCodes b)
        {
            var differ = new List<string>();
            if (a.Iso3 is not null && b.Iso3 is not null && a.Iso3 != b.Iso3)
            {
                differ.Add($"ISO codes differ ({a.Iso3}, {b.Iso3})");
            }

            if (a.Cow is not null && b.Cow is not null && a.Cow != b.Cow)
            {
                differ.Add(string.Create(CultureInfo.InvariantCulture, $"COW numbers differ ({a.Cow}, {b.Cow})"));
            }

            if (a.Cameo is not null && b.Cameo is not null && a.Cameo != b.Cameo)
            {
                differ.Add($"CAMEO codes differ ({a.Cameo}, {b.Cameo})");
            }

            return differ.Count == 0 ? null : string.Join(" and ", differ);
        }

        private static IEnumerable<string> Keys(Actor actor) => new[] { actor.Id.Value, actor.Name }.Concat(actor.Aliases);

        private static string KeyKind(Actor actor, string key) =>
            string.Equals(key, actor.Id.Value, StringComparison.OrdinalIgnoreCase) ? "id"
            : string.Equals(key, actor.Name, StringComparison.OrdinalIgnoreCase) ? "name"
            : "alias";

        private static string Several(List<Merged> actors) => string.Join(" and ", actors.Select(m => m.Id.Value));
    }

    /// <summary>A merged actor while the merge runs.</summary>
    private sealed class Merged(ActorId id, string name, ActorKind kind, List<string> aliases, ActorCodes codes)
    {
        public ActorId Id { get; } = id;

        public string Name { get; } = name;

        public ActorKind Kind { get; } = kind;

        public List<string> Aliases { get; } = aliases;

        public ActorCodes Codes { get; set; } = codes;
    }
}
