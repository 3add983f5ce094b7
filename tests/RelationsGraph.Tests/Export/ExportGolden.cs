namespace RelationsGraph.Tests.Export;

/// <summary>Golden files of exports, under Export/Golden next to the tests; set UPDATE_GOLDEN=1 to rewrite them.</summary>
internal static class ExportGolden
{
    public static void ShouldMatch(string actual, params string[] name)
    {
        var path = Repo.File(["tests", "RelationsGraph.Tests", "Export", "Golden", .. name]);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        actual.Should().Be(File.ReadAllText(path), $"the export should match the golden file {string.Join('/', name)}");
    }
}
