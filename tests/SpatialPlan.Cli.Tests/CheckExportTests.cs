using System.Text.Json;
using SpatialPlan.TestSupport;

namespace SpatialPlan.Cli.Tests;

/// <summary><c>spatialplan check … --export FILE.gpkg|FILE.shp.zip|FILE.geojson</c> (issue 9 §3), read back with ogrinfo.</summary>
public sealed class CheckExportTests : IDisposable
{
    private static readonly string Data = Path.Combine(TestDataDirectory.RepoRoot, "gis-data");
    private static readonly string Samples = Path.Combine(Data, "samples", "projects");
    private readonly string _dir = Directory.CreateTempSubdirectory("spatialplan-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheBaoyinRailwaysParcelsAreOneOverlapPieceEachBesideTheJsonOnStdout()
    {
        var gpkg = Path.Combine(_dir, "baoyin.gpkg");
        var run = CliRun.Of("check", Path.Combine(Samples, "baoyin-hsr.geojson"), "--format", "json", "--export", gpkg, "--data", Data);

        Assert.Equal(10, run.ExitCode);
        var json = JsonDocument.Parse(run.Stdout).RootElement; // stdout stays one JSON object; the note goes to stderr
        var pieces = json.GetProperty("zones").EnumerateArray().Where(z => z.GetProperty("mode").GetString() == "avoid")
            .Sum(z => z.GetProperty("features").GetArrayLength());
        Assert.True(pieces > 50, $"{pieces} pieces");
        // …and for the urban boundary (contain mode) the part of the footprint outside it.
        var outside = json.GetProperty("zones").EnumerateArray()
            .Count(z => z.GetProperty("mode").GetString() == "contain" && z.TryGetProperty("outsideAreaM2", out var o) && o.GetDouble() > 0);
        Assert.Contains($"已写出图层 {gpkg}（EPSG:4545）", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"占用图斑 overlaps {pieces + outside} 个", run.Stderr, StringComparison.Ordinal);

        var info = ExternalTool.OgrInfo("-so", "-al", gpkg);
        Assert.Contains("Layer name: overlaps", info, StringComparison.Ordinal);
        Assert.Contains("Feature Count: 1\n", info.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"Feature Count: {pieces + outside}", info, StringComparison.Ordinal);
        var fields = ExternalTool.OgrInfo("-so", gpkg, "overlaps");
        foreach (var field in new[] { "layer_id", "zone", "feature_id", "name", "area_m2", "area_mu", "verdict" })
        {
            Assert.Contains(field + ": ", fields, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void InTableModeTheNoteFollowsTheTableOnStdout()
    {
        var geojson = Path.Combine(_dir, "solar.geojson");
        var run = CliRun.Of("check", Path.Combine(Samples, "solar-ulanbuh.geojson"), "--export", geojson, "--data", Data);

        Assert.Equal(20, run.ExitCode);
        Assert.Contains($"已写出图层 {geojson}（EPSG:4490）", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Layer name: spatialplan-check", ExternalTool.OgrInfo("-so", "-al", geojson), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("layers.shp", ".shp.zip")]
    [InlineData("layers.kml", ".gpkg")]
    public void AnExportNameWithoutAKnownEndingIsExit2BeforeTheCheckAndWritesNothing(string name, string hint)
    {
        var run = CliRun.Of("check", Path.Combine(Samples, "solar-ulanbuh.geojson"), "--export", Path.Combine(_dir, name), "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(hint, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        Assert.False(run.HasStackTrace);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void AnExportIntoAMissingFolderOrWithJsonlIsExit2()
    {
        var missing = CliRun.Of("check", Path.Combine(Samples, "solar-ulanbuh.geojson"), "--export", Path.Combine(_dir, "no", "x.gpkg"), "--data", Data);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("不存在", missing.Stderr, StringComparison.Ordinal);

        var jsonl = CliRun.Of("check", Path.Combine(Samples, "solar-ulanbuh.geojson"), "--format", "jsonl", "--export", Path.Combine(_dir, "x.gpkg"), "--data", Data);
        Assert.Equal(2, jsonl.ExitCode);
        Assert.Contains("--export", jsonl.Stderr, StringComparison.Ordinal);
    }
}

/// <summary>Issue 9 §7: the Chinese table is Chinese — no 禁止（prohibited）, no English CRS sentence, no English tags.</summary>
public sealed class ChineseTableTests
{
    private static readonly string Data = Path.Combine(TestDataDirectory.RepoRoot, "gis-data");

    [Fact]
    public void TheTableOfAGuessedCrsProhibitedSampleHasNoEnglishSentenceOrVerdictWord()
    {
        var run = CliRun.Of("check", Path.Combine(Data, "samples", "projects", "shanlin-expressway.geojson"), "--data", Data);

        Assert.Equal(20, run.ExitCode);
        Assert.Contains("总体结论：原则上禁止\n", run.Stdout.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("坐标系：文件 EPSG:4490（文件未声明坐标系，按坐标范围", run.Stdout, StringComparison.Ordinal);
        foreach (var english in new[] { "prohibited", "No CRS declared", "site check", "from file", "（inside）", "（outside）" })
        {
            Assert.DoesNotContain(english, run.Stdout, StringComparison.Ordinal);
        }
    }
}
