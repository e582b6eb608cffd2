using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Export;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Tests.Checks;

namespace SpatialPlan.Core.Tests.Export;

/// <summary>
/// Issue 9 §3: a check's footprint, overlap pieces and nearby features as GeoPackage, zipped Shapefile and GeoJSON.
/// GDAL is the independent reader (ogrinfo opens each file, names its layers, fields and CRS; ogr2ogr reprojects to
/// EPSG:4490) and GeographicLib's Planimeter the independent measure: every written area agrees with the JSON report
/// within 1e-6, and every piece's geodesic area agrees with its written area within 1e-6.
/// </summary>
public sealed class CheckLayersExportTests : IDisposable
{
    // 陕临快速通道: 11 permanent-farmland pieces (原则上禁止), 9 nearby farmland parcels, and 83 % outside the urban boundary.
    private const string Sample = "shanlin-expressway.geojson";

    private static readonly Lazy<CheckReport> Report = new(() => SampleProjects.Run(Sample));

    private readonly string _dir = Directory.CreateTempSubdirectory("sp-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheGeoPackageHasTheThreeLayersInTheWorkingCrsAndTheReportsAreas()
    {
        var path = Write("check.gpkg");

        var info = Ogr("-so", path);
        Assert.Contains("1: footprint (Multi Polygon)", info, StringComparison.Ordinal);
        Assert.Contains("2: overlaps (Multi Polygon)", info, StringComparison.Ordinal);
        Assert.Contains("3: nearby (Multi Polygon)", info, StringComparison.Ordinal);
        AssertLayers(path, path, "geom", "EPSG\",4545");
    }

    [Fact]
    public void TheZippedShapefileHasThreeShapefilesWithPrjAndCpgInTheWorkingCrsAndTheReportsAreas()
    {
        var path = Write("check.shp.zip");

        using (var zip = System.IO.Compression.ZipFile.OpenRead(path))
        {
            var names = zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
            foreach (var layer in new[] { "footprint", "overlaps", "nearby" })
            {
                foreach (var ext in new[] { ".shp", ".shx", ".dbf", ".prj", ".cpg" })
                {
                    Assert.Contains(layer + ext, names);
                }
            }
        }

        var vsi = "/vsizip/" + path;
        var info = Ogr("-so", vsi);
        Assert.Contains("footprint (Polygon)", info, StringComparison.Ordinal);
        Assert.Contains("overlaps (Polygon)", info, StringComparison.Ordinal);
        Assert.Contains("nearby (Polygon)", info, StringComparison.Ordinal);
        AssertLayers(vsi, vsi, "geometry", "EPSG\",4545");
    }

    [Fact]
    public void TheGeoJsonIsInEpsg4490WithALayerPropertyAndTheReportsAreas()
    {
        var path = Write("check.geojson");

        var info = Ogr("-so", "-al", path);
        Assert.Contains("Feature Count: 22", info, StringComparison.Ordinal); // 1 footprint + 12 pieces + 9 nearby
        Assert.Contains("ID[\"EPSG\",4490]", info, StringComparison.Ordinal);
        Assert.Contains("layer: String", info, StringComparison.Ordinal);
        AssertLayers(path, path, "geometry", "EPSG\",4490");
    }

    [Fact]
    public void AnEndingThatNamesNoFormatIsRefusedWithTheEndingsThatDo()
    {
        var e = Assert.Throws<InputException>(() => ExportFormats.FromPath("check.shp"));
        Assert.Contains(".gpkg", e.Message, StringComparison.Ordinal);
        Assert.Contains(".shp.zip", e.Message, StringComparison.Ordinal);
        Assert.Equal(ExportFormat.ShapefileZip, ExportFormats.FromPath("OUT/项目.SHP.ZIP"));
    }

    [Fact]
    public void EveryOverlappedFeatureOfTheReportIsOnePieceAndAZoneWithoutOverlapsHasNone()
    {
        var report = Report.Value;
        var layers = CheckLayers.Of(report);
        var overlaps = layers[1];
        var farmland = report.Zones.Single(z => z.Category == "permanent-farmland");
        var pieces = overlaps.Features.Where(f => (string)f.Values[0]! == farmland.LayerId).ToList();

        Assert.Equal(farmland.Features.Count, pieces.Count);
        Assert.Equal(farmland.Features.Select(f => f.Id), pieces.Select(p => (string)p.Values[3]!));

        // Parcels do not overlap one another, so the pieces add up to the zone's overlap.
        Assert.Equal(farmland.OverlapAreaM2, pieces.Sum(p => (double)p.Values[8]!), 1e-6 * farmland.OverlapAreaM2);
        Assert.All(pieces, p => Assert.Equal("原则上禁止", p.Values[12]));
        Assert.DoesNotContain(overlaps.Features, f => (string)f.Values[0]! == "eco-redline");

        // The urban boundary's conflict is the part outside it, with the zone's verdict.
        var urban = report.Zones.Single(z => z.Mode == ZoneMode.Contain);
        var outside = Assert.Single(overlaps.Features, f => (string)f.Values[0]! == urban.LayerId);
        Assert.Equal(urban.OutsideAreaM2!.Value, (double)outside.Values[8]!);
        Assert.Equal("outside", outside.Values[7]);

        Assert.Equal(report.Zones.Sum(z => z.NearbyFeatures.Count), layers[2].Features.Count);
    }

    private string Write(string name)
    {
        var path = Path.Combine(_dir, name);
        CheckLayersWriter.Write(Report.Value, path);
        Assert.True(File.Exists(path));
        Assert.Empty(Directory.GetFiles(_dir, "*part*"));
        return path;
    }

    /// <summary>The layers' fields, counts and areas as GDAL reads them, against the JSON report and Planimeter.</summary>
    private static void AssertLayers(string source, string pathForSql, string geometryColumn, string crsId)
    {
        var json = JsonDocument.Parse(CheckReportJson.Serialize(Report.Value)).RootElement;
        var zones = json.GetProperty("zones").EnumerateArray().ToList();
        var expected = new Dictionary<string, double>(StringComparer.Ordinal);
        // Avoid-mode zones only: a contain-mode zone's conflict is the part outside it, not its features.
        var contain = Report.Value.Zones.Where(z => z.Mode == ZoneMode.Contain).Select(z => z.LayerId).ToHashSet(StringComparer.Ordinal);
        foreach (var z in zones.Where(z => !contain.Contains(z.GetProperty("layerId").GetString()!)))
        {
            foreach (var f in z.GetProperty("features").EnumerateArray())
            {
                expected[$"{z.GetProperty("layerId").GetString()}|{f.GetProperty("id").GetString()}"] = f.GetProperty("overlapAreaM2").GetDouble();
            }
        }

        var exact = Report.Value.Zones.SelectMany(z => z.Features.Select(f => (Key: $"{z.LayerId}|{f.Id}", f.OverlapAreaM2)))
            .ToDictionary(x => x.Key, x => x.OverlapAreaM2, StringComparer.Ordinal);
        var geoJson = source.EndsWith(".geojson", StringComparison.Ordinal);
        string Layer(string name) => geoJson ? "spatialplan-check" : name;
        string Where(string name) => geoJson ? $" WHERE layer = '{name}'" : string.Empty;

        // The footprint: the report's area and verdict.
        var footprint = Rows(pathForSql, $"SELECT area_m2, verdict, verdict_zh FROM \"{Layer("footprint")}\"{Where("footprint")}");
        var fp = Assert.Single(footprint);
        AgreeWithin1e6(json.GetProperty("footprint").GetProperty("areaM2").GetDouble(), double.Parse(fp["area_m2"], CultureInfo.InvariantCulture), "footprint");
        AgreeWithin1e6(Report.Value.Footprint.AreaM2, double.Parse(fp["area_m2"], CultureInfo.InvariantCulture), "footprint");
        Assert.Equal("prohibited", fp["verdict"]);
        Assert.Equal("原则上禁止", fp["verdict_zh"]);

        // The pieces: every overlapped feature of the JSON report once, with its area.
        var pieces = Rows(pathForSql, $"SELECT layer_id, zone, feature_id, name, level, land_class, relation, area_m2, area_mu, share_pct, verdict FROM \"{Layer("overlaps")}\"{Where("overlaps")}")
            .Where(r => r["feature_id"].Length > 0).ToList();
        Assert.Equal(expected.Count, pieces.Count);
        foreach (var p in pieces)
        {
            var area = double.Parse(p["area_m2"], CultureInfo.InvariantCulture);
            // The JSON prints areas to 1 mm²; the report model behind it holds the unrounded figure.
            Assert.Equal(expected[$"{p["layer_id"]}|{p["feature_id"]}"], area, 0.0005 + 1e-9);
            AgreeWithin1e6(exact[$"{p["layer_id"]}|{p["feature_id"]}"], area, p["feature_id"]);
            AgreeWithin1e6(area / 666.6666666666666, double.Parse(p["area_mu"], CultureInfo.InvariantCulture), p["feature_id"] + " 亩");
            Assert.Equal("永久基本农田", p["zone"]);
            Assert.Equal("prohibited", p["verdict"]);
            Assert.Equal("inside", p["relation"]);
            Assert.StartsWith("永久基本农田图斑", p["name"], StringComparison.Ordinal);
        }

        // GDAL + Planimeter: each written piece's geodesic area is its written area (independent of our measure).
        var geodesic = GeodesicAreas(source, geoJson ? null : "overlaps");
        foreach (var p in pieces)
        {
            var area = double.Parse(p["area_m2"], CultureInfo.InvariantCulture);
            AgreeWithin1e6(geodesic[p["feature_id"]], area, p["feature_id"] + " (GDAL + Planimeter)");
        }

        var nearby = Rows(pathForSql, $"SELECT feature_id, distance_m FROM \"{Layer("nearby")}\"{Where("nearby")}");
        Assert.Equal(9, nearby.Count);
        Assert.All(nearby, n => Assert.InRange(double.Parse(n["distance_m"], CultureInfo.InvariantCulture), 0, 200));
        Assert.Contains(crsId, Ogr("-so", source, Layer("overlaps")), StringComparison.Ordinal);
        _ = geometryColumn;
    }

    /// <summary>Relative agreement within 1e-6 (the Shapefile keeps 10 decimals).</summary>
    private static void AgreeWithin1e6(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Abs(expected), $"{what}: expected {expected}, written {actual}");

    /// <summary>Rows of an OGR SQL query (SQLite dialect), field → text.</summary>
    private static List<Dictionary<string, string>> Rows(string source, string sql)
    {
        var text = Ogr("-q", "-dialect", "SQLite", "-sql", sql, source);
        var rows = new List<Dictionary<string, string>>();
        Dictionary<string, string>? row = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("OGRFeature(", StringComparison.Ordinal))
            {
                rows.Add(row = new Dictionary<string, string>(StringComparer.Ordinal));
                continue;
            }

            var m = System.Text.RegularExpressions.Regex.Match(line, @"^\s+(\w+) \((\w+)\) = (.*)$");
            if (row is not null && m.Success)
            {
                row[m.Groups[1].Value] = m.Groups[3].Value == "(null)" ? string.Empty : m.Groups[3].Value;
            }
        }

        return rows;
    }

    /// <summary>
    /// feature_id → geodesic area (m²) of each overlap piece: ogr2ogr reprojects the layer to EPSG:4490 (PROJ), and
    /// Planimeter measures every ring on the CGCS2000 ellipsoid (shell minus holes).
    /// </summary>
    private static Dictionary<string, double> GeodesicAreas(string source, string? layer)
    {
        var args = new List<string> { "-f", "GeoJSON", "-t_srs", "EPSG:4490", "-lco", "COORDINATE_PRECISION=12", "/vsistdout/", source };
        if (layer is not null)
        {
            args.Add(layer);
        }

        var collection = JsonDocument.Parse(Run("ogr2ogr", [.. args], stderr: false)).RootElement;
        var input = new System.Text.StringBuilder();
        var rings = new List<(string Id, bool Hole)>();
        foreach (var f in collection.GetProperty("features").EnumerateArray())
        {
            var props = f.GetProperty("properties");
            if (props.TryGetProperty("layer", out var l) && l.GetString() != "overlaps")
            {
                continue;
            }

            var id = props.GetProperty("feature_id").GetString() ?? string.Empty;
            if (id.Length == 0)
            {
                continue;
            }

            var g = f.GetProperty("geometry");
            var polygons = g.GetProperty("type").GetString() == "MultiPolygon"
                ? g.GetProperty("coordinates").EnumerateArray().ToList()
                : [g.GetProperty("coordinates")];
            foreach (var polygon in polygons)
            {
                var k = 0;
                foreach (var ring in polygon.EnumerateArray())
                {
                    var points = ring.EnumerateArray().ToList();
                    foreach (var pt in points.Take(points.Count - 1))
                    {
                        input.Append(pt[1].GetRawText()).Append(' ').Append(pt[0].GetRawText()).Append('\n');
                    }

                    input.Append("nan nan\n");
                    rings.Add((id, k++ > 0));
                }
            }
        }

        var output = Run("Planimeter", ["-e", "6378137", "0.003352810681182319", "-p", "9"], stdin: input.ToString());
        var areas = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Math.Abs(double.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(rings.Count, areas.Count);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < rings.Count; i++)
        {
            result[rings[i].Id] = result.GetValueOrDefault(rings[i].Id) + (rings[i].Hole ? -areas[i] : areas[i]);
        }

        return result;
    }

    private static string Ogr(params string[] args) => Run("ogrinfo", ["-ro", .. args]);

    private static string Run(string program, string[] args, string? stdin = null, bool stderr = true)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }

        var errors = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{program} failed: {output}{errors.Result}");
        return stderr ? output + errors.Result : output;
    }
}
