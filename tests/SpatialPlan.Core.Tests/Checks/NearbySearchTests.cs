using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Measurement;
using static SpatialPlan.Core.Tests.Checks.CheckFixtures;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>
/// The nearby search (features within a zone's proximity distance) pre-filters candidates with a prepared buffer of the
/// footprint before measuring the exact distance. A buffer's arcs are chords inside the true circle; these tests put
/// features all round the footprint's corners, just inside and just outside the distance, at the chords' midpoints
/// too, and require the search to keep exactly those whose measured distance is within it: the pre-filter may only
/// save work, never drop a feature.
/// </summary>
public class NearbySearchTests
{
    private const double ProximityM = 200; // the test policy's permanent-farmland

    public static TheoryData<string, bool> Footprints => new()
    {
        { Box(430000, 4510000, 430100, 4510250), false },
        // A rotated, chamfered quadrilateral with an acute corner (the buffer's arcs span more than a quarter there).
        { "POLYGON((430000 4510000, 430300 4510060, 430120 4510130, 430010 4510400, 430000 4510000))", false },
        // The same box with a vertex every 15 cm (4 668 vertices): past the buffer's vertex limit, so the pre-filter is the
        // facet-distance search instead; the features still sit round the box's four true corners.
        { Box(430000, 4510000, 430100, 4510250), true },
    };

    [Theory]
    [MemberData(nameof(Footprints))]
    public void EveryFeatureJustInsideTheDistanceIsFoundAndNoneJustOutside(string boxWkt, bool densify)
    {
        var corners = Wkt(boxWkt).Coordinates.Distinct().ToList();
        var footprintWkt = densify ? NetTopologySuite.Densify.Densifier.Densify(Wkt(boxWkt), 0.15).AsText() : boxWkt;
        var footprint = Wkt(footprintWkt);
        Assert.True(!densify || footprint.NumPoints > 2_000, $"{footprint.NumPoints} vertices");
        var features = new List<(string Wkt, bool Inside)>();
        foreach (var corner in corners)
        {
            var k = PlanarMeasure.ScaleFactorAt(corner);
            for (var step = 0; step < 128; step++)
            {
                var angle = step * 2 * Math.PI / 128;
                foreach (var (trueM, inside) in new[] { (ProximityM - 0.05, true), (ProximityM + 0.05, false) })
                {
                    // A small triangle pointing at the corner; its nearest point to the corner is at trueM (true metres).
                    var r = trueM * k;
                    var (dx, dy) = (Math.Cos(angle), Math.Sin(angle));
                    var p = new Coordinate(corner.X + (r * dx), corner.Y + (r * dy));
                    var q1 = Rotate(dx, dy, 0.4);
                    var q2 = Rotate(dx, dy, -0.4);
                    var wkt = string.Create(CultureInfo.InvariantCulture,
                        $"POLYGON(({p.X} {p.Y},{p.X + (2 * q1.X)} {p.Y + (2 * q1.Y)},{p.X + (2 * q2.X)} {p.Y + (2 * q2.Y)},{p.X} {p.Y}))");
                    if (!footprint.Buffer(ProximityM * k * 1.5).Contains(Wkt(wkt)) || footprint.Intersects(Wkt(wkt)))
                    {
                        continue;
                    }

                    features.Add((wkt, inside));
                }
            }
        }

        var layer = Layer("permanent-farmland", [.. features.Select(f => f.Wkt)]);
        var zone = Check(layer, footprintWkt).Zones.Single();

        // What the exact distance alone decides, feature by feature, with no pre-filter.
        var fp = Wkt(footprintWkt);
        var expected = layer.Features.Where(f => PlanarMeasure.DistanceM(fp, f.Geometry) <= ProximityM).Select(f => f.Id).Order(StringComparer.Ordinal).ToList();
        var found = zone.NearbyFeatures.Select(n => n.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, found);

        // Every feature placed just inside the distance of a corner is within it (another part of the footprint can only
        // be nearer), so all of them are found; the ones just outside are found only where an edge is nearer than the corner.
        var insideIds = layer.Features.Zip(features).Where(x => x.Second.Inside).Select(x => x.First.Id).ToHashSet();
        Assert.Subset(found.ToHashSet(), insideIds);
        Assert.True(found.Count < features.Count, "some features just outside the distance are not found");
        Assert.True(insideIds.Count > 100, $"{insideIds.Count} features inside");
        Assert.All(zone.NearbyFeatures, n => Assert.InRange(n.DistanceM, 0, ProximityM));
        Assert.Equal(Situation.Near, zone.Situation);
    }

    private static (double X, double Y) Rotate(double dx, double dy, double by) =>
        ((dx * Math.Cos(by)) - (dy * Math.Sin(by)), (dx * Math.Sin(by)) + (dy * Math.Cos(by)));
}
