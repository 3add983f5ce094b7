using System.Text;
using System.Text.RegularExpressions;
using RelationsGraph.Model;
using RelationsGraph.Tests.Console;

namespace RelationsGraph.Tests.Api;

/// <summary>The README, the docs/ pages and the packages' readmes say what the code does now.</summary>
public sealed partial class ReadmeTests
{
    private const string HostedDocs = "https://github.com/relationsgraph/relationsgraph/blob/main/";

    private static readonly string Readme = File.ReadAllText(Repo.File("README.md"));

    [Theory]
    [InlineData("README.md")]
    [InlineData("src/RelationsGraph/README.md")]
    public void Readme_ShowsTheSamplesCode_Verbatim(string readme)
    {
        var sample = File.ReadAllText(Repo.File("samples", "TriangleSample", "Program.cs"));

        File.ReadAllText(Repo.File(readme.Split('/'))).Should().Contain("```csharp\n" + sample + "```", "the library example is the sample CI compiles against the package");
    }

    [Fact]
    public void Readme_HasTheTwoCommandsOfAFreshClone()
    {
        Readme.Should().Contain("dotnet run --project src/RelationsGraph.Console -- triangle US China DPRK --in 2017")
            .And.Contain("dotnet test");
    }

    [Fact]
    public void Readme_StaysShort()
    {
        Encoding.UTF8.GetByteCount(Readme).Should().BeLessThanOrEqualTo(12 * 1024, "details belong in docs/, the README is read first");
    }

    [Fact]
    public void Readme_OutputExcerpt_IsWhatTheMainCommandPrints()
    {
        const string Prompt = "$ relgraph ";
        var block = ConsoleBlock().Match(Readme);
        block.Success.Should().BeTrue("the README shows the main command's output in a console block");
        var lines = block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith(Prompt);

        var (code, output, _) = CliRunner.Run(lines[0][Prompt.Length..].Split(' '));

        code.Should().Be(0);
        var printed = output.Split('\n');
        var shown = lines.Skip(1).Where(line => line != "…").ToList();
        shown.Should().HaveCountGreaterThan(3);
        var at = 0;
        foreach (var line in shown)
        {
            var found = Array.IndexOf(printed, line, at);
            found.Should().BeGreaterThanOrEqualTo(0, $"the README's excerpt line '{line}' should be printed, in this order, by {lines[0][2..]}");
            at = found + 1;
        }
    }

    [Fact]
    public void GraphJsonDocs_ListEveryRelationKind_WithItsPolarityAndCameoCode()
    {
        var page = File.ReadAllText(Repo.File("docs", "graph-json.md"));

        foreach (var kind in RelationKind.All)
        {
            var sign = kind.Polarity switch { Polarity.Cooperative => "+", Polarity.Conflictual => "−", _ => "0" };
            page.Should().Contain($"| `{kind.Name}` | {sign} | {kind.CameoRoot ?? "—"} |");
        }

        page.Split('\n').Count(line => KindRow().IsMatch(line)).Should().Be(RelationKind.All.Count, "the table lists no kind the library lacks");
    }

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md", "src/RelationsGraph/README.md", "src/RelationsGraph.Console/README.md" };
        foreach (var page in Directory.GetFiles(Repo.File("docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add("docs/" + Path.GetFileName(page));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Docs_LinksLeadToFilesAndHeadingsThatExist(string page)
    {
        var text = File.ReadAllText(Repo.File(page.Split('/')));
        var folder = Path.GetDirectoryName(Repo.File(page.Split('/')))!;
        var links = Link().Matches(text).Select(m => m.Groups[1].Value).ToList();

        foreach (var link in links.Where(l => !l.StartsWith("http", StringComparison.Ordinal) || l.StartsWith(HostedDocs, StringComparison.Ordinal)))
        {
            var hash = link.IndexOf('#', StringComparison.Ordinal);
            var target = hash < 0 ? link : link[..hash];
            var file = target.StartsWith(HostedDocs, StringComparison.Ordinal)
                ? Repo.File(target[HostedDocs.Length..].Split('/'))
                : target.Length == 0 ? Repo.File(page.Split('/')) : Path.GetFullPath(Path.Combine(folder, target));
            (File.Exists(file) || Directory.Exists(file)).Should().BeTrue($"{page} links to {link}");
            if (hash >= 0)
            {
                Anchors(File.ReadAllText(file)).Should().Contain(link[(hash + 1)..], $"{page} links to {link}");
            }
        }
    }

    [Theory]
    [InlineData("README.md", "docs/")]
    [InlineData("docs/README.md", "")]
    public void Index_LinksEveryDocsPage(string index, string prefix)
    {
        var links = Link().Matches(File.ReadAllText(Repo.File(index.Split('/')))).Select(m => m.Groups[1].Value).ToHashSet();

        foreach (var page in Directory.GetFiles(Repo.File("docs"), "*.md").Select(Path.GetFileName).Where(name => name != "README.md"))
        {
            links.Should().Contain(prefix + page, $"{index} should lead to every page in docs/");
        }
    }

    /// <summary>The anchors GitHub makes of a page's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static List<string> Anchors(string markdown)
    {
        var anchors = new List<string>();
        var seen = new Dictionary<string, int>();
        var inCode = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }
            else if (!inCode && Heading().Match(line) is { Success: true } heading)
            {
                var slug = new string(heading.Groups[1].Value.Trim().ToLowerInvariant()
                    .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').Select(c => c == ' ' ? '-' : c).ToArray());
                var repeats = seen.GetValueOrDefault(slug);
                seen[slug] = repeats + 1;
                anchors.Add(repeats == 0 ? slug : $"{slug}-{repeats}");
            }
        }

        return anchors;
    }

    [GeneratedRegex(@"```console\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ConsoleBlock();

    [GeneratedRegex(@"^\| `[a-z-]+` \| (\+|−|0) \|")]
    private static partial Regex KindRow();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6} (.+)$")]
    private static partial Regex Heading();
}
