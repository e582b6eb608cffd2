using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Tests.Crs;

/// <summary>Coordinates of 陕坝镇 and the banner's corners in each CRS come from Oracles/cs2cs.sh.</summary>
public class CrsGuesserTests
{
    private static Envelope Env(double x0, double y0, double x1, double y1) => new(x0, x1, y0, y1);

    [Theory]
    [InlineData(107.1, 40.8, 107.2, 40.9, Epsg.Cgcs2000)]
    [InlineData(380920.48, 4481087.34, 448848.44, 4565185.05, Epsg.GaussKruger108)]          // banner edges in 4545
    [InlineData(36380920.48, 4481087.34, 36448848.44, 4565185.05, Epsg.GaussKruger108Zoned)] // same, zone-prefixed
    [InlineData(11865544.52, 4933015.13, 11954600.12, 5044845.97, Epsg.WebMercator)]
    public void EachSupportedCrsIsRecognisedFromItsRanges(double x0, double y0, double x1, double y1, int expected)
    {
        var guess = CrsGuesser.Guess(Env(x0, y0, x1, y1), "f.geojson", TestAreas.Banner);
        Assert.Equal(expected, guess.Epsg);
        Assert.False(guess.AxesSwapped);
        Assert.Contains(Epsg.Name(expected), guess.ReasonZh);
    }

    [Fact]
    public void SwappedLonLatIsDetected()
    {
        var guess = CrsGuesser.Guess(Env(40.8, 107.1, 40.9, 107.2), null, TestAreas.Banner);
        Assert.Equal(Epsg.Cgcs2000, guess.Epsg);
        Assert.True(guess.AxesSwapped);
        Assert.Contains("纬度在前", guess.ReasonZh);
    }

    [Fact]
    public void SwappedGaussKrugerCoordinatesAreDetected()
    {
        // X = northing first, as Chinese surveyors write: 陕坝镇 N 4528378.74, E 427688.47.
        var guess = CrsGuesser.Guess(Env(4528378.74, 427688.47, 4528478.74, 427788.47), null, TestAreas.Banner);
        Assert.Equal(Epsg.GaussKruger108, guess.Epsg);
        Assert.True(guess.AxesSwapped);
        Assert.Contains("X=北", guess.ReasonZh);
    }

    [Fact]
    public void SwappedZonePrefixedGaussKrugerIsDetected()
    {
        var guess = CrsGuesser.Guess(Env(4528378.74, 36427688.47, 4528478.74, 36427788.47), null, TestAreas.Banner);
        Assert.Equal(Epsg.GaussKruger108Zoned, guess.Epsg);
        Assert.True(guess.AxesSwapped);
    }

    [Fact]
    public void SwappedWebMercatorIsDetected()
    {
        var guess = CrsGuesser.Guess(Env(4995688.45, 11926992.88, 4995788.45, 11927092.88), null, TestAreas.Banner);
        Assert.Equal(Epsg.WebMercator, guess.Epsg);
        Assert.True(guess.AxesSwapped);
    }

    [Fact]
    public void BeijingIsRefusedWithItsDistance()
    {
        var ex = Assert.Throws<InputException>(() => CrsGuesser.Guess(Env(116.38, 39.88, 116.42, 39.92), "bj.geojson", TestAreas.Banner));
        Assert.Contains("北京附近", ex.Message);
        Assert.Contains("116.40E, 39.90N", ex.Message);
        Assert.Matches("距杭锦后旗约 [78]\\d0 km", ex.Message);
        Assert.StartsWith("bj.geojson：", ex.Message);
    }

    [Fact]
    public void OriginIsRefusedAsZeroZero()
    {
        var ex = Assert.Throws<InputException>(() => CrsGuesser.Guess(Env(0, 0, 0, 0), null, TestAreas.Banner));
        Assert.Contains("(0,0)", ex.Message);
    }

    [Fact]
    public void ZonePrefixOfAnotherZoneIsRefusedNamingBothZones()
    {
        var ex = Assert.Throws<InputException>(() => CrsGuesser.Guess(Env(37427688, 4528378, 37427788, 4528478), null, TestAreas.Banner));
        Assert.Contains("带号前缀 37", ex.Message);
        Assert.Contains("111°E", ex.Message);
        Assert.Contains("第 36 带", ex.Message);
    }

    [Fact]
    public void GaussKrugerMetresFarFromTheBannerAreRefusedWithTheirLocation()
    {
        // EPSG:4545 easting/northing of roughly 108.0E, 34.3N (西安).
        var ex = Assert.Throws<InputException>(() => CrsGuesser.Guess(Env(500000, 3800000, 500100, 3800100), null, TestAreas.Banner));
        Assert.Contains("高斯-克吕格", ex.Message);
        Assert.Contains("km", ex.Message);
    }

    [Fact]
    public void LocalCoordinatesFitNothingAndSaySo()
    {
        var ex = Assert.Throws<InputException>(() => CrsGuesser.Guess(Env(1000, 2000, 1500, 2500), null, TestAreas.Banner));
        Assert.Contains("既不是", ex.Message);
    }

    [Fact]
    public void DeclaredCrsContradictedByMetresIsRefused()
    {
        var ex = Assert.Throws<InputException>(() =>
            CrsGuesser.Confirm(Env(427688, 4528378, 427788, 4528478), Epsg.Cgcs2000, "测试", "f.geojson", TestAreas.Banner));
        Assert.Contains("声明坐标系为 EPSG:4490", ex.Message);
        Assert.Contains("看起来是 EPSG:4545", ex.Message);
    }

    [Fact]
    public void DeclaredWgs84AcceptsCgcs2000LikeDegrees()
    {
        var guess = CrsGuesser.Confirm(Env(107.1, 40.8, 107.2, 40.9), Epsg.Wgs84, "测试", null, TestAreas.Banner);
        Assert.Equal(Epsg.Wgs84, guess.Epsg);
        Assert.False(guess.AxesSwapped);
    }

    [Fact]
    public void DeclaredGaussKrugerInNorthingEastingOrderIsSwapped()
    {
        var guess = CrsGuesser.Confirm(Env(4528378.74, 427688.47, 4528478.74, 427788.47), Epsg.GaussKruger108, "测试", null, TestAreas.Banner);
        Assert.Equal(Epsg.GaussKruger108, guess.Epsg);
        Assert.True(guess.AxesSwapped);
    }

    [Fact]
    public void ContextLayerReachingFarBeyondTheBannerIsStillAccepted()
    {
        // Neighbouring counties and the Yellow River reach 乌梁素海 (108.8°E) and beyond.
        var guess = CrsGuesser.Guess(Env(105.2, 39.5, 110.5, 42.4), "neighbours.geojson", TestAreas.Banner);
        Assert.Equal(Epsg.Cgcs2000, guess.Epsg);
    }
}
