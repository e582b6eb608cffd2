using System.Diagnostics;
using System.Globalization;
using System.Text;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;
using static SpatialPlan.Core.Tests.Sources.ReadHelper;

namespace SpatialPlan.Core.Tests.Hostile;

/// <summary>Issue 12: a footprint must make sense for the data area (the banner), have an area, and a sane width or radius.</summary>
public class HostileFootprintTests
{
    private static string Feature(string geometry, string properties = "{}") =>
        $"{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"properties\":{properties},\"geometry\":{geometry}}}]}}";

    private static string Box(double x0, double y0, double x1, double y1) => FormattableString.Invariant(
        $"{{\"type\":\"Polygon\",\"coordinates\":[[[{x0},{y0}],[{x1},{y0}],[{x1},{y1}],[{x0},{y1}],[{x0},{y0}]]]}}");

    private static InputException RefuseCheck(string text, string file, ProjectSettings? settings = null)
    {
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<InputException>(() => HostileChecks.Run(ReadText(text, file), settings));
        Assert.True(clock.ElapsedMilliseconds < HangGuard.Milliseconds, $"took {clock.ElapsedMilliseconds} ms");
        Assert.Contains("处理办法", ex.Message, StringComparison.Ordinal);
        return ex;
    }

    [Fact]
    public void AFootprintReachingFarBeyondTheBannerIsRefusedSayingHowFar()
    {
        // The banner's box ends at 107.39°E; 108.2°E is about 68 km further east at 41°N.
        var ex = RefuseCheck(Feature(Box(107.0, 40.8, 108.2, 40.9)), "far.geojson");

        Assert.Contains("km", ex.Message, StringComparison.Ordinal);
        Assert.Matches(@"(6[5-9]|7[0-1]) km", ex.Message);
    }

    [Fact]
    public void AFootprintJustOverTheBorderIsStillChecked()
    {
        // 10 km east of the banner's box: a road or canal project may cross into the neighbour.
        var report = HostileChecks.Run(ReadText(Feature(Box(107.35, 40.8, 107.5, 40.82)), "border.geojson"));

        Assert.True(report.Footprint.AreaM2 > 0);
    }

    [Theory]
    [InlineData(73.5, 18.2, 134.8, 53.5)]
    [InlineData(0, 0, 180, 90)]
    [InlineData(-180, -90, 180, 90)]
    public void FootprintsCoveringChinaOrAHemisphereAreRefused(double x0, double y0, double x1, double y1) =>
        Assert.Contains("km", RefuseCheck(Feature(Box(x0, y0, x1, y1)), "huge.geojson").Message, StringComparison.Ordinal);

    [Fact]
    public void APoleToPoleLineIsRefused() =>
        RefuseCheck(Feature("{\"type\":\"LineString\",\"coordinates\":[[107.1,-90],[107.1,90]]}"), "pole.geojson", HostileChecks.Urban(widthM: 30));

    [Fact]
    public void APolygonAcrossTheAntimeridianIsRefused()
    {
        var ex = RefuseCheck(Feature("{\"type\":\"Polygon\",\"coordinates\":[[[179.9,40.8],[-179.9,40.8],[-179.9,40.9],[179.9,40.9],[179.9,40.8]]]}"), "dateline.geojson");

        Assert.Contains("180", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThreeCollinearBoundaryPointsAreRefusedNotCleared()
    {
        var ex = RefuseCheck("J1,4511488.384,36415402.449\nJ2,4511588.384,36415502.449\nJ3,4511688.384,36415602.449\n", "collinear.txt");

        Assert.Contains("面积", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[[[107.1,40.8],[107.1,40.8],[107.1,40.8],[107.1,40.8]]]")]
    [InlineData("[[[107.1,40.8],[107.11,40.8],[107.1,40.8],[107.11,40.8],[107.1,40.8]]]")]
    [InlineData("[[[107.1,40.8],[107.11,40.81],[107.12,40.82],[107.1,40.8]]]")]
    public void ZeroAreaPolygonsAreRefused(string coordinates) =>
        RefuseCheck(Feature($"{{\"type\":\"Polygon\",\"coordinates\":{coordinates}}}"), "zero.geojson");

    [Theory]
    [InlineData(0.01)]
    [InlineData(1e-300)]
    [InlineData(5000)]
    public void AWidthOutsideTheSaneRangeIsRefusedWithTheRange(double width)
    {
        var ex = RefuseCheck(Feature("{\"type\":\"LineString\",\"coordinates\":[[107.10,40.89],[107.13,40.89]]}"), "w.geojson", HostileChecks.Urban(widthM: width));

        Assert.Contains("0.5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2000", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1e-300)]
    [InlineData(20000)]
    public void ARadiusOutsideTheSaneRangeIsRefusedWithTheRange(double radius)
    {
        var ex = RefuseCheck(Feature("{\"type\":\"Point\",\"coordinates\":[107.10,40.89]}"), "r.geojson", HostileChecks.Urban(radiusM: radius));

        Assert.Contains("0.5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("5000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyPointsWithARadiusAreRefusedBeforeTheBuffering()
    {
        var points = string.Join(",", Enumerable.Range(0, 20_000).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"[{107.0 + (i % 200 * 0.001)},{40.8 + (i / 200 * 0.001)}]")));

        var ex = RefuseCheck(Feature($"{{\"type\":\"MultiPoint\",\"coordinates\":[{points}]}}"), "points.geojson", HostileChecks.Urban(radiusM: 60));

        Assert.Contains("20000", ex.Message.Replace(",", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void AHundredThousandSmallFeaturesAreRefusedEarly()
    {
        var sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (var i = 0; i < 100_000; i++)
        {
            var x = 107.0 + (i % 300 * 0.001);
            var y = 40.7 + (i / 300 * 0.001);
            sb.Append(i == 0 ? string.Empty : ",").Append("{\"type\":\"Feature\",\"properties\":{\"id\":").Append(i).Append("},\"geometry\":").Append(Box(x, y, x + 0.0005, y + 0.0005)).Append('}');
        }

        var ex = RefuseCheck(sb.Append("]}").ToString(), "many.geojson");

        Assert.Contains("100000", ex.Message.Replace(",", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void APolygonWithMoreVerticesThanTheBudgetIsRefused()
    {
        const int n = 60_000;
        var ring = string.Join(",", Enumerable.Range(0, n).Select(i =>
        {
            var a = 2 * Math.PI * i / n;
            return string.Create(CultureInfo.InvariantCulture, $"[{107.1 + (0.01 * Math.Cos(a)):0.#########},{40.8 + (0.01 * Math.Sin(a)):0.#########}]");
        }));

        var ex = RefuseCheck(Feature($"{{\"type\":\"Polygon\",\"coordinates\":[[{ring},[107.11,40.8]]]}}"), "dense.geojson");

        Assert.Contains("顶点", ex.Message, StringComparison.Ordinal);
    }
}
