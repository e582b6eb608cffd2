using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SpatialPlan.Cli.Tests;

/// <summary><c>spatialplan check … --sheet FILE.pdf|png</c>: the check's map sheet for a meeting (issue 9 §1), over the repository's gis-data.</summary>
public sealed partial class CheckSheetTests : IDisposable
{
    private static readonly string Data = Path.Combine(TestDataDirectory.RepoRoot, "gis-data");
    private static readonly string Samples = Path.Combine(Data, "samples", "projects");
    private readonly string _dir = Directory.CreateTempSubdirectory("spatialplan-sheet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheSheetCarriesTitleUnitVerdictAndTheOverlapLegend()
    {
        var sheet = Path.Combine(_dir, "shanlin.pdf");
        var run = CliRun.Of("check", Path.Combine(Samples, "shanlin-expressway.geojson"), "--type", "linear-infrastructure", "--width", "40",
            "--format", "json", "--sheet", sheet, "--paper", "A4", "--orientation", "portrait", "--title", "陕临快速通道选址（方案一）",
            "--unit", "杭锦后旗自然资源局", "--data", Data);

        Assert.True(run.ExitCode == 20, $"exit {run.ExitCode}: {run.Stderr}"); // 禁止: the exit code follows the verdict as without --sheet
        var json = JsonDocument.Parse(run.Stdout).RootElement; // stdout stays one JSON object; the note goes to stderr
        Assert.Contains("已写出会议用图", run.Stderr, StringComparison.Ordinal);
        var text = Squeeze(PdfText(sheet));
        Assert.Contains("陕临快速通道选址（方案一）", text, StringComparison.Ordinal);
        Assert.Contains("制图单位：杭锦后旗自然资源局", text, StringComparison.Ordinal);
        Assert.Contains(json.GetProperty("verdictZh").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("占用永久基本农田", text, StringComparison.Ordinal);
        Assert.Contains("详图1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SpatialPlan制图", text, StringComparison.Ordinal);
        var size = PdfInfo(sheet);
        Assert.Matches(@"Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts", size); // A4 portrait: 595.28 × 841.89 pt
    }

    [Fact]
    public void AnEnglishPngSheetSaysSoInTableMode()
    {
        var sheet = Path.Combine(_dir, "school.png");
        var run = CliRun.Of("check", Path.Combine(Samples, "school-no5-gk.geojson"), "--sheet", sheet, "--lang", "en", "--data", Data);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Contains("Map sheet written", run.Stdout, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(sheet);
        Assert.Equal(0x89, bytes[0]);
        Assert.Equal((byte)'P', bytes[1]);
    }

    [Theory]
    [InlineData("--sheet", "sheet.txt", "扩展名")]
    [InlineData("--sheet", "no-such-folder/sheet.pdf", "目录")]
    [InlineData("--paper", "B5", "--paper")]
    [InlineData("--lang", "fr", "--lang")]
    [InlineData("--unit", "某单位", "需要 --sheet")]
    public void ABadSheetOptionIsExitTwoBeforeTheCheck(string option, string value, string message)
    {
        var args = new List<string> { "check", Path.Combine(Samples, "school-no5-gk.geojson"), "--data", Data };
        if (option == "--sheet")
        {
            args.AddRange(["--sheet", Path.Combine(_dir, value)]);
        }
        else
        {
            args.AddRange([option, value]);
            if (option != "--unit")
            {
                args.AddRange(["--sheet", Path.Combine(_dir, "ok.pdf")]);
            }
        }

        var run = CliRun.Of([.. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.Stderr);
        Assert.Empty(run.Stdout);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    private static string PdfText(string path) => Run("pdftotext", ["-raw", path, "-"]);

    private static string PdfInfo(string path) => Run("pdfinfo", [path]);

    private static string Run(string tool, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    private static string Squeeze(string text) => WhiteSpace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
