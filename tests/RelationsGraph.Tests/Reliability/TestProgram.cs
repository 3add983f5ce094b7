namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// The test assembly's entry point (the project sets GenerateProgramFile to false). The test runner never calls
/// it; the kill test runs <c>dotnet exec RelationsGraph.Tests.dll save-loop FILE</c> as a child process to kill.
/// </summary>
internal static class TestProgram
{
    public static int Main(string[] args) => args is [SaveLoop.Command, var path] ? SaveLoop.Run(path) : 0;
}
