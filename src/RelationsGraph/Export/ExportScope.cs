using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Time;

namespace RelationsGraph.Export;

/// <summary>What one export holds: a view narrowed to a selection of actors, every list sorted by id.</summary>
internal sealed class ExportScope
{
    private ExportScope(GraphView view, ExportSelection selection, Actor[] actors, Relation[] relations)
    {
        View = view;
        Selection = selection;
        Actors = actors;
        Relations = relations;
    }

    public GraphView View { get; }

    public ExportSelection Selection { get; }

    /// <summary>The selected actors, sorted by id; isolated ones included.</summary>
    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>The view's relations with both ends selected, sorted by id.</summary>
    public IReadOnlyList<Relation> Relations { get; }

    /// <summary>The view's events of selected actors, sorted by id.</summary>
    public IReadOnlyList<ActorEvent> Events
    {
        get
        {
            var ids = Actors.Select(a => a.Id).ToHashSet();
            return View.Events.Where(e => ids.Contains(e.Actor)).ToArray();
        }
    }

    /// <summary>The actors a picture draws: those with a relation in it, and those the selection names.</summary>
    public IReadOnlyList<Actor> DrawnActors
    {
        get
        {
            var shown = Relations.SelectMany(r => new[] { r.Source, r.Target }).Concat(Selection.Actors).ToHashSet();
            return Actors.Where(a => shown.Contains(a.Id)).ToArray();
        }
    }

    /// <summary>The same actors over another window of the same view.</summary>
    public ExportScope Within(TimeWindow window)
    {
        var view = View.WithWindow(window);
        var ids = Actors.Select(a => a.Id).ToHashSet();
        var relations = view.Relations.Where(r => ids.Contains(r.Source) && ids.Contains(r.Target)).ToArray();
        return new ExportScope(view, Selection, [.. Actors], relations);
    }

    /// <exception cref="ArgumentException">The selection names an actor the graph does not have.</exception>
    public static ExportScope Resolve(GraphView view, ExportSelection? selection)
    {
        ArgumentNullException.ThrowIfNull(view);
        selection ??= ExportSelection.All;
        var graph = view.Graph;
        foreach (var id in selection.Actors)
        {
            if (!graph.TryGetActor(id, out _))
            {
                throw new ArgumentException($"The selection names actor '{id}', which the graph does not have.", nameof(selection));
            }
        }

        if (selection.IsAll)
        {
            var actors = graph.Actors.Where(a => view.ActorKinds is null || view.ActorKinds.Contains(a.Kind)).ToArray();
            return new ExportScope(view, selection, actors, [.. view.Relations]);
        }

        var chosen = selection.Depth is { } depth ? Reach(view, selection.Actors, depth) : [.. selection.Actors];
        var rows = new HashSet<int>();
        foreach (var id in chosen)
        {
            graph.TryGetVertex(id, out var vertex);
            foreach (var (row, other) in view.Incident(vertex, directedOnly: false))
            {
                if (chosen.Contains(graph.ActorAt(other).Id))
                {
                    rows.Add(row);
                }
            }
        }

        return new ExportScope(
            view,
            selection,
            graph.Actors.Where(a => chosen.Contains(a.Id)).ToArray(),
            [.. graph.ById([.. rows])]);
    }

    /// <summary>The actors within some steps of any center, either direction: the union of their neighbourhoods.</summary>
    private static HashSet<ActorId> Reach(GraphView view, IEnumerable<ActorId> centers, int depth)
    {
        var reached = new HashSet<ActorId>(centers);
        if (depth > 0)
        {
            foreach (var center in reached.ToList())
            {
                reached.UnionWith(Neighbourhood.Of(view, center, depth)!.Members.Select(m => m.Actor.Id));
            }
        }

        return reached;
    }
}
