using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Import;

/// <summary>
/// Two cheap tests that let an import of a million 图斑 skip most of the costly exact work, each only ever answering
/// “certainly” and otherwise deferring to NetTopologySuite: <see cref="CertainlyValid"/> before IsValidOp, and
/// <see cref="Separated(Geometry, Geometry, double)"/> before RelateNG in the overlap self-join. Both are checked against NTS itself in property tests.
/// </summary>
internal static class GeometryChecks
{
    /// <summary>Largest ring the quadratic simplicity test takes on; longer rings go to IsValidOp.</summary>
    private const int MaxRing = 64;

    /// <summary>
    /// True only when <paramref name="geometry"/> is certainly a valid polygon: one shell, no holes, at most 64 points, no
    /// repeated consecutive points, no spike (an edge doubling back over the one before), and no two non-adjacent edges
    /// that meet (robust orientation tests, <see cref="CGAlgorithmsDD"/>). Such a ring is simple, so the polygon is valid.
    /// False means “not proven”: ask IsValidOp.
    /// </summary>
    public static bool CertainlyValid(Geometry geometry)
    {
        if (geometry is not Polygon { NumInteriorRings: 0 } polygon)
        {
            return false;
        }

        var ring = polygon.ExteriorRing.CoordinateSequence;
        var n = ring.Count - 1; // edges
        if (n < 3 || n > MaxRing)
        {
            return false;
        }

        Span<double> x = stackalloc double[n + 1];
        Span<double> y = stackalloc double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            x[i] = ring.GetX(i);
            y[i] = ring.GetY(i);
        }

        if (x[0] != x[n] || y[0] != y[n])
        {
            return false;
        }

        for (var i = 0; i < n; i++)
        {
            if (x[i] == x[i + 1] && y[i] == y[i + 1])
            {
                return false;
            }

            // Adjacent edges (i-1, i) and (i, i+1) share vertex i: collinear and doubling back is a spike. Going on
            // forwards (a positive dot product) is never one, so the exact orientation is only asked otherwise: it is
            // costly exactly where a ring has nearly collinear vertices, as long straight field edges do.
            var p = i == 0 ? n - 1 : i - 1;
            if (((x[i] - x[p]) * (x[i + 1] - x[i])) + ((y[i] - y[p]) * (y[i + 1] - y[i])) <= 0 &&
                CGAlgorithmsDD.OrientationIndex(x[p], y[p], x[i], y[i], x[i + 1], y[i + 1]) == 0)
            {
                return false;
            }
        }

        for (var i = 0; i < n; i++)
        {
            var (ax0, ax1) = MinMax(x[i], x[i + 1]);
            var (ay0, ay1) = MinMax(y[i], y[i + 1]);
            // Edge i against every later edge that shares no vertex with it (edge n-1 shares vertex 0 with edge 0).
            for (var j = i + 2; j < n; j++)
            {
                if (i == 0 && j == n - 1)
                {
                    continue;
                }

                var (bx0, bx1) = MinMax(x[j], x[j + 1]);
                var (by0, by1) = MinMax(y[j], y[j + 1]);
                if (bx0 > ax1 || bx1 < ax0 || by0 > ay1 || by1 < ay0)
                {
                    continue;
                }

                if (Meet(x[i], y[i], x[i + 1], y[i + 1], x[j], y[j], x[j + 1], y[j + 1]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// True when a line separates the two polygonal geometries: every vertex of one lies on one side of the line through
    /// some edge of either (within <paramref name="tolerance"/> metres), every vertex of the other on the other side. Their
    /// interiors then overlap, if at all, only inside a band of that width (an overlap narrower than it is not an overlap
    /// here). Only the shells are looked at (a hole cannot make separated shells overlap). Convex neighbours that share an
    /// edge are always separated by it; false means “not proven”: ask RelateNG.
    /// </summary>
    public static bool Separated(Geometry a, Geometry b, double tolerance) =>
        Shells(a) is { } sa && Shells(b) is { } sb && Separated(sa, a.EnvelopeInternal.Centre, sb, b.EnvelopeInternal.Centre, tolerance);

    /// <summary>As <see cref="Separated(Geometry, Geometry, double)"/>, given the shells and the centres of the envelopes.</summary>
    public static bool Separated(CoordinateSequence[] sa, Coordinate ca, CoordinateSequence[] sb, Coordinate cb, double tolerance) =>
        // Neighbours are separated by the edge they share: try first the edge of each that faces the other's centre.
        Facing(sa, ca, cb, sa, sb, tolerance) || Facing(sb, cb, ca, sa, sb, tolerance)
            || Axes(sa, sa, sb, tolerance) || Axes(sb, sa, sb, tolerance);

    /// <summary>Tests the one edge of <paramref name="edges"/> that lies most between its own centre and the other's.</summary>
    private static bool Facing(CoordinateSequence[] edges, Coordinate own, Coordinate other, CoordinateSequence[] a, CoordinateSequence[] b, double tolerance)
    {
        CoordinateSequence? best = null;
        var bestK = -1;
        var bestScore = double.MinValue;
        foreach (var e in edges)
        {
            for (var k = 0; k + 1 < e.Count; k++)
            {
                double x0 = e.GetX(k), y0 = e.GetY(k);
                double dx = e.GetX(k + 1) - x0, dy = e.GetY(k + 1) - y0;
                var length = Math.Sqrt((dx * dx) + (dy * dy));
                if (length == 0)
                {
                    continue;
                }

                // Signed distances of the two centres from the edge's line: the best edge has them far apart, on either side.
                var so = ((-dy * (own.X - x0)) + (dx * (own.Y - y0))) / length;
                var sx = ((-dy * (other.X - x0)) + (dx * (other.Y - y0))) / length;
                var score = so * sx < 0 ? Math.Min(Math.Abs(so), Math.Abs(sx)) : double.MinValue;
                if (score > bestScore)
                {
                    (best, bestK, bestScore) = (e, k, score);
                }
            }
        }

        return best is not null && bestScore > double.MinValue && Axis(best, bestK, a, b, tolerance);
    }

    private static bool Axes(CoordinateSequence[] edges, CoordinateSequence[] a, CoordinateSequence[] b, double tolerance)
    {
        foreach (var e in edges)
        {
            for (var k = 0; k + 1 < e.Count; k++)
            {
                if (Axis(e, k, a, b, tolerance))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the line through edge <paramref name="k"/> of <paramref name="e"/> separates a and b.</summary>
    private static bool Axis(CoordinateSequence e, int k, CoordinateSequence[] a, CoordinateSequence[] b, double tolerance)
    {
        double x0 = e.GetX(k), y0 = e.GetY(k);
        double dx = e.GetX(k + 1) - x0, dy = e.GetY(k + 1) - y0;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length == 0)
        {
            return false;
        }

        // n = (-dy, dx), not normalised: projections are length × signed distance, so the tolerance scales too.
        var t = tolerance * length;
        var (aMin, aMax) = Project(a, x0, y0, dx, dy, double.NaN, double.NaN, t);
        var (bMin, bMax) = Project(b, x0, y0, dx, dy, aMin, aMax, t);
        return aMax <= bMin + t || bMax <= aMin + t;
    }

    /// <summary>Range of the projections; stops early once the range already overlaps [<paramref name="min"/>, <paramref name="max"/>] both ways.</summary>
    private static (double Min, double Max) Project(CoordinateSequence[] rings, double x0, double y0, double dx, double dy, double min, double max, double t)
    {
        double lo = double.MaxValue, hi = double.MinValue;
        foreach (var ring in rings)
        {
            for (var i = 0; i + 1 < ring.Count; i++)
            {
                var p = (-dy * (ring.GetX(i) - x0)) + (dx * (ring.GetY(i) - y0));
                lo = Math.Min(lo, p);
                hi = Math.Max(hi, p);
                if (lo < max - t && hi > min + t)
                {
                    return (lo, hi);
                }
            }
        }

        return (lo, hi);
    }

    /// <summary>The shells of a polygonal geometry; null for anything else.</summary>
    internal static CoordinateSequence[]? Shells(Geometry g) => g switch
    {
        Polygon p => [p.ExteriorRing.CoordinateSequence],
        MultiPolygon m => Enumerable.Range(0, m.NumGeometries).Select(i => ((Polygon)m.GetGeometryN(i)).ExteriorRing.CoordinateSequence).ToArray(),
        _ => null,
    };

    /// <summary>Whether segments (p1,p2) and (q1,q2) meet at all (touching included), by robust orientation.</summary>
    private static bool Meet(double p1x, double p1y, double p2x, double p2y, double q1x, double q1y, double q2x, double q2y)
    {
        var o1 = CGAlgorithmsDD.OrientationIndex(p1x, p1y, p2x, p2y, q1x, q1y);
        var o2 = CGAlgorithmsDD.OrientationIndex(p1x, p1y, p2x, p2y, q2x, q2y);
        if (o1 * o2 > 0)
        {
            return false;
        }

        var o3 = CGAlgorithmsDD.OrientationIndex(q1x, q1y, q2x, q2y, p1x, p1y);
        var o4 = CGAlgorithmsDD.OrientationIndex(q1x, q1y, q2x, q2y, p2x, p2y);
        if (o3 * o4 > 0)
        {
            return false;
        }

        // All four zero: collinear; the caller's bounding boxes already overlap, so they share a stretch or a point.
        return true;
    }

    private static (double Min, double Max) MinMax(double a, double b) => a <= b ? (a, b) : (b, a);
}
