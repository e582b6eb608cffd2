using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Tests.Checks;

namespace SpatialPlan.Core.Tests.Crs;

/// <summary>The 21 CGCS2000 3-degree zones of China in both forms. Known answers from PROJ: Oracles/zones.sh (zones.out).</summary>
public class GaussKrugerZoneTests
{
    // lon, lat, CM, easting, northing (no prefix), easting (zone-prefixed) — Oracles/zones.sh §2 (cs2cs).
    public static TheoryData<double, double, int, double, double, double> Points => new()
    {
        { 107.142, 40.887, 108, 427688.4720, 4528378.7406, 36427688.4720 },   // 陕坝镇
        { 106.59, 40.75, 108, 380920.4801, 4513766.9606, 36380920.4801 },
        { 111.75, 40.84, 111, 563254.0000, 4523075.6541, 37563254.0000 },     // 呼和浩特
        { 109.6, 40.5, 111, 381323.2580, 4485990.4942, 37381323.2580 },       // zone 37's western edge
        { 112.4, 42.1, 111, 615810.4717, 4663692.9859, 37615810.4717 },
        { 123.43, 41.80, 123, 535737.2040, 4629511.9955, 41535737.2040 },     // 沈阳
        { 121.6, 41.0, 123, 382209.0849, 4541517.5187, 41382209.0849 },
        { 124.45, 43.2, 123, 617851.0108, 4785959.7607, 41617851.0108 },
        { 113.26, 23.13, 114, 424204.7037, 2559126.6961, 38424204.7037 },     // 广州, far south
    };

    [Fact]
    public void EveryCodeHasTheProj4DefinitionProjinfoPrints()
    {
        var lines = File.ReadLines(Path.Combine(CheckFixtures.RepoRoot, "tests", "SpatialPlan.Core.Tests", "Oracles", "zones.out"))
            .SkipWhile(l => !l.StartsWith("# 1.", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith('#')).ToList();
        Assert.Equal(42, lines.Count);
        foreach (var line in lines)
        {
            var code = int.Parse(line[..4], CultureInfo.InvariantCulture);
            var zone = GaussKrugerZone.FromEpsg(code);
            Assert.NotNull(zone);
            Assert.Equal(line[5..], GaussKrugerZone.IsZoned(code) ? zone.ZonedProj4 : zone.Proj4);
        }
    }

    [Fact]
    public void TheCodesNumberTheZonesWestToEast()
    {
        Assert.Equal(21, GaussKrugerZone.All.Count);
        Assert.Equal((25, 75, 4534, 4513), (GaussKrugerZone.All[0].Zone, GaussKrugerZone.All[0].CentralMeridian, GaussKrugerZone.All[0].Epsg, GaussKrugerZone.All[0].ZonedEpsg));
        Assert.Equal((36, 108, 4545, 4524), (TestAreas.Gk108.Zone, TestAreas.Gk108.CentralMeridian, TestAreas.Gk108.Epsg, TestAreas.Gk108.ZonedEpsg));
        Assert.Equal((45, 135, 4554, 4533), (GaussKrugerZone.All[^1].Zone, GaussKrugerZone.All[^1].CentralMeridian, GaussKrugerZone.All[^1].Epsg, GaussKrugerZone.All[^1].ZonedEpsg));
        Assert.Same(GaussKrugerZone.FromEpsg(4524), GaussKrugerZone.FromEpsg(4545));
        Assert.Null(GaussKrugerZone.FromEpsg(4512));
        Assert.Null(GaussKrugerZone.FromEpsg(4555));
        Assert.Null(GaussKrugerZone.FromEpsg(Epsg.Cgcs2000));
    }

    [Theory]
    [InlineData(106.988, 108)]   // 杭锦后旗's centre
    [InlineData(106.411, 105)]   // 乌拉特后旗's centre
    [InlineData(108.093, 108)]   // 杭锦旗
    [InlineData(109.5, 111)]     // a zone boundary rounds east
    [InlineData(73.5, 75)]
    [InlineData(136.49, 135)]
    public void ForLongitudeTakesTheNearestCentralMeridian(double lon, int cm) =>
        Assert.Equal(cm, GaussKrugerZone.ForLongitude(lon)!.CentralMeridian);

    [Theory]
    [InlineData(73.4)]
    [InlineData(136.6)]
    [InlineData(double.NaN)]
    [InlineData(-107)]
    public void ForLongitudeOutsideChinaIsNull(double lon) => Assert.Null(GaussKrugerZone.ForLongitude(lon));

    [Theory]
    [InlineData("EPSG:4545", 4545)]
    [InlineData(" epsg:4550 ", 4550)]
    [InlineData("4534", 4534)]
    [InlineData("EPSG:4524", 4545)]  // the zone of a prefixed code; its working form
    public void ParseReadsEitherForm(string text, int working) => Assert.Equal(working, GaussKrugerZone.Parse(text)!.Epsg);

    [Theory]
    [InlineData("EPSG:4490")]
    [InlineData("EPSG:3857")]
    [InlineData("EPSG:45x5")]
    [InlineData("")]
    [InlineData(null)]
    public void ParseRefusesOtherCodes(string? text) => Assert.Null(GaussKrugerZone.Parse(text));

    [Theory]
    [MemberData(nameof(Points))]
    public void LonLatToAnyZoneAgreesWithCs2csWithinOneMillimetre(double lon, double lat, int cm, double e, double n, double ez)
    {
        var zone = GaussKrugerZone.ForLongitude(cm)!;
        var p = CrsTransformer.Transform(new Coordinate(lon, lat), Epsg.Cgcs2000, zone.Epsg);
        Assert.Equal(e, p.X, 0.001);
        Assert.Equal(n, p.Y, 0.001);
        var z = CrsTransformer.Transform(new Coordinate(lon, lat), Epsg.Wgs84, zone.ZonedEpsg);
        Assert.Equal(ez, z.X, 0.001);
        Assert.Equal(n, z.Y, 0.001);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void AnyZoneBackToLonLatWithinAMicrodegree(double lon, double lat, int cm, double e, double n, double ez)
    {
        var zone = GaussKrugerZone.ForLongitude(cm)!;
        var p = CrsTransformer.Transform(new Coordinate(e, n), zone.Epsg, Epsg.Cgcs2000);
        Assert.Equal(lon, p.X, 1e-8);
        Assert.Equal(lat, p.Y, 1e-8);
        var z = CrsTransformer.Transform(new Coordinate(ez, n), zone.ZonedEpsg, Epsg.Cgcs2000);
        Assert.Equal(lon, z.X, 1e-8);
        Assert.Equal(lat, z.Y, 1e-8);
    }

    [Fact]
    public void APointMovesBetweenZonesThroughLonLat()
    {
        // 呼和浩特 given in zone 37 (CM 111E), asked for in zone 36 (CM 108E): the same lon/lat, another easting.
        var inZone36 = CrsTransformer.Transform(new Coordinate(563254.0000, 4523075.6541), GaussKrugerZone.ForLongitude(111)!.Epsg, 4545);
        var expected = CrsTransformer.Transform(new Coordinate(111.75, 40.84), Epsg.Cgcs2000, 4545);
        Assert.Equal(expected.X, inZone36.X, 0.001);
        Assert.Equal(expected.Y, inZone36.Y, 0.001);
        Assert.InRange(inZone36.X, 815_000, 820_000);
    }

    [Fact]
    public void TheWktOfAZoneIsWhatProjNetReadsBack()
    {
        var zone = GaussKrugerZone.ForLongitude(123)!;
        Assert.Contains("PARAMETER[\"central_meridian\",123]", zone.Wkt, StringComparison.Ordinal);
        Assert.Contains("PARAMETER[\"false_easting\",41500000]", zone.ZonedWkt, StringComparison.Ordinal);
        Assert.Contains("AUTHORITY[\"EPSG\",\"4550\"]]", zone.Wkt, StringComparison.Ordinal);
        Assert.Equal("CGCS2000 / 3-degree Gauss-Kruger CM 123E", zone.RegistryName);
    }
}
