using Newtonsoft.Json;
using RelationsGraph.Common;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Storage;

/// <summary>
/// Writes graph.json deterministically: lists sorted by id, properties in the documented order, two-space
/// indentation, "\n" line ends, UTF-8 without a byte order mark, defaults omitted. The item writers are
/// shared with <see cref="Queries.ResultJson"/>, so an actor or relation has one JSON shape everywhere.
/// </summary>
internal static class GraphJsonWriter
{
    public static void Write(RelationGraph graph, Stream stream)
    {
        using var text = new StreamWriter(stream, GraphJsonReader.StrictUtf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        Write(graph, text);
    }

    public static void Write(RelationGraph graph, TextWriter text) => Write(text, graph.Sources, graph.Actors, graph.Relations, graph.Events);

    /// <summary>
    /// Writes the items as graph.json, each list in the order given: the graph's lists are sorted by id, and a
    /// caller streaming items it makes one at a time (the benchmark's generator) gives them sorted too.
    /// </summary>
    public static void Write(TextWriter text, IEnumerable<Source> sources, IEnumerable<Actor> actors, IEnumerable<Relation> relations, IEnumerable<ActorEvent> events)
    {
        using var json = CreateWriter(text);
        json.WriteStartObject();
        json.WritePropertyName("$schema");
        json.WriteValue("./graph.schema.json");
        json.WritePropertyName("formatVersion");
        json.WriteValue(1);
        WriteArray(json, "sources", sources, WriteSource);
        WriteArray(json, "actors", actors, WriteActor);
        WriteArray(json, "relations", relations, WriteRelation);
        WriteArray(json, "events", events, WriteEvent);
        json.WriteEndObject();
        json.Flush();
        text.Write('\n');
        text.Flush();
    }

    internal static JsonTextWriter CreateWriter(TextWriter text) => new(text)
    {
        Formatting = Formatting.Indented,
        Indentation = 2,
        IndentChar = ' ',
        CloseOutput = false,
        StringEscapeHandling = StringEscapeHandling.Default,
    };

    internal static void WriteArray<T>(JsonWriter json, string name, IEnumerable<T> items, Action<JsonWriter, T> write)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var item in items)
        {
            write(json, item);
        }

        json.WriteEndArray();
    }

    internal static void WriteSource(JsonWriter json, Source s)
    {
        json.WriteStartObject();
        Property(json, "id", s.Id);
        Property(json, "title", s.Title);
        Property(json, "author", s.Author);
        Property(json, "publisher", s.Publisher);
        Property(json, "published", s.Published.ToString());
        Property(json, "path", s.Path);
        Property(json, "sha256", s.Sha256);
        json.WriteEndObject();
    }

    internal static void WriteActor(JsonWriter json, Actor a)
    {
        json.WriteStartObject();
        Property(json, "id", a.Id.Value);
        Property(json, "name", a.Name);
        Property(json, "kind", a.Kind.Name());
        if (a.Aliases.Count > 0)
        {
            json.WritePropertyName("aliases");
            json.WriteStartArray();
            foreach (var alias in a.Aliases)
            {
                json.WriteValue(alias);
            }

            json.WriteEndArray();
        }

        if (!a.Codes.IsEmpty)
        {
            json.WritePropertyName("codes");
            json.WriteStartObject();
            Property(json, "iso3", a.Codes.Iso3);
            if (a.Codes.Cow is { } cow)
            {
                json.WritePropertyName("cow");
                json.WriteValue(cow);
            }

            Property(json, "cameo", a.Codes.Cameo);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    internal static void WriteRelation(JsonWriter json, Relation r) => WriteRelation(json, r, withPolarity: false);

    /// <summary>Writes a relation; results add its polarity (-1, 0, 1) after its kind, for scripts.</summary>
    internal static void WriteRelation(JsonWriter json, Relation r, bool withPolarity)
    {
        json.WriteStartObject();
        Property(json, "id", r.Id);
        Property(json, "kind", r.Kind.Name);
        if (withPolarity)
        {
            json.WritePropertyName("polarity");
            json.WriteValue((int)r.Polarity);
        }

        Property(json, "source", r.Source.Value);
        Property(json, "target", r.Target.Value);
        if (r.Directed)
        {
            json.WritePropertyName("directed");
            json.WriteValue(true);
        }

        WriteTime(json, r.Time);
        Property(json, "label", r.Label);
        WriteEvidence(json, r.Evidence);
        Property(json, "note", r.Note);
        json.WriteEndObject();
    }

    internal static void WriteEvent(JsonWriter json, ActorEvent e)
    {
        json.WriteStartObject();
        Property(json, "id", e.Id);
        Property(json, "kind", e.Kind.Name);
        Property(json, "actor", e.Actor.Value);
        WriteTime(json, e.Time);
        Property(json, "label", e.Label);
        WriteEvidence(json, e.Evidence);
        Property(json, "note", e.Note);
        json.WriteEndObject();
    }

    internal static void WriteTime(JsonWriter json, TimeExtent time)
    {
        if (time.At is { } at)
        {
            Property(json, "at", at.ToString());
            return;
        }

        Property(json, "start", time.Start!.Value.ToString());
        Property(json, "end", time.End?.ToString());
    }

    internal static void Property(JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void WriteEvidence(JsonWriter json, IReadOnlyList<Evidence> evidence)
    {
        json.WritePropertyName("evidence");
        json.WriteStartArray();
        foreach (var item in evidence)
        {
            json.WriteStartObject();
            Property(json, "source", item.Source);
            Property(json, "quote", item.Quote);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
