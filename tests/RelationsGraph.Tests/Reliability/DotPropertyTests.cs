using CsCheck;
using RelationsGraph.Export;
using RelationsGraph.Queries;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// Export/ checks that random actor names give DOT that Graphviz accepts; this does the same for whole CsCheck
/// graphs, whose relation labels, notes, kinds and dates (year 1 to 9999, open periods) are random too.
/// </summary>
public sealed class DotPropertyTests
{
    [SkippableFact]
    public void Dot_OfRandomGraphs_IsAcceptedByGraphviz_WithoutAWarning()
    {
        ExternalTools.RequireDot();

        GraphGen.Graph(maxActors: 6, maxRelations: 14, maxEvents: 4).Sample(
            graph =>
            {
                var dot = new StringWriter { NewLine = "\n" };
                DotWriter.Write(dot, GraphView.Of(graph));

                ExternalTools.RenderSvg(dot.ToString());
            },
            iter: 40,
            threads: 2,
            print: RoundTripPropertyTests.Json);
    }
}
