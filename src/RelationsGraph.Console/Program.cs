using RelationsGraph.Cli;
using RelationsGraph.Cli.Output;

return Cli.Run(args, Console.Out, Console.Error, Style.ForConsole());
