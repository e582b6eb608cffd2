using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Tests.Measurement;

/// <summary>
/// PlanarMeasure in any working CRS: 10 km × 10 km grid rectangles in zones CM 108°E, 111°E, 123°E and 114°E (at 23°N),
/// near the central meridian and 120 km off it, against GeographicLib's Planimeter — Oracles/zones.sh §3.
/// </summary>
public class ZonePlanarMeasureTests
{
    private static readonly GeometryFactory _factory = new();

    // cm, minE, minN, maxE, maxN, Planimeter perimeter (m) and area (m²).
    public static TheoryData<int, double, double, double, double, double, double> Rectangles => new()
    {
        { 108, 381000, 4510000, 391000, 4520000, 39993.596985, 99968008.0 },
        { 111, 381000, 4480000, 391000, 4490000, 39993.596584, 99968006.0 },
        { 111, 495000, 4520000, 505000, 4530000, 39999.991798, 99999979.5 },
        { 111, 600000, 4650000, 610000, 4660000, 39994.568318, 99972863.9 },
        { 123, 381000, 4540000, 391000, 4550000, 39993.597386, 99968010.0 },
        { 123, 610000, 4780000, 620000, 4790000, 39993.488007, 99967463.2 },
        { 114, 381000, 2540000, 391000, 2550000, 39993.573433, 99967890.3 },
        { 114, 620000, 2540000, 630000, 2550000, 39992.275256, 99961400.6 },
    };

    [Theory]
    [MemberData(nameof(Rectangles))]
    public void AreaInAnyZoneAgreesWithPlanimeterWithinOneInAMillion(int cm, double x0, double y0, double x1, double y1, double perimeter, double geodesic)
    {
        _ = (cm, perimeter);
        var area = PlanarMeasure.AreaM2(Rect(x0, y0, x1, y1));
        Assert.InRange(Math.Abs(area - geodesic) / geodesic, 0, 1e-6);
    }

    [Theory]
    [MemberData(nameof(Rectangles))]
    public void PerimeterInAnyZoneAgreesWithPlanimeterWithinACentimetre(int cm, double x0, double y0, double x1, double y1, double perimeter, double geodesic)
    {
        _ = (cm, geodesic);
        Assert.Equal(perimeter, PlanarMeasure.LengthM(Rect(x0, y0, x1, y1)), 0.01);
    }

    [Fact]
    public void RawGridAreaFarFromTheCentralMeridianInTheSouthIsNotWithinOneInTenThousand()
    {
        // The correction matters at 23°N as at 41°N: without it the oracle above could not be met.
        Assert.True(Math.Abs(Rect(620000, 2540000, 630000, 2550000).Area - 99961400.6) / 99961400.6 > 3.5e-4);
    }

    [Fact]
    public void TheSameGroundMeasuresTheSameFromANeighbouringZone()
    {
        // Zone 37's western-edge rectangle (about 109.6°E), densified every 50 m as the oracle did, projected into zone 36:
        // there it lies 135 km east of CM 108°E instead of 115 km west of CM 111°E. Both must give Planimeter's area.
        var zone37 = GaussKrugerZone.ForLongitude(111)!.Epsg;
        var ring = Densified(381000, 4480000, 391000, 4490000);
        var lonLat = CrsTransformer.Transform(_factory.CreatePolygon(ring), zone37, Epsg.Cgcs2000);
        var inZone36 = CrsTransformer.Transform(lonLat, Epsg.Cgcs2000, 4545);
        Assert.InRange(inZone36.EnvelopeInternal.MinX, 630_000, 640_000);
        Assert.InRange(Math.Abs(PlanarMeasure.AreaM2(inZone36) - 99968006.0) / 99968006.0, 0, 1e-6);
        Assert.InRange(Math.Abs(PlanarMeasure.AreaOfLonLatM2(lonLat) - 99968006.0) / 99968006.0, 0, 1e-6);
    }

    [Theory]
    [InlineData(625000, 2545000, 1.00019295)]   // CM 114°E, 23°N, 125 km east — Oracles/zones.sh §4 (proj -V)
    [InlineData(381323.2580, 4485990.4942, 1.00017330)]   // CM 111°E, 109.6°E 40.5°N
    [InlineData(617851.0108, 4785959.7607, 1.00017078)]   // CM 123°E, 124.45°E 43.2°N
    public void ScaleFactorInAnyZoneAgreesWithProj(double e, double n, double k) =>
        Assert.Equal(k, PlanarMeasure.ScaleFactorAt(new Coordinate(e, n)), 1e-8);

    private static Polygon Rect(double x0, double y0, double x1, double y1) =>
        _factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    private static Coordinate[] Densified(double x0, double y0, double x1, double y1)
    {
        var points = new List<Coordinate>();
        void Edge(double ax, double ay, double bx, double by)
        {
            var n = (int)Math.Round(Math.Max(Math.Abs(bx - ax), Math.Abs(by - ay)) / 50);
            for (var i = 0; i < n; i++)
            {
                points.Add(new Coordinate(ax + ((bx - ax) * i / n), ay + ((by - ay) * i / n)));
            }
        }

        Edge(x0, y0, x1, y0);
        Edge(x1, y0, x1, y1);
        Edge(x1, y1, x0, y1);
        Edge(x0, y1, x0, y0);
        points.Add(points[0].Copy());
        return [.. points];
    }
}
