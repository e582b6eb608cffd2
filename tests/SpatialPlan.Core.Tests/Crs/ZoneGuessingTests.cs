using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Tests.Sources;

namespace SpatialPlan.Core.Tests.Crs;

/// <summary>Guessing and confirming a CRS against a data area in another zone (沈阳, CM 123°E) and across zone edges.</summary>
public class ZoneGuessingTests
{
    private static DataArea Shenyang => ZonePrjAndPointListTests.Shenyang;

    private static Envelope Env(double x0, double y0, double x1, double y1) => new(x0, x1, y0, y1);

    [Fact]
    public void TheAreasWorkingCrsIsTheZoneOfItsCentre()
    {
        Assert.Equal(4550, Shenyang.WorkingCrs!.Epsg);
        Assert.Contains("123.45°E", Shenyang.WorkingCrsReasonZh, StringComparison.Ordinal);
    }

    [Fact]
    public void UnprefixedMetresAreGuessedInTheWorkingZone()
    {
        var guess = CrsGuesser.Guess(Env(535737, 4629511, 535837, 4629611), "a.geojson", Shenyang);
        Assert.Equal(4550, guess.Epsg);
        Assert.False(guess.AxesSwapped);
        Assert.Contains("沈阳测试区的工作坐标系", guess.ReasonZh, StringComparison.Ordinal);
    }

    [Fact]
    public void SwappedZonePrefixedMetresAreGuessedInTheirZone()
    {
        var guess = CrsGuesser.Guess(Env(4629511, 41535737, 4629611, 41535837), "a.geojson", Shenyang);
        Assert.Equal(4529, guess.Epsg);
        Assert.True(guess.AxesSwapped);
    }

    [Fact]
    public void ANeighbouringZonesPrefixedDataNearTheAreaIsAccepted()
    {
        // 108.6°E 40.9°N written in zone 37 (CM 111E): easting 37 29x xxx. 杭锦后旗's working zone is 36, but the prefix
        // names the zone, and the point lies within reach of the banner.
        var p = CrsTransformer.Transform(new Coordinate(108.6, 40.9), Epsg.Cgcs2000, GaussKrugerZone.Of(37).ZonedEpsg);
        var guess = CrsGuesser.Guess(Env(p.X, p.Y, p.X + 100, p.Y + 100), "a.geojson", TestAreas.Banner);
        Assert.Equal(4525, guess.Epsg);
    }

    [Fact]
    public void ADeclaredNeighbouringZoneIsAcceptedWhenItLandsNearTheArea()
    {
        // Data of the area's western edge (122.9°E) kept in zone 40 (CM 120E, EPSG:4549).
        var p = CrsTransformer.Transform(new Coordinate(122.9, 41.6), Epsg.Cgcs2000, 4549);
        var guess = CrsGuesser.Confirm(Env(p.X, p.Y, p.X + 100, p.Y + 100), 4549, "测试", "a.geojson", Shenyang);
        Assert.Equal(4549, guess.Epsg);

        // Read as the working zone instead, the same numbers land 250 km west: a contradiction is refused.
        var e = Assert.Throws<InputException>(() => CrsGuesser.Confirm(Env(p.X, p.Y, p.X + 100, p.Y + 100), 4550, "测试", "a.geojson", Shenyang));
        Assert.Contains("不在沈阳测试区附近", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnprefixedMetresWithoutADataFolderAskForTheZone()
    {
        var e = Assert.Throws<InputException>(() => CrsGuesser.Guess(Env(535737, 4629511, 535837, 4629611), "a.geojson", DataArea.China));
        Assert.Contains("无法判断属于哪个 3 度带", e.Problem, StringComparison.Ordinal);
        Assert.Contains("--crs", e.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void LonLatAnywhereInChinaIsAcceptedWithoutADataFolder()
    {
        Assert.Equal(Epsg.Cgcs2000, CrsGuesser.Guess(Env(123.4, 41.8, 123.5, 41.9), null, DataArea.China).Epsg);
        Assert.Equal(Epsg.Cgcs2000, CrsGuesser.Guess(Env(87.6, 43.8, 87.7, 43.9), null, DataArea.China).Epsg);
        var e = Assert.Throws<InputException>(() => CrsGuesser.Guess(Env(-74.0, 40.7, -73.9, 40.8), null, DataArea.China));
        Assert.Contains("中国范围", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void BeijingIsFarFromShenyangTooAndTheMessageSaysHowFar()
    {
        var e = Assert.Throws<InputException>(() => CrsGuesser.Guess(Env(116.38, 39.88, 116.42, 39.92), null, Shenyang));
        Assert.Contains("北京附近", e.Problem, StringComparison.Ordinal);
        Assert.Matches("距沈阳测试区约 [56]\\d0 km", e.Problem);
    }
}
