using System.Text.Json;
using static SpatialPlan.Cli.Tests.TestDataDirectory;

namespace SpatialPlan.Cli.Tests;

/// <summary>
/// <c>spatialplan check</c> in-process against a small data directory: red line at x 430–431 km, farmland at
/// 433–434 km, urban boundary at 435–437 km (EPSG:4545, y 4527–4528/4529 km).
/// </summary>
public sealed class CheckCommandTests : IClassFixture<TestDataDirectory>
{
    private readonly TestDataDirectory _data;

    public CheckCommandTests(TestDataDirectory data) => _data = data;

    private CliRun Check(string footprint, params string[] extra) =>
        CliRun.Of(["check", footprint, "--data", _data.Root, .. extra]);

    [Fact]
    public void UrbanProjectInsideTheBoundaryAndAwayFromZonesExitsZero()
    {
        var run = Check(_data.Footprint("clear", Box(435500, 4527500, 435600, 4527600)));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("总体结论：无冲突", run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void NumbersAreWrittenTheSameWayOnAGermanLocaleMachine()
    {
        // de-DE would write 10.000,00 for 10 000 m²; a report must read the same on every planner's PC.
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var footprint = _data.Footprint("clear-de", Box(435500, 4527500, 435600, 4527600));
            var check = Check(footprint);
            var validate = CliRun.Of("validate", footprint);

            Assert.Equal(0, check.ExitCode);
            Assert.Matches(@"^占地面积：15\.00 亩 = 0\.9999 公顷 = 9,999\.0 平方米", check.Stdout.Split('\n').First(l => l.StartsWith("占地面积", StringComparison.Ordinal)));
            Assert.Matches(@"^面积：15\.00 亩 = 0\.9999 公顷 = 9,999\.0 平方米", validate.Stdout.Split('\n').First(l => l.StartsWith("面积", StringComparison.Ordinal)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void AdvisoryVerdictAlsoExitsZero()
    {
        // Ecological project 300 m east of the red line: nearby → advisory.
        var run = Check(_data.Footprint("advisory", Box(431300, 4527500, 431400, 4527600)), "--type", "ecological");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("总体结论：提示", run.Stdout);
    }

    [Fact]
    public void UrbanProjectOutsideTheUrbanBoundaryExitsTen()
    {
        var run = Check(_data.Footprint("outside", Box(438000, 4527500, 438100, 4527600)));
        Assert.Equal(10, run.ExitCode);
        Assert.Contains("需审批", run.Stdout);
    }

    [Fact]
    public void UrbanProjectOnTheRedLineExitsTwenty()
    {
        var run = Check(_data.Footprint("redline", Box(430400, 4527400, 430500, 4527500)));
        Assert.Equal(20, run.ExitCode);
        Assert.Contains("总体结论：禁止", run.Stdout);
        Assert.Contains("示意数据", run.Stdout);
        Assert.Contains("亩", run.Stdout);
        Assert.Contains("公顷", run.Stdout);
    }

    [Fact]
    public void NationalMajorProjectOnFarmlandExitsTenInsteadOfTwenty()
    {
        var footprint = _data.Footprint("farm-major", Box(433400, 4527400, 433500, 4527500));
        Assert.Equal(20, Check(footprint, "--type", "linear").ExitCode);
        Assert.Equal(10, Check(footprint, "--type", "linear", "--national-major").ExitCode);
    }

    [Fact]
    public void JsonFormatPrintsExactlyOneObjectWithTheContractFields()
    {
        var run = Check(_data.Footprint("json", Box(430900, 4527400, 431100, 4527500)), "--format", "json");
        Assert.Equal(20, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout); // throws on anything before or after the object
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal("prohibited", root.GetProperty("verdict").GetString());
        var footprint = root.GetProperty("footprint");
        Assert.Equal(20000, footprint.GetProperty("areaM2").GetDouble(), 20000 * 3e-4);
        Assert.Equal(footprint.GetProperty("areaM2").GetDouble() * 0.0015, footprint.GetProperty("areaMu").GetDouble(), 3);
        Assert.Equal("EPSG:4545", footprint.GetProperty("crs").GetString());
        Assert.Equal(JsonValueKind.Array, footprint.GetProperty("repairs").ValueKind);
        var eco = root.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("layerId").GetString() == "eco");
        Assert.Equal("ecological-redline", eco.GetProperty("category").GetString());
        Assert.Equal(50, eco.GetProperty("overlapPercent").GetDouble(), 0.1);
        Assert.Equal("eco-1", eco.GetProperty("features")[0].GetProperty("id").GetString());
        Assert.Contains("142号", eco.GetProperty("basis").GetString());
        Assert.False(string.IsNullOrEmpty(eco.GetProperty("rule").GetString()));
        Assert.Equal(0, eco.GetProperty("distanceM").GetDouble());
    }

    [Fact]
    public void CsvFormatStartsWithAByteOrderMark()
    {
        var run = Check(_data.Footprint("csv", Box(430400, 4527400, 430500, 4527500)), "--format", "csv");
        Assert.Equal(20, run.ExitCode);
        Assert.StartsWith("\uFEFF图层ID", run.Stdout);
        Assert.Contains("eco-1", run.Stdout);
    }

    [Fact]
    public void LineWithWidthIsChecked()
    {
        var line = _data.Write("line.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
             "geometry":{"type":"LineString","coordinates":[[107.10,40.89],[107.13,40.89]]}}]}
            """);
        var run = Check(line, "--type", "linear", "--width", "30", "--format", "json");
        Assert.Contains(run.ExitCode, new[] { 0, 10, 20 });
        Assert.Equal("line", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("footprint").GetProperty("kind").GetString());
    }
}
