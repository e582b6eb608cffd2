using System.IO.Compression;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Tests.TestData;

namespace SpatialPlan.Core.Tests.Sources;

/// <summary>Zips made with ogr2ogr (TestData/README.md); areas from Oracles/boundary-points.sh (Planimeter).</summary>
public class ShapefileZipTests
{
    private const double RectangleM2 = 187185.9;
    private const double BowTieLobeM2 = 46800.0;

    private static double AreaM2(Geometry lonLat) =>
        PlanarMeasure.AreaM2(CrsTransformer.Transform(lonLat, Epsg.Cgcs2000, Epsg.GaussKruger108));

    [Fact]
    public void EsriPrjForGaussKrugerCm108IsRecognisedAndReprojected()
    {
        var result = FeatureFileReader.Read(TestFiles.Path("site-4545.zip"), ReadOptions.Default);
        Assert.Equal(Epsg.GaussKruger108, result.SourceEpsg);
        Assert.Contains(".prj", result.CrsReasonZh);
        Assert.Equal(2, result.Features.Count);
        Assert.Equal("陕坝镇示范地块", result.Features[0].Attributes["name"]);
        Assert.Equal(RectangleM2, AreaM2(result.Features[0].Geometry), RectangleM2 * 1e-5);
        Assert.Equal(107.140, result.Features[0].Geometry.EnvelopeInternal.MinX, 1e-8);
    }

    [Fact]
    public void BowTieInAShapefileIsRepairedKeepingBothLobesAndReported()
    {
        var result = FeatureFileReader.Read(TestFiles.Path("site-4545.zip"), ReadOptions.Default);
        var repaired = result.Features[1].Geometry;
        Assert.True(repaired.IsValid);
        Assert.Equal(2 * BowTieLobeM2, AreaM2(repaired), 2 * BowTieLobeM2 * 1e-4);
        var repair = Assert.Single(result.Repairs);
        Assert.Equal(1, repair.FeatureIndex);
    }

    [Fact]
    public void MissingPrjFallsBackToAGuessAndSaysSo()
    {
        var result = FeatureFileReader.Read(TestFiles.Path("site-noprj.zip"), ReadOptions.Default);
        Assert.Equal(Epsg.Cgcs2000, result.SourceEpsg);
        Assert.Contains("没有 .prj", result.CrsReasonZh);
        Assert.Equal(RectangleM2, AreaM2(result.Features[0].Geometry), RectangleM2 * 1e-5);
    }

    [Fact]
    public void AZipThatExpandsBeyondTheLimitIsRefusedBeforeItFillsMemory()
    {
        // 1 MB of zeros compresses to about 1 KB: the upload limit alone (compressed bytes) would let it through.
        var zip = Zip(("bomb.shp", new byte[1024 * 1024]), ("bomb.dbf", new byte[64]));
        using var stream = new MemoryStream(zip);

        var ex = Assert.Throws<InputException>(() =>
            FeatureFileReader.Read(stream, "bomb.zip", ReadOptions.Default with { MaxBytes = 100 * 1024 }));

        Assert.Contains("解压后超过", ex.Message, StringComparison.Ordinal);
        Assert.True(zip.Length < 100 * 1024);
    }

    [Fact]
    public void AnUnknownCodePageInTheCpgStillReadsTheShapefile()
    {
        using var source = ZipFile.OpenRead(TestFiles.Path("site-4545.zip"));
        var entries = source.Entries.Select(e => (e.FullName, Bytes(e))).ToList();
        var stem = entries.First(e => e.FullName.EndsWith(".shp", StringComparison.OrdinalIgnoreCase)).FullName[..^4];
        entries.RemoveAll(e => e.FullName.EndsWith(".cpg", StringComparison.OrdinalIgnoreCase));
        entries.Add((stem + ".cpg", System.Text.Encoding.ASCII.GetBytes("12345")));
        using var stream = new MemoryStream(Zip([.. entries]));

        var result = FeatureFileReader.Read(stream, "odd-cpg.zip", ReadOptions.Default);

        Assert.Equal(2, result.Features.Count);
    }

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var s = entry.Open();
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                s.Write(content);
            }
        }

        return ms.ToArray();
    }

    [Theory]
    [InlineData("PROJCS[\"CGCS2000_3_Degree_GK_Zone_36\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",36500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",108.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]", Epsg.GaussKruger108Zoned)]
    [InlineData("GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]", Epsg.Cgcs2000)]
    [InlineData("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]", Epsg.Wgs84)]
    [InlineData("PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER[\"False_Easting\",0.0],UNIT[\"Meter\",1.0]]", Epsg.WebMercator)]
    public void EsriPrjFlavoursMapToEpsgCodes(string wkt, int expected) =>
        Assert.Equal(expected, PrjParser.ToEpsg(wkt, "x.prj"));
}
