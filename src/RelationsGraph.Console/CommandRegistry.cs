using System.CommandLine;
using RelationsGraph.Cli.Commands;

namespace RelationsGraph.Cli;

/// <summary>
/// Every relgraph command, once. The parser, <c>--help</c>, the interactive mode's completion and the help tests
/// all read this list; nothing else names the commands. A command is one file with a <c>Create(CliContext)</c>
/// that returns its <see cref="Command"/>; adding one is that file and one line here, where the line's place is
/// its place in <c>relgraph --help</c>.
/// </summary>
internal static class CommandRegistry
{
    /// <summary>The commands in help order: the questions people come for first, then the rest.</summary>
    public static IReadOnlyList<Func<CliContext, Command>> Commands { get; } =
    [
        GroupCommand.CreateTriangle,
        GroupCommand.CreateGroup,
        PathCommand.Create,
        NeighboursCommand.Create,
        TimelineCommand.Create,
        TrendCommand.Create,
        DiffCommand.Create,
        AskCommand.Create,
        ShowCommand.Create,
        ActorsCommand.Create,
        ValidateCommand.Create,
        DotCommand.Create,
        ExportCommand.Create,
        ConvertCommand.Create,
        ImportCommand.Create,
        MergeCommand.Create,
        ReplCommand.Create,
    ];
}
