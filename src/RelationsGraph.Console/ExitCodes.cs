namespace RelationsGraph.Cli;

internal static class ExitCodes
{
    public const int Answered = 0;
    public const int NoResult = 1;
    public const int BadInput = 2;
}
