using SpatialPlan.Core.Import;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Tests.Import;

/// <summary>
/// The .prj files GDAL writes (Esri WKT, as ArcGIS does) for every CGCS2000 3° zone, with and without the zone prefix,
/// and for the geographic CRSs, are recognised as their EPSG codes; 西安 80 and 北京 54 are refused, not mistaken for
/// CGCS2000.
/// </summary>
public sealed class PrjRecognizerTests : IDisposable
{
    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData(4513)]
    [InlineData(4523)]
    [InlineData(4524)]
    [InlineData(4533)]
    [InlineData(4534)]
    [InlineData(4544)]
    [InlineData(4545)]
    [InlineData(4554)]
    [InlineData(4490)]
    [InlineData(4326)]
    public void TheEsriPrjGdalWritesIsRecognised(int epsg) => Assert.Equal(epsg, PrjRecognizer.ToEpsg(Prj(epsg), "t.prj"));

    [Fact]
    public void ASixDegreeZoneWithoutPrefixIsTheSameProjectionAsTheThreeDegreeZoneOfItsMeridian()
    {
        // EPSG:4512 (6° zone 23, CM 135°E, FE 500 000) and EPSG:4554 (3°, CM 135°E, FE 500 000) are one projection.
        Assert.Equal(4554, PrjRecognizer.ToEpsg(Prj(4512), "t.prj"));
    }

    [Theory]
    [InlineData(4500)] // 6° zone 22 with the prefix: 22 500 000 is not a 3° false easting
    [InlineData(3857)]
    public void OtherProjectionsAreRefusedWithTheCodesThatWork(int epsg)
    {
        var e = Assert.Throws<InputException>(() => PrjRecognizer.ToEpsg(Prj(epsg), "t.prj"));
        Assert.Contains("不受支持", e.Message, StringComparison.Ordinal);
        Assert.Contains("EPSG:4513–4533", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2379, "西安 1980")] // Xian 1980 / 3-degree Gauss-Kruger CM 102E
    [InlineData(2429, "北京 1954")] // Beijing 1954 / 3-degree Gauss-Kruger CM 96E
    public void OldDatumsAreRefusedAndTheSevenParameterTransformationIsNamed(int epsg, string datum)
    {
        var e = Assert.Throws<InputException>(() => PrjRecognizer.ToEpsg(Prj(epsg), "t.prj"));
        Assert.Contains(datum, e.Message, StringComparison.Ordinal);
        Assert.Contains("七参数", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OgcWkt1WithAuthorityIsReadByItsParameters()
    {
        const string wkt = """
            PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 36",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",
            SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],
            PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",108],PARAMETER["scale_factor",1],
            PARAMETER["false_easting",36500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AUTHORITY["EPSG","4524"]]
            """;
        Assert.Equal(4524, PrjRecognizer.ToEpsg(wkt, "t.prj"));
    }

    [Fact]
    public void AProjectionInFeetIsRefused()
    {
        var wkt = Prj(4545).Replace("UNIT[\"Meter\",1.0]", "UNIT[\"Foot_US\",0.3048006096012192]", StringComparison.Ordinal);
        Assert.Throws<InputException>(() => PrjRecognizer.ToEpsg(wkt, "t.prj"));
    }

    private string Prj(int epsg)
    {
        var geojson = _f.Write($"p{epsg}.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[107.1,40.8]}}]}""");
        var shp = _f.In($"p{epsg}.shp");
        ImportFixture.Ogr2Ogr("-f", "ESRI Shapefile", "-s_srs", "EPSG:4490", "-t_srs", $"EPSG:{epsg}", shp, geojson);
        return File.ReadAllText(_f.In($"p{epsg}.prj"));
    }
}
