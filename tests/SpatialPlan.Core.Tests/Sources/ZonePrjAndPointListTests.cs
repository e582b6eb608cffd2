using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Sources;
using static SpatialPlan.Core.Tests.Sources.ReadHelper;

namespace SpatialPlan.Core.Tests.Sources;

/// <summary>.prj files and 界址点 lists in any 3-degree zone of China, read against a data area in that zone.</summary>
public class ZonePrjAndPointListTests
{
    private const string GeogCs =
        "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    // 沈阳 (123.43E 41.80N) in zone 41 (CM 123E): Oracles/zones.sh §2.
    private const double ShenyangE = 535737.2040, ShenyangN = 4629511.9955;

    /// <summary>A data area around 沈阳, working CRS EPSG:4550 derived from its centre.</summary>
    internal static DataArea Shenyang { get; } = DataArea.FromBoundary("沈阳测试区", "Shenyang test area",
        new NetTopologySuite.Geometries.GeometryFactory().ToGeometry(new NetTopologySuite.Geometries.Envelope(123.0, 123.9, 41.5, 42.2)));

    [Theory]
    [InlineData("CGCS2000_3_Degree_GK_CM_111E", 111.0, 500000.0, 4546)]
    [InlineData("CGCS2000_3_Degree_GK_Zone_37", 111.0, 37500000.0, 4525)]
    [InlineData("CGCS2000_3_Degree_GK_CM_123E", 123.0, 500000.0, 4550)]
    [InlineData("CGCS2000_3_Degree_GK_Zone_41", 123.0, 41500000.0, 4529)]
    [InlineData("CGCS2000_3_Degree_GK_CM_75E", 75.0, 500000.0, 4534)]
    public void EsriGaussKrugerPrjOfAnyZoneMapsToItsCode(string name, double cm, double falseEasting, int expected)
    {
        var wkt = FormattableString.Invariant(
            $"PROJCS[\"{name}\",{GeogCs},PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",{falseEasting:0.0}],PARAMETER[\"False_Northing\",0.0],") +
            FormattableString.Invariant($"PARAMETER[\"Central_Meridian\",{cm:0.0}],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
        Assert.Equal(expected, PrjParser.ToEpsg(wkt, "x.prj"));
    }

    [Theory]
    [InlineData(105.0, 18500000.0, 1.0)]   // a 6-degree zone (CM 105E, zone 18)
    [InlineData(108.0, 500000.0, 0.9996)]  // UTM-like scale
    [InlineData(108.5, 500000.0, 1.0)]     // not a 3-degree meridian
    public void OtherTransverseMercatorPrjsAreRefused(double cm, double falseEasting, double scale)
    {
        var wkt = FormattableString.Invariant(
            $"PROJCS[\"x\",{GeogCs},PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",{falseEasting:0.0}],PARAMETER[\"False_Northing\",0.0],") +
            FormattableString.Invariant($"PARAMETER[\"Central_Meridian\",{cm:0.0}],PARAMETER[\"Scale_Factor\",{scale}],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
        var e = Assert.Throws<InputException>(() => PrjParser.ToEpsg(wkt, "x.prj"));
        Assert.Contains("EPSG:4513–4554", e.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void UnprefixedPointListIsReadInTheAreasWorkingZone()
    {
        var list = FormattableString.Invariant($"J1,{ShenyangN},{ShenyangE}\nJ2,{ShenyangN},{ShenyangE + 100}\nJ3,{ShenyangN + 100},{ShenyangE + 100}\n");
        var result = ReadText(list, "jzd.txt", new ReadOptions { Area = Shenyang });
        Assert.Equal(4550, result.SourceEpsg);
        Assert.Equal(123.43, result.Features[0].Geometry.Coordinates[0].X, 1e-7);
        Assert.Equal(41.80, result.Features[0].Geometry.Coordinates[0].Y, 1e-7);
    }

    [Fact]
    public void ZonePrefixedPointListNamesItsOwnZone()
    {
        var list = FormattableString.Invariant($"J1,{ShenyangN},41{ShenyangE}\nJ2,{ShenyangN},41{ShenyangE + 100}\nJ3,{ShenyangN + 100},41{ShenyangE + 100}\n");
        // Read with no data folder at all: the prefix says the zone.
        var result = ReadText(list, "jzd.txt", new ReadOptions());
        Assert.Equal(4529, result.SourceEpsg);
        Assert.Equal(123.43, result.Features[0].Geometry.Coordinates[0].X, 1e-7);
    }

    [Fact]
    public void UnprefixedPointListWithoutADataFolderAsksForTheZone()
    {
        var list = FormattableString.Invariant($"J1,{ShenyangN},{ShenyangE}\nJ2,{ShenyangN},{ShenyangE + 100}\nJ3,{ShenyangN + 100},{ShenyangE + 100}\n");
        var e = Refuse(list, "jzd.txt", new ReadOptions());
        Assert.Contains("不带带号", e.Problem, StringComparison.Ordinal);
        Assert.Contains("--crs", e.Fix, StringComparison.Ordinal);

        // Declared, it is read in the zone it names.
        var declared = ReadText(list, "jzd.txt", new ReadOptions(4550));
        Assert.Equal(123.43, declared.Features[0].Geometry.Coordinates[0].X, 1e-7);
    }

    [Fact]
    public void PointsInTwoZonesAreRefused()
    {
        var list = FormattableString.Invariant($"J1,{ShenyangN},41{ShenyangE}\nJ2,{ShenyangN},40{ShenyangE + 100}\nJ3,{ShenyangN + 100},41{ShenyangE + 100}\n");
        var e = Refuse(list, "jzd.txt", new ReadOptions());
        Assert.Contains("带号不一致", e.Problem, StringComparison.Ordinal);
    }
}
