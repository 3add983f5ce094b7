using System.CommandLine;
using RelationsGraph.Export;
using RelationsGraph.Graph;
using RelationsGraph.Model;

namespace RelationsGraph.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var export = new Command(
            "export",
            "Export the graph, or a window and selection of it, for other tools.\n\nSubcommands: graphml, neo4j, parquet.");
        export.Subcommands.Add(CreateGraphMl(context));
        export.Subcommands.Add(CreateNeo4j(context));
        export.Subcommands.Add(CreateParquet(context));
        return export;
    }

    private static Command CreateGraphMl(CliContext context)
    {
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (default: standard output).", HelpName = "FILE" };
        var selection = new ActorSelectionOptions();
        var command = new Command(
            "graphml",
            "Write GraphML with typed attributes (kind, polarity, dates, label, evidence) for Gephi, yEd and NetworkX.\n\n" +
            "Examples:\n  relgraph export graphml -o graph.graphml\n  relgraph export graphml --in 2017 --actors US,China,DPRK -o triangle-2017.graphml")
        {
            output,
        };
        context.ViewOptions.AddTo(command);
        selection.AddTo(command);
        context.AddShared(command, Shared.Graph);
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var graph = context.Graph(context.Answering(result).GraphPath);
            var view = context.ViewOptions.Read(result).On(graph);
            var chosen = selection.Read(result, graph);
            if (result.GetValue(output) is { } path)
            {
                GraphMlWriter.WriteFile(path, view, chosen);
                context.Output.WriteLine($"wrote {path}");
            }
            else
            {
                GraphMlWriter.Write(context.Output, view, chosen);
            }

            return ExitCodes.Answered;
        }));
        return command;
    }

    private static Command CreateNeo4j(CliContext context)
    {
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the CSV files into (created when missing).", HelpName = "DIR", Required = true };
        var database = new Option<string>("--database")
        {
            Description = $"The Neo4j database the import creates or replaces (default {Neo4jCsvWriter.DefaultDatabase}, so Neo4j's own 'neo4j' is left alone; " +
                "Neo4j Community serves one database: give --database neo4j there, or set initial.dbms.default_database).",
            HelpName = "NAME",
            DefaultValueFactory = _ => Neo4jCsvWriter.DefaultDatabase,
        };
        var selection = new ActorSelectionOptions();
        var command = new Command(
            "neo4j",
            "Write the node and relationship CSV files of 'neo4j-admin database import full', with typed headers, and an executable " +
            "import.sh that runs the import into the database named by --database (or by its own first argument).\n\n" +
            "Examples:\n  relgraph export neo4j -o neo4j-import\n  relgraph export neo4j --from 1950 --to 1953 -o korean-war --database korean-war")
        {
            output, database,
        };
        context.ViewOptions.AddTo(command);
        selection.AddTo(command);
        context.AddShared(command, Shared.Graph);
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var graph = context.Graph(context.Answering(result).GraphPath);
            var view = context.ViewOptions.Read(result).On(graph);
            var written = Neo4jCsvWriter.Write(result.GetValue(output)!, view, selection.Read(result, graph), result.GetValue(database));
            foreach (var file in written.Files)
            {
                context.Output.WriteLine($"wrote {file}");
            }

            context.Output.WriteLine($"import (from {written.Directory}, with Neo4j stopped): {written.ImportCommand}");
            return ExitCodes.Answered;
        }));
        return command;
    }

    private static Command CreateParquet(CliContext context)
    {
        var output = new Option<string>("--output", "-o") { Description = "The folder to create (it must be new or empty).", HelpName = "DIR", Required = true };
        var command = new Command(
            "parquet",
            "Write the whole graph as Parquet files for Spark, DuckDB and other engines: relations partitioned by the year they start " +
            "(relations/year=YYYY/part-N.parquet), their evidence, actors, sources and events (see docs/parquet.md).\n\n" +
            "Examples:\n  relgraph export parquet -o export\n  relgraph export parquet --graph icews18.arrows -o icews18-parquet")
        {
            output,
        };
        context.AddShared(command, Shared.Graph);
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var graph = context.Graph(context.Answering(result).GraphPath);
            var directory = result.GetValue(output)!;
            var written = RelationsGraph.Parquet.ParquetExport.Write(directory, graph);
            context.Output.WriteLine($"wrote {written.Count} files into {directory}: {graph.Relations.Count:N0} relations in {written.Count(f => f.StartsWith("relations/", StringComparison.Ordinal))} files by year");
            return ExitCodes.Answered;
        }));
        return command;
    }

    /// <summary>The actor options every export takes: <c>--actors</c>, or <c>--around</c> with <c>--depth</c>.</summary>
    internal sealed class ActorSelectionOptions
    {
        public Option<string?> Actors { get; } = new("--actors")
        {
            Description = "Only these actors, comma-separated (ids, names or aliases), and the relations among them.",
            HelpName = "ACTORS",
        };

        public Option<string?> Around { get; } = new("--around")
        {
            Description = "Only the actors within --depth steps of these actors, comma-separated, along relations in either direction.",
            HelpName = "ACTORS",
        };

        public Option<int?> Depth { get; } = CliOptions.OptionalWholeNumber("--depth", "How many steps --around reaches (default 1).");

        public void AddTo(Command command)
        {
            command.Options.Add(Actors);
            command.Options.Add(Around);
            command.Options.Add(Depth);
            CliOptions.Check(command, result => result.Given(Actors) && result.Given(Around) ? "give --actors or --around, not both." : null);
            CliOptions.Check(command, result => result.Given(Depth) && !result.Given(Around) ? "--depth goes with --around." : null);
        }

        public ExportSelection Read(ParseResult result, RelationGraph graph)
        {
            var actors = result.GetValue(Actors);
            var around = result.GetValue(Around);
            var depth = result.GetValue(Depth);
            return (actors, around) switch
            {
                ({ } list, null) => ExportSelection.Only(Resolve(graph, list, "--actors")),
                (null, { } centers) => ExportSelection.Around(Resolve(graph, centers, "--around"), depth ?? 1),
                _ => ExportSelection.All,
            };
        }

        private static List<ActorId> Resolve(RelationGraph graph, string text, string option)
        {
            var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return names.Length > 0
                ? names.Select(name => CliContext.ResolveActor(graph, name).Id).ToList()
                : throw new UserInputException($"{option} needs at least one actor.");
        }
    }
}
