using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// The intersection of two simple polygons whose boundaries only cross, for the pieces <see cref="ConvexClip"/> cannot
/// take: a road or canal footprint (concave: a bent corridor with round ends) against 图斑 that are strips with vertices
/// along their long sides (shared with the neighbours, rounded to 0.1 mm, so a few of their turns are a hair concave and
/// the strips are not convex to a robust test). A road of 40 vertices over 140 such strips cost 7–10 ms of OverlayNG;
/// this walk costs a few microseconds a piece.
/// <para>
/// The method is Greiner–Hormann's without its degeneracy handling: find where the two boundaries cross (NTS's
/// <see cref="RobustLineIntersector"/>, which OverlayNG's noder uses too, so the crossing points are the same
/// coordinates), then walk from each crossing where the one boundary enters the other, along it until it leaves, and on
/// along the other. Both rings are walked counter-clockwise, so the walk always goes forward.
/// </para>
/// <para>
/// It answers only when that is certainly right and otherwise says "use the overlay" (null): when either polygon has
/// holes; when the boundaries meet anywhere but in proper crossings (a vertex on the other's edge, a shared vertex,
/// edges along each other: the degenerate cases Greiner–Hormann gets wrong); when the crossings do not alternate in
/// and out, or two fall at the same place on an edge; when the intersection has more than one part; and when the ring it
/// makes is not simple (<see cref="ConvexClip.IsSimple"/>, NTS's robust predicates on the stored coordinates).
/// CrossingClipTests holds every answer to OverlayNG's on seeded roads, strips and hexagons.
/// </para>
/// </summary>
internal static class CrossingClip
{
    // Edge pairs tested at most (each pair is an envelope test, and a segment intersection when the envelopes meet). Past
    // this, OverlayNG's monotone chains find the crossings faster.
    private const long MaxEdgePairs = 100_000;

    // Result rings longer than this are left to the overlay: the simplicity test is quadratic in the ring's size.
    private const int MaxResultVertices = 160;

    /// <summary>The intersection of <paramref name="a"/> and <paramref name="b"/>, or null when the caller must use a general overlay.</summary>
    public static Polygon? TryIntersection(Polygon a, Polygon b)
    {
        if (a.NumInteriorRings > 0 || b.NumInteriorRings > 0)
        {
            return null;
        }

        var ra = CounterClockwise(a.ExteriorRing.Coordinates);
        var rb = CounterClockwise(b.ExteriorRing.Coordinates);
        if (ra is null || rb is null || (long)(ra.Length - 1) * (rb.Length - 1) > MaxEdgePairs)
        {
            return null;
        }

        var crossings = Crossings(ra, rb);
        if (crossings is null)
        {
            return null;
        }

        if (crossings.Count == 0)
        {
            // The boundaries do not meet at all: one polygon lies inside the other, or they are apart.
            return PointLocation.IsInRing(ra[0], rb) ? a : PointLocation.IsInRing(rb[0], ra) ? b : null;
        }

        return Walk(crossings, ra, rb, a.Factory);
    }

    /// <summary>A crossing of edge <see cref="EdgeA"/> of A with edge <see cref="EdgeB"/> of B, at <see cref="Point"/>.</summary>
    private sealed class Crossing(int edgeA, double alongA, int edgeB, double alongB, Coordinate point, bool entersB)
    {
        public int EdgeA { get; } = edgeA;

        public double AlongA { get; } = alongA;

        public int EdgeB { get; } = edgeB;

        public double AlongB { get; } = alongB;

        public Coordinate Point { get; } = point;

        /// <summary>True where A's boundary, walked forward, goes into B.</summary>
        public bool EntersB { get; } = entersB;

        public Crossing? NextOnA { get; set; }

        public Crossing? NextOnB { get; set; }

        public bool Visited { get; set; }
    }

    /// <summary>The ring's coordinates counter-clockwise (a reversed copy when they run clockwise); null for a ring of no area.</summary>
    private static Coordinate[]? CounterClockwise(Coordinate[] ring)
    {
        if (ring.Length < 4)
        {
            return null;
        }

        // NTS's signed ring area (relative to the first vertex): positive for a clockwise ring.
        var signed = Area.OfRingSigned(ring);
        if (signed == 0)
        {
            return null;
        }

        if (signed < 0)
        {
            return ring;
        }

        var reversed = (Coordinate[])ring.Clone();
        Array.Reverse(reversed);
        return reversed;
    }

    /// <summary>
    /// Every crossing of the two boundaries, linked in their order along each ring; null when the boundaries meet in any
    /// other way than proper crossings, or the order along an edge is not certain.
    /// </summary>
    private static List<Crossing>? Crossings(Coordinate[] ra, Coordinate[] rb)
    {
        var envelopeB = new Envelope();
        for (var j = 0; j < rb.Length; j++)
        {
            envelopeB.ExpandToInclude(rb[j]);
        }

        var intersector = new RobustLineIntersector();
        var crossings = new List<Crossing>();
        for (var i = 0; i < ra.Length - 1; i++)
        {
            var (a0, a1) = (ra[i], ra[i + 1]);
            double minX = Math.Min(a0.X, a1.X), maxX = Math.Max(a0.X, a1.X), minY = Math.Min(a0.Y, a1.Y), maxY = Math.Max(a0.Y, a1.Y);
            if (maxX < envelopeB.MinX || minX > envelopeB.MaxX || maxY < envelopeB.MinY || minY > envelopeB.MaxY)
            {
                continue;
            }

            for (var j = 0; j < rb.Length - 1; j++)
            {
                var (b0, b1) = (rb[j], rb[j + 1]);
                if (maxX < Math.Min(b0.X, b1.X) || minX > Math.Max(b0.X, b1.X) || maxY < Math.Min(b0.Y, b1.Y) || minY > Math.Max(b0.Y, b1.Y))
                {
                    continue;
                }

                intersector.ComputeIntersection(a0, a1, b0, b1);
                if (!intersector.HasIntersection)
                {
                    continue;
                }

                // Anything but a proper crossing (an end on the other edge, collinear overlap) is a degenerate case.
                if (!intersector.IsProper || intersector.IntersectionNum != 1)
                {
                    return null;
                }

                var p = intersector.GetIntersection(0).Copy();

                // B runs counter-clockwise, so its inside is on the left of each edge: A enters B where A's edge ends on
                // the left of B's. A proper crossing has A's ends strictly on either side.
                var entersB = Orientation.Index(b0, b1, a1) == OrientationIndex.Left;
                crossings.Add(new Crossing(i, Along(a0, a1, p), j, Along(b0, b1, p), p, entersB));
            }
        }

        if (crossings.Count % 2 != 0)
        {
            return null;
        }

        return Link(crossings, static c => (c.EdgeA, c.AlongA), static (c, next) => c.NextOnA = next)
            && Link(crossings, static c => (c.EdgeB, c.AlongB), static (c, next) => c.NextOnB = next)
            ? crossings
            : null;
    }

    /// <summary>How far along the edge the point lies, from 0 at its start to 1 at its end.</summary>
    private static double Along(Coordinate start, Coordinate end, Coordinate p)
    {
        double ex = end.X - start.X, ey = end.Y - start.Y;
        return (((p.X - start.X) * ex) + ((p.Y - start.Y) * ey)) / ((ex * ex) + (ey * ey));
    }

    /// <summary>Links each crossing to the next along one ring (cyclically); false when two are at the same place on an edge.</summary>
    private static bool Link(List<Crossing> crossings, Func<Crossing, (int Edge, double Along)> position, Action<Crossing, Crossing> setNext)
    {
        var ordered = crossings.ToArray();
        Array.Sort(ordered, (x, y) => position(x).CompareTo(position(y)));
        for (var k = 0; k < ordered.Length; k++)
        {
            var next = ordered[(k + 1) % ordered.Length];
            if (ordered.Length > 1 && position(ordered[k]) == position(next))
            {
                return false;
            }

            setNext(ordered[k], next);
        }

        return true;
    }

    /// <summary>
    /// The ring of the intersection: from a crossing where A enters B, along A to where it leaves B, then along B to where
    /// A enters again, until back at the start. Null when the crossings do not alternate, the intersection has more than
    /// one part, or the ring is not simple.
    /// </summary>
    private static Polygon? Walk(List<Crossing> crossings, Coordinate[] ra, Coordinate[] rb, GeometryFactory factory)
    {
        var start = crossings.Find(static c => c.EntersB);
        if (start is null)
        {
            return null;
        }

        var ring = new List<Coordinate>();
        var at = start;
        do
        {
            // Along A, inside B, to where A leaves B.
            at.Visited = true;
            var leave = at.NextOnA!;
            if (leave.EntersB || leave.Visited)
            {
                return null;
            }

            Emit(ring, at.Point);
            if (!AppendVertices(ring, ra, at.EdgeA, at.AlongA, leave.EdgeA, leave.AlongA))
            {
                return null;
            }

            // Along B, inside A, to where A enters B again.
            leave.Visited = true;
            var enter = leave.NextOnB!;
            if (!enter.EntersB)
            {
                return null;
            }

            Emit(ring, leave.Point);
            if (!AppendVertices(ring, rb, leave.EdgeB, leave.AlongB, enter.EdgeB, enter.AlongB))
            {
                return null;
            }

            at = enter;
        }
        while (at != start && !at.Visited && ring.Count <= MaxResultVertices);

        // Back at the start, having used every crossing: anything else is an intersection in several parts, or a walk
        // that went wrong (both are left to the overlay).
        if (at != start || crossings.Exists(static c => !c.Visited))
        {
            return null;
        }

        while (ring.Count > 1 && ring[^1].Equals2D(ring[0]))
        {
            ring.RemoveAt(ring.Count - 1);
        }

        if (ring.Count < 3 || ring.Count > MaxResultVertices)
        {
            return null;
        }

        ring.Add(ring[0].Copy());
        var coordinates = ring.ToArray();
        if (!ConvexClip.IsSimple(coordinates))
        {
            return null;
        }

        var polygon = factory.CreatePolygon(factory.CreateLinearRing(coordinates));
        return polygon.Area > 0 ? polygon : null;
    }

    /// <summary>
    /// The ring's vertices strictly after the position (edge, along) up to and including the start of the edge where the
    /// next crossing lies; false when the ring is longer than a result may be.
    /// </summary>
    private static bool AppendVertices(List<Coordinate> ring, Coordinate[] source, int fromEdge, double fromAlong, int toEdge, double toAlong)
    {
        var n = source.Length - 1;
        var count = (toEdge - fromEdge + n) % n;
        if (count == 0 && toAlong < fromAlong)
        {
            count = n; // the next crossing is earlier on the same edge: all the way round
        }

        if (ring.Count + count > MaxResultVertices)
        {
            return false;
        }

        for (var k = 1; k <= count; k++)
        {
            Emit(ring, source[(fromEdge + k) % n]);
        }

        return true;
    }

    private static void Emit(List<Coordinate> ring, Coordinate p)
    {
        if (ring.Count == 0 || !ring[^1].Equals2D(p))
        {
            ring.Add(p.Copy());
        }
    }
}
