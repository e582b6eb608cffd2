using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SpatialPlan.Core.Tests.Data;

namespace SpatialPlan.Core.Tests.Import;

/// <summary>
/// What the import tests share: a private copy of the repository's gis-data (so the area, policy and styles are the
/// real ones), schematic 图斑 written as GeoJSON by the test itself (not by SpatialPlan), GDAL's ogr2ogr to turn them into
/// each source format, and ogrinfo as the independent reader of what the import wrote.
/// </summary>
internal sealed partial class ImportFixture : IDisposable
{
    public ImportFixture()
    {
        Root = Directory.CreateTempSubdirectory("sp-import-").FullName;
        Data = Path.Combine(Root, "data");
        Copy(GisDataFiles.Root, Data);
        Inputs = Directory.CreateDirectory(Path.Combine(Root, "in")).FullName;
    }

    public string Root { get; }

    /// <summary>The data folder (a copy of gis-data).</summary>
    public string Data { get; }

    /// <summary>Where the test's input files go.</summary>
    public string Inputs { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public string In(string name) => Path.Combine(Inputs, name);

    /// <summary>Writes text to a file in <see cref="Inputs"/> and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = In(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>
    /// A FeatureCollection of nx × ny strips (40 m × 333 m, rotated 12°, 5 shared extra vertices on each long side) in
    /// EPSG:4524 (zone-prefixed eastings) from (<paramref name="x0"/>, <paramref name="y0"/>), inside 杭锦后旗 by default,
    /// with the national field names. <paramref name="overlapEvery"/>: every n-th parcel (n ≡ 7) reaches 3 m into its
    /// right neighbour; <paramref name="bowtieEvery"/>: every n-th parcel (n ≡ 11) has two corners swapped (0: none).
    /// </summary>
    public static string Parcels(int nx, int ny, double x0 = 36_420_000, double y0 = 4_525_000, int overlapEvery = 0,
        int bowtieEvery = 0, string? crsMember = null, Func<double, double, (double, double)>? map = null, int firstNumber = 1)
    {
        const double W = 40, L = 333, Reach = 3;
        const int Seg = 6;
        var (c, s) = (Math.Cos(12 * Math.PI / 180), Math.Sin(12 * Math.PI / 180));
        double[] P(double u, double v)
        {
            var (x, y) = (Math.Round(x0 + (u * c) - (v * s), 4), Math.Round(y0 + (u * s) + (v * c), 4));
            var (mx, my) = map?.Invoke(x, y) ?? (x, y);
            return [mx, my];
        }

        var features = new List<string>();
        var n = firstNumber - 1;
        for (var i = 0; i < nx; i++)
        {
            for (var j = 0; j < ny; j++)
            {
                n++;
                double u0 = i * W, u1 = (i + 1) * W, v0 = j * L, v1 = (j + 1) * L;
                var right = u1 + (overlapEvery > 0 && n % overlapEvery == 7 && i + 1 < nx ? Reach : 0);
                var ring = new List<double[]> { P(u0, v0), P(right, v0) };
                ring.AddRange(Enumerable.Range(1, Seg - 1).Select(k => P(right, v0 + ((v1 - v0) * k / Seg))));
                ring.Add(P(right, v1));
                ring.Add(P(u0, v1));
                ring.AddRange(Enumerable.Range(1, Seg - 1).Reverse().Select(k => P(u0, v0 + ((v1 - v0) * k / Seg))));
                if (bowtieEvery > 0 && n % bowtieEvery == 11)
                {
                    (ring[Seg + 1], ring[Seg + 2]) = (ring[Seg + 2], ring[Seg + 1]);
                }

                ring.Add(ring[0]);
                var coordinates = string.Join(",", ring.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p[0]:R},{p[1]:R}]")));
                var village = $"第{(i / 5) + 1:00}村";
                var properties = string.Create(CultureInfo.InvariantCulture,
                    $"\"BSM\":{n},\"JBNTTBBH\":\"150826{n:000000000000}\",\"TBBH\":\"{n:0000}\",\"DLBM\":\"0102\",\"DLMC\":\"水浇地\",\"QSDWMC\":\"{village}\",\"ZLDWMC\":\"{village}\",\"TBMJ\":{Math.Round(Shoelace(ring), 2):R}");
                features.Add("{\"type\":\"Feature\",\"properties\":{" + properties + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + coordinates + "]]}}");
            }
        }

        var crs = crsMember is null ? string.Empty : $"\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"{crsMember}\"}}}},";
        return $"{{\"type\":\"FeatureCollection\",{crs}\"features\":[\n{string.Join(",\n", features)}\n]}}";
    }

    /// <summary>
    /// The ellipsoidal area of a layer's polygons by GeographicLib's Planimeter on the CGCS2000 ellipsoid, their vertices
    /// taken to lon/lat by GDAL/PROJ (parcel edges are tens of metres: geodesic and grid edge coincide to well under a mm).
    /// GDAL's own ST_Area(…, 1) is not used for this: on these parcels it is 2e-6 below Planimeter.
    /// </summary>
    public string PlanimeterArea(string path, string layer) =>
        PlanimeterAreas(path, [layer]).Sum().ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Planimeter areas, one per feature, of a layer (or of an ogr2ogr SQLite-dialect <c>-sql</c> query).</summary>
    public List<double> PlanimeterAreas(string path, string[] layerOrSql)
    {
        var geojson = Path.Combine(Root, $"planimeter-{Guid.NewGuid():N}.geojson");
        Run("ogr2ogr", ["-f", "GeoJSON", "-t_srs", "+proj=longlat +ellps=GRS80 +no_defs", "-lco", "COORDINATE_PRECISION=12", geojson, path, .. layerOrSql]);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(geojson));
        var input = new StringBuilder();
        var parts = new List<int>();
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("coordinates")]
                : geometry.GetProperty("coordinates").EnumerateArray().ToList();
            parts.Add(polygons.Count);
            foreach (var polygon in polygons)
            {
                Assert.Equal(1, polygon.GetArrayLength()); // shells only in these tests
                foreach (var p in polygon[0].EnumerateArray().SkipLast(1))
                {
                    input.Append(CultureInfo.InvariantCulture, $"{p[1].GetDouble():R} {p[0].GetDouble():R}\n");
                }

                input.Append('\n');
            }
        }

        var psi = new ProcessStartInfo("Planimeter") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-e", "6378137", "1/298.257222101", "-p", "12" })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(input.ToString());
        process.StandardInput.Close();
        process.WaitForExit();
        var areas = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Math.Abs(double.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture))).ToList();
        var perFeature = new List<double>();
        var at = 0;
        foreach (var n in parts)
        {
            perFeature.Add(areas.Skip(at).Take(n).Sum());
            at += n;
        }

        return perFeature;
    }

    /// <summary>Runs ogr2ogr with the arguments; fails the test on error.</summary>
    public static string Ogr2Ogr(params string[] args) => Run("ogr2ogr", args);

    /// <summary>One row of an ogrinfo SQLite-dialect query on <paramref name="path"/>: column → value text.</summary>
    public static Dictionary<string, string> Sql(string path, string sql) => Rows(path, sql).Single();

    /// <summary>Every row of an ogrinfo SQLite-dialect query.</summary>
    public static List<Dictionary<string, string>> Rows(string path, string sql)
    {
        var text = Run("ogrinfo", "-ro", "-q", "-dialect", "SQLite", "-sql", sql, path);
        var rows = new List<Dictionary<string, string>>();
        Dictionary<string, string>? row = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("OGRFeature", StringComparison.Ordinal))
            {
                row = [];
                rows.Add(row);
            }
            else if (row is not null && Field().Match(line) is { Success: true } m)
            {
                row[m.Groups[1].Value] = m.Groups[2].Value.Trim();
            }
        }

        return rows;
    }

    public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    public static string Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{program} {string.Join(' ', args)} failed: {stderr}");
        return stdout.Result;
    }

    private static double Shoelace(List<double[]> ring)
    {
        double a = 0;
        for (var i = 0; i + 1 < ring.Count; i++)
        {
            a += (ring[i][0] * ring[i + 1][1]) - (ring[i + 1][0] * ring[i][1]);
        }

        return Math.Abs(a) / 2;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }

    [GeneratedRegex(@"^\s+(\S+) \([^)]*\) = (.*)$")]
    private static partial Regex Field();
}
