using System.CommandLine;
using RelationsGraph.Cli.Output;
using RelationsGraph.Import;
using RelationsGraph.Storage;

namespace RelationsGraph.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var import = new Command("import", "Import event data into a graph file.\n\nSubcommands: icews.");
        import.Subcommands.Add(CreateIcews(context));
        return import;
    }

    private static Command CreateIcews(CliContext context)
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The dataset folder: entity2id.txt, relation2id.txt and train.txt, valid.txt and/or test.txt.",
        };
        var output = new Option<string>("--output", "-o") { Description = "The graph file to write.", HelpName = "FILE", Required = true };
        var defaults = new IcewsImportOptions();
        var origin = CliOptions.Day("--origin", "The day time 0 stands for (default 2018-01-01, as in ICEWS18).", defaults.Origin);
        var unit = CliOptions.Choice("--unit", "What one step of the time column counts, as in ICEWS18", Enum.GetValues<IcewsTimeUnit>(), u => u.ToString().ToLowerInvariant(), defaults.Unit);
        var cameo = new Option<string?>("--cameo")
        {
            Description = "The folder of CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt (default: the dataset folder, or a 'cameo' folder in or beside it).",
            HelpName = "DIR",
        };
        var command = new Command(
            "icews",
            "Import a dataset in the temporal-KG quadruple format (ICEWS14, ICEWS18, ICEWS05-15, GDELT): one directed relation per " +
            "event, its kind from the event's CAMEO code, dated origin + time, citing the quadruple line as evidence.\n\n" +
            "Examples:\n  relgraph import icews data/icews18 -o icews18.json\n" +
            "  relgraph import icews data/icews14 --origin 2014-01-01 --unit days -o icews14.json")
        {
            directory, output, origin, unit, cameo,
        };
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var options = new IcewsImportOptions
            {
                Origin = result.GetValue(origin),
                Unit = result.GetValue(unit),
                CameoDirectory = result.GetValue(cameo),
            };
            var path = result.GetValue(output)!;
            var imported = IcewsImport.Read(result.GetValue(directory)!, path, options);
            GraphFile.Save(path, imported.Graph);
            ReportText.Import(context.Output, imported, path);
            return imported.Graph.Relations.Count > 0 ? ExitCodes.Answered : ExitCodes.NoResult;
        }));
        return command;
    }
}
