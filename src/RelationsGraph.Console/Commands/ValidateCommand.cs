using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Graph;
using RelationsGraph.Storage;

namespace RelationsGraph.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The graph file to check (default: --graph, else the bundled graph).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command(
            "validate",
            "Check a graph file: JSON, types, ids, references, dates, and, when the source documents are beside it, " +
            "their SHA-256 and that every quote occurs in them verbatim.\n\n" +
            "Examples:\n  relgraph validate graph.json\n  relgraph validate my-graph.json --format json")
        {
            file,
        };
        context.AddShared(command, Shared.Graph | Shared.Format);
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var answering = context.Answering(result);
            var path = result.GetValue(file) ?? answering.GraphPath;
            var graph = path is null ? GraphFile.LoadBundled() : GraphFile.Load(path);
            var report = new ValidationReport(path ?? "the bundled graph", graph, path is null ? null : SourceCheck.Run(graph, Path.GetDirectoryName(Path.GetFullPath(path))!));
            foreach (var problem in report.Check?.Problems ?? [])
            {
                context.Error.WriteLine($"error: {report.Name}: {problem}");
            }

            if (answering.Json)
            {
                report.WriteJson(context.Output);
            }
            else
            {
                report.WriteText(context.Output);
            }

            return report.IsValid ? ExitCodes.Answered : ExitCodes.BadInput;
        }));
        return command;
    }
}
