using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>
/// The nearby search's segment-by-segment distance for small footprints, against NTS's DistanceOp (the oracle the check
/// used before): the same grid distance, the same true distance, the same answer to "within d?".
/// </summary>
public sealed class SegmentSetTests
{
    private static readonly GeometryFactory Factory = SeededShapes.Factory;
    private const double X0 = SeededShapes.X0, Y0 = SeededShapes.Y0;

    [Fact]
    public void NearestPointsAndWithinAgreeWithDistanceOp()
    {
        var random = new Random(1130);
        var compared = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var footprint = Hexagon(random);
            var other = (i % 4) switch
            {
                0 => (Geometry)Factory.CreatePoint(new Coordinate(X0 + (random.NextDouble() * 1_000), Y0 + (random.NextDouble() * 1_000))),
                1 => Factory.CreateLineString([Near(random), Near(random), Near(random)]),
                _ => SeededShapes.Strip(random, 900),
            };
            if (footprint.Intersects(other))
            {
                continue;
            }

            compared++;
            var set = SegmentSet.Of(footprint);
            var (here, there) = set.NearestPoints(other)!.Value;
            var expected = DistanceOp.Distance(footprint, other);
            Assert.Equal(expected, here.Distance(there), 1e-9);
            Assert.Equal(PlanarMeasure.DistanceM(footprint, other), PlanarMeasure.DistanceM(here, there), 1e-9 * Math.Max(1, expected));
            Assert.True(footprint.Distance(Factory.CreatePoint(here)) <= 1e-9 && other.Distance(Factory.CreatePoint(there)) <= 1e-9, $"case {i}");

            // With a limit: nothing beyond it, and within it the same nearest points as without.
            foreach (var d in new[] { expected * 0.999, expected * 1.001, expected + 1 })
            {
                var within = set.NearestPoints(other, d);
                Assert.Equal(expected <= d, within is not null);
                if (within is { } w)
                {
                    Assert.Equal((here, there), (w.Here, w.There));
                }
            }
        }

        Assert.True(compared > 2_000, $"compared {compared}");
    }

    [Fact]
    public void TheWalksDistanceIsZeroWhereTheBoundariesCrossAndDistanceOpsWhereTheyDoNot()
    {
        // The check tells a candidate apart from the footprint by this distance before any intersection test, so it must
        // be 0 where the boundaries cross and the true least distance where they do not.
        var random = new Random(1201);
        var (crossing, apart) = (0, 0);
        for (var i = 0; i < 3_000; i++)
        {
            var footprint = Hexagon(random);
            var strip = SeededShapes.RoundedStrip(random, 900, random.Next(6));
            var set = SegmentSet.Of(footprint);
            set.NearestPoints(strip, strip.EnvelopeInternal, double.PositiveInfinity, out var distance, out _);
            if (footprint.Boundary.Intersects(strip.Boundary))
            {
                crossing++;
                Assert.True(distance == 0, $"case {i}: {distance}");
            }
            else
            {
                apart++;
                Assert.Equal(DistanceOp.Distance(footprint.Boundary, strip.Boundary), distance, 1e-9);
            }
        }

        Assert.True(crossing > 300 && apart > 1_000, $"crossing {crossing}, apart {apart}");
    }

    [Fact]
    public void ACrossingTheWalkCallsCertainIsOneTheRobustPredicatesSeeToo()
    {
        // The check skips the prepared Intersects/ContainsProperly tests for a candidate whose boundary the walk saw cross
        // the footprint's: NTS's relate must agree that the interiors meet and neither contains the other. Half the cases
        // are made degenerate: a strip laid along a footprint edge (outside it, or nudged across by a few nanometres), which
        // the walk must leave to the robust predicates unless it certainly crosses.
        var random = new Random(1130_2);
        var (certain, crossing) = (0, 0);
        for (var i = 0; i < 4_000; i++)
        {
            var footprint = Hexagon(random);
            Polygon other;
            if (i % 2 == 0)
            {
                other = SeededShapes.RoundedStrip(random, 900, random.Next(6));
            }
            else
            {
                var ring = footprint.ExteriorRing.Coordinates;
                var k = random.Next(ring.Length - 1);
                var (a, b) = (ring[k], ring[k + 1]);
                double ex = b.X - a.X, ey = b.Y - a.Y, length = Math.Sqrt((ex * ex) + (ey * ey));
                var (nx, ny) = (ey / length, -ex / length); // one side of the edge; which one depends on the ring's direction
                var side = (random.Next(2) * 2) - 1;
                var nudge = random.Next(3) switch { 0 => 0, 1 => 3e-9, _ => -3e-9 };
                var w = 20 * side;
                Coordinate At(Coordinate c, double along, double off) => new(c.X + (ex * along) + (nx * off), c.Y + (ey * along) + (ny * off));
                other = Factory.CreatePolygon([At(a, -0.2, nudge), At(a, 1.2, nudge), At(a, 1.2, w), At(a, -0.2, w), At(a, -0.2, nudge)]);
            }

            var set = SegmentSet.Of(footprint);
            set.NearestPoints(other, other.EnvelopeInternal, double.PositiveInfinity, out var distance, out var crosses);
            var matrix = footprint.Relate(other);
            if (matrix.IsCrosses(Dimension.Curve, Dimension.Curve) || (matrix.IsIntersects() && !matrix.IsContains() && !matrix.IsWithin() && matrix.Get(Location.Interior, Location.Interior) == Dimension.Surface))
            {
                crossing++;
            }

            if (crosses)
            {
                certain++;
                Assert.Equal(0, distance);
                Assert.True(matrix.Get(Location.Interior, Location.Interior) == Dimension.Surface, $"case {i}: {matrix}");
                Assert.False(NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(footprint).ContainsProperly(other), $"case {i}");
            }
        }

        Assert.True(certain > 500 && certain <= crossing, $"certain {certain}, crossing {crossing}");
    }

    private static Coordinate Near(Random random) => new(X0 + (random.NextDouble() * 1_000), Y0 + (random.NextDouble() * 1_000));

    private static Polygon Hexagon(Random random) => SeededShapes.Hexagon(random,
        X0 + 450 + (random.NextDouble() * 100), Y0 + 450 + (random.NextDouble() * 100), _ => 80 + (random.NextDouble() * 60));
}
