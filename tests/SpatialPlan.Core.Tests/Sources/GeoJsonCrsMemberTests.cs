using System.Text.Json;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Tests.Sources;

public class GeoJsonCrsMemberTests
{
    [Theory]
    [InlineData("urn:ogc:def:crs:EPSG::4545", Epsg.GaussKruger108)]
    [InlineData("urn:ogc:def:crs:EPSG:6.3:4490", Epsg.Cgcs2000)]
    [InlineData("EPSG:4524", Epsg.GaussKruger108Zoned)]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84", Epsg.Wgs84)]
    public void LegacyCrsNamesMapToEpsgCodes(string name, int expected)
    {
        using var doc = JsonDocument.Parse($"{{\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"{name}\"}}}}}}");
        Assert.Equal(expected, GeoJsonCrsMember.Read(doc.RootElement, "f.geojson").Epsg);
    }

    [Fact]
    public void UnrecognisedCrsNameIsRefused()
    {
        using var doc = JsonDocument.Parse("{\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"Xian 1980\"}}}");
        var ex = Assert.Throws<InputException>(() => GeoJsonCrsMember.Read(doc.RootElement, "f.geojson"));
        Assert.Contains("“Xian 1980”无法识别为 EPSG 代码", ex.Message);
    }

    [Fact]
    public void NoCrsMemberMeansNoDeclaration()
    {
        using var doc = JsonDocument.Parse("{\"type\":\"FeatureCollection\"}");
        Assert.Null(GeoJsonCrsMember.Read(doc.RootElement, "f.geojson").Epsg);
    }
}
