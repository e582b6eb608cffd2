using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>
/// The convex clip that takes most overlap pieces off OverlayNG: wherever it answers, its piece is a valid polygon with
/// OverlayNG's area (the oracle: NTS's general overlay, which agrees with GEOS and GDAL in OverlayOracleTests); where it
/// cannot be sure, it declines.
/// </summary>
public sealed class ConvexClipTests
{
    [Fact]
    public void EveryAnswerIsValidAndHasTheOverlaysArea()
    {
        var (answered, declined) = SeededShapes.AgainstTheOverlay(20261130, 4_000, (random, i) =>
        {
            // A 河套 strip (a rotated rectangle, convex) and a footprint: a convex hexagon, a concave one, or a bent road.
            var strip = SeededShapes.Strip(random, 600);
            var footprint = (i % 3) switch
            {
                0 => SeededShapes.Hexagon(random, concave: false),
                1 => SeededShapes.Hexagon(random, concave: true),
                _ => SeededShapes.Road(random),
            };
            return footprint.Intersects(strip) && !footprint.Touches(strip) ? (footprint, strip) : null;
        }, (footprint, strip) => ConvexClip.TryIntersection(footprint, strip));

        // The point of the clip: it answers nearly every real case (single-piece intersections).
        Assert.True(answered > 2_000, $"answered {answered}, declined {declined}");
        Assert.True(declined < answered / 5, $"answered {answered}, declined {declined}");
    }

    [Fact]
    public void AnIntersectionInTwoPartsIsLeftToTheOverlay()
    {
        // A U-shaped footprint whose two arms cross one strip: the intersection has two parts.
        var u = SeededShapes.Local((0, 0), (100, 0), (100, 100), (70, 100), (70, 20), (30, 20), (30, 100), (0, 100), (0, 0));
        var strip = SeededShapes.Local((-10, 50), (110, 50), (110, 60), (-10, 60), (-10, 50));

        Assert.Null(ConvexClip.TryIntersection(u, strip));
        Assert.Equal(2, OverlayNGRobust.Overlay(u, strip, SpatialFunction.Intersection).NumGeometries);
    }

    [Fact]
    public void TouchingPolygonsAndPolygonsWithHolesAreLeftToTheOverlay()
    {
        var a = SeededShapes.Local((0, 0), (10, 0), (10, 10), (0, 10), (0, 0));
        var touching = SeededShapes.Local((10, 0), (20, 0), (20, 10), (10, 10), (10, 0));
        var holed = SeededShapes.Factory.CreatePolygon(SeededShapes.LocalRing((-5, -5), (15, -5), (15, 15), (-5, 15), (-5, -5)), [SeededShapes.LocalRing((2, 2), (2, 4), (4, 4), (4, 2), (2, 2))]);

        Assert.Null(ConvexClip.TryIntersection(a, touching));
        Assert.Null(ConvexClip.TryIntersection(a, holed));
    }

    [Fact]
    public void ConvexityIsToldFromTheTurns()
    {
        Assert.True(ConvexClip.IsConvex(SeededShapes.Local((0, 0), (10, 0), (10, 10), (5, 10), (0, 10), (0, 0)).ExteriorRing.CoordinateSequence));
        Assert.True(ConvexClip.IsConvex(SeededShapes.Local((0, 0), (0, 10), (10, 10), (10, 0), (0, 0)).ExteriorRing.CoordinateSequence));
        Assert.False(ConvexClip.IsConvex(SeededShapes.Local((0, 0), (10, 0), (10, 10), (5, 3), (0, 10), (0, 0)).ExteriorRing.CoordinateSequence));
    }
}
