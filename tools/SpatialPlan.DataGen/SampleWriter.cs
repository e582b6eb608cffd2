using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace SpatialPlan.DataGen;

/// <summary>
/// Writes the sample footprints and samples/projects/index.json. Projected coordinates (EPSG:4545, EPSG:4524)
/// come from PROJ's cs2cs, never from our own formulas; the overlap figures of each sample come from the GDAL/GEOS
/// oracle (oracle/sample_overlaps.py), run on the files just written.
/// </summary>
public static class SampleWriter
{
    public static void Write(IReadOnlyList<SampleSpec> samples, string dataDir)
    {
        var dir = Path.Combine(dataDir, "samples", "projects");
        Directory.CreateDirectory(dir);
        foreach (var s in samples)
        {
            var deg = LocalGrid.Degrees(s.Footprint);
            var path = Path.Combine(dir, s.File);
            switch (s.Crs)
            {
                case null:
                    GeoJsonOut.Write(path, s.NameZh, [(deg, Props(s))]);
                    break;
                case "EPSG:4545":
                    GeoJsonOut.Write(path, s.NameZh, [(ToGk(deg), Props(s))], "urn:ogc:def:crs:EPSG::4545", 3);
                    break;
                case "EPSG:4524":
                    File.WriteAllText(path, BoundaryPointList(s, deg), new UTF8Encoding(false));
                    break;
                default: throw new InvalidOperationException(s.Crs);
            }
        }

        using var overlaps = Oracle.SampleOverlaps(dataDir, samples);
        var index = new List<Dictionary<string, object?>>();
        foreach (var s in samples)
        {
            index.Add(new Dictionary<string, object?>
            {
                ["file"] = s.File, ["nameZh"] = s.NameZh, ["nameEn"] = s.NameEn, ["type"] = s.Kind,
                ["majors"] = s.Majors, ["width"] = s.Width, ["radius"] = s.Radius, ["crs"] = s.Crs,
                ["expectedVerdict"] = null, ["expectedZones"] = null, ["expectedZoneVerdicts"] = null,
                ["basis"] = s.Basis,
                ["schematic"] = true, ["noteEn"] = s.Why,
                ["overlaps"] = overlaps.RootElement.GetProperty(s.File),
            });
        }

        // The expectations are written from the law fixture applied to GDAL's figures (oracle/expected_verdicts.py),
        // which reads the index written first; they never come from SpatialPlan's engine.
        WriteIndex(dir, index);
        using var expected = Oracle.ExpectedVerdicts(dataDir);
        foreach (var entry in index)
        {
            var e = expected.RootElement.GetProperty((string)entry["file"]!);
            var zones = e.GetProperty("zones").EnumerateObject().Where(z => z.Value.GetProperty("verdict").GetString() != "clear").ToList();
            entry["expectedVerdict"] = e.GetProperty("verdict").GetString();
            entry["expectedZones"] = zones.Select(z => z.Name).Order(StringComparer.Ordinal).ToArray();
            entry["expectedZoneVerdicts"] = zones.ToDictionary(z => z.Name, z => z.Value.GetProperty("verdict").GetString());
            entry["expectedInPrinciple"] = zones.Where(z => z.Value.GetProperty("verdict").GetString() == "prohibited")
                .ToDictionary(z => z.Name, z => z.Value.GetProperty("inPrinciple").GetBoolean());
            entry["expectedConditions"] = zones.Where(z => z.Value.GetProperty("authorities").GetArrayLength() > 0)
                .ToDictionary(z => z.Name, z => z.Value.GetProperty("authorities").EnumerateArray().Select(a => a.GetString()).ToArray());
            entry["expectedJurisdiction"] = e.GetProperty("jurisdiction").GetString();
            entry["expectedWhyZh"] = zones.ToDictionary(z => z.Name, z => z.Value.GetProperty("why").GetString());
            entry["expectedFrom"] = "tools/SpatialPlan.DataGen/oracle/expected_verdicts.py: the law fixture " +
                "(tests/SpatialPlan.Core.Tests/Rules/law-fixture.json) applied to GDAL/GEOS overlaps and distances; not from SpatialPlan";
        }

        WriteIndex(dir, index);
        Console.WriteLine($"samples: {index.Count} projects");
    }

    private static void WriteIndex(string dir, List<Dictionary<string, object?>> index)
    {
        var json = JsonSerializer.Serialize(index, new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        File.WriteAllText(Path.Combine(dir, "index.json"), json.Replace("\r\n", "\n") + "\n", new UTF8Encoding(false));
    }

    // The project's own settings travel with the footprint (docs/architecture.md, "Project settings"), so that
    // `spatialplan check <sample>` needs no options.
    private static Props Props(SampleSpec s)
    {
        var props = new Props().Add("name", s.NameZh).Add("nameEn", s.NameEn)
            .Add("projectName", s.NameZh).Add("projectType", s.Kind).Add("majors", s.Majors);
        if (s.Width is { } width)
        {
            props.Add("widthM", width);
        }

        if (s.Radius is { } radius)
        {
            props.Add("radiusM", radius);
        }

        return props.Add("schematic", true).Add("basis", s.Basis).Add("source", Sources.Schematic);
    }

    /// <summary>EPSG:4490 polygon to EPSG:4545 (x = easting, y = northing, as GeoJSON expects).</summary>
    private static Geometry ToGk(Geometry deg)
    {
        var poly = (Polygon)deg;
        var projected = Cs2Cs("EPSG:4545", poly.Shell.Coordinates);
        var ring = projected.Select(p => new Coordinate(p.Easting, p.Northing)).ToArray();
        return Geo.Factory.CreatePolygon(ring);
    }

    private static string BoundaryPointList(SampleSpec s, Geometry deg)
    {
        var shell = ((Polygon)deg).Shell.Coordinates;
        var open = shell.Take(shell.Length - 1).ToArray(); // the list closes itself
        var projected = Cs2Cs("EPSG:4524", open);
        var sb = new StringBuilder();
        sb.Append("# ").Append(s.NameZh).Append("（示意数据 schematic; ").Append(s.Basis).Append("）\n");
        sb.Append("# CGCS2000 3度带高斯-克吕格投影 第36带（中央经线108°E），EPSG:4524\n");
        sb.Append("# 点号,X(北坐标 northing, m),Y(东坐标 easting with zone prefix 36, m)；最后一点自动与第一点闭合\n");
        for (var i = 0; i < projected.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"J{i + 1},{projected[i].Northing:F3},{projected[i].Easting:F3}\n");
        }

        return sb.ToString();
    }

    private static List<(double Northing, double Easting)> Cs2Cs(string target, IEnumerable<Coordinate> lonLat)
    {
        var input = new StringBuilder();
        foreach (var c in lonLat)
        {
            // EPSG:4490 in PROJ is latitude, longitude; the output of both targets is northing, easting.
            input.Append(CultureInfo.InvariantCulture, $"{Math.Round(c.Y, 7):F7} {Math.Round(c.X, 7):F7}\n");
        }

        var psi = new ProcessStartInfo("cs2cs", ["-f", "%.3f", "EPSG:4490", target])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cs2cs (PROJ) is needed for the projected samples");
        p.StandardInput.Write(input.ToString());
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var result = new List<(double, double)>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            result.Add((double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture)));
        }

        return result;
    }
}
