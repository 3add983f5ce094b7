using System.CommandLine;
using RelationsGraph.Export;

namespace RelationsGraph.Cli.Commands;

internal static class DotCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The file to write (default: standard output); with --each year, the name each year's number is added to.",
            HelpName = "FILE",
        };
        var each = new Option<string?>("--each") { Description = "Write one picture per year of the window (small multiples); needs -o.", HelpName = "year" };
        each.AcceptOnlyFromAmong("year");
        var noLegend = new Option<bool>("--no-legend") { Description = "Leave the legend out." };
        var eachRelation = new Option<bool>("--each-relation")
        {
            Description = $"Draw every relation as its own edge (by default {DotWriter.MergedFrom} or more of one kind between a pair are one edge with their count).",
        };
        var selection = new ExportCommand.ActorSelectionOptions();
        var command = new Command(
            "dot",
            "Draw the graph, or a window and selection of it, as a Graphviz DOT picture: actors shaped by kind, relations coloured " +
            "by polarity and styled by kind, labelled with kind and date, arrows for directed relations, a legend and a title; " +
            "many relations of one kind between a pair are one edge with their count (--each-relation draws each). " +
            "Render it with 'dot -Tsvg FILE.dot -o FILE.svg'.\n\n" +
            "Examples:\n  relgraph dot --in 2017 --actors US,China,DPRK -o triangle-2017.dot\n" +
            "  relgraph dot --from 1950 --to 1953 | dot -Tsvg -o korean-war.svg\n" +
            "  relgraph dot --around DPRK --depth 2 --at 1953-07\n" +
            "  relgraph dot --from 2016 --to 2019 --actors US,China,DPRK --each year -o triangle.dot")
        {
            output, each, noLegend, eachRelation,
        };
        context.ViewOptions.AddTo(command);
        selection.AddTo(command);
        context.AddShared(command, Shared.Graph);
        CliOptions.Check(command, result => result.Given(each) && !result.Given(output) ? "--each year writes several files; name them with -o FILE." : null);
        command.SetAction(result => Cli.Guard(context, () =>
        {
            var graph = context.Graph(context.Answering(result).GraphPath);
            var view = context.ViewOptions.Read(result).On(graph);
            var chosen = selection.Read(result, graph);
            var options = DotOptions.Default with { Legend = !result.GetValue(noLegend), EachRelation = result.GetValue(eachRelation) };
            var path = result.GetValue(output);
            if (path is not null && result.GetValue(each) is not null)
            {
                foreach (var file in DotWriter.WriteEachYear(path, view, chosen, options))
                {
                    context.Output.WriteLine($"wrote {file}");
                }
            }
            else if (path is not null)
            {
                DotWriter.WriteFile(path, view, chosen, options);
                context.Output.WriteLine($"wrote {path}");
            }
            else
            {
                DotWriter.Write(context.Output, view, chosen, options);
            }

            return ExitCodes.Answered;
        }));
        return command;
    }
}
