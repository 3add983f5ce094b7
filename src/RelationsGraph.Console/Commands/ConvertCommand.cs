using System.CommandLine;
using RelationsGraph.Storage;

namespace RelationsGraph.Cli.Commands;

internal static class ConvertCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("IN") { Description = "The graph file to read: graph.json or a snapshot, told apart by its first bytes." };
        var output = new Argument<string>("OUT") { Description = "The file to write: a snapshot when its name ends in .arrows or .arrow, graph.json otherwise (unless --to says)." };
        var to = CliOptions.Choice<GraphFileFormat?>(
            "--to", "The format to write, whatever OUT's name", [GraphFileFormat.Json, GraphFileFormat.Snapshot], f => f switch { GraphFileFormat.Json => "json", GraphFileFormat.Snapshot => "snapshot", _ => "by OUT's name" }, null);
        var command = new Command(
            "convert",
            "Convert a graph between graph.json and an Arrow snapshot (docs/snapshot.md), which loads without parsing JSON. " +
            "The input is checked as any load checks it; the output is written atomically.\n\n" +
            "Examples:\n  relgraph convert icews18.json icews18.arrows\n  relgraph convert icews18.arrows icews18.json")
        {
            input, output, to,
        };
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var (from, path) = (result.GetValue(input)!, result.GetValue(output)!);
            var graph = GraphFile.Load(from);
            var format = result.GetValue(to) ?? GraphFile.FormatOfName(path);
            GraphFile.Save(path, graph, format);
            context.Output.WriteLine(
                $"{path}: {(format == GraphFileFormat.Snapshot ? "snapshot" : "graph.json")}, {graph.Actors.Count:N0} actors, {graph.Relations.Count:N0} relations, {graph.Events.Count:N0} events, {new FileInfo(path).Length:N0} bytes");
            return ExitCodes.Answered;
        }));
        return command;
    }
}
