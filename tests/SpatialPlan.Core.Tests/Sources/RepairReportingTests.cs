using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;
using static SpatialPlan.Core.Tests.Sources.ReadHelper;

namespace SpatialPlan.Core.Tests.Sources;

public class RepairReportingTests
{
    // Lobe areas from Oracles/boundary-points.sh (Planimeter): 46800.0 m² each.
    private static readonly (double, double)[] _bowTie =
        [(107.150, 40.880), (107.155, 40.884), (107.155, 40.880), (107.150, 40.884), (107.150, 40.880)];

    [Fact]
    public void BowTieIsFixedWithGeometryFixerKeepingBothLobes()
    {
        var result = ReadText(Collection(Polygon(_bowTie)));
        var geometry = result.Features[0].Geometry;
        Assert.True(geometry.IsValid);
        Assert.Equal(2, geometry.NumGeometries);
        var area = PlanarMeasure.AreaM2(CrsTransformer.Transform(geometry, Epsg.Cgcs2000, Epsg.GaussKruger108));
        Assert.Equal(93600.0, area, 93600.0 * 1e-4);
    }

    [Fact]
    public void BowTieRepairIsReportedWithErrorLocationAndAreaChange()
    {
        var repair = Assert.Single(ReadText(Collection(Polygon(_bowTie))).Repairs);
        Assert.Equal(0, repair.FeatureIndex);
        Assert.Contains("自相交", repair.Problem);
        Assert.Contains("107.1525", repair.Problem); // where the edges cross
        Assert.Contains("GeometryFixer", repair.Action);
        Assert.NotNull(repair.AreaChangeM2);
        Assert.Equal(93600.0, repair.AreaChangeM2!.Value, 10.0);
    }

    [Fact]
    public void ValidInputReportsNoRepairs() =>
        Assert.Empty(ReadText(Collection(Polygon((107.1, 40.8), (107.2, 40.8), (107.2, 40.9), (107.1, 40.8)))).Repairs);

    [Fact]
    public void SwappedAxesAreListedAsARepairPerFeature()
    {
        var result = ReadText(Collection(Polygon((40.8, 107.1), (40.8, 107.2), (40.9, 107.2), (40.8, 107.1)), Polygon((40.85, 107.1), (40.85, 107.2), (40.9, 107.2), (40.85, 107.1))));
        Assert.True(result.AxesSwapped);
        Assert.Equal(2, result.Repairs.Count);
        Assert.All(result.Repairs, r => Assert.Contains("坐标轴顺序颠倒", r.Problem));
        Assert.Equal(107.1, result.Features[0].Geometry.Coordinates[0].X, 1e-12);
    }

    [Fact]
    public void RepairAndSwapAreBothReportedForTheSameFeature()
    {
        var swappedBowTie = _bowTie.Select(p => (p.Item2, p.Item1)).ToArray();
        var result = ReadText(Collection(Polygon(swappedBowTie)));
        Assert.Equal(2, result.Repairs.Count);
        Assert.True(result.Features[0].Geometry.IsValid);
    }
}
