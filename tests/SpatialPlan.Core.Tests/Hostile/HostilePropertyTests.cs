using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;
using SpatialPlan.Core.Sources;
using SpatialPlan.Hostile;
using static SpatialPlan.Core.Tests.Sources.ReadHelper;

namespace SpatialPlan.Core.Tests.Hostile;

/// <summary>
/// Issue 12, property-based (CsCheck): for generated GeoJSON, 界址点 lists and Shapefile headers, reading and checking
/// ends in a report or a bad-input error with a fix (exit 2 / HTTP 400), never anything else, and within the time budget.
/// </summary>
public class HostilePropertyTests
{
    private const long Iterations = 150;

    /// <summary>Numbers that matter: the banner in degrees and metres, the edges of double, and zeros.</summary>
    private static readonly Gen<double> Number = Gen.OneOf(
        Gen.Double[106.5, 107.5], Gen.Double[40.4, 41.3], Gen.Double[4_300_000, 4_800_000], Gen.Double[250_000, 580_000],
        Gen.Double[36_250_000, 36_580_000], Gen.Double, Gen.OneOf<double>(0.0, -0.0, double.Epsilon, 1e308, -1e308, 180, -180, 90, -90, 1e-300));

    private static readonly Gen<string> Literal = Gen.OneOf(
        Number.Select(v => v.ToString("R", CultureInfo.InvariantCulture)),
        Gen.OneOf<string>("1e400", "-1e400", "1e-400", "NaN", "\"107.1\"", "null", "[]", "true", "4511488,384"));

    private static void ReportOrBadInput(byte[] bytes, string fileName)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var load = ReadBytes(bytes, fileName);
            var report = HostileChecks.Run(load, HostileChecks.Urban(widthM: 30, radiusM: 60));
            Assert.True(report.Footprint.AreaM2 >= 1);
            Assert.True(double.IsFinite(report.Footprint.AreaM2));
        }
        catch (InputException e)
        {
            Assert.Contains("处理办法：", e.Message, StringComparison.Ordinal);
        }

        Assert.True(clock.ElapsedMilliseconds < HangGuard.Milliseconds, $"{fileName}: {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void GeneratedGeoJsonGivesAReportOrABadInputError()
    {
        var position = Gen.Int[0, 5].SelectMany(n => Literal.Array[n]).Select(values => "[" + string.Join(",", values) + "]");
        var ring = Gen.Int[0, 7].SelectMany(n => position.Array[n]).Select(ps => "[" + string.Join(",", ps.Concat(ps.Take(1))) + "]");
        var geometry = Gen.OneOf(
            Gen.Select(Gen.OneOf<string>("Polygon", "MultiPolygon", "LineString", "Point", "MultiPoint", "Polgon", "GeometryCollection"), ring.Array[0, 3],
                (type, rings) => $"{{\"type\":\"{type}\",\"coordinates\":[{string.Join(",", rings)}]}}"),
            ring.Select(r => $"{{\"type\":\"Polygon\",\"coordinates\":[{r}]}}"),
            position.Select(p => $"{{\"type\":\"Point\",\"coordinates\":{p}}}"));
        var property = Gen.OneOf(Gen.String[0, 20].Select(s => System.Text.Json.JsonSerializer.Serialize(s)), Literal,
            Gen.OneOf<string>("\"\\ud800\"", "{\"a\":[[[[]]]]}", "\"陕坝镇\"", "-1"));
        var feature = Gen.Select(geometry, Gen.OneOf<string>("name", "projectType", "widthM", "radiusM", "projectName"), property,
            (g, key, value) => $"{{\"type\":\"Feature\",\"properties\":{{\"{key}\":{value}}},\"geometry\":{g}}}");
        var file = Gen.Select(feature.Array[1, 4], Gen.Int[0, 100], Gen.Bool, (fs, cut, bom) =>
        {
            var text = "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", fs) + "]}";
            var bytes = Encoding.UTF8.GetBytes(cut < 90 ? text : text[..(text.Length * (cut - 89) / 12)]);
            return bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
        });

        file.Sample(bytes => ReportOrBadInput(bytes, "generated.geojson"), iter: Iterations, threads: 1,
            print: b => Encoding.UTF8.GetString(b));
    }

    [Fact]
    public void GeneratedBoundaryPointListsGiveAReportOrABadInputError()
    {
        var value = Gen.OneOf(Number.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)),
            Number.Select(v => v.ToString("0.###", CultureInfo.GetCultureInfo("de-DE"))), Literal);
        var separator = Gen.OneOf<string>(",", "，", ";", "\t", " ", "  ");
        var line = Gen.OneOf(
            Gen.Select(Gen.Int[1, 99], value, value, separator, (n, x, y, s) => $"J{n}{s}{x}{s}{y}"),
            Gen.Select(value, value, separator, (x, y, s) => $"{x}{s}{y}"),
            Gen.Select(Gen.Int[1, 3], value, value, (r, x, y) => $"J,{r},{x},{y}"),
            Gen.OneOf<string>(string.Empty, "# 注释", "点号,X,Y", "J9,1,2,3,4,5"));
        var list = Gen.Select(line.Array[1, 12], Gen.Bool, (lines, crlf) => Encoding.UTF8.GetBytes(string.Join(crlf ? "\r\n" : "\n", lines)));

        list.Sample(bytes => ReportOrBadInput(bytes, "generated.txt"), iter: Iterations, threads: 1, print: b => Encoding.UTF8.GetString(b));
    }

    [Fact]
    public void GeneratedShapefileHeadersGiveAReportOrABadInputError()
    {
        var count = Gen.OneOf(Gen.Int[-2, 12], Gen.OneOf<int>(int.MaxValue, int.MinValue, 1 << 20, 1 << 30, 65_536));
        var maybe = count.Select(c => (int?)c);
        var none = Gen.Const((int?)null);
        var header = Gen.Select(Gen.OneOf(none, maybe), Gen.OneOf(none, maybe), Gen.OneOf(none, maybe), Gen.OneOf(none, maybe), Gen.OneOf(none, Gen.Int[0, 400].Select(i => (int?)i)),
            Gen.OneOf<int>(ShapefileBytes.Polygon, ShapefileBytes.PolyLine, ShapefileBytes.Point, ShapefileBytes.MultiPoint, ShapefileBytes.PolygonZ, ShapefileBytes.PolygonM),
            (parts, points, content, length, cut, type) => (parts, points, content, length, cut, type));
        header.Sample(h =>
        {
            var shape = RawShape.Ring([107.1, 40.8, 1, 2], [107.1, 40.81, 1, 2], [107.11, 40.81, 1, 2], [107.1, 40.8, 1, 2]);
            var shp = new ShapefileBytes(h.type, shape)
            {
                LyingNumParts = h.parts, LyingNumPoints = h.points, LyingContentLengthWords = h.content, LyingFileLengthWords = h.length, TruncateShpTo = h.cut,
            };
            ReportOrBadInput(ZipBytes.Shapefile(shp), "generated.zip");
        }, iter: Iterations, threads: 1, print: h => h.ToString());
    }
}
