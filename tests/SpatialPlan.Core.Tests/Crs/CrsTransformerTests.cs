using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Core.Tests.Crs;

/// <summary>Known answers from PROJ's cs2cs: see Oracles/cs2cs.sh (exact commands and output).</summary>
public class CrsTransformerTests
{
    // lon, lat, EPSG:4545 easting, northing, EPSG:3857 x, y — `Oracles/cs2cs.sh`.
    public static TheoryData<double, double, double, double, double, double> Points => new()
    {
        { 107.142, 40.887, 427688.4720, 4528378.7406, 11926992.8826, 4995688.4501 }, // 陕坝镇
        { 106.59, 40.75, 380920.4801, 4513766.9606, 11865544.5237, 4975536.3611 },   // western edge
        { 107.39, 41.22, 448848.4378, 4565185.0503, 11954600.1163, 5044845.9706 },   // north-east
        { 107.0, 40.46, 415181.2206, 4481087.3405, 11911185.5149, 4933015.1278 },    // southern tail
        { 106.6, 41.1, 382387.3337, 4552623.4686, 11866657.7186, 5027102.8491 },     // north-west
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void LonLatToGaussKrugerAgreesWithCs2csWithinOneMillimetre(double lon, double lat, double e, double n, double mx, double my)
    {
        _ = (mx, my);
        var p = CrsTransformer.Transform(new Coordinate(lon, lat), Epsg.Cgcs2000, Epsg.GaussKruger108);
        Assert.Equal(e, p.X, 0.001);
        Assert.Equal(n, p.Y, 0.001);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void LonLatToZonePrefixedGaussKrugerAddsTheZoneNumber(double lon, double lat, double e, double n, double mx, double my)
    {
        _ = (mx, my);
        var p = CrsTransformer.Transform(new Coordinate(lon, lat), Epsg.Wgs84, Epsg.GaussKruger108Zoned);
        Assert.Equal(36_000_000 + e, p.X, 0.001);
        Assert.Equal(n, p.Y, 0.001);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void LonLatToWebMercatorAgreesWithCs2csWithinOneMillimetre(double lon, double lat, double e, double n, double mx, double my)
    {
        _ = (e, n);
        var p = CrsTransformer.Transform(new Coordinate(lon, lat), Epsg.Cgcs2000, Epsg.WebMercator);
        Assert.Equal(mx, p.X, 0.001);
        Assert.Equal(my, p.Y, 0.001);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void GaussKrugerToLonLatRoundTripsWithinAMicrodegree(double lon, double lat, double e, double n, double mx, double my)
    {
        _ = (mx, my);
        var p = CrsTransformer.Transform(new Coordinate(e, n), Epsg.GaussKruger108, Epsg.Cgcs2000);
        Assert.Equal(lon, p.X, 1e-8);
        Assert.Equal(lat, p.Y, 1e-8);
        var back = CrsTransformer.Transform(CrsTransformer.Transform(new Coordinate(e, n), Epsg.GaussKruger108, Epsg.WebMercator), Epsg.WebMercator, Epsg.GaussKruger108);
        Assert.Equal(e, back.X, 0.001);
        Assert.Equal(n, back.Y, 0.001);
    }

    [Fact]
    public void GeometryTransformReturnsANewGeometryWithTheTargetSrid()
    {
        var polygon = new GeometryFactory().CreatePolygon([new(107.1, 40.8), new(107.2, 40.8), new(107.2, 40.9), new(107.1, 40.8)]);
        var gk = CrsTransformer.Transform(polygon, Epsg.Cgcs2000, Epsg.GaussKruger108);
        Assert.Equal(Epsg.GaussKruger108, gk.SRID);
        Assert.Equal(107.1, polygon.Coordinates[0].X);
        Assert.InRange(gk.Coordinates[0].X, 400_000, 450_000);
        var back = CrsTransformer.Transform(gk, Epsg.GaussKruger108, Epsg.Cgcs2000);
        Assert.True(back.EqualsExact(polygon, 1e-9));
    }

    [Fact]
    public void UnsupportedCodeIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CrsTransformer.Transform(new Coordinate(1, 1), 2000, Epsg.Cgcs2000));
}
