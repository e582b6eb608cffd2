using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>
/// Seeded shapes at the 1M bench's grid coordinates in 杭锦后旗 (EPSG:4545: large numbers, small shapes, as in a real
/// check), for the tests that hold the check's fast geometry (ConvexClip, SegmentSet) to NTS's general answers.
/// </summary>
internal static class SeededShapes
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4545);

    public const double X0 = 411_000;
    public const double Y0 = 4_525_000;

    /// <summary>A 河套 strip: a rectangle of 300–500 × 15–30 m turned by up to ±0.2 rad, its centre within <paramref name="spreadM"/> of the origin.</summary>
    public static Polygon Strip(Random random, double spreadM)
    {
        var angle = (random.NextDouble() - 0.5) * 0.4;
        var (w, h) = (300 + (random.NextDouble() * 200), 15 + (random.NextDouble() * 15));
        var (cx, cy) = (X0 + (random.NextDouble() * spreadM), Y0 + (random.NextDouble() * spreadM));
        return Rotated(cx, cy, angle, [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]);
    }

    /// <summary>
    /// A strip like the 1M data's 图斑: <see cref="Strip"/> with <paramref name="sideVertices"/> more vertices along each
    /// long side, every coordinate rounded to 0.1 mm, so some turns along the sides are a hair concave.
    /// </summary>
    public static Polygon RoundedStrip(Random random, double spreadM, int sideVertices)
    {
        var corners = Strip(random, spreadM).ExteriorRing.Coordinates;
        var points = new List<Coordinate>();
        for (var side = 0; side < 4; side++)
        {
            var (p, q) = (corners[side], corners[side + 1]);
            var steps = side % 2 == 0 ? sideVertices + 1 : 1;
            for (var k = 0; k < steps; k++)
            {
                var t = (double)k / steps;
                points.Add(new Coordinate(Math.Round(p.X + (t * (q.X - p.X)), 4), Math.Round(p.Y + (t * (q.Y - p.Y)), 4)));
            }
        }

        points.Add(points[0].Copy());
        return Factory.CreatePolygon([.. points]);
    }

    /// <summary>A hexagon around (cx, cy) whose corners lie at <paramref name="radius"/> (per corner) and a jittered angle.</summary>
    public static Polygon Hexagon(Random random, double cx, double cy, Func<int, double> radius)
    {
        var points = new List<(double, double)>();
        for (var k = 0; k < 6; k++)
        {
            var r = radius(k);
            var a = (k * Math.PI / 3) + (random.NextDouble() * 0.2);
            points.Add((r * Math.Cos(a), r * Math.Sin(a)));
        }

        return Rotated(cx, cy, 0, points);
    }

    /// <summary>A footprint-sized hexagon near (X0 + 350, Y0 + 350), corners 200–240 m out, or every other one 60–100 m when <paramref name="concave"/>.</summary>
    public static Polygon Hexagon(Random random, bool concave) => Hexagon(random,
        X0 + 300 + (random.NextDouble() * 100), Y0 + 300 + (random.NextDouble() * 100),
        k => (concave && k % 2 == 1 ? 60 : 200) + (random.NextDouble() * 40));

    /// <summary>A bent road 30–50 m wide and about 700 m long (a buffered line of three points: concave, round ends).</summary>
    public static Polygon Road(Random random)
    {
        var (x, y) = (X0 + (random.NextDouble() * 200), Y0 + (random.NextDouble() * 200));
        var line = Factory.CreateLineString([new(x, y), new(x + 300, y + 150 + (random.NextDouble() * 200)), new(x + 650, y + (random.NextDouble() * 300))]);
        return (Polygon)line.Buffer(15 + (random.NextDouble() * 10));
    }

    /// <summary>A polygon of points given relative to (X0, Y0), first point repeated last.</summary>
    public static Polygon Local(params (double X, double Y)[] points) => Factory.CreatePolygon(LocalRing(points));

    /// <summary>A ring of points given relative to (X0, Y0), first point repeated last.</summary>
    public static LinearRing LocalRing(params (double X, double Y)[] points) =>
        Factory.CreateLinearRing([.. points.Select(p => new Coordinate(X0 + p.X, Y0 + p.Y))]);

    /// <summary>A closed polygon of the points turned by <paramref name="angle"/> and moved to (cx, cy).</summary>
    public static Polygon Rotated(double cx, double cy, double angle, IReadOnlyList<(double X, double Y)> points)
    {
        var (c, s) = (Math.Cos(angle), Math.Sin(angle));
        var coordinates = points.Select(p => new Coordinate(cx + (p.X * c) - (p.Y * s), cy + (p.X * s) + (p.Y * c))).ToList();
        coordinates.Add(coordinates[0].Copy());
        return Factory.CreatePolygon([.. coordinates]);
    }

    /// <summary>
    /// Runs <paramref name="cases"/> seeded pairs (footprint, 图斑) from <paramref name="pair"/> (null: no pair this time)
    /// through a fast clip, holding every answer to NTS's general overlay: a valid polygon, the same area within 1e-9
    /// relative, the same region within 1e-6 m² (nothing of either outside the other). Returns how many the clip
    /// answered and how many it declined (null: "use the overlay").
    /// </summary>
    public static (int Answered, int Declined) AgainstTheOverlay(int seed, int cases, Func<Random, int, (Polygon Footprint, Polygon Feature)?> pair,
        Func<Polygon, Polygon, Polygon?> clip)
    {
        var random = new Random(seed);
        var (answered, declined) = (0, 0);
        for (var i = 0; i < cases; i++)
        {
            if (pair(random, i) is not var (footprint, feature))
            {
                continue;
            }

            var expected = OverlayNGRobust.Overlay(footprint, feature, SpatialFunction.Intersection);
            if (clip(footprint, feature) is not { } clipped)
            {
                declined++;
                continue;
            }

            answered++;
            Xunit.Assert.True(clipped.IsValid, $"case {i}: {clipped} from {footprint} and {feature}");
            Xunit.Assert.Equal(expected.Area, clipped.Area, Math.Max(1e-9 * expected.Area, 1e-9));
            Xunit.Assert.True(OverlayNGRobust.Overlay(clipped, expected, SpatialFunction.SymDifference).Area <= 1e-6, $"case {i}");
        }

        return (answered, declined);
    }
}
