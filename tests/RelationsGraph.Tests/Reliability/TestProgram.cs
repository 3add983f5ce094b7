using System.Diagnostics;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// The test assembly's entry point (the project sets GenerateProgramFile to false). The test runner never calls
/// it; the kill tests run <c>dotnet exec RelationsGraph.Tests.dll save-loop FILE</c> (or <c>save-pause FILE POINT</c>)
/// as a child process to kill.
/// </summary>
internal static class TestProgram
{
    public static int Main(string[] args) => args switch
    {
        [SaveLoop.Command, var path] => SaveLoop.Run(path),
        [SavePause.Command, var path, var point] => SavePause.Run(path, point),
        _ => 0,
    };

    /// <summary>How to run this assembly as a program with the given arguments, its output read by the test.</summary>
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var host = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(TestProgram).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
