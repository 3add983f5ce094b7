using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Xml.Linq;

namespace RelationsGraph.Tests;

/// <summary>
/// Runs the real Graphviz <c>dot</c> and Debian's Python with NetworkX. A test that needs one starts with
/// <see cref="RequireDot"/>, <see cref="RequirePython"/> or <see cref="RequireNetworkX"/> and is a
/// <c>[SkippableFact]</c>: when the tool is missing it reports Skipped with the reason, except under CI
/// (CI=true), where it fails.
/// </summary>
internal static class ExternalTools
{
    public const string Dot = "dot";

    /// <summary>Debian's Chromium, which renders SVG as any browser does.</summary>
    public const string Chromium = "chromium";

    /// <summary>Debian's interpreter: the one python3-networkx installs into (a pyenv python3 on PATH may lack it).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Node.js, which runs the independent readers (apache-arrow, DuckDB) in tests/RelationsGraph.Tests/Storage/Readers.</summary>
    public const string Node = "node";

    /// <summary>Where the readers' npm packages are: a folder whose node_modules holds apache-arrow and @duckdb/node-api (.ci/run installs them).</summary>
    public const string NodeModulesVariable = "RELGRAPH_NODE_MODULES";

    private static readonly Lazy<string?> NodeModulesMissing = new(() =>
    {
        var folder = Environment.GetEnvironmentVariable(NodeModulesVariable);
        const string Fix = "install them with 'npm install --prefix DIR apache-arrow@21.2.0 @duckdb/node-api@1.5.6-r.1' and set RELGRAPH_NODE_MODULES=DIR (.ci/run does)";
        if (string.IsNullOrEmpty(folder))
        {
            return $"{NodeModulesVariable} is not set; {Fix}.";
        }

        return Why(Node, ["-e", $"require('{Path.Combine(folder, "node_modules", "apache-arrow").Replace("\\", "/", StringComparison.Ordinal)}'); require('{Path.Combine(folder, "node_modules", "@duckdb", "node-api").Replace("\\", "/", StringComparison.Ordinal)}')"], Fix);
    });

    private static readonly Lazy<string?> DotMissing = new(() => Why(Dot, ["-V"], "install the Debian package graphviz"));

    private static readonly Lazy<string?> NetworkXMissing = new(() =>
        Why(Python, ["-c", "import networkx"], "install the Debian package python3-networkx"));

    private static readonly Lazy<string?> ChromiumMissing = new(() => Why(Chromium, ["--version"], "install the Debian package chromium"));

    private static readonly Lazy<string?> PythonMissing = new(() => Why(Python, ["-c", "import csv, json"], "install the Debian package python3"));

    /// <summary>Whether this run is CI's, where every tool must be present.</summary>
    public static bool UnderCi { get; } =
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    public static void RequirePython() => Require(PythonMissing.Value);

    public static void RequireDot() => Require(DotMissing.Value);

    public static void RequireNetworkX() => Require(NetworkXMissing.Value);

    /// <summary>Node.js with apache-arrow and @duckdb/node-api in the folder <see cref="NodeModulesVariable"/> names.</summary>
    public static void RequireNodeModules() => Require(NodeModulesMissing.Value);

    public static void RequireChromium() => Require(ChromiumMissing.Value);

    /// <summary>
    /// Opens a file in headless Chromium, offline, and saves what it shows as a PNG of the given size, at one pixel per
    /// CSS pixel. The flags are those the machine notes give for a closed network (no background connections).
    /// </summary>
    public static string Screenshot(string file, int width, int height)
    {
        var png = Path.ChangeExtension(file, ".png");
        var profile = Directory.CreateTempSubdirectory("relgraph-chromium-").FullName;
        try
        {
            var (code, _, error) = Run(Chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
                $"--user-data-dir={profile}", $"--window-size={width},{height}", $"--screenshot={png}", new Uri(file).AbsoluteUri,
            ]);
            code.Should().Be(0, $"chromium should render {file}: {error}");
            File.Exists(png).Should().BeTrue($"chromium should write {png}: {error}");
            return png;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    /// <summary>Renders DOT text to SVG with <c>dot -Tsvg</c>, failing on any message from Graphviz.</summary>
    public static XDocument RenderSvg(string dot)
    {
        var (code, svg, error) = Run(Dot, ["-Tsvg"], dot);
        code.Should().Be(0, $"dot should accept the export, but said: {error}");
        error.Should().BeEmpty("dot should accept the export without warnings");
        return XDocument.Parse(svg, LoadOptions.PreserveWhitespace);
    }

    /// <summary>
    /// The text Graphviz drew for the SVG element with an id (a node or an edge), its lines joined by "\n".
    /// Graphviz writes a run of spaces with no-break spaces and draws no element for an empty line.
    /// </summary>
    public static string DrawnText(XDocument svg, string id)
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        var group = svg.Descendants(ns + "g").SingleOrDefault(g => (string?)g.Attribute("id") == id);
        group.Should().NotBeNull($"the SVG should hold an element with id '{id}'");
        return string.Join("\n", group!.Descendants(ns + "text").Select(t => t.Value.Replace('\u00A0', ' ')));
    }

    /// <summary>How a label reads in SVG: lines split at line breaks, empty lines dropped, what SVG cannot hold replaced.</summary>
    public static string AsDrawn(string text)
    {
        var safe = new string(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Select(c => c is '\n' or '\t' || c >= ' ' ? c : '\uFFFD').ToArray());
        return string.Join("\n", safe.Split('\n').Where(line => line.Length > 0));
    }

    public static (int Code, string Output, string Error) Run(string file, IReadOnlyList<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    private static string? Why(string file, string[] arguments, string fix)
    {
        try
        {
            var (code, _, error) = Run(file, arguments);
            // A Python traceback ends with the line that says what went wrong.
            var last = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit {code}";
            return code == 0 ? null : $"'{file} {string.Join(' ', arguments)}' failed ({last}); {fix}.";
        }
        catch (Win32Exception e)
        {
            return $"'{file}' cannot be run ({e.Message}); {fix}.";
        }
    }

    /// <summary>Skips the running test when its tool is missing, or fails it under CI.</summary>
    private static void Require(string? missing)
    {
        if (missing is not null && UnderCi)
        {
            throw new InvalidOperationException($"Under CI (CI=true) this test needs its tool: {missing}");
        }

        Skip.If(missing is not null, missing);
    }
}
