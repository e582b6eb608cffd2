using System.Globalization;
using System.Text.Json;

namespace SpatialPlan.Cli.Tests;

/// <summary>
/// <c>spatialplan check</c> on every sample project of the repository's gis-data, with the options its
/// index.json gives: the exit code follows the expected verdict and <c>--format json</c> agrees.
/// </summary>
public class SampleProjectExitCodeTests
{
    private static readonly string DataDir = Path.Combine(TestDataDirectory.RepoRoot, "gis-data");
    private static readonly string SampleDir = Path.Combine(DataDir, "samples", "projects");

    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var sample in Index())
        {
            data.Add(sample.GetProperty("file").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void SampleExitCodeFollowsItsExpectedVerdict(string file)
    {
        var sample = Index().Single(s => s.GetProperty("file").GetString() == file);
        var expected = sample.GetProperty("expectedVerdict").GetString()!;
        var run = CliRun.Of([.. Args(sample), "--format", "json"]);

        Assert.True(string.IsNullOrEmpty(run.Stderr), run.Stderr);
        Assert.Equal(expected switch { "prohibited" => 20, "approval-required" => 10, _ => 0 }, run.ExitCode);
        Assert.Equal(expected, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("verdict").GetString());
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void SampleCheckedWithNoOptionsGivesItsExpectedVerdictFromTheFilesOwnProjectProperties(string file)
    {
        var sample = Index().Single(s => s.GetProperty("file").GetString() == file);
        var run = CliRun.Of("check", Path.Combine(SampleDir, file), "--data", DataDir, "--format", "json");

        if (file.EndsWith(".txt", StringComparison.Ordinal))
        {
            // A 界址点 list has no properties, and no kind is assumed.
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("项目类型必填", run.Stderr, StringComparison.Ordinal);
            return;
        }

        Assert.True(string.IsNullOrEmpty(run.Stderr), run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        var project = root.GetProperty("project");
        Assert.Equal(sample.GetProperty("expectedVerdict").GetString(), root.GetProperty("verdict").GetString());
        Assert.Equal(sample.GetProperty("type").GetString(), project.GetProperty("kind").GetString());
        Assert.Equal(Majors(sample), project.GetProperty("majors").EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
        Assert.Equal("file", project.GetProperty("from").GetProperty("kind").GetString());
    }

    [Fact]
    public void AnExplicitOptionOverridesTheFilesProjectType()
    {
        var run = CliRun.Of("check", Path.Combine(SampleDir, "dairy-park.geojson"), "--type", "urban", "--data", DataDir, "--format", "json");

        var project = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("project");
        Assert.Equal("urban-construction", project.GetProperty("kind").GetString());
        Assert.Equal("urban", project.GetProperty("kindAlias").GetString());
        Assert.Equal("option", project.GetProperty("from").GetProperty("kind").GetString());
        Assert.Equal("default", project.GetProperty("from").GetProperty("majors").GetString());
    }

    [Fact]
    public void MajorsGivenOnTheCommandLineReplaceTheFilesMajors()
    {
        var run = CliRun.Of("check", Path.Combine(SampleDir, "baoyin-hsr.geojson"), "--major", "farmland-transport", "--data", DataDir, "--format", "json");

        var project = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("project");
        Assert.Equal(["farmland-transport"], project.GetProperty("majors").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal("option", project.GetProperty("from").GetProperty("majors").GetString());
    }

    [Fact]
    public void TableOutputOfASampleIsReadableChineseWithTotals()
    {
        var sample = Index().First(s => s.GetProperty("expectedVerdict").GetString() == "prohibited");
        var run = CliRun.Of(Args(sample));
        Assert.Equal(20, run.ExitCode);
        Assert.Contains("合计", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("禁止", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("prohibited", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("示意数据", run.Stdout, StringComparison.Ordinal);
    }

    private static string[] Args(JsonElement sample)
    {
        var args = new List<string>
        {
            "check", Path.Combine(SampleDir, sample.GetProperty("file").GetString()!),
            "--type", sample.GetProperty("type").GetString()!, "--data", DataDir,
        };
        foreach (var major in Majors(sample))
        {
            args.AddRange(["--major", major]);
        }

        foreach (var (key, option) in new[] { ("width", "--width"), ("radius", "--radius") })
        {
            if (sample.GetProperty(key).ValueKind == JsonValueKind.Number)
            {
                args.AddRange([option, sample.GetProperty(key).GetDouble().ToString(CultureInfo.InvariantCulture)]);
            }
        }

        if (sample.GetProperty("crs").GetString() is { } crs)
        {
            args.AddRange(["--crs", crs]);
        }

        return [.. args];
    }

    private static IEnumerable<string> Majors(JsonElement sample) =>
        sample.TryGetProperty("majors", out var m) ? m.EnumerateArray().Select(x => x.GetString()!) : [];

    private static IEnumerable<JsonElement> Index() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleDir, "index.json"))).RootElement.EnumerateArray();
}
