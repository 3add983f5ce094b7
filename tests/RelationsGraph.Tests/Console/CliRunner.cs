using RelationsGraph.Cli;

namespace RelationsGraph.Tests.Console;

/// <summary>Runs relgraph in-process with captured output, as a user's shell would see it.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = Cli.Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Compares with a golden file next to the test source; set UPDATE_GOLDEN=1 to rewrite it.</summary>
    public static void ShouldMatchGolden(string actual, string name)
    {
        var path = Repo.File("tests", "RelationsGraph.Tests", "Console", "Golden", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        actual.Should().Be(File.ReadAllText(path), $"the output should match the golden file {name}");
    }
}
