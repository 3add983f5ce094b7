using Newtonsoft.Json;
using RelationsGraph.Model;

namespace RelationsGraph.Serialization;

/// <summary>
/// Writes the library's objects and query results as JSON for scripts. Actors, relations and events have
/// the same shape as in graph.json; output is indented with "\n" line ends and ends with a newline.
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

    /// <summary>
    /// Writes an actor with its relations and events:
    /// <c>{"actor": {…}, "relations": [ … ], "events": [ … ]}</c>.
    /// </summary>
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
            GraphJsonWriter.WriteArray(json, "relations", relations, GraphJsonWriter.WriteRelation);
            GraphJsonWriter.WriteArray(json, "events", events, GraphJsonWriter.WriteEvent);
            json.WriteEndObject();
        });
    }

    internal static void Document(TextWriter writer, Action<JsonWriter> body)
    {
        using var json = GraphJsonWriter.CreateWriter(writer);
        body(json);
        json.Flush();
        writer.Write('\n');
    }
}
