using System.Text.Json;
using static SpatialPlan.Cli.Tests.TestDataDirectory;

namespace SpatialPlan.Cli.Tests;

public sealed class LayersAndValidateCommandTests : IClassFixture<TestDataDirectory>
{
    private readonly TestDataDirectory _data;

    public LayersAndValidateCommandTests(TestDataDirectory data) => _data = data;

    [Fact]
    public void LayersJsonListsEveryLayerWithPathCountAndCrs()
    {
        var run = CliRun.Of("layers", "--format", "json", "--data", _data.Root);
        Assert.Equal(0, run.ExitCode);
        var layers = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(["eco", "farm", "urban", "banner", "linhe"], layers.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal("layers/eco.geojson", layers[0].GetProperty("path").GetString());
        Assert.Equal(1, layers[0].GetProperty("featureCount").GetInt32());
        Assert.Equal("EPSG:4490", layers[0].GetProperty("crs").GetString());
        Assert.Equal("生态保护红线", layers[0].GetProperty("titleZh").GetString());
    }

    [Fact]
    public void LayersTableShowsTheSchematicNote()
    {
        var run = CliRun.Of("layers", "--data", _data.Root);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("永久基本农田", run.Stdout);
        Assert.Contains("示意数据", run.Stdout);
    }

    [Fact]
    public void ValidateReportsTheGuessedCrsAndNoRepairsForAGoodFile()
    {
        var run = CliRun.Of("validate", _data.Footprint("valid", Box(435500, 4527500, 435600, 4527600)), "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal("EPSG:4490", root.GetProperty("crs").GetString());
        Assert.False(root.GetProperty("axesSwapped").GetBoolean());
        Assert.Empty(root.GetProperty("repairs").EnumerateArray());
    }

    [Fact]
    public void ValidatesTableSaysTheGuessedCrsInChineseOnly()
    {
        var run = CliRun.Of("validate", _data.Footprint("valid-zh", Box(435500, 4527500, 435600, 4527600)));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("文件未声明坐标系", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("No CRS declared", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateListsTheRepairOfABowTie()
    {
        var bowTie = _data.Write("bowtie.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
             "geometry":{"type":"Polygon","coordinates":[[[107.10,40.88],[107.11,40.89],[107.11,40.88],[107.10,40.89],[107.10,40.88]]]}}]}
            """);
        var run = CliRun.Of("validate", bowTie);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("几何有效：否", run.Stdout);
        Assert.Contains("修复：第 1 个要素", run.Stdout);
    }

    [Fact]
    public void ValidateOfAMissingFileExitsTwo()
    {
        var run = CliRun.Of("validate", Path.Combine(_data.Root, "missing.geojson"));
        Assert.Equal(2, run.ExitCode);
        Assert.False(run.HasStackTrace);
    }
}
