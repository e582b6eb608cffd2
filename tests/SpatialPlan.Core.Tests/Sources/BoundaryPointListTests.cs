using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;
using static SpatialPlan.Core.Tests.Sources.ReadHelper;

namespace SpatialPlan.Core.Tests.Sources;

/// <summary>Known areas from Oracles/boundary-points.sh (cs2cs + Planimeter): 100 m square 9998.7 m², 20 m hole 399.9 m².</summary>
public class BoundaryPointListTests
{
    private const double ShellM2 = 9998.7;
    private const double HoleM2 = 399.9;

    private const string Square =
        "J1,4528378.741,427688.472\nJ2,4528378.741,427788.472\nJ3,4528478.741,427788.472\nJ4,4528478.741,427688.472\n";

    private const string Hole = "H1,4528418,427728\nH2,4528418,427748\nH3,4528438,427748\nH4,4528438,427728\n";

    private static double AreaM2(Geometry lonLat) =>
        PlanarMeasure.AreaM2(CrsTransformer.Transform(lonLat, Epsg.Cgcs2000, Epsg.GaussKruger108));

    [Fact]
    public void ThreeColumnListIsReadAsNorthingEastingInGaussKruger()
    {
        var result = ReadText("点号,X,Y\n" + Square, "jzd.txt");
        Assert.Equal(Epsg.GaussKruger108, result.SourceEpsg);
        Assert.False(result.AxesSwapped);
        var polygon = Assert.IsType<Polygon>(Assert.Single(result.Features).Geometry);
        Assert.Equal(5, polygon.NumPoints); // closed by the reader
        Assert.Equal(107.142, polygon.Coordinates[0].X, 1e-7);
        Assert.Equal(40.887, polygon.Coordinates[0].Y, 1e-7);
        Assert.Equal(ShellM2, AreaM2(polygon), 0.1);
        Assert.Contains("界址点", result.CrsReasonZh);
    }

    [Fact]
    public void ZonePrefixedEastingsSelectEpsg4524()
    {
        var zoned = Square.Replace(",427", ",36427", StringComparison.Ordinal);
        var result = ReadText(zoned, "jzd.csv");
        Assert.Equal(Epsg.GaussKruger108Zoned, result.SourceEpsg);
        Assert.Equal(ShellM2, AreaM2(result.Features[0].Geometry), 0.1);
    }

    [Fact]
    public void CommentsFullWidthCommasAndWhitespaceAreAccepted()
    {
        var text = "# 某项目界址点（CGCS2000 3 度带）\nJ1，4528378.741，427688.472\nJ2 4528378.741 427788.472\nJ3\t4528478.741\t427788.472\n# 中间注释\nJ4,4528478.741,427688.472\nJ1,4528378.741,427688.472\n";
        var result = ReadText(text, "jzd.txt");
        Assert.Equal(ShellM2, AreaM2(result.Features[0].Geometry), 0.1);
    }

    [Fact]
    public void BlankLineStartsAHoleWhenTheRingLiesInsideTheShell()
    {
        var result = ReadText(Square + "\n" + Hole, "jzd.txt");
        var polygon = Assert.IsType<Polygon>(result.Features[0].Geometry);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(ShellM2 - HoleM2, AreaM2(polygon), 0.2);
    }

    [Fact]
    public void FourColumnFormStartsANewRingWhenTheRingNumberChanges()
    {
        var four = string.Join('\n', Square.Trim().Split('\n').Select(l => { var p = l.Split(','); return $"{p[0]},1,{p[1]},{p[2]}"; }));
        var holes = string.Join('\n', Hole.Trim().Split('\n').Select(l => { var p = l.Split(','); return $"{p[0]},2,{p[1]},{p[2]}"; }));
        var result = ReadText("点号,圈号,X,Y\n" + four + "\n" + holes, "jzd.txt");
        var polygon = Assert.IsType<Polygon>(result.Features[0].Geometry);
        Assert.Equal(1, polygon.NumInteriorRings);
    }

    [Fact]
    public void ARingOutsideTheFirstShellBecomesASecondPolygon()
    {
        var far = Square.Replace("4528", "4530", StringComparison.Ordinal);
        var result = ReadText(Square + "\n" + far, "jzd.txt");
        var multi = Assert.IsType<MultiPolygon>(result.Features[0].Geometry);
        Assert.Equal(2, multi.NumGeometries);
        Assert.Equal(2 * ShellM2, AreaM2(multi), 0.5);
    }

    [Fact]
    public void EastingFirstListIsDetectedAsSwappedAndFixed()
    {
        // Someone wrote GIS order (E, N) into a 界址点 list: the ranges show it.
        var eastFirst = string.Join('\n', Square.Trim().Split('\n').Select(l => { var p = l.Split(','); return $"{p[0]},{p[2]},{p[1]}"; }));
        var result = ReadText(eastFirst, "jzd.txt");
        Assert.True(result.AxesSwapped);
        Assert.Equal(ShellM2, AreaM2(result.Features[0].Geometry), 0.1);
        Assert.Contains(result.Repairs, r => r.Problem.Contains("坐标轴顺序", StringComparison.Ordinal));
    }

    [Fact]
    public void GbkEncodedListFromAChineseWindowsToolIsRead()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gbk = System.Text.Encoding.GetEncoding("GBK").GetBytes("# 杭锦后旗某项目\n点号,X坐标,Y坐标\n" + Square);
        var result = ReadBytes(gbk, "jzd.txt");
        Assert.Equal(ShellM2, AreaM2(result.Features[0].Geometry), 0.1);
    }
}
