using System.Diagnostics;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Checks;
using Xunit.Abstractions;
using static SpatialPlan.Core.Tests.Checks.CheckFixtures;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>
/// The check against 100 000 farmland parcels stays interactive. Slow (builds the parcels), so excluded by default;
/// run with <c>--filter Category=Slow</c>. The real benchmark lives in bench/.
/// </summary>
[Trait("Category", "Slow")]
public class SiteCheckScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void CheckAgainstOneHundredThousandParcelsTakesWellUnderASecond()
    {
        // 400 × 250 parcels of 90 m × 90 m on a 100 m grid (10 m lanes between them), ~70 km west of CM.
        var factory = Wkt("POINT(0 0)").Factory;
        var parcels = new List<ZoneFeature>(100_000);
        for (var i = 0; i < 400; i++)
        {
            for (var j = 0; j < 250; j++)
            {
                var x = 420000 + (i * 100.0);
                var y = 4500000 + (j * 100.0);
                parcels.Add(new ZoneFeature($"p{i}-{j}", string.Empty, null, factory.ToGeometry(new Envelope(x, x + 90, y, y + 90))));
            }
        }

        var layer = ZoneLayer.Create("farmland", "永久基本农田", "Farmland", "permanent-farmland", "permanent-farmland", true, parcels);
        var check = new SiteCheck(EnginePolicy.Policy, [layer]);
        var road = Core.Checks.Footprint.FromGk([Wkt("LINESTRING(420005 4500005, 459995 4524995)")], Crs.TestAreas.Gk108, new CheckOptions(EnginePolicy.Road, WidthM: 40));
        var park = Footprint(Box(430050, 4510050, 432050, 4512050));
        // Warm up the JIT on both shapes: the first run of the road is several times slower than the steady state
        // (tiered compilation), and a loaded 2-core machine makes that first run a coin toss against the limit.
        check.Run(park, Kind(EnginePolicy.Urban));
        check.Run(road, Kind(EnginePolicy.Urban));

        foreach (var (name, footprint) in new[] { ("2 km × 2 km park", park), ("47 km × 40 m road", road) })
        {
            var clock = Stopwatch.StartNew();
            var zone = check.Run(footprint, Kind(EnginePolicy.Urban)).Zones.Single();
            clock.Stop();
            output.WriteLine($"{name}: {zone.Features.Count} parcels overlapped, {zone.NearbyFeatures.Count} nearby, {clock.ElapsedMilliseconds} ms");
            Assert.True(clock.ElapsedMilliseconds < HangGuard.Milliseconds, $"{name} took {clock.ElapsedMilliseconds} ms");
        }

        // 2 000 m × 2 000 m from x = 430 050: 21 × 21 parcels touched, the inner 19 × 19 (x 430 100–431 900) wholly inside.
        var parkZone = check.Run(park, Kind(EnginePolicy.Urban)).Zones.Single();
        Assert.Equal(441, parkZone.Features.Count);
        Assert.Equal(361, parkZone.Features.Count(f => f.OverlapAreaM2 > 8000));
    }
}
