using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Merge;
using RelationsGraph.Storage;

namespace RelationsGraph.Cli.Commands;

internal static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("FILE")
        {
            Description = "The graph files, earliest first: a later file's actor joins an earlier one's by code, then by id, name or alias.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o") { Description = "The merged graph file to write.", HelpName = "FILE", Required = true };
        var command = new Command(
            "merge",
            "Merge graph files into one: actors aligned by code (ISO 3166, COW, CAMEO), then by id, name or alias; " +
            "every source and quote kept; an ambiguous actor refuses the merge, saying why.\n\n" +
            "Examples:\n  relgraph merge graph.json icews18.json -o merged.json\n" +
            "  relgraph triangle US China DPRK --in 2018-09 --graph merged.json")
        {
            inputs, output,
        };
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var path = result.GetValue(output)!;
            var merge = GraphMerge.Files(result.GetValue(inputs)!, path);
            if (merge.IsMerged)
            {
                GraphFile.Save(path, merge.Graph);
            }

            ReportText.Merge(context.Output, context.Error, merge, path);
            return merge.IsMerged ? ExitCodes.Answered : ExitCodes.BadInput;
        }));
        return command;
    }
}
