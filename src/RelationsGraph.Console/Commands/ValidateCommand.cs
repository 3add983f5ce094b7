using System.CommandLine;
using RelationsGraph.Graph;
using RelationsGraph.Verification;

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
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var path = result.GetValue(file) ?? result.GetValue(context.GraphOption);
            var graph = path is null ? RelationGraph.LoadBundled() : RelationGraph.Load(path);
            var check = path is null ? null : SourceCheck.Run(graph, Path.GetDirectoryName(Path.GetFullPath(path))!);
            var name = path ?? "the bundled graph";
            foreach (var problem in check?.Problems ?? [])
            {
                context.Error.WriteLine($"error: {name}: {problem}");
            }

            var valid = check?.IsValid ?? true;
            context.Output.WriteLine(
                $"{name}: {(valid ? "valid" : "INVALID")}: {graph.Sources.Count} sources, {graph.Actors.Count} actors, " +
                $"{graph.Relations.Count} relations, {graph.Events.Count} events.");
            if (check is not null)
            {
                var missing = check.MissingSources.Count == 0
                    ? string.Empty
                    : $"; not found, so not checked: {string.Join(", ", check.MissingSources)}";
                context.Output.WriteLine($"Evidence: {check.QuotesChecked} quotes checked against their sources{missing}.");
            }

            return valid ? ExitCodes.Answered : ExitCodes.BadInput;
        }));
        return command;
    }
}
