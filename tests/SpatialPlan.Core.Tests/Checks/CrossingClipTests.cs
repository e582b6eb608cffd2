using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>
/// The crossing walk that takes a road's overlap pieces off OverlayNG: wherever it answers, its piece is a valid polygon
/// with OverlayNG's area and region (the oracle: NTS's general overlay, which agrees with GEOS and GDAL in
/// OverlayOracleTests); wherever the boundaries meet in anything but proper crossings, or the intersection has several
/// parts, it declines.
/// </summary>
public sealed class CrossingClipTests
{
    [Fact]
    public void EveryAnswerIsValidAndHasTheOverlaysRegion()
    {
        var (answered, declined) = SeededShapes.AgainstTheOverlay(20261201, 8_000, (random, i) =>
        {
            // 图斑 as in the 1M data (strips with vertices along their sides, rounded to 0.1 mm: not convex to a robust
            // test) or plain rectangles; footprints that are bent roads, concave hexagons or other such strips.
            var strip = i % 4 == 0 ? SeededShapes.Strip(random, 600) : SeededShapes.RoundedStrip(random, 600, 1 + random.Next(7));
            var footprint = (i % 3) switch
            {
                0 => SeededShapes.Road(random),
                1 => SeededShapes.Hexagon(random, concave: true),
                _ => SeededShapes.RoundedStrip(random, 600, random.Next(5)),
            };
            return footprint.Intersects(strip) ? (footprint, strip) : null;
        }, (footprint, strip) =>
        {
            // Either way round, the same piece.
            var clipped = CrossingClip.TryIntersection(footprint, strip);
            if (clipped is not null)
            {
                Assert.Equal(clipped.Area, CrossingClip.TryIntersection(strip, footprint)!.Area, Math.Max(1e-9 * clipped.Area, 1e-9));
            }

            return clipped;
        });

        // The point of the walk: it answers nearly every case (one-part intersections whose boundaries cross properly).
        Assert.True(answered > 2_000, $"answered {answered}, declined {declined}");
        Assert.True(declined < answered / 10, $"answered {answered}, declined {declined}");
    }

    [Fact]
    public void ARoadOverAConcaveStripIsWalkedLikeTheOverlay()
    {
        // The 1M bench's fp18 over one of its 图斑 (coordinates as stored): the strip's side vertices make it concave.
        var strip = Wkt("POLYGON ((428005.10809999704 4531444.1613, 427993.5689999983 4531498.4485, 427982.0298999995 4531552.7357, 427970.4908000007 4531607.0229, 427958.95170000196 4531661.3101, 427947.4126000032 4531715.5972, 427935.87349999696 4531769.8844, 427974.9993999973 4531778.2009, 427986.5385000035 4531723.9137, 427998.0776000023 4531669.6265, 428009.61670000106 4531615.3393, 428021.15579999983 4531561.0521, 428032.6948999986 4531506.7649, 428044.2339999974 4531452.4778, 428005.10809999704 4531444.1613))");
        var road = Wkt("POLYGON ((427964.228 4531782.129, 428500 4531891.55, 428500 4531854.4, 427970.195 4531744.972, 427967.052 4531744.602, 427500 4531729.2, 427500 4531766.8, 427964.228 4531782.129))");

        Assert.False(ConvexClip.IsConvex(strip));
        var clipped = CrossingClip.TryIntersection(road, strip);
        var expected = OverlayNGRobust.Overlay(road, strip, SpatialFunction.Intersection);

        Assert.NotNull(clipped);
        Assert.True(clipped.IsValid);
        Assert.Equal(expected.Area, clipped.Area, 1e-9 * expected.Area);
        Assert.True(OverlayNGRobust.Overlay(clipped, expected, SpatialFunction.SymDifference).Area <= 1e-9);
    }

    [Fact]
    public void OnePolygonInsideTheOtherIsThatPolygon()
    {
        var outer = SeededShapes.Local((0, 0), (100, 0), (100, 50), (60, 50), (60, 100), (0, 100), (0, 0));
        var inner = SeededShapes.Local((10, 10), (20, 10), (20, 20), (10, 20), (10, 10));

        Assert.Same(inner, CrossingClip.TryIntersection(inner, outer));
        Assert.Same(inner, CrossingClip.TryIntersection(outer, inner));
    }

    [Fact]
    public void DegenerateMeetingsAndSeveralPartsAreLeftToTheOverlay()
    {
        var l = SeededShapes.Local((0, 0), (100, 0), (100, 40), (40, 40), (40, 100), (0, 100), (0, 0));

        // A U whose two arms cross one strip: two parts.
        var u = SeededShapes.Local((0, 0), (100, 0), (100, 100), (70, 100), (70, 20), (30, 20), (30, 100), (0, 100), (0, 0));
        var strip = SeededShapes.Local((-10, 50), (110, 50), (110, 60), (-10, 60), (-10, 50));
        Assert.Null(CrossingClip.TryIntersection(u, strip));

        // Along an edge, through a vertex, at a shared corner.
        Assert.Null(CrossingClip.TryIntersection(l, SeededShapes.Local((40, 40), (80, 40), (80, 80), (40, 80), (40, 40))));
        Assert.Null(CrossingClip.TryIntersection(l, SeededShapes.Local((30, 30), (60, 30), (40, 40), (30, 60), (30, 30))));
        Assert.Null(CrossingClip.TryIntersection(l, SeededShapes.Local((100, 40), (120, 40), (120, 60), (100, 60), (100, 40))));

        // Holes.
        var holed = SeededShapes.Factory.CreatePolygon(SeededShapes.LocalRing((-5, -5), (15, -5), (15, 15), (-5, 15), (-5, -5)), [SeededShapes.LocalRing((2, 2), (2, 4), (4, 4), (4, 2), (2, 2))]);
        Assert.Null(CrossingClip.TryIntersection(l, holed));

        // Each of these has an answer from the overlay: declining only hands them on.
        Assert.Equal(2, OverlayNGRobust.Overlay(u, strip, SpatialFunction.Intersection).NumGeometries);
    }

    private static Polygon Wkt(string wkt) => (Polygon)new NetTopologySuite.IO.WKTReader(SeededShapes.Factory.GeometryServices).Read(wkt);
}
