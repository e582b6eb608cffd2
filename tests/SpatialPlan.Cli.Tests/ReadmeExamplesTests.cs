using System.Text;
using System.Text.RegularExpressions;

namespace SpatialPlan.Cli.Tests;

/// <summary>
/// README.md's command-line examples (the block between readme-examples markers) run as written: each is a
/// <c>spatialplan</c> call that exits 0, 10 or 20 and writes its files into <c>out/</c>, which git ignores. Here they run
/// in-process with <c>gis-data/</c> and <c>out/</c> mapped to the repository's data and a temporary folder;
/// <c>scripts/readme-examples.sh</c> runs the same lines with the published command in a fresh clone.
/// </summary>
public sealed partial class ReadmeExamplesTests : IDisposable
{
    private static readonly string Root = TestDataDirectory.RepoRoot;
    private readonly string _out = Directory.CreateTempSubdirectory("spatialplan-readme-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    public static IReadOnlyList<string> Examples()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var block = Regex.Match(readme, "<!-- readme-examples:begin -->(.*?)<!-- readme-examples:end -->", RegexOptions.Singleline);
        Assert.True(block.Success, "README.md has no readme-examples block");
        return [.. block.Groups[1].Value.Split('\n').Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("```", StringComparison.Ordinal))];
    }

    [Fact]
    public void TheReadmeShowsTheOneCommandSetUpAndExamplesThatWriteOnlyIntoOut()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        Assert.Contains("\nscripts/publish-cli.sh && export PATH=\"$PWD/artifacts/spatialplan:$PATH\"\n", readme, StringComparison.Ordinal);
        Assert.Contains("/out/", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
        var examples = Examples();
        Assert.Equal("mkdir -p out", examples[0]);
        Assert.All(examples.Skip(1), e => Assert.StartsWith("spatialplan ", e, StringComparison.Ordinal));
        foreach (var (_, target) in examples.SelectMany(Outputs))
        {
            Assert.StartsWith("out/", target, StringComparison.Ordinal);
        }

        Assert.Contains(examples, e => e.Contains("--export out/", StringComparison.Ordinal));
        Assert.Contains(examples, e => e.Contains("--pdf out/", StringComparison.Ordinal));
        Assert.Contains(examples, e => e.StartsWith("spatialplan render --out out/", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryExampleRunsAndWritesWhatItSays()
    {
        foreach (var example in Examples().Skip(1))
        {
            var words = Words(example);
            string? redirect = null;
            if (words.Count > 2 && words[^2] == ">")
            {
                redirect = words[^1];
                words = words[..^2];
            }

            var args = words.Skip(1).Select(Map).ToArray();
            var run = CliRun.Of(args);
            Assert.True(run.ExitCode is 0 or 10 or 20, $"{example}: exit {run.ExitCode}: {run.Stderr}");
            Assert.False(run.HasStackTrace, example);
            if (redirect is not null)
            {
                File.WriteAllText(Map(redirect), run.Stdout, new UTF8Encoding(false));
                Assert.NotEmpty(run.Stdout);
            }

            foreach (var (_, target) in Outputs(example))
            {
                Assert.True(File.Exists(Map(target)) && new FileInfo(Map(target)).Length > 0, $"{example}: {target} not written");
            }
        }
    }

    /// <summary>The files an example writes: after --out, --pdf, --export or a '>' redirect.</summary>
    private static IEnumerable<(string Option, string Target)> Outputs(string example)
    {
        var words = Words(example);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] is "--out" or "--pdf" or "--export" or ">")
            {
                yield return (words[i], words[i + 1]);
            }
        }
    }

    private string Map(string word) =>
        word.StartsWith("out/", StringComparison.Ordinal) ? Path.Combine(_out, word[4..])
        : word.StartsWith("gis-data/", StringComparison.Ordinal) ? Path.Combine(Root, word)
        : word;

    /// <summary>Splits a shell line into words: spaces separate, double quotes group.</summary>
    private static List<string> Words(string line) =>
        [.. ShellWord().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)];

    [GeneratedRegex("\"([^\"]*)\"|(\\S+)")]
    private static partial Regex ShellWord();
}
