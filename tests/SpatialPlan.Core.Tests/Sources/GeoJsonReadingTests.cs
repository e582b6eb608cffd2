using NetTopologySuite.Features;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;
using static SpatialPlan.Core.Tests.Sources.ReadHelper;

namespace SpatialPlan.Core.Tests.Sources;

public class GeoJsonReadingTests
{
    private static readonly (double, double)[] _lonLatSquare =
        [(107.10, 40.80), (107.11, 40.80), (107.11, 40.81), (107.10, 40.81), (107.10, 40.80)];

    [Fact]
    public void LonLatFeatureCollectionIsReadAsCgcs2000WithEditableAttributes()
    {
        var result = ReadText(Collection(Polygon(_lonLatSquare)), "site.geojson");
        Assert.Equal(Epsg.Cgcs2000, result.SourceEpsg);
        Assert.False(result.AxesSwapped);
        Assert.Empty(result.Repairs);
        Assert.Equal("site.geojson", result.FileName);
        var feature = Assert.Single(result.Features);
        Assert.Equal(Epsg.Cgcs2000, feature.Geometry.SRID);
        Assert.Equal("地块0", feature.Attributes["name"]);
        Assert.Equal(0m, feature.Attributes["n"]);
        feature.Attributes["name"] = "改名";
        Assert.Equal("改名", feature.Attributes["name"]);
        Assert.Contains("EPSG:4490", result.CrsReasonZh);
    }

    [Fact]
    public void GaussKrugerGeoJsonIsGuessedAndReprojectedToLonLat()
    {
        // 陕坝镇 in EPSG:4545 (Oracles/cs2cs.sh): 427688.4720, 4528378.7406.
        var (e, n) = (427688.4720, 4528378.7406);
        var result = ReadText(Collection(Polygon((e, n), (e + 100, n), (e + 100, n + 100), (e, n + 100), (e, n))));
        Assert.Equal(Epsg.GaussKruger108, result.SourceEpsg);
        var first = result.Features[0].Geometry.Coordinates[0];
        Assert.Equal(107.142, first.X, 1e-8);
        Assert.Equal(40.887, first.Y, 1e-8);
    }

    [Fact]
    public void BareGeometryAndSingleFeatureAreAccepted()
    {
        Assert.Single(ReadText(Polygon(_lonLatSquare)).Features);
        var feature = $"{{\"type\":\"Feature\",\"id\":\"F1\",\"properties\":null,\"geometry\":{Polygon(_lonLatSquare)}}}";
        Assert.Equal("F1", ReadText(feature).Features[0].Attributes["id"]);
    }

    [Fact]
    public void LegacyCrsMemberIsHonoured()
    {
        var (e, n) = (427688.4720, 4528378.7406);
        var json = Collection(Polygon((e, n), (e + 100, n), (e + 100, n + 100), (e, n + 100), (e, n)))
            .Replace("{\"type\":\"FeatureCollection\",", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4545\"}},", StringComparison.Ordinal);
        var result = ReadText(json);
        Assert.Equal(Epsg.GaussKruger108, result.SourceEpsg);
        Assert.Contains("crs 成员", result.CrsReasonZh);
    }

    [Fact]
    public void AreaOfAReadFootprintIsMeasuredInGaussKruger()
    {
        var result = ReadText(Collection(Polygon(_lonLatSquare)));
        var gk = CrsTransformer.Transform(result.Features[0].Geometry, Epsg.Cgcs2000, Epsg.GaussKruger108);
        Assert.InRange(AreaUnits.ToMu(PlanarMeasure.AreaM2(gk)), 1300, 1500);
    }
}
