using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Tests.Measurement;

/// <summary>Known areas from GeographicLib's Planimeter on the CGCS2000 ellipsoid: see Oracles/planimeter.sh.</summary>
public class PlanarMeasureTests
{
    private static readonly GeometryFactory _factory = new();

    // minE, minN, maxE, maxN (EPSG:4545) and Planimeter's area in m² — `Oracles/planimeter.sh`.
    public static TheoryData<double, double, double, double, double> Rectangles => new()
    {
        { 381000, 4520000, 382000, 4521000, 999654.6 },    // ~1 km² at the western edge (106.6°E)
        { 381000, 4510000, 391000, 4520000, 99968008.0 },  // ~100 km² at the western edge
        { 441000, 4540000, 442000, 4541000, 999915.8 },    // ~1 km² near 107.3°E
        { 438000, 4530000, 448000, 4540000, 99991985.7 },  // ~100 km² near 107.3°E
    };

    [Theory]
    [MemberData(nameof(Rectangles))]
    public void AreaAgreesWithGeodesicAreaWithinOneInTenThousand(double x0, double y0, double x1, double y1, double geodesic)
    {
        var area = PlanarMeasure.AreaM2(Rect(x0, y0, x1, y1));
        Assert.InRange(Math.Abs(area - geodesic) / geodesic, 0, 1e-4);
    }

    [Theory]
    [MemberData(nameof(Rectangles))]
    public void AreaAgreesWithGeodesicAreaWithinOneInAMillion(double x0, double y0, double x1, double y1, double geodesic)
    {
        // The exact integration of 1/k² is far better than the contract's 1e-4; Planimeter prints 0.1 m².
        var area = PlanarMeasure.AreaM2(Rect(x0, y0, x1, y1));
        Assert.InRange(Math.Abs(area - geodesic) / geodesic, 0, 1e-6);
    }

    [Fact]
    public void RawGridAreaAtTheWesternEdgeIsNotWithinOneInTenThousand()
    {
        // Shows why the correction exists: without it the test above would fail.
        var grid = Rect(381000, 4510000, 391000, 4520000).Area;
        Assert.True(Math.Abs(grid - 99968008.0) / 99968008.0 > 3e-4);
    }

    [Fact]
    public void HolesAreSubtracted()
    {
        var shell = Ring(381000, 4510000, 391000, 4520000);
        var hole = Ring(441000 - 55000, 4514000, 387000, 4516000);
        var withHole = _factory.CreatePolygon(shell, [hole]);
        var expected = PlanarMeasure.AreaM2(_factory.CreatePolygon(shell)) - PlanarMeasure.AreaM2(_factory.CreatePolygon(hole));
        Assert.Equal(expected, PlanarMeasure.AreaM2(withHole), 1e-3);
    }

    [Fact]
    public void LengthOfARectangleAgreesWithPlanimeterPerimeter()
    {
        // Planimeter's perimeter of the 10 km western rectangle: 39993.596985 m.
        Assert.Equal(39993.597, PlanarMeasure.LengthM(Rect(381000, 4510000, 391000, 4520000)), 0.01);
    }

    [Fact]
    public void DistanceIsCorrectedForScale()
    {
        var a = _factory.CreatePoint(new Coordinate(381000, 4520000));
        var b = _factory.CreatePoint(new Coordinate(382000, 4520000));
        var k = PlanarMeasure.ScaleFactorAt(new Coordinate(381500, 4520000));
        Assert.InRange(k, 1.00017, 1.00018);
        Assert.Equal(1000 / k, PlanarMeasure.DistanceM(a, b), 1e-4);
    }

    [Theory]
    [InlineData(380920.4801, 4513766.9606, 1.00017446)] // 106.59E 40.75N, western edge — `proj -V` in Oracles/cs2cs.sh
    [InlineData(427688.4720, 4528378.7406, 1.00006433)] // 陕坝镇
    [InlineData(448848.4378, 4565185.0503, 1.00003219)] // 107.39E 41.22N
    [InlineData(382387.3337, 4552623.4686, 1.00017018)] // 106.6E 41.1N
    public void ScaleFactorAgreesWithProj(double e, double n, double k) =>
        Assert.Equal(k, PlanarMeasure.ScaleFactorAt(new Coordinate(e, n)), 1e-8);

    [Fact]
    public void MuAndHectaresFollowTheChineseDefinitions()
    {
        Assert.Equal(15, AreaUnits.ToMu(10_000), 12);
        Assert.Equal(1, AreaUnits.ToHectares(10_000), 12);
        Assert.Equal(666.6666667, AreaUnits.MuToM2(1), 6);
    }

    [Fact]
    public void AreaOfALonLatPolygonTransformedToGaussKrugerIsPositive()
    {
        var lonLat = _factory.CreatePolygon([new(107.1, 40.8), new(107.11, 40.8), new(107.11, 40.81), new(107.1, 40.81), new(107.1, 40.8)]);
        var gk = CrsTransformer.Transform(lonLat, Epsg.Cgcs2000, Epsg.GaussKruger108);
        Assert.InRange(PlanarMeasure.AreaM2(gk), 0.9e6, 1.0e6);
    }

    private static Polygon Rect(double x0, double y0, double x1, double y1) => _factory.CreatePolygon(Ring(x0, y0, x1, y1));

    private static LinearRing Ring(double x0, double y0, double x1, double y1) =>
        _factory.CreateLinearRing([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);
}
