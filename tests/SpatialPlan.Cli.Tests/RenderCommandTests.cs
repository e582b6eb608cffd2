using System.Buffers.Binary;
using System.Text.Json;
using SpatialPlan.Rendering.Tests.Support;

namespace SpatialPlan.Cli.Tests;

/// <summary><c>spatialplan render</c> and <c>check --pdf</c> on the repository's gis-data, read back with poppler.</summary>
public sealed class RenderCommandTests : IDisposable
{
    private static readonly string DataDir = Path.Combine(TestDataDirectory.RepoRoot, "gis-data");
    private readonly string _dir = Directory.CreateTempSubdirectory("spatialplan-render-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void RenderWritesAPdfWhoseTextHasTheTitleAndTheSchematicMark()
    {
        var pdf = Path.Combine(_dir, "sheet.pdf");
        var run = CliRun.Of("render", "--out", pdf, "--title", "杭锦后旗三条控制线图", "--subtitle", "测试副标题", "--paper", "A4", "--data", DataDir);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 4));
        var text = Poppler.Text(pdf);
        Assert.Contains("杭锦后旗三条控制线图", text);
        Assert.Contains("示意数据", text);
        var (width, height) = Poppler.PageSize(pdf);
        Assert.Equal(841.9, width, 0.5);
        Assert.Equal(595.3, height, 0.5);
        Assert.Contains(Path.GetFullPath(pdf), run.Stdout);
        Assert.Contains("比例尺", run.Stdout);
        Assert.Contains("1:", run.Stdout);
        Assert.Contains("已标注「示意数据」", run.Stdout);
        Assert.Contains("ms", run.Stdout);
    }

    [Fact]
    public void RenderWritesAPngOfThePaperSizeAtTheGivenDpi()
    {
        var png = Path.Combine(_dir, "sheet.png");
        var run = CliRun.Of("render", "--out", png, "--paper", "A4", "--orientation", "portrait", "--dpi", "40",
            "--layers", "banner-boundary,eco-redline", "--data", DataDir);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        // IHDR: width and height, big-endian, at bytes 16 and 20. A4 = 210 × 297 mm; at 40 dpi 330.7 × 467.7 px.
        Assert.Equal(331, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(468, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.Contains("（2）：eco-redline, banner-boundary", run.Stdout); // catalog (drawing) order
    }

    [Theory]
    [InlineData("--layers", "no-such-layer", "no-such-layer", "sheet.pdf")]
    [InlineData("--bbox", "40.5,106.6,41.3,107.6", "minLon,minLat,maxLon,maxLat", "sheet.pdf")]
    [InlineData("--bbox", "107.6,40.5,106.6,41.3", "EPSG:4490", "sheet.pdf")]
    [InlineData("--bbox", "430000,4500000,470000,4560000", "EPSG:4490", "sheet.pdf")]
    [InlineData("--bbox", "1,2,3", "四个数", "sheet.pdf")]
    [InlineData("--paper", "A2", "A4", "sheet.pdf")]
    [InlineData("--dpi", "10", "36", "sheet.png")]
    [InlineData("--title", "图", ".svg", "sheet.svg")]
    [InlineData("--title", "图", "不存在", "missing/sheet.pdf")]
    [InlineData("--title", "ᠬᠠᠩᠭᠢᠨ 杭锦后旗", "字体缺少字符", "sheet.pdf")]
    public void BadRenderOptionsExitTwoWithAReadableMessage(string option, string value, string expected, string outName)
    {
        var output = Path.Combine(_dir, outName);
        var run = CliRun.Of("render", "--out", output, option, value, "--data", DataDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
        Assert.False(run.HasStackTrace, run.Stderr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void CheckWithPdfWritesTheReportAndKeepsJsonStdoutOneObject()
    {
        var pdf = Path.Combine(_dir, "report.pdf");
        var sample = Path.Combine(DataDir, "samples", "projects", "solar-ulanbuh.geojson");
        var run = CliRun.Of("check", sample, "--type", "urban", "--format", "json", "--pdf", pdf, "--data", DataDir);

        Assert.Equal(20, run.ExitCode);
        Assert.Equal("prohibited", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("verdict").GetString());
        Assert.Contains("已写出核查报告", run.Stderr);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 4));
        var text = Poppler.Text(pdf);
        Assert.Contains("乌兰布和沙漠综合治理", text);
        Assert.Contains("亩", text);
        Assert.Contains("示意数据", text);
    }

    [Fact]
    public void CheckWithPdfInTableModeSaysWhatItWroteOnStdout()
    {
        var pdf = Path.Combine(_dir, "report.pdf");
        var sample = Path.Combine(DataDir, "samples", "projects", "melon-market.geojson");
        var run = CliRun.Of("check", sample, "--pdf", pdf, "--data", DataDir);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("已写出核查报告", run.Stdout);
        Assert.True(File.Exists(pdf));
    }

    [Fact]
    public void CheckWithAPdfPathThatIsNotAPdfExitsTwoBeforeChecking()
    {
        var sample = Path.Combine(DataDir, "samples", "projects", "melon-market.geojson");
        var run = CliRun.Of("check", sample, "--pdf", Path.Combine(_dir, "report.txt"), "--data", DataDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".pdf", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
