using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpatialPlan.Cli.Tests;

/// <summary>
/// <c>spatialplan import</c> end to end: a GeoJSON of 图斑 with the national field names goes into the test data folder
/// (area: the "banner" box, working CRS EPSG:4545) as an R-tree GeoPackage that GDAL reads, with its catalog entry, and a
/// check then sees it; every refusal is exit 2 with a message that says what to fix, and leaves the folder byte for byte
/// as it was.
/// </summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    public ImportCommandTests() =>
        // As in every folder init makes: the template's styles (the import gives a new layer its category's style).
        File.Copy(Path.Combine(TestDataDirectory.RepoRoot, "gis-data", "styles.json"), Path.Combine(_data.Root, "styles.json"));

    public void Dispose() => _data.Dispose();

    [Fact]
    public void AGeoJsonOfParcelsIsImportedIndexedAndCheckedAgainst()
    {
        var source = Parcels("jbnt.geojson", 6, 4);

        var run = CliRun.Of("import", source, "--data", _data.Root, "--as", "jbnt-2023", "--category", "permanent-farmland", "--crs", "EPSG:4545", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var report = JsonDocument.Parse(run.Stdout);
        Assert.Equal(24, report.RootElement.GetProperty("featuresRead").GetInt64());
        Assert.Equal(24, report.RootElement.GetProperty("featuresWritten").GetInt64());
        var gpkg = Path.Combine(_data.Root, "layers", "jbnt-2023.gpkg");
        var info = Ogr("-ro", "-so", "-al", gpkg);
        Assert.Contains("Feature Count: 24", info, StringComparison.Ordinal);
        Assert.Contains("rtree_jbnt-2023_geom", Ogr("-ro", "-sql", "SELECT name FROM sqlite_master WHERE name LIKE 'rtree%'", gpkg), StringComparison.Ordinal);

        // 24 squares of 100 m × 100 m: GDAL's grid area, and the report's 亩 within the scale correction (< 1e-3 here).
        var gdalArea = double.Parse(Field(Ogr("-ro", "-sql", "SELECT SUM(ST_Area(geom)) AS a FROM \"jbnt-2023\"", gpkg), "a"), CultureInfo.InvariantCulture);
        Assert.Equal(240_000, gdalArea, 6);
        Assert.InRange(report.RootElement.GetProperty("areaMu").GetDouble(), 360 * 0.999, 360 * 1.001);

        var entry = JsonNode.Parse(File.ReadAllText(Path.Combine(_data.Root, "catalog.json")))!["layers"]!.AsArray()
            .OfType<JsonObject>().Single(l => (string?)l["id"] == "jbnt-2023");
        Assert.Equal("gpkg", (string?)entry["source"]!["type"]);
        Assert.Equal("permanent-farmland", (string?)entry["category"]);

        // Text output: Chinese first, the counts, no progress lines on stdout.
        var again = CliRun.Of("import", source, "--data", _data.Root, "--as", "jbnt-b", "--category", "permanent-farmland", "--crs", "EPSG:4545");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("24", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("亩", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownCategoryIsExit2AndNamesTheCategories()
    {
        var source = Parcels("p.geojson", 2, 2);
        var before = Snapshot(_data.Root);

        var run = CliRun.Of("import", source, "--data", _data.Root, "--as", "x", "--category", "farmland-ish", "--crs", "EPSG:4545");

        Refused(run, "--category");
        Assert.Contains("permanent-farmland", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(_data.Root));
    }

    [Fact]
    public void AnExistingLayerIdNeedsReplace()
    {
        var source = Parcels("p.geojson", 2, 2);
        var before = Snapshot(_data.Root);

        var run = CliRun.Of("import", source, "--data", _data.Root, "--as", "farm", "--category", "permanent-farmland", "--crs", "EPSG:4545");

        Refused(run, "--replace");
        Assert.Equal(before, Snapshot(_data.Root));

        var replaced = CliRun.Of("import", source, "--data", _data.Root, "--as", "farm", "--category", "permanent-farmland", "--crs", "EPSG:4545", "--replace");
        Assert.True(replaced.ExitCode == 0, replaced.Stderr);
        Assert.True(File.Exists(Path.Combine(_data.Root, "layers", "farm.gpkg")));
    }

    [Fact]
    public void AMissingDataFolderIsExit2AndPointsToInit()
    {
        var source = Parcels("p.geojson", 2, 2);

        var run = CliRun.Of("import", source, "--data", Path.Combine(_data.Root, "nowhere"), "--as", "x", "--category", "permanent-farmland");

        Refused(run, "spatialplan init");
    }

    [Fact]
    public void AnUnsupportedCrsIsExit2AndSaysWhichWork()
    {
        var source = Parcels("p.geojson", 2, 2);
        var before = Snapshot(_data.Root);

        var run = CliRun.Of("import", source, "--data", _data.Root, "--as", "x", "--category", "permanent-farmland", "--crs", "EPSG:3857");

        Refused(run, "EPSG:45");
        Assert.Equal(before, Snapshot(_data.Root));
    }

    [Fact]
    public void ASourceBrokenHalfwayIsExit2AndLeavesNoHalfWrittenLayer()
    {
        var good = File.ReadAllText(Parcels("p.geojson", 30, 30));
        var at = good.IndexOf("\"JBNTTBBH\":\"150826000000000600\"", StringComparison.Ordinal);
        var geometryAt = good.IndexOf("\"coordinates\":", at, StringComparison.Ordinal);
        var broken = _data.Write("broken.geojson", good[..geometryAt] + "\"coordinates\":[[[\"east\",\"north\"]]]}}" + "]}");
        var before = Snapshot(_data.Root);

        var run = CliRun.Of("import", broken, "--data", _data.Root, "--as", "broken", "--category", "permanent-farmland", "--crs", "EPSG:4545");

        Refused(run, "broken.geojson");
        Assert.Equal(before, Snapshot(_data.Root));
        Assert.False(File.Exists(Path.Combine(_data.Root, "layers", "broken.gpkg")));
    }

    /// <summary>A GeoJSON of nx × ny 100 m squares in EPSG:4545 (no crs member) inside the test area, with national fields.</summary>
    private string Parcels(string name, int nx, int ny)
    {
        var features = new List<string>();
        var n = 0;
        for (var i = 0; i < nx; i++)
        {
            for (var j = 0; j < ny; j++)
            {
                n++;
                double x0 = 425_000 + (i * 100), y0 = 4_530_000 + (j * 100), x1 = x0 + 100, y1 = y0 + 100;
                features.Add(string.Create(CultureInfo.InvariantCulture,
                    $$$"""{"type":"Feature","properties":{"JBNTTBBH":"150826{{{n:000000000000}}}","DLMC":"水浇地","TBMJ":10000,"ZLDWMC":"第{{{i + 1}}}村"},"geometry":{"type":"Polygon","coordinates":[[[{{{x0}}},{{{y0}}}],[{{{x1}}},{{{y0}}}],[{{{x1}}},{{{y1}}}],[{{{x0}}},{{{y1}}}],[{{{x0}}},{{{y0}}}]]]}}"""));
            }
        }

        return _data.Write(name, $"{{\"type\":\"FeatureCollection\",\"features\":[\n{string.Join(",\n", features)}\n]}}");
    }

    private static void Refused(CliRun run, string fix)
    {
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.False(run.HasStackTrace, run.Stderr);
        Assert.Contains(fix, run.Stderr, StringComparison.Ordinal);
    }

    private static List<string> Snapshot(string directory) => Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith(".geojson", StringComparison.Ordinal) || f.Contains("layers", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(f => Path.GetRelativePath(directory, f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))).ToList();

    private static string Field(string ogrinfo, string name)
    {
        var line = ogrinfo.Split('\n').First(l => l.TrimStart().StartsWith(name + " (", StringComparison.Ordinal));
        return line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string Ogr(params string[] args)
    {
        var start = new ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
