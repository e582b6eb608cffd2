using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Measurement;
using SpatialPlan.Core.Sources;
using static SpatialPlan.Core.Tests.Checks.CheckFixtures;

namespace SpatialPlan.Core.Tests.Checks;

public class FootprintTests
{
    private const string Line = "LINESTRING(430000 4527000, 431000 4527000)";

    [Fact]
    public void LineWithWidthBecomesAFlatCappedCorridorOfThatTrueWidth()
    {
        var fp = Footprint(Line, new CheckOptions(WidthM: 20));
        var trueLength = PlanarMeasure.LengthM(Wkt(Line));
        Assert.Equal(FootprintKind.Line, fp.Kind);
        Assert.Equal(trueLength * 20, fp.AreaM2, trueLength * 20 * 1e-6);
        // Flat caps: nothing beyond the line's ends.
        Assert.Equal(430000, fp.Gk.EnvelopeInternal.MinX, 1e-6);
        Assert.Equal(431000, fp.Gk.EnvelopeInternal.MaxX, 1e-6);
    }

    [Fact]
    public void PointWithRadiusBecomesADiscOfThatArea()
    {
        var fp = Footprint("POINT(430000 4527000)", new CheckOptions(RadiusM: 100));
        Assert.Equal(FootprintKind.Point, fp.Kind);
        Assert.Equal(Math.PI * 100 * 100, fp.AreaM2, Math.PI * 100 * 100 * 1e-3);
    }

    [Fact]
    public void LineWithoutWidthIsRefusedWithTheOptionToUse()
    {
        var e = Assert.Throws<InputException>(() => Footprint(Line));
        Assert.Contains("--width", e.Message);
        Assert.Contains("宽度", e.Message);
    }

    [Fact]
    public void PointWithoutRadiusIsRefusedWithTheOptionToUse()
    {
        var e = Assert.Throws<InputException>(() => Footprint("POINT(430000 4527000)"));
        Assert.Contains("--radius", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(50000)]
    public void AbsurdWidthIsRefused(double width)
    {
        var e = Assert.Throws<InputException>(() => Footprint(Line, new CheckOptions(WidthM: width)));
        Assert.Contains("不合理", e.Message);
    }

    [Fact]
    public void MixedGeometryTypesAreRefused()
    {
        var e = Assert.Throws<InputException>(() =>
            Core.Checks.Footprint.FromGk([Wkt(Line), Wkt(Box(430000, 4527000, 430100, 4527100))], Crs.TestAreas.Gk108, new CheckOptions(WidthM: 10)));
        Assert.Contains("混合", e.Message);
    }

    [Fact]
    public void SeveralPolygonsAreUnitedIntoOneFootprint()
    {
        var fp = Core.Checks.Footprint.FromGk(
            [Wkt(Box(430000, 4527000, 430100, 4527100)), Wkt(Box(430050, 4527000, 430150, 4527100))], Crs.TestAreas.Gk108, new CheckOptions());
        Assert.Equal(15000, fp.Gk.Area, 1e-6);
    }

    [Fact]
    public void FootprintKeepsAGeographicCopyInCgcs2000()
    {
        var fp = Footprint(Box(430000, 4527000, 430100, 4527100));
        var c = fp.Geographic.Centroid;
        Assert.InRange(c.X, 107.15, 107.19); // about 107.17 E (cs2cs: 430000,4527000 -> 107.1696 E, 40.8748 N)
        Assert.InRange(c.Y, 40.86, 40.89);
    }
}
