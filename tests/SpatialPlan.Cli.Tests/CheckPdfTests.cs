using System.Text.Json;
using System.Text.RegularExpressions;
using SpatialPlan.TestSupport;

namespace SpatialPlan.Cli.Tests;

/// <summary><c>spatialplan check --pdf FILE</c>: the signable report of the very check the command printed, over the repository's gis-data.</summary>
public sealed partial class CheckPdfTests : IDisposable
{
    private static readonly string Data = Path.Combine(TestDataDirectory.RepoRoot, "gis-data");
    private static readonly string Samples = Path.Combine(Data, "samples", "projects");
    private readonly string _dir = Directory.CreateTempSubdirectory("spatialplan-pdf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ThePdfCarriesTheReportNumberVerdictAndFiguresTheJsonPrinted()
    {
        var pdf = Path.Combine(_dir, "visitor-centre.pdf");
        var run = CliRun.Of("check", Path.Combine(Samples, "tushenze-visitor-centre.geojson"), "--format", "json", "--pdf", pdf,
            "--builder", "杭锦后旗文化旅游投资有限公司", "--project-code", "2026-150826-78-01-000042", "--data", Data);

        Assert.Equal(10, run.ExitCode);
        var json = JsonDocument.Parse(run.Stdout).RootElement; // stdout stays one JSON object; the note goes to stderr
        var number = json.GetProperty("reportNumber").GetString()!;
        Assert.Matches("^SP-\\d{8}-[0-9A-F]{6}$", number);
        Assert.Contains($"已写出核查报告 {pdf}（报告编号 {number}", run.Stderr, StringComparison.Ordinal);
        var text = Squeeze(ExternalTool.PdfText(pdf));
        Assert.Contains($"报告编号：{number}", text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("总体结论：" + json.GetProperty("verdictZh").GetString()), text, StringComparison.Ordinal);
        Assert.Contains("杭锦后旗文化旅游投资有限公司", text, StringComparison.Ordinal);
        Assert.Contains("2026-150826-78-01-000042", text, StringComparison.Ordinal);
        Assert.Contains(Squeeze(json.GetProperty("footprint").GetProperty("figuresZh").GetString()!), text, StringComparison.Ordinal);
        foreach (var zone in json.GetProperty("zones").EnumerateArray())
        {
            Assert.Contains(Squeeze(zone.GetProperty("figuresZh").GetString()!), text, StringComparison.Ordinal);
        }

        foreach (var group in json.GetProperty("approvals").EnumerateArray())
        {
            Assert.Contains(Squeeze(group.GetProperty("authorityZh").GetString()!), text, StringComparison.Ordinal);
        }

        Assert.Contains(json.GetProperty("settings").GetProperty("inputSha256").GetString()!, text, StringComparison.Ordinal);
        Assert.InRange(new FileInfo(pdf).Length, 10_000, 3_000_000);
    }

    [Fact]
    public void WithTheTableTheNoteFollowsTheTableOnStdout()
    {
        var pdf = Path.Combine(_dir, "school.pdf");
        var run = CliRun.Of("check", Path.Combine(Samples, "school-no5-gk.geojson"), "--pdf", pdf, "--data", Data);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("总体结论：不涉及", run.Stdout, StringComparison.Ordinal);
        Assert.Matches("已写出核查报告 .*school\\.pdf（报告编号 SP-\\d{8}-[0-9A-F]{6}，PDF", run.Stdout);
        Assert.True(File.Exists(pdf));
    }

    [Theory]
    [InlineData("report.txt", "不是 .pdf 文件名")]
    [InlineData("no-such-folder/report.pdf", "目录")]
    public void ABadPdfPathIsExitTwoBeforeTheCheck(string name, string message)
    {
        var path = Path.Combine(_dir, name);
        var run = CliRun.Of("check", Path.Combine(Samples, "school-no5-gk.geojson"), "--pdf", path, "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"[A-Za-z]{4,}", run.Stderr); // the English half
        Assert.False(run.HasStackTrace, run.Stderr);
        Assert.Empty(run.Stdout);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void BadInputWritesNoPdf()
    {
        var pdf = Path.Combine(_dir, "jzd.pdf");
        // A 界址点 list has no properties, so without --type there is no kind: refused, and no half-made report left behind.
        var run = CliRun.Of("check", Path.Combine(Samples, "funeral-home-jzd.txt"), "--crs", "EPSG:4524", "--pdf", pdf, "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("项目类型必填", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(pdf));
    }

    private static string Squeeze(string text) => WhiteSpace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
