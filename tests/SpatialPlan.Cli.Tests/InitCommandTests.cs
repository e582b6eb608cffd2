using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpatialPlan.Cli.Commands;

namespace SpatialPlan.Cli.Tests;

/// <summary>
/// <c>spatialplan init</c> for counties other than the embedded banner, then <c>check</c> against the new folder. Known
/// areas from GeographicLib's Planimeter: Core.Tests/Oracles/zones.sh (§3 and §5).
/// </summary>
public sealed class InitCommandTests : IDisposable
{
    private static readonly string GisData = Path.Combine(TestDataDirectory.RepoRoot, "gis-data");

    private readonly string _root = Directory.CreateTempSubdirectory("spatialplan-init-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void UradRearBannerGetsZoneCm105AndAFootprintThereIsCheckedInIt()
    {
        // 乌拉特后旗, the banner's northern neighbour (the real DataV boundary of the embedded neighbours layer): its centre,
        // 106.41°E, lies in the zone of CM 105°E, not 108°E.
        var boundary = WriteNeighbour("乌拉特后旗");
        var data = Path.Combine(_root, "urad");

        var init = CliRun.Of("init", data, "--boundary", boundary);

        Assert.Equal(0, init.ExitCode);
        Assert.Contains("EPSG:4544", init.Stdout, StringComparison.Ordinal);
        Assert.Contains("中央经线 105°E", init.Stdout, StringComparison.Ordinal);
        var area = JsonNode.Parse(File.ReadAllText(Path.Combine(data, "catalog.json")))!["area"]!;
        Assert.Equal("area-boundary", (string?)area["layer"]);
        Assert.Equal("乌拉特后旗", (string?)area["nameZh"]);
        Assert.Equal("Urad Rear Banner", (string?)area["nameEn"]);
        Assert.Equal("EPSG:4544", (string?)area["workingCrs"]);
        Assert.True(Directory.Exists(Path.Combine(data, "layers")));
        Assert.Equal(["catalog.json", "layers", "policy.json", "styles.json"], Directory.EnumerateFileSystemEntries(data).Select(Path.GetFileName).Order());

        // A 3 km × 2 km site inside it (Planimeter: 5 563 183.9 m²), measured in EPSG:4544.
        var footprint = Write("site.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"projectName":"测试项目"},
             "geometry":{"type":"Polygon","coordinates":[[[106.20,41.50],[106.23,41.50],[106.23,41.52],[106.20,41.52],[106.20,41.50]]]}}]}
            """);
        var check = CliRun.Of("check", footprint, "--type", "urban-construction", "--data", data, "--format", "json");

        Assert.Equal(0, check.ExitCode);
        using var report = JsonDocument.Parse(check.Stdout);
        var fp = report.RootElement.GetProperty("footprint");
        Assert.Equal("EPSG:4544", fp.GetProperty("crs").GetString());
        Assert.InRange(Math.Abs(fp.GetProperty("areaM2").GetDouble() - 5563183.9) / 5563183.9, 0, 1e-6);
        Assert.Equal("乌拉特后旗", report.RootElement.GetProperty("jurisdiction").GetProperty("areaName").GetString());
        Assert.Equal(1.0, report.RootElement.GetProperty("jurisdiction").GetProperty("insideShare").GetDouble(), 9);

        var table = CliRun.Of("check", footprint, "--type", "urban-construction", "--data", data);
        Assert.StartsWith("乌拉特后旗 项目选址冲突检查", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("计算 EPSG:4544", table.Stdout, StringComparison.Ordinal);
        var csv = CliRun.Of("check", footprint, "--type", "urban-construction", "--data", data, "--format", "csv");
        Assert.Contains("核查与量算坐标系 EPSG:4544", csv.Stdout, StringComparison.Ordinal);

        // validate measures in the folder's working CRS too, and says so.
        var validate = CliRun.Of("validate", footprint, "--data", data, "--format", "json");
        Assert.Equal(0, validate.ExitCode);
        using var v = JsonDocument.Parse(validate.Stdout);
        Assert.Equal("EPSG:4544", v.RootElement.GetProperty("measuredCrs").GetString());
        Assert.InRange(Math.Abs(v.RootElement.GetProperty("areaM2").GetDouble() - 5563183.9) / 5563183.9, 0, 1e-6);
        Assert.Contains("量算坐标系：EPSG:4544（乌拉特后旗的工作坐标系", CliRun.Of("validate", footprint, "--data", data).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTemplateIsTheRepositorysPolicyAndStyles()
    {
        var data = Path.Combine(_root, "t");
        Assert.Equal(0, CliRun.Of("init", data, "--boundary", WriteNeighbour("临河区")).ExitCode);

        Assert.Equal(File.ReadAllBytes(Path.Combine(GisData, "policy.json")), File.ReadAllBytes(Path.Combine(data, "policy.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(GisData, "styles.json")), File.ReadAllBytes(Path.Combine(data, "styles.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(GisData, "catalog.json")), InitCommand.Template("catalog.json"));
        // 临河区's centre, 107.4°E, is in the banner's zone.
        Assert.Equal("EPSG:4545", (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(data, "catalog.json")))!["area"]!["workingCrs"]);
    }

    [Fact]
    public void AnAreaAroundCm111ReadsBoundaryPointListsInItsZoneWithOrWithoutThePrefix()
    {
        // A county-sized box around 111°E (呼和浩特's zone, CM 111°E); named on the command line.
        var boundary = Write("box.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
             "geometry":{"type":"Polygon","coordinates":[[[110.5,40.3],[111.6,40.3],[111.6,41.3],[110.5,41.3],[110.5,40.3]]]}}]}
            """);
        var data = Path.Combine(_root, "east");
        var init = CliRun.Of("init", data, "--boundary", boundary, "--name", "东部测试县", "--name-en", "East Test County");
        Assert.Equal(0, init.ExitCode);
        Assert.Contains("EPSG:4546", init.Stdout, StringComparison.Ordinal);

        // The 10 km grid square E 495–505 km, N 4520–4530 km of CM 111°E: Planimeter 99 999 979.5 m² (zones.sh §3).
        const string Plain = "J1,4520000,495000\nJ2,4520000,505000\nJ3,4530000,505000\nJ4,4530000,495000\n";
        var plain = Write("jzd.txt", Plain);
        var prefixed = Write("jzd-37.txt", Plain.Replace(",495000", ",37495000", StringComparison.Ordinal).Replace(",505000", ",37505000", StringComparison.Ordinal));
        foreach (var (file, source) in new[] { (plain, "EPSG:4546"), (prefixed, "EPSG:4525") })
        {
            var run = CliRun.Of("check", file, "--type", "urban-construction", "--data", data, "--format", "json");
            Assert.Equal(0, run.ExitCode);
            using var report = JsonDocument.Parse(run.Stdout);
            var fp = report.RootElement.GetProperty("footprint");
            Assert.Equal("EPSG:4546", fp.GetProperty("crs").GetString());
            Assert.Equal(source, fp.GetProperty("sourceCrs").GetString());
            Assert.InRange(Math.Abs(fp.GetProperty("areaM2").GetDouble() - 99999979.5) / 99999979.5, 0, 1e-6);
        }

        // The banner's own 界址点 list (zone 36, prefixed) lies 250 km west: refused, naming this area.
        var far = CliRun.Of("check", Path.Combine(GisData, "samples", "projects", "funeral-home-jzd.txt"), "--type", "special-use", "--data", data);
        Assert.Equal(2, far.ExitCode);
        Assert.Contains("东部测试县", far.Stderr, StringComparison.Ordinal);
        Assert.False(far.HasStackTrace);
    }

    [Fact]
    public void ABareShapefileAndAZipAreBoundariesToo()
    {
        // The shapefile test site near 陕坝镇 (Core.Tests/TestData, written by ogr2ogr in EPSG:4545 with an Esri .prj).
        var zip = Path.Combine(TestDataDirectory.RepoRoot, "tests", "SpatialPlan.Core.Tests", "TestData", "site-4545.zip");
        var unpacked = Path.Combine(_root, "shp");
        ZipFile.ExtractToDirectory(zip, unpacked);

        var fromShp = CliRun.Of("init", Path.Combine(_root, "a"), "--boundary", Path.Combine(unpacked, "site.shp"), "--name", "样区");
        var fromZip = CliRun.Of("init", Path.Combine(_root, "b"), "--boundary", zip, "--name", "样区");

        Assert.Equal(0, fromShp.ExitCode);
        Assert.Equal(0, fromZip.ExitCode);
        Assert.Contains("EPSG:4545", fromShp.Stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(_root, "a", "layers", "area-boundary.geojson")),
            File.ReadAllText(Path.Combine(_root, "b", "layers", "area-boundary.geojson")));
    }

    [Fact]
    public void ANonEmptyFolderIsRefusedAndLeftAsItWas()
    {
        var data = Path.Combine(_root, "used");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "notes.txt"), "mine");

        var run = CliRun.Of("init", data, "--boundary", WriteNeighbour("临河区"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("不是空的", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(data).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(data, "notes.txt")));
    }

    [Theory]
    [InlineData("points.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[107.1,40.9]}}]}""", "非面要素")]
    [InlineData("far.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-74.1,40.6],[-73.9,40.6],[-73.9,40.8],[-74.1,40.8],[-74.1,40.6]]]}}]}""", "中国范围")]
    [InlineData("gk.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[420000,4500000],[440000,4500000],[440000,4540000],[420000,4500000]]]}}]}""", "--crs")]
    [InlineData("broken.geojson", """{"type":"FeatureCollection","features":[""", "broken.geojson")]
    [InlineData("boundary.txt", "not a list", "boundary.txt")]
    public void ABadBoundaryExitsTwoAndCreatesNothing(string file, string content, string expected)
    {
        var data = Path.Combine(_root, "new");

        var run = CliRun.Of("init", data, "--boundary", Write(file, content));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("处理办法", run.Stderr, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace);
        Assert.False(Directory.Exists(data));
        Assert.Equal([], Directory.EnumerateDirectories(_root).Where(d => Path.GetFileName(d).StartsWith('.')));
    }

    [Fact]
    public void AnUnprefixedGaussKrugerBoundaryIsReadWithCrs()
    {
        var boundary = Write("gk.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"某县"},"geometry":{"type":"Polygon","coordinates":[[[420000,4500000],[440000,4500000],[440000,4540000],[420000,4540000],[420000,4500000]]]}}]}""");

        var run = CliRun.Of("init", Path.Combine(_root, "gk"), "--boundary", boundary, "--crs", "EPSG:4545");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("数据区：某县", run.Stdout, StringComparison.Ordinal);
        // 20 km × 40 km of grid near 107.1°E: the ellipsoidal area is a little smaller (k ≈ 1.00009 there).
        Assert.Matches(@"面积 799\.\d\d 平方千米", run.Stdout);
    }

    [Fact]
    public void AMissingBoundaryOptionIsAUsageError()
    {
        var run = CliRun.Of("init", Path.Combine(_root, "x"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--boundary", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "x")));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>One county of the embedded neighbours layer (real DataV boundaries) as its own GeoJSON file.</summary>
    private string WriteNeighbour(string nameZh)
    {
        var neighbours = JsonNode.Parse(File.ReadAllText(Path.Combine(GisData, "layers", "neighbours.geojson")))!;
        var feature = neighbours["features"]!.AsArray().Single(f => (string?)f!["properties"]!["name"] == nameZh)!.DeepClone();
        return Write(string.Create(CultureInfo.InvariantCulture, $"{feature["properties"]!["id"]}.geojson"),
            new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(feature) }.ToJsonString());
    }
}
