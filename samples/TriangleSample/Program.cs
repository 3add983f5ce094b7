using RelationsGraph.Queries;
using RelationsGraph.Storage;
using RelationsGraph.Time;

// The knowledge graph ships inside the package: no file needed.
var graph = GraphFile.LoadBundled();
var view = GraphView.During(graph, PartialDate.Parse("2017"));
string[] names = ["US", "China", "DPRK"];
var triangle = GroupReport.Of(view, names.Select(name => graph.FindActor(name).Actor!.Id));

foreach (var pair in triangle.Pairs)
{
    Console.WriteLine($"{pair.First.Name} – {pair.Second.Name}: {pair.Sign}");
    foreach (var relation in pair.Relations)
    {
        Console.WriteLine($"  {relation.Time} {relation.Kind}: {relation.Label}");
        Console.WriteLine($"    “{relation.Evidence[0].Quote}”");
    }
}

Console.WriteLine($"Balance: {triangle.Triads[0].Balance} ({triangle.Triads[0].Explanation})");
