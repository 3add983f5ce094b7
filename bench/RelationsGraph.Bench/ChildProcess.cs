using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace RelationsGraph.Bench;

/// <summary>Runs a measuring process (ours, a peer's script) and reads the JSON it prints.</summary>
internal static class ChildProcess
{
    /// <summary>Runs <paramref name="program"/> and parses its standard output; a non-zero exit is an error.</summary>
    public static JObject Json(string program, string[] arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? JObject.Parse(text) : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}");
    }
}
