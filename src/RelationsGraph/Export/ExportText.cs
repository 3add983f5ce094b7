using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Export;

/// <summary>The words exports share: titles, windows, kinds and precisions, and text made safe for XML.</summary>
internal static class ExportText
{
    /// <summary>Names the actors and window of an export, as in <c>United States, China and North Korea · 2017</c>.</summary>
    public static string Heading(ExportScope scope)
    {
        var graph = scope.View.Graph;
        var names = scope.Selection.Actors.Select(id => graph.TryGetActor(id, out var a) ? a.Name : id.Value).ToList();
        var who = scope.Selection.IsAll ? "All actors"
            : scope.Selection.Depth is { } depth ? $"Around {List(names)}, {depth} {(depth == 1 ? "step" : "steps")}"
            : List(names);
        var parts = new List<string> { who, Window(scope.View.Window) };
        if (scope.View.Kinds is { } kinds)
        {
            parts.Add("kinds: " + string.Join(", ", RelationKind.All.Where(kinds.Contains)));
        }

        if (scope.View.Polarities is { } polarities)
        {
            parts.Add("polarity: " + string.Join(", ", polarities.Order().Select(p => p.Name())));
        }

        if (scope.View.ActorKinds is { } actorKinds)
        {
            parts.Add("actor kinds: " + string.Join(", ", actorKinds.Order().Select(k => k.Name())));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>Names the sources the export's relations cite (the graph's sources when none is cited), on two lines or more.</summary>
    public static string SourceLine(ExportScope scope)
    {
        var graph = scope.View.Graph;
        var cited = scope.Relations.SelectMany(r => r.Evidence).Select(e => e.Source).ToHashSet(StringComparer.Ordinal);
        var sources = graph.Sources.Where(s => cited.Contains(s.Id)).ToList();
        if (sources.Count == 0)
        {
            sources = [.. graph.Sources];
        }

        if (sources.Count == 0)
        {
            return "Source: none recorded";
        }

        if (sources.Count == 1)
        {
            var only = sources[0];
            return $"Source: {only.Author}, “{only.Title}”\n{only.Publisher}, {only.Published}";
        }

        const int shown = 3;
        var lines = sources.Take(shown).Select(s => $"{s.Author}, “{s.Title}”, {s.Publisher}, {s.Published}");
        var more = sources.Count > shown ? $"\nand {sources.Count - shown} more" : string.Empty;
        return $"Sources:\n{string.Join("\n", lines)}{more}";
    }

    /// <summary>A window in words: <c>2017</c>, <c>1950 to 1953</c>, <c>from 1950</c>, <c>up to 1953</c> or <c>all time</c>.</summary>
    public static string Window(TimeWindow window) => (window.From, window.To) switch
    {
        (null, null) => "all time",
        ({ } f, { } t) when f == t => f.ToString(),
        ({ } f, { } t) => $"{f} to {t}",
        ({ } f, null) => $"from {f}",
        (null, { } t) => $"up to {t}",
    };

    /// <summary>Writes compact JSON with fixed settings, whatever a host sets as Json.NET's defaults.</summary>
    public static string Json(Action<JsonWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None, StringEscapeHandling = StringEscapeHandling.Default })
        {
            write(json);
        }

        return text.ToString();
    }

    public static void WriteStrings(JsonWriter json, IEnumerable<string> values)
    {
        json.WriteStartArray();
        foreach (var value in values)
        {
            json.WriteValue(value);
        }

        json.WriteEndArray();
    }

    public static void WriteEvidence(JsonWriter json, IEnumerable<Evidence> evidence)
    {
        json.WriteStartArray();
        foreach (var e in evidence)
        {
            json.WriteStartObject();
            json.WritePropertyName("source");
            json.WriteValue(e.Source);
            json.WritePropertyName("quote");
            json.WriteValue(e.Quote);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static string Name(DatePrecision precision) => precision.ToString().ToLowerInvariant();

    /// <summary>A last known day (see <see cref="Graph.SourceHorizon"/>) as <c>yyyy-MM-dd</c>; null when no source bounds it.</summary>
    public static string? KnownUntil(int lastKnownDay) =>
        lastKnownDay == int.MaxValue ? null : DateOnly.FromDayNumber(lastKnownDay).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Replaces what XML 1.0 cannot hold at all (control characters other than tab and line breaks,
    /// U+FFFE, U+FFFF and lone surrogates) with U+FFFD; everything else is kept.
    /// </summary>
    public static string XmlSafe(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var ok = pair || (!char.IsSurrogate(c) && (c is '\t' or '\n' or '\r' || (c >= ' ' && c is not ('\uFFFE' or '\uFFFF'))));
            if (!ok)
            {
                builder ??= new StringBuilder(text.Length).Append(text, 0, i);
                builder.Append('\uFFFD');
                continue;
            }

            builder?.Append(c);
            if (pair)
            {
                builder?.Append(text[i + 1]);
                i++;
            }
        }

        return builder?.ToString() ?? text;
    }

    private static string List(List<string> names) =>
        names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
}
