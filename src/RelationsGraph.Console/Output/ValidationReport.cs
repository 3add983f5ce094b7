using Newtonsoft.Json;
using RelationsGraph.Graph;
using RelationsGraph.Storage;

namespace RelationsGraph.Cli.Output;

/// <summary>What <c>validate</c> found: the graph's counts and, for a file, the check of its evidence against its sources.</summary>
/// <param name="Name">The file as given, or "the bundled graph".</param>
/// <param name="Graph">The graph read.</param>
/// <param name="Check">The evidence check, or null for the bundled graph (checked by its own tests).</param>
internal sealed record ValidationReport(string Name, RelationGraph Graph, SourceCheck? Check)
{
    public bool IsValid => Check?.IsValid ?? true;

    public void WriteText(TextWriter o)
    {
        o.WriteLine(
            $"{Name}: {(IsValid ? "valid" : "INVALID")}: {Graph.Sources.Count} sources, {Graph.Actors.Count} actors, " +
            $"{Graph.Relations.Count} relations, {Graph.Events.Count} events.");
        if (Check is not null)
        {
            var missing = Check.MissingSources.Count == 0
                ? string.Empty
                : $"; not found, so not checked: {string.Join(", ", Check.MissingSources)}";
            o.WriteLine($"Evidence: {Check.QuotesChecked} quotes checked against their sources{missing}.");
        }
    }

    /// <summary>
    /// Writes <c>{"query": "validate", "file", "valid", "sources", "actors", "relations", "events", "quotesChecked",
    /// "missingSources": [ids], "problems": [sentences]}</c>; <c>file</c> and <c>quotesChecked</c> are null for the bundled graph.
    /// </summary>
    public void WriteJson(TextWriter o)
    {
        using var json = new JsonTextWriter(o) { Formatting = Formatting.Indented, Indentation = 2, IndentChar = ' ', CloseOutput = false };
        json.WriteStartObject();
        json.WritePropertyName("query");
        json.WriteValue("validate");
        json.WritePropertyName("file");
        json.WriteValue(Check is null ? null : Name);
        json.WritePropertyName("valid");
        json.WriteValue(IsValid);
        foreach (var (name, count) in new[] { ("sources", Graph.Sources.Count), ("actors", Graph.Actors.Count), ("relations", Graph.Relations.Count), ("events", Graph.Events.Count) })
        {
            json.WritePropertyName(name);
            json.WriteValue(count);
        }

        json.WritePropertyName("quotesChecked");
        json.WriteValue(Check?.QuotesChecked);
        Strings(json, "missingSources", Check?.MissingSources ?? []);
        Strings(json, "problems", Check?.Problems ?? []);
        json.WriteEndObject();
        json.Flush();
        o.Write('\n');
    }

    private static void Strings(JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var value in values)
        {
            json.WriteValue(value);
        }

        json.WriteEndArray();
    }
}
