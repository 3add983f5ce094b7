using System.Globalization;
using System.Text;
using System.Xml;
using RelationsGraph.Model;
using RelationsGraph.Queries;
using RelationsGraph.Common;

namespace RelationsGraph.Export;

/// <summary>
/// Writes a view of the graph as GraphML with typed attribute keys, readable by Gephi, yEd and NetworkX
/// (<c>networkx.read_graphml</c>). Actors are nodes (id = actor id); relations are edges (id = relation id).
/// </summary>
/// <remarks>
/// <para>
/// Node attributes: <c>label</c> (the actor's name), <c>kind</c>, <c>aliases</c> (a JSON array of strings),
/// <c>iso3</c>, <c>cow</c> (int), <c>cameo</c>. Edge attributes: <c>kind</c>, <c>polarity</c> (int: 1, 0 or
/// -1), <c>cameo</c> (the kind's CAMEO root code), <c>directed</c> (boolean), <c>time</c> (ISO 8601, as in
/// <c>1961/..</c>), <c>at</c>, <c>start</c>, <c>end</c> (dates at their own precision, as in graph.json),
/// <c>knownUntil</c> (the last day, <c>yyyy-MM-dd</c>, the graph's sources can vouch for:
/// <see cref="Graph.RelationGraph.LastKnownDay(RelationsGraph.Model.Relation)"/>), <c>label</c>, <c>evidence</c> (a JSON array of <c>{"source", "quote"}</c>) and <c>note</c>. Absent values
/// are left out. Graph attributes: <c>title</c> and <c>window</c>.
/// </para>
/// <para>
/// Every edge goes from the relation's source to its target in a graph whose default is directed: a mutual
/// relation says <c>directed</c> false. (GraphML's per-edge <c>directed</c> attribute is not used, because
/// NetworkX rejects graphs that mix directed and undirected edges.) Text XML 1.0 cannot hold (control
/// characters other than tab and line breaks) is written as U+FFFD; JSON values escape it instead, so
/// aliases and evidence keep it. The output is deterministic: keys, actors and relations in a fixed order,
/// two-space indentation, "\n" line ends. Thread-safe.
/// </para>
/// </remarks>
public static class GraphMlWriter
{
    private static readonly (string Id, string For, string Name, string Type)[] Keys =
    [
        ("g_title", "graph", "title", "string"),
        ("g_window", "graph", "window", "string"),
        ("n_label", "node", "label", "string"),
        ("n_kind", "node", "kind", "string"),
        ("n_aliases", "node", "aliases", "string"),
        ("n_iso3", "node", "iso3", "string"),
        ("n_cow", "node", "cow", "int"),
        ("n_cameo", "node", "cameo", "string"),
        ("e_kind", "edge", "kind", "string"),
        ("e_polarity", "edge", "polarity", "int"),
        ("e_cameo", "edge", "cameo", "string"),
        ("e_directed", "edge", "directed", "boolean"),
        ("e_time", "edge", "time", "string"),
        ("e_at", "edge", "at", "string"),
        ("e_start", "edge", "start", "string"),
        ("e_end", "edge", "end", "string"),
        ("e_knownUntil", "edge", "knownUntil", "string"),
        ("e_label", "edge", "label", "string"),
        ("e_evidence", "edge", "evidence", "string"),
        ("e_note", "edge", "note", "string"),
    ];

    /// <summary>Writes a view as GraphML.</summary>
    /// <param name="writer">Where to write; the XML declaration says UTF-8 whatever the writer's encoding.</param>
    /// <param name="view">The relations to write: the window and kinds.</param>
    /// <param name="selection">Which actors to write; <see langword="null"/> for <see cref="ExportSelection.All"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> or <paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentException">The selection names an actor the graph does not have.</exception>
    public static void Write(TextWriter writer, GraphView view, ExportSelection? selection = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(writer);
        Write(ExportScope.Resolve(view, selection), writer);
    }

    /// <summary>Writes a view as a GraphML file, atomically, in UTF-8 without a byte order mark.</summary>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="view">The relations to write: the window and kinds.</param>
    /// <param name="selection">Which actors to write; <see langword="null"/> for <see cref="ExportSelection.All"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The selection names an actor the graph does not have.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder may not be written.</exception>
    public static void WriteFile(string path, GraphView view, ExportSelection? selection = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(path);
        var scope = ExportScope.Resolve(view, selection);
        AtomicFile.Write(path, stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            Write(scope, text);
        });
    }

    private static void Write(ExportScope scope, TextWriter writer)
    {
        // The declaration is written by hand so that it says UTF-8 even on a StringWriter.
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
        };
        using (var xml = XmlWriter.Create(writer, settings))
        {
            const string ns = "http://graphml.graphdrawing.org/xmlns";
            xml.WriteStartElement("graphml", ns);
            xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", ns + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
            foreach (var (id, target, name, type) in Keys)
            {
                xml.WriteStartElement("key", ns);
                xml.WriteAttributeString("id", id);
                xml.WriteAttributeString("for", target);
                xml.WriteAttributeString("attr.name", name);
                xml.WriteAttributeString("attr.type", type);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("graph", ns);
            xml.WriteAttributeString("id", "relgraph");
            xml.WriteAttributeString("edgedefault", "directed");
            Data(xml, "g_title", ExportText.Heading(scope) + "\n" + ExportText.SourceLine(scope));
            Data(xml, "g_window", scope.View.Window.ToString());
            foreach (var actor in scope.Actors)
            {
                xml.WriteStartElement("node", ns);
                xml.WriteAttributeString("id", actor.Id.Value);
                Data(xml, "n_label", actor.Name);
                Data(xml, "n_kind", actor.Kind.Name());
                if (actor.Aliases.Count > 0)
                {
                    Data(xml, "n_aliases", ExportText.Json(json => ExportText.WriteStrings(json, actor.Aliases)));
                }

                Data(xml, "n_iso3", actor.Codes.Iso3);
                Data(xml, "n_cow", actor.Codes.Cow?.ToString(CultureInfo.InvariantCulture));
                Data(xml, "n_cameo", actor.Codes.Cameo);
                xml.WriteEndElement();
            }

            foreach (var r in scope.Relations)
            {
                xml.WriteStartElement("edge", ns);
                xml.WriteAttributeString("id", r.Id);
                xml.WriteAttributeString("source", r.Source.Value);
                xml.WriteAttributeString("target", r.Target.Value);
                Data(xml, "e_kind", r.Kind.Name);
                Data(xml, "e_polarity", ((int)r.Polarity).ToString(CultureInfo.InvariantCulture));
                Data(xml, "e_cameo", r.Kind.CameoRoot);
                Data(xml, "e_directed", r.Directed ? "true" : "false");
                Data(xml, "e_time", r.Time.ToString());
                Data(xml, "e_at", r.Time.At?.ToString());
                Data(xml, "e_start", r.Time.Start?.ToString());
                Data(xml, "e_end", r.Time.End?.ToString());
                Data(xml, "e_knownUntil", ExportText.KnownUntil(scope.View.Graph.Horizon.LastKnownDayNumber(r)));
                Data(xml, "e_label", r.Label);
                Data(xml, "e_evidence", ExportText.Json(json => ExportText.WriteEvidence(json, r.Evidence)));
                Data(xml, "e_note", r.Note);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        writer.Write('\n');
        writer.Flush();
    }

    private static void Data(XmlWriter xml, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        xml.WriteStartElement("data", "http://graphml.graphdrawing.org/xmlns");
        xml.WriteAttributeString("key", key);
        xml.WriteString(ExportText.XmlSafe(value));
        xml.WriteEndElement();
    }
}
