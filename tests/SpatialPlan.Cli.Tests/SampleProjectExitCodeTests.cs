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

        Assert.True(string.IsNullOrEmpty(run.Stderr), run.Stderr);
        var project = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("project");
        Assert.Equal(sample.GetProperty("expectedVerdict").GetString(), JsonDocument.Parse(run.Stdout).RootElement.GetProperty("verdict").GetString());
        Assert.Equal(sample.GetProperty("type").GetString(), project.GetProperty("type").GetString());
        Assert.Equal(sample.GetProperty("nationalMajor").GetBoolean(), project.GetProperty("nationalMajor").GetBoolean());
        // A 界址点 list has no properties: its type is the default; every GeoJSON sample says its own.
        Assert.Equal(file.EndsWith(".txt", StringComparison.Ordinal) ? "default" : "file", project.GetProperty("from").GetProperty("type").GetString());
    }

    [Fact]
    public void AnExplicitOptionOverridesTheFilesProjectType()
    {
        var run = CliRun.Of("check", Path.Combine(SampleDir, "dairy-park.geojson"), "--type", "urban", "--data", DataDir, "--format", "json");

        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("urban", root.GetProperty("project").GetProperty("type").GetString());
        Assert.Equal("option", root.GetProperty("project").GetProperty("from").GetProperty("type").GetString());
        Assert.Equal("file", root.GetProperty("project").GetProperty("from").GetProperty("nationalMajor").GetString());
    }

    [Fact]
    public void NationalMajorFalseOnTheCommandLineOverridesTheFile()
    {
        var run = CliRun.Of("check", Path.Combine(SampleDir, "baoyin-hsr.geojson"), "--national-major", "false", "--data", DataDir, "--format", "json");

        var project = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("project");
        Assert.False(project.GetProperty("nationalMajor").GetBoolean());
        Assert.Equal("option", project.GetProperty("from").GetProperty("nationalMajor").GetString());
        Assert.Equal(20, run.ExitCode); // a linear project on farmland that is not national major is prohibited
    }

    [Fact]
    public void TableOutputOfASampleIsReadableChineseWithTotals()
    {
        var sample = Index().First(s => s.GetProperty("expectedVerdict").GetString() == "prohibited");
        var run = CliRun.Of(Args(sample));
        Assert.Equal(20, run.ExitCode);
        Assert.Contains("合计", run.Stdout);
        Assert.Contains("总体结论：禁止（prohibited）", run.Stdout);
        Assert.Contains("示意数据", run.Stdout);
    }

    private static string[] Args(JsonElement sample)
    {
        var args = new List<string>
        {
            "check", Path.Combine(SampleDir, sample.GetProperty("file").GetString()!),
            "--type", sample.GetProperty("type").GetString()!, "--data", DataDir,
        };
        if (sample.GetProperty("nationalMajor").GetBoolean())
        {
            args.Add("--national-major");
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

    private static IEnumerable<JsonElement> Index() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleDir, "index.json"))).RootElement.EnumerateArray();
}
