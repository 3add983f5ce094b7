using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RelationsGraph.Tests.Storage;

/// <summary>
/// The same graph.json text laid out as other tools write it: one compact line; pretty-printed with four spaces,
/// every object's keys and the relations shuffled; tab-indented with the top level reordered (relations first).
/// </summary>
internal static class Layouts
{
    public static readonly string[] Names = ["canonical", "compact", "pretty-shuffled", "relations-first"];

    public static string Of(string canonical, string layout, int seed) => layout switch
    {
        "canonical" => canonical,
        "compact" => JToken.Parse(canonical).ToString(Formatting.None),
        "pretty-shuffled" => Write(Shuffled(JObject.Parse(canonical), new Random(seed), topLevel: false), ' ', 4),
        "relations-first" => Write(RelationsFirst(JObject.Parse(canonical)), '\t', 1),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown layout."),
    };

    /// <summary>
    /// The text of a file as JSON that Newtonsoft reads back to the same text (strict JSON, no repeated keys, within the
    /// default depth, not too big), for laying it out again; null when it is not.
    /// </summary>
    public static string? Parsed(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length > (1 << 20))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        if (!System.Text.Unicode.Utf8.IsValid(bytes) || bytes.AsSpan().StartsWith(System.Text.Encoding.UTF8.Preamble))
        {
            return null;
        }

        try
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            using (var tokens = new JsonTextReader(new StringReader(text)))
            {
                while (tokens.Read())
                {
                    if (tokens.TokenType is JsonToken.Comment or JsonToken.StartConstructor or JsonToken.Undefined
                        || (tokens.Value is double d && !double.IsFinite(d)))
                    {
                        return null;
                    }
                }
            }

            var token = JToken.Parse(text, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            return token is JObject ? token.ToString(Formatting.Indented) : null;
        }
        catch (Exception e) when (e is JsonException or System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Every object's keys in random order and the relations array shuffled (the top level's order kept, so relations stay after actors and sources).</summary>
    public static JToken Shuffled(JToken token, Random random, bool topLevel)
    {
        switch (token)
        {
            case JObject o:
                var properties = o.Properties().ToList();
                if (!topLevel && o.Parent is not null)
                {
                    properties = properties.OrderBy(_ => random.Next()).ToList();
                }

                var result = new JObject();
                foreach (var property in properties)
                {
                    var value = Shuffled(property.Value, random, false);
                    if (property.Name == "relations" && value is JArray items)
                    {
                        value = new JArray(items.OrderBy(_ => random.Next()));
                    }

                    result.Add(property.Name, value);
                }

                return result;
            case JArray a:
                return new JArray(a.Select(item => Shuffled(item, random, false)));
            default:
                return token.DeepClone();
        }
    }

    private static JObject RelationsFirst(JObject graph)
    {
        var result = new JObject();
        foreach (var property in graph.Properties().OrderBy(p => p.Name == "relations" ? 0 : 1))
        {
            result.Add(property.Name, property.Value.DeepClone());
        }

        return result;
    }

    private static string Write(JToken token, char indentChar, int indentation)
    {
        using var text = new StringWriter { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, IndentChar = indentChar, Indentation = indentation })
        {
            token.WriteTo(json);
        }

        return text.ToString();
    }
}
