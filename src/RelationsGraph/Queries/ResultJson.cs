using Newtonsoft.Json;
using RelationsGraph.Model;
using RelationsGraph.Storage;
using RelationsGraph.Time;

namespace RelationsGraph.Queries;

/// <summary>
/// Writes the library's objects and query results as JSON for scripts. Actors and events have the same
/// shape as in graph.json; relations too, plus <c>"polarity"</c> (-1, 0 or 1). Every query result is an
/// object whose <c>"query"</c> names the query and whose <c>"window"</c> is the view's window as an ISO 8601
/// interval (<c>2017</c>, <c>1950/1953</c>, <c>1961/..</c>, <c>..</c>), with <c>"sourcesEnd"</c> (the latest
/// publication date of the graph's sources) and <c>"beyondSources"</c> (<c>"the sources end 2021-09-04; nothing is
/// known after"</c> when the window reaches past it, else null). Output is indented with "\n" line ends
/// and ends with a newline; the same result always gives the same text. The shapes are documented in docs/console.md.
/// </summary>
public static class ResultJson
{
    /// <summary>Writes a list of actors as a JSON array of graph.json actor objects.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="actors">The actors, written in the order given.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TextWriter writer, IEnumerable<Actor> actors)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(actors);
        Document(writer, json =>
        {
            json.WriteStartArray();
            foreach (var actor in actors)
            {
                GraphJsonWriter.WriteActor(json, actor);
            }

            json.WriteEndArray();
        });
    }

    /// <summary>Writes an actor with its relations and events: <c>{"actor": {…}, "relations": [ … ], "events": [ … ]}</c>.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="actor">The actor.</param>
    /// <param name="relations">Its relations, written in the order given.</param>
    /// <param name="events">Its events, written in the order given.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TextWriter writer, Actor actor, IEnumerable<Relation> relations, IEnumerable<ActorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(events);
        Document(writer, json =>
        {
            json.WriteStartObject();
            json.WritePropertyName("actor");
            GraphJsonWriter.WriteActor(json, actor);
            Relations(json, "relations", relations);
            GraphJsonWriter.WriteArray(json, "events", events, GraphJsonWriter.WriteEvent);
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Writes a group report: <c>{"query": "group", "window", "view", "sourcesEnd", "beyondSources", "actors": [ids], "pairs": [{"actors", "sign",
    /// "cooperative", "conflictual", "relations"}], "triads": [{"actors", "balance", "explanation"}], "events", "context": [relations with one member],
    /// "previous": {"window", "triads", "changes": [{"actors", "before", "after", "added": [ids], "dropped": [ids]}]} | null}</c>.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TextWriter writer, GroupReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        Document(writer, json =>
        {
            Header(json, "group", report.View);
            Ids(json, "actors", report.Actors.Select(a => a.Id.Value));
            json.WritePropertyName("pairs");
            json.WriteStartArray();
            foreach (var pair in report.Pairs)
            {
                json.WriteStartObject();
                Ids(json, "actors", [pair.First.Id.Value, pair.Second.Id.Value]);
                Text(json, "sign", Name(pair.Sign));
                Number(json, "cooperative", pair.Cooperative);
                Number(json, "conflictual", pair.Conflictual);
                Relations(json, "relations", pair.Relations);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Triads(json, report.Triads);
            GraphJsonWriter.WriteArray(json, "events", report.Events, GraphJsonWriter.WriteEvent);
            Relations(json, "context", report.Context);
            json.WritePropertyName("previous");
            if (report.PreviousWindow is null)
            {
                json.WriteNull();
            }
            else
            {
                json.WriteStartObject();
                Text(json, "window", report.PreviousWindow.ToString());
                Triads(json, report.PreviousTriads);
                json.WritePropertyName("changes");
                json.WriteStartArray();
                foreach (var change in report.Changes)
                {
                    json.WriteStartObject();
                    Ids(json, "actors", [change.First.Id.Value, change.Second.Id.Value]);
                    Text(json, "before", Name(change.Before));
                    Text(json, "after", Name(change.After));
                    Ids(json, "added", change.Added.Select(r => r.Id));
                    Ids(json, "dropped", change.Dropped.Select(r => r.Id));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Writes paths: <c>{"query": "path", "window", "view", "sourcesEnd", "beyondSources", "paths": [{"actors": [ids], "length", "steps": [{"from", "to",
    /// "earliest" (time-respecting paths only), "relations": [ … ]}]}]}</c>.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="view">The view the paths were found in.</param>
    /// <param name="paths">The paths, written in the order given.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TextWriter writer, GraphView view, IEnumerable<ActorPath> paths)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(paths);
        Document(writer, json =>
        {
            Header(json, "path", view);
            json.WritePropertyName("paths");
            json.WriteStartArray();
            foreach (var path in paths)
            {
                json.WriteStartObject();
                Ids(json, "actors", path.Actors.Select(a => a.Id.Value));
                Number(json, "length", path.Length);
                json.WritePropertyName("steps");
                json.WriteStartArray();
                foreach (var step in path.Steps)
                {
                    json.WriteStartObject();
                    Text(json, "from", step.From.Id.Value);
                    Text(json, "to", step.To.Id.Value);
                    if (step.EarliestDay is { } day)
                    {
                        Text(json, "earliest", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    Relations(json, "relations", step.Relations);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Writes a neighbourhood: <c>{"query": "neighbours", "window", "view", "sourcesEnd", "beyondSources", "center", "depth",
    /// "members": [{"id", "name", "kind", "distance"}], "relations": [ … ]}</c>.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="view">The view it was found in.</param>
    /// <param name="neighbourhood">The neighbourhood.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TextWriter writer, GraphView view, Neighbourhood neighbourhood)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(neighbourhood);
        Document(writer, json =>
        {
            Header(json, "neighbours", view);
            Text(json, "center", neighbourhood.Center.Id.Value);
            Number(json, "depth", neighbourhood.Depth);
            json.WritePropertyName("members");
            json.WriteStartArray();
            foreach (var member in neighbourhood.Members)
            {
                json.WriteStartObject();
                Text(json, "id", member.Actor.Id.Value);
                Text(json, "name", member.Actor.Name);
                Text(json, "kind", member.Actor.Kind.Name());
                Number(json, "distance", member.Distance);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Relations(json, "relations", neighbourhood.Relations);
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Writes a timeline: <c>{"query": "timeline", "window", "view", "sourcesEnd", "beyondSources", "actors": [ids], "entries": [{"type": "relation",
    /// "relation": { … }} | {"type": "event", "event": { … }}]}</c>.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="view">The view it was built in.</param>
    /// <param name="timeline">The timeline.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TextWriter writer, GraphView view, Timeline timeline)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(timeline);
        Document(writer, json =>
        {
            Header(json, "timeline", view);
            Ids(json, "actors", timeline.Actors.Select(a => a.Id.Value));
            json.WritePropertyName("entries");
            json.WriteStartArray();
            foreach (var entry in timeline.Entries)
            {
                json.WriteStartObject();
                if (entry.Relation is { } relation)
                {
                    Text(json, "type", "relation");
                    json.WritePropertyName("relation");
                    GraphJsonWriter.WriteRelation(json, relation, withPolarity: true);
                }
                else
                {
                    Text(json, "type", "event");
                    json.WritePropertyName("event");
                    GraphJsonWriter.WriteEvent(json, entry.Event!);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Writes a diff: <c>{"query": "diff", "window", "view", "from", "to", "sourcesEnd", "beyondSources", "started": [ … ], "ended": [ … ], "happened": [ … ], "events": [ … ]}</c>,
    /// where the window runs from the first date to the second and the view is that window with the filters the diff was made with.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="view">The view whose filters the diff applied (its window is not used).</param>
    /// <param name="diff">The diff.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TextWriter writer, GraphView view, GraphDiff diff)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(diff);
        Document(writer, json =>
        {
            Header(json, "diff", view.WithWindow(TimeWindow.Between(diff.From, diff.To)), horizon: false);
            Text(json, "from", diff.From.ToString());
            Text(json, "to", diff.To.ToString());
            Horizon(json, diff.SourcesEnd, diff.BeyondSources);
            Relations(json, "started", diff.Started);
            Relations(json, "ended", diff.Ended);
            Relations(json, "happened", diff.Happened);
            GraphJsonWriter.WriteArray(json, "events", diff.Events, GraphJsonWriter.WriteEvent);
            json.WriteEndObject();
        });
    }

    /// <summary>Gets the JSON name of a pair sign: none, neutral, cooperative, conflictual or mixed.</summary>
    /// <param name="sign">The sign.</param>
    /// <returns>The name.</returns>
    public static string Name(PairSign sign) => sign.ToString().ToLowerInvariant();

    /// <summary>Gets the JSON name of a balance verdict: balanced, unbalanced, open or ambiguous.</summary>
    /// <param name="balance">The verdict.</param>
    /// <returns>The name.</returns>
    public static string Name(Balance balance) => balance.ToString().ToLowerInvariant();

    internal static void Document(TextWriter writer, Action<JsonWriter> body)
    {
        using var json = GraphJsonWriter.CreateWriter(writer);
        body(json);
        json.Flush();
        writer.Write('\n');
    }

    /// <summary>
    /// Writes a group read once per period: <c>{"query": "group-each", "window", "view", "sourcesEnd", "beyondSources", "actors": [ids],
    /// "periods": [{"window", "pairs": [{"actors", "sign", "cooperative", "conflictual", "neutral", "relations": [ids]}], "triads":
    /// [{"actors", "balance", "explanation"}]}]}</c>; each period's relations in full come from the group query of that period.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="view">The view over the whole window, with the filters each period applied.</param>
    /// <param name="periods">One report per period, in order; at least one.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="periods"/> is empty.</exception>
    public static void Write(TextWriter writer, GraphView view, IReadOnlyList<GroupReport> periods)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            throw new ArgumentException("A group read per period needs at least one period.", nameof(periods));
        }

        Document(writer, json =>
        {
            Header(json, "group-each", view);
            Ids(json, "actors", periods[0].Actors.Select(a => a.Id.Value));
            json.WritePropertyName("periods");
            json.WriteStartArray();
            foreach (var report in periods)
            {
                json.WriteStartObject();
                Text(json, "window", report.View.Window.ToString());
                json.WritePropertyName("pairs");
                json.WriteStartArray();
                foreach (var pair in report.Pairs)
                {
                    json.WriteStartObject();
                    Ids(json, "actors", [pair.First.Id.Value, pair.Second.Id.Value]);
                    Text(json, "sign", Name(pair.Sign));
                    Number(json, "cooperative", pair.Cooperative);
                    Number(json, "conflictual", pair.Conflictual);
                    Number(json, "neutral", pair.Relations.Count - pair.Cooperative - pair.Conflictual);
                    Ids(json, "relations", pair.Relations.Select(r => r.Id));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                Triads(json, report.Triads);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Writes a trend: <c>{"query": "trend", "window", "view", "sourcesEnd", "beyondSources", "actors": [a, b], "step":
    /// "year", "span": "1949/2021", "periods": [{"period": "1949", "cooperative": 1, "conflictual": 0, "neutral": 0,
    /// "goldstein": null}, …], "relations": [ids]}</c>, where span is the window the periods cover (the view's, or the
    /// pair's relations' where the view's is open).
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="trend">The trend.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TextWriter writer, Trend trend)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(trend);
        Document(writer, json =>
        {
            Header(json, "trend", trend.View);
            Ids(json, "actors", [trend.First.Id.Value, trend.Second.Id.Value]);
            Text(json, "step", trend.Step.ToString().ToLowerInvariant());
            Text(json, "span", trend.Window.ToString());
            json.WritePropertyName("periods");
            json.WriteStartArray();
            foreach (var period in trend.Periods)
            {
                json.WriteStartObject();
                Text(json, "period", period.Period.ToString());
                Number(json, "cooperative", period.Cooperative);
                Number(json, "conflictual", period.Conflictual);
                Number(json, "neutral", period.Neutral);
                json.WritePropertyName("goldstein");
                json.WriteValue(period.Goldstein);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Ids(json, "relations", trend.Relations.Select(r => r.Id));
            json.WriteEndObject();
        });
    }

    private static void Header(JsonWriter json, string query, GraphView view, bool horizon = true)
    {
        json.WriteStartObject();
        Text(json, "query", query);
        Text(json, "window", view.Window.ToString());
        Text(json, "view", view.ToString());
        if (horizon)
        {
            Horizon(json, view.Graph.SourcesEnd, view.BeyondSources);
        }
    }

    // What the sources can know: the latest publication date of the graph's sources, and the note when the
    // answer's window reaches past it (both null when there is nothing to say).
    private static void Horizon(JsonWriter json, Time.PartialDate? sourcesEnd, string? beyondSources)
    {
        json.WritePropertyName("sourcesEnd");
        json.WriteValue(sourcesEnd?.ToString());
        json.WritePropertyName("beyondSources");
        json.WriteValue(beyondSources);
    }

    private static void Triads(JsonWriter json, IEnumerable<TriadReport> triads)
    {
        json.WritePropertyName("triads");
        json.WriteStartArray();
        foreach (var triad in triads)
        {
            json.WriteStartObject();
            Ids(json, "actors", triad.Actors.Select(a => a.Id.Value));
            Text(json, "balance", Name(triad.Balance));
            Text(json, "explanation", triad.Explanation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Relations(JsonWriter json, string name, IEnumerable<Relation> relations) =>
        GraphJsonWriter.WriteArray(json, name, relations, (w, r) => GraphJsonWriter.WriteRelation(w, r, withPolarity: true));

    private static void Ids(JsonWriter json, string name, IEnumerable<string> ids)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var id in ids)
        {
            json.WriteValue(id);
        }

        json.WriteEndArray();
    }

    private static void Text(JsonWriter json, string name, string value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void Number(JsonWriter json, string name, int value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
