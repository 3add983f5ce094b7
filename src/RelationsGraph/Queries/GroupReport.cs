using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Queries;

/// <summary>How the relations of a pair of actors lean in a window.</summary>
public enum PairSign
{
    /// <summary>No relation at all.</summary>
    None,

    /// <summary>Only neutral relations (statements, leadership, membership).</summary>
    Neutral,

    /// <summary>Only cooperative relations, perhaps with neutral ones.</summary>
    Cooperative,

    /// <summary>Only conflictual relations, perhaps with neutral ones.</summary>
    Conflictual,

    /// <summary>Both cooperative and conflictual relations.</summary>
    Mixed,
}

/// <summary>The structural balance of a triad (Heider).</summary>
public enum Balance
{
    /// <summary>The product of the three pair signs is positive: friends of friends are friends, enemies of enemies friends.</summary>
    Balanced,

    /// <summary>The product of the three pair signs is negative.</summary>
    Unbalanced,

    /// <summary>A pair has no signed relation (none, or only neutral ones), so the triad is not closed.</summary>
    Open,

    /// <summary>A mixed pair has as many cooperative as conflictual relations, so its sign cannot be read.</summary>
    Ambiguous,
}

/// <summary>The relations of one pair of actors in a window and how they lean.</summary>
/// <remarks>Immutable.</remarks>
public sealed class PairReport
{
    internal PairReport(Actor first, Actor second, RelationList relations, RelationStore store)
    {
        First = first;
        Second = second;
        Relations = relations;
        Rows = Enumerable.Range(0, relations.Count).Select(relations.Row).ToArray();
        Cooperative = Rows.Count(r => store.KindOf(r).Polarity == Polarity.Cooperative);
        Conflictual = Rows.Count(r => store.KindOf(r).Polarity == Polarity.Conflictual);
        Sign = (Cooperative, Conflictual, relations.Count) switch
        {
            (_, _, 0) => PairSign.None,
            (0, 0, _) => PairSign.Neutral,
            (> 0, 0, _) => PairSign.Cooperative,
            (0, > 0, _) => PairSign.Conflictual,
            _ => PairSign.Mixed,
        };
    }

    /// <summary>Gets the first actor of the pair (in the order the group was given).</summary>
    public Actor First { get; }

    /// <summary>Gets the second actor of the pair.</summary>
    public Actor Second { get; }

    /// <summary>Gets the relations between the two in the view, either direction, sorted by time then id.</summary>
    public IReadOnlyList<Relation> Relations { get; }

    /// <summary>Gets how the pair leans.</summary>
    public PairSign Sign { get; }

    /// <summary>Gets the rows of <see cref="Relations"/>, in its order.</summary>
    internal int[] Rows { get; }

    /// <summary>Gets the number of cooperative relations.</summary>
    public int Cooperative { get; }

    /// <summary>Gets the number of conflictual relations.</summary>
    public int Conflictual { get; }

    /// <summary>
    /// Gets the sign used for balance: +1 cooperative, −1 conflictual, a mixed pair by its majority, and 0 when
    /// there is no signed relation or a mixed pair is tied.
    /// </summary>
    public int NetSign => Math.Sign(Cooperative - Conflictual);
}

/// <summary>The balance of three actors of a group.</summary>
/// <remarks>Immutable; made by the query that returns it.</remarks>
public sealed record TriadReport
{
    internal TriadReport(IReadOnlyList<Actor> actors, Balance balance, string explanation)
    {
        Actors = actors;
        Balance = balance;
        Explanation = explanation;
    }

    /// <summary>Gets the three actors, in group order.</summary>
    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>Gets the verdict.</summary>
    public Balance Balance { get; }

    /// <summary>Gets how the verdict was reached, in one line, such as <c>China–DPRK mixed (2+ 4−, counted −) × China–US − × DPRK–US − = − → unbalanced</c>.</summary>
    public string Explanation { get; }
}

/// <summary>What changed for one pair against the previous window.</summary>
/// <remarks>Immutable; made by the query that returns it.</remarks>
public sealed record PairChange
{
    internal PairChange(Actor first, Actor second, PairSign before, PairSign after, IReadOnlyList<Relation> added, IReadOnlyList<Relation> dropped)
    {
        First = first;
        Second = second;
        Before = before;
        After = after;
        Added = added;
        Dropped = dropped;
    }

    /// <summary>Gets the first actor.</summary>
    public Actor First { get; }

    /// <summary>Gets the second actor.</summary>
    public Actor Second { get; }

    /// <summary>Gets the pair's sign in the previous window.</summary>
    public PairSign Before { get; }

    /// <summary>Gets the pair's sign in this window.</summary>
    public PairSign After { get; }

    /// <summary>Gets relations in this window that were not active in the previous one, sorted by time then id.</summary>
    public IReadOnlyList<Relation> Added { get; }

    /// <summary>Gets relations active in the previous window that are not in this one, sorted by time then id.</summary>
    public IReadOnlyList<Relation> Dropped { get; }
}

/// <summary>
/// A group of actors in a view: every relation between each pair, each pair's sign, the structural
/// balance of each triad, the actors' events in the window as context, and what changed against the
/// previous window of the same length. For three actors this is the triangle.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class GroupReport
{
    private GroupReport(GraphView view, IReadOnlyList<Actor> actors, IReadOnlyList<PairReport> pairs, IReadOnlyList<TriadReport> triads,
        IReadOnlyList<ActorEvent> events, IReadOnlyList<Relation> context, TimeWindow? previousWindow, IReadOnlyList<PairChange> changes,
        IReadOnlyList<TriadReport> previousTriads)
    {
        Context = context;
        View = view;
        Actors = actors;
        Pairs = pairs;
        Triads = triads;
        Events = events;
        PreviousWindow = previousWindow;
        Changes = changes;
        PreviousTriads = previousTriads;
    }

    /// <summary>Gets the view the group was read in.</summary>
    public GraphView View { get; }

    /// <summary>Gets the actors, in the order given.</summary>
    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>Gets one report per pair, in group order (A–B, A–C, B–C, …).</summary>
    public IReadOnlyList<PairReport> Pairs { get; }

    /// <summary>Gets one report per triad, in group order.</summary>
    public IReadOnlyList<TriadReport> Triads { get; }

    /// <summary>Gets the actors' events in the window, sorted by time then id.</summary>
    public IReadOnlyList<ActorEvent> Events { get; }

    /// <summary>
    /// Gets the relations in the view between one member of the group and an actor outside it, sorted by time
    /// then id: the context of the group, such as a member's backing of UN sanctions or who led a member then.
    /// </summary>
    public IReadOnlyList<Relation> Context { get; }

    /// <summary>
    /// Gets the previous window of the same length, or <see langword="null"/> when the window is open, or when
    /// the graph was loaded for a window (<see cref="Graph.RelationGraph.Coverage"/>) that does not hold it.
    /// </summary>
    public TimeWindow? PreviousWindow { get; }

    /// <summary>Gets, per pair in group order, what changed against the previous window; empty without one.</summary>
    public IReadOnlyList<PairChange> Changes { get; }

    /// <summary>Gets the triads' balance in the previous window; empty without one.</summary>
    public IReadOnlyList<TriadReport> PreviousTriads { get; }

    /// <summary>Gets the total number of relations among the group in the window.</summary>
    public int RelationCount => Pairs.Sum(p => p.Relations.Count);

    /// <summary>Reads a group of actors in a view.</summary>
    /// <param name="view">The view.</param>
    /// <param name="actors">Two or more distinct actors of the graph.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two actors, an actor twice, or an actor not in the graph.</exception>
    public static GroupReport Of(GraphView view, IEnumerable<ActorId> actors)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(actors);
        var list = new List<Actor>();
        foreach (var id in actors)
        {
            if (!view.Graph.TryGetActor(id, out var actor))
            {
                throw new ArgumentException($"Actor '{id}' is not in the graph.", nameof(actors));
            }

            if (list.Contains(actor))
            {
                throw new ArgumentException($"Actor '{id}' is given twice; the actors of a group must be distinct.", nameof(actors));
            }

            list.Add(actor);
        }

        if (list.Count < 2)
        {
            throw new ArgumentException("A group needs at least two actors.", nameof(actors));
        }

        var pairs = ReadPairs(view, list);
        var triads = ReadTriads(list, pairs);
        var events = list.Where(a => view.ActorKinds is null || view.ActorKinds.Contains(a.Kind))
            .SelectMany(a => view.Graph.EventsOf(a.Id)).Where(view.KnownIn)
            .OrderBy(e => e.Time.Beginning).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();
        var context = ReadContext(view, list);
        // A graph loaded for a window (GraphLoadOptions.Window) may not hold the one before: then no comparison.
        var previousWindow = view.Window.Previous() is { } previous && view.Graph.Coverage.Contains(previous) ? previous : null;
        IReadOnlyList<PairChange> changes = [];
        IReadOnlyList<TriadReport> previousTriads = [];
        if (previousWindow is not null)
        {
            var before = ReadPairs(view.WithWindow(previousWindow), list);
            previousTriads = ReadTriads(list, before);
            changes = pairs.Zip(before, (now, then) =>
            {
                // Both come from the one graph: a relation in both windows is the same row.
                var nowRows = now.Rows.ToHashSet();
                var thenRows = then.Rows.ToHashSet();
                return new PairChange(now.First, now.Second, then.Sign, now.Sign,
                    view.Graph.List(now.Rows.Where(r => !thenRows.Contains(r)).ToArray()),
                    view.Graph.List(then.Rows.Where(r => !nowRows.Contains(r)).ToArray()));
            }).ToArray();
        }

        return new GroupReport(view, list, pairs, triads, events, context, previousWindow, changes, previousTriads);
    }

    private static PairReport[] ReadPairs(GraphView view, List<Actor> actors)
    {
        var graph = view.Graph;
        var pairs = new List<PairReport>();
        for (var i = 0; i < actors.Count; i++)
        {
            for (var j = i + 1; j < actors.Count; j++)
            {
                graph.TryGetVertex(actors[i].Id, out var a);
                graph.TryGetVertex(actors[j].Id, out var b);
                pairs.Add(new PairReport(actors[i], actors[j], view.InTimeOrder(view.RelationsBetween(a, b, directed: false)), graph.Store));
            }
        }

        return pairs.ToArray();
    }

    /// <summary>The view's relations between a member and an actor outside the group, by time then id.</summary>
    private static IReadOnlyList<Relation> ReadContext(GraphView view, List<Actor> actors)
    {
        var graph = view.Graph;
        var vertices = new List<int>();
        var inGroup = new bool[graph.ActorCount];
        foreach (var actor in actors)
        {
            graph.TryGetVertex(actor.Id, out var v);
            vertices.Add(v);
            inGroup[v] = true;
        }

        return view.RelationsInTimeOrderWhere(vertices, (s, t) => inGroup[s] != inGroup[t]);
    }

    private static TriadReport[] ReadTriads(List<Actor> actors, PairReport[] pairs)
    {
        PairReport Pair(int a, int b) => pairs.First(p => ReferenceEquals(p.First, actors[Math.Min(a, b)]) && ReferenceEquals(p.Second, actors[Math.Max(a, b)]));
        var triads = new List<TriadReport>();
        for (var i = 0; i < actors.Count; i++)
        {
            for (var j = i + 1; j < actors.Count; j++)
            {
                for (var k = j + 1; k < actors.Count; k++)
                {
                    PairReport[] sides = [Pair(i, j), Pair(i, k), Pair(j, k)];
                    triads.Add(new TriadReport([actors[i], actors[j], actors[k]], Verdict(sides), Explain(sides)));
                }
            }
        }

        return triads.ToArray();
    }

    private static Balance Verdict(PairReport[] sides)
    {
        if (sides.Any(s => s.Sign is PairSign.None or PairSign.Neutral))
        {
            return Balance.Open;
        }

        if (sides.Any(s => s.NetSign == 0))
        {
            return Balance.Ambiguous;
        }

        return sides.Aggregate(1, (product, s) => product * s.NetSign) > 0 ? Balance.Balanced : Balance.Unbalanced;
    }

    private static string Explain(PairReport[] sides)
    {
        static string Side(PairReport s) => $"{s.First.Id}–{s.Second.Id} " + s.Sign switch
        {
            PairSign.None => "none",
            PairSign.Neutral => "neutral",
            PairSign.Cooperative => "+",
            PairSign.Conflictual => "−",
            _ => $"mixed ({s.Cooperative}+ {s.Conflictual}−, " + (s.NetSign switch { > 0 => "counted +", < 0 => "counted −", _ => "tied" }) + ")",
        };

        var verdict = Verdict(sides);
        var tail = verdict switch
        {
            Balance.Balanced => "= + → balanced",
            Balance.Unbalanced => "= − → unbalanced",
            Balance.Open => "→ open (a pair has no signed relation)",
            _ => "→ ambiguous (a mixed pair is tied)",
        };
        return string.Join(" × ", sides.Select(Side)) + " " + tail;
    }
}
