using System.Diagnostics;
using System.Text;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Sources;
using SpatialPlan.Hostile;
using static SpatialPlan.Core.Tests.Sources.ReadHelper;

namespace SpatialPlan.Core.Tests.Hostile;

/// <summary>Issue 12, zipped Shapefiles: lying headers, stale buffers, NaN, corrupt deflate, bombs in any entry, Z/M.</summary>
public class HostileShapefileTests
{
    private static double[] V(double x, double y) => [x, y];

    private static RawShape Square(double x, double y, double size = 0.01) =>
        RawShape.Ring(V(x, y), V(x, y + size), V(x + size, y + size), V(x + size, y), V(x, y));

    private static byte[] Zip(ShapefileBytes shp, string? prj = ZipBytes.Cgcs2000Prj) => ZipBytes.Shapefile(shp, prj);

    private static InputException Refuse(byte[] zip, string name = "site.zip")
    {
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<InputException>(() => ReadBytes(zip, name));
        Assert.True(clock.ElapsedMilliseconds < HangGuard.Milliseconds, $"took {clock.ElapsedMilliseconds} ms");
        Assert.Contains("处理办法", ex.Message, StringComparison.Ordinal);
        return ex;
    }

    [Fact]
    public void ATruncatedRecordIsRefusedAndNeverFilledFromAnEarlierRead()
    {
        // First a good read whose vertices could linger in a reused buffer …
        var first = new ShapefileBytes(ShapefileBytes.Polygon, Square(107.123456, 40.654321));
        Assert.Single(ReadBytes(Zip(first), "first.zip").Features);

        // … then the same shape cut in the middle of its vertices, the header still claiming the whole file.
        var cut = new ShapefileBytes(ShapefileBytes.Polygon, Square(107.2, 40.9)) { TruncateShpTo = 100 + 8 + 44 + 4 + 40 };

        var ex = Refuse(Zip(cut));

        Assert.Contains(".shp", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(int.MaxValue, null)]
    [InlineData(1_000_000, null)]
    [InlineData(null, int.MaxValue)]
    [InlineData(null, 50_000_000)]
    [InlineData(6, 4)]
    public void CountsInARecordThatTheFileCannotHoldAreRefusedBeforeAllocating(int? parts, int? points)
    {
        var lying = new ShapefileBytes(ShapefileBytes.Polygon, Square(107.1, 40.8)) { LyingNumParts = parts, LyingNumPoints = points };

        var ex = Refuse(Zip(lying));

        Assert.Contains("第 1 条记录", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(3)]
    public void ARecordLengthBeyondTheFileIsRefused(int words)
    {
        var lying = new ShapefileBytes(ShapefileBytes.Polygon, Square(107.1, 40.8)) { LyingContentLengthWords = words };

        Refuse(Zip(lying));
    }

    [Fact]
    public void AFileLengthHeaderLongerThanTheFileIsRefused()
    {
        var lying = new ShapefileBytes(ShapefileBytes.Polygon, Square(107.1, 40.8)) { LyingFileLengthWords = int.MaxValue };

        Refuse(Zip(lying));
    }

    [Fact]
    public void ADbfThatClaimsMoreRecordsThanItHoldsIsRefused()
    {
        var lying = new ShapefileBytes(ShapefileBytes.Polygon, Square(107.1, 40.8)) { LyingDbfRecordCount = int.MaxValue };

        Assert.Contains(".dbf", Refuse(Zip(lying)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteCoordinatesInAShpAreRefusedNamingFeatureAndVertex(double bad)
    {
        var shp = new ShapefileBytes(ShapefileBytes.Polygon, Square(107.1, 40.8),
            RawShape.Ring(V(107.2, 40.8), V(107.2, bad), V(107.21, 40.81), V(107.2, 40.8)));

        var ex = Refuse(Zip(shp));

        Assert.Contains("features[1]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("第 2 个顶点", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("site.prj")]
    [InlineData("site.cpg")]
    [InlineData("site.shp")]
    [InlineData("site.dbf")]
    public void ACorruptDeflateStreamInAnyEntryIsBadInput(string entry)
    {
        var zip = ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon, Square(107.1, 40.8)));

        var ex = Refuse(ZipBytes.CorruptEntry(zip, entry));

        Assert.Contains(entry, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("site.prj", (byte)' ')]
    [InlineData("site.cpg", (byte)'9')]
    public void ASidecarThatExpandsBeyondItsBudgetIsRefused(string sidecar, byte fill)
    {
        var shp = new ShapefileBytes(ShapefileBytes.Polygon, Square(107.1, 40.8));
        var zip = ZipBytes.WithBomb(sidecar, 16L << 20, fill, ("site.shp", shp.Shp()), ("site.shx", shp.Shx()), ("site.dbf", shp.Dbf()));

        var ex = Refuse(zip);

        Assert.Contains(sidecar, ex.Message, StringComparison.Ordinal);
        Assert.Contains("解压后超过", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ShapefileBytes.PolygonZ, "Z")]
    [InlineData(ShapefileBytes.PolygonM, "M")]
    public void PolygonZAndMAreReadAsTwoDimensionalAndTheDropIsReported(int type, string dropped)
    {
        var ring = RawShape.Ring([107.1, 40.8, 1050, 1], [107.1, 40.81, 1051, 2], [107.11, 40.81, 1052, 3], [107.1, 40.8, 1050, 1]);

        var load = ReadBytes(Zip(new ShapefileBytes(type, ring)), "z.zip");

        Assert.Equal(2, ((Polygon)load.Features[0].Geometry.GetGeometryN(0)).ExteriorRing.CoordinateSequence.Dimension);
        Assert.Contains(load.Repairs, r => r.Problem.Contains(dropped, StringComparison.Ordinal));
    }

    [Fact]
    public void AZipWithTensOfThousandsOfEntriesIsRefusedFromItsDirectoryCount()
    {
        var ex = Refuse(ZipBytes.ManyEntries(50_000), "many.zip");

        Assert.Contains("50000", ex.Message.Replace(",", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void TheNameFieldStillReadsAfterTheChecks()
    {
        var load = ReadBytes(Zip(new ShapefileBytes(ShapefileBytes.Polygon, Square(107.1, 40.8)) { Name = _ => "陕坝镇地块" }), "n.zip");

        Assert.Equal("陕坝镇地块", load.Features[0].Attributes["name"]);
    }
}
