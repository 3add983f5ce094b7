using System.CommandLine;
using System.Globalization;
using RelationsGraph.Import;
using RelationsGraph.Model;

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
        var origin = new Option<string>("--origin")
        {
            Description = "The day time 0 stands for (default 2018-01-01, as in ICEWS18).",
            HelpName = "DATE",
            DefaultValueFactory = _ => "2018-01-01",
        };
        var unit = new Option<string>("--unit")
        {
            Description = "What one step of the time column counts (default hours, as in ICEWS18).",
            DefaultValueFactory = _ => "hours",
        };
        unit.AcceptOnlyFromAmong("days", "hours", "minutes");
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
            var originText = result.GetValue(origin)!;
            if (!DateOnly.TryParseExact(originText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new UserInputException($"--origin '{originText}' is not a day; expected YYYY-MM-DD.");
            }

            var options = new IcewsImportOptions
            {
                Origin = day,
                Unit = Enum.Parse<IcewsTimeUnit>(result.GetValue(unit)!, ignoreCase: true),
                CameoDirectory = result.GetValue(cameo),
            };
            var path = result.GetValue(output)!;
            var imported = IcewsImport.Read(result.GetValue(directory)!, path, options);
            imported.Graph.Save(path);
            WriteReport(context.Output, imported, path);
            return imported.Graph.Relations.Count > 0 ? ExitCodes.Answered : ExitCodes.NoResult;
        }));
        return command;
    }

    private static void WriteReport(TextWriter o, IcewsImportResult result, string path)
    {
        var graph = result.Graph;
        var kinds = Enum.GetValues<ActorKind>()
            .Select(k => $"{graph.Actors.Count(a => a.Kind == k)} {Output.TextFormat.Kind(k)}")
            .ToList();
        o.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{path}: {graph.Relations.Count} relations among {graph.Actors.Count} actors ({string.Join(", ", kinds)}) from {string.Join(", ", result.Files.Select(Path.GetFileName))}."));
        o.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Read {result.EventsRead} events; left out {result.SelfRelationsSkipped} of an actor with itself and {result.UnmappedEventsSkipped} of unmapped types."));
        var types = result.EventTypes;
        o.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Event types: {types.Count}; matched to CAMEO codes {types.Count(t => t.How == CameoMatch.Exact)} exactly, " +
            $"{types.Count(t => t.How == CameoMatch.Normalized)} ignoring case and 'not specified below', " +
            $"{types.Count(t => t.How == CameoMatch.Table)} by the table of ICEWS wordings; {types.Count(t => t.How == CameoMatch.Unmapped)} unmapped."));
        foreach (var type in types.Where(t => t.How == CameoMatch.Unmapped))
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  unmapped: \"{type.Description}\" ({type.Events} events)"));
        }

        var disagreeing = types.Where(t => t.GoldsteinDisagrees && t.Events > 0).ToList();
        if (disagreeing.Count > 0)
        {
            o.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Goldstein weight against the kind's polarity: {string.Join(", ", disagreeing.Select(t => $"{t.Code} {t.Kind} {t.Goldstein:+0.0;-0.0} ({t.Events})"))}."));
        }

        foreach (var names in result.MergedNames)
        {
            o.WriteLine($"  one actor for names differing only by case: {string.Join(" / ", names)}");
        }
    }
}
