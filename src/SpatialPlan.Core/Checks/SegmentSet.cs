using System.Buffers;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// The segments of a footprint as plain numbers, for the questions a check (<see cref="ZoneEvaluator"/>) asks of many
/// candidates: how far apart the two boundaries are (0 where segments cross), and which are the nearest points, if the
/// candidate is within a distance at all. It walks the segment pairs, with no allocation per candidate; NTS's DistanceOp
/// (and, before it, a prepared buffer to reject the far ones) cost a quarter of a warm check for the same answer.
/// <para>
/// The nearest points of a candidate that does not meet the footprint are found as DistanceOp finds them: the first
/// segment pair (footprint segments outside, the candidate's inside, rings in order) at the least distance, and on it
/// the closest pair of an end point and its projection, in LineSegment.ClosestPoints' order. SegmentSetTests compares
/// both answers with DistanceOp's.
/// </para>
/// </summary>
internal sealed class SegmentSet
{
    // Up to this many segments, they are walked nearest first (sorted per candidate on the stack).
    private const int MaxOrdered = 64;

    // Up to this many vertices, the other geometry's coordinates are copied onto the stack (16 KB); beyond, into a pooled array.
    private const int MaxStackVertices = 1024;

    private readonly double[] _xy; // x1, y1, x2, y2 per segment, in the geometry's own coordinates
    private readonly Envelope _envelope;

    private SegmentSet(double[] xy, Envelope envelope)
    {
        _xy = xy;
        _envelope = envelope;
    }

    /// <summary>The segments of every linear component of <paramref name="geometry"/> (rings, lines; a point as a zero-length segment).</summary>
    public static SegmentSet Of(Geometry geometry)
    {
        var xy = new List<double>();
        foreach (var sequence in Sequences(geometry))
        {
            if (sequence.Count == 1)
            {
                xy.AddRange([sequence.GetX(0), sequence.GetY(0), sequence.GetX(0), sequence.GetY(0)]);
            }

            for (var i = 1; i < sequence.Count; i++)
            {
                xy.AddRange([sequence.GetX(i - 1), sequence.GetY(i - 1), sequence.GetX(i), sequence.GetY(i)]);
            }
        }

        return new SegmentSet([.. xy], new Envelope(geometry.EnvelopeInternal));
    }

    /// <summary>
    /// The nearest point here and the nearest point of <paramref name="other"/> (which must not intersect this geometry),
    /// or null when <paramref name="other"/> is farther than <paramref name="limit"/>. Segment pairs whose boxes are
    /// already farther apart than the best so far (or the limit) are skipped: they cannot be nearer, so the pair found is
    /// the same.
    /// </summary>
    public (Coordinate Here, Coordinate There)? NearestPoints(Geometry other, double limit = double.PositiveInfinity) =>
        NearestPoints(other, other.EnvelopeInternal, limit, out _, out _);

    /// <summary>
    /// As <see cref="NearestPoints(Geometry, double)"/>, for an <paramref name="other"/> that may intersect this geometry,
    /// given its envelope (<paramref name="box"/>, not changed): <paramref name="distance"/> is the least distance between
    /// the segments (0 where two cross), or +∞ beyond the limit; the points are meaningful only when it is not 0.
    /// <paramref name="crosses"/> is true when the walk stopped at two segments that certainly cross properly (each one's
    /// ends strictly on either side of the other, by orientation signs beyond their rounding error: NTS's own filter), so
    /// the two boundaries cross: the geometries intersect and neither contains the other properly. False says nothing.
    /// </summary>
    public (Coordinate Here, Coordinate There)? NearestPoints(Geometry other, Envelope box, double limit, out double distance, out bool crosses)
    {
        distance = double.PositiveInfinity;
        crosses = false;
        if (_envelope.Distance(box) > limit)
        {
            return null;
        }

        var best = limit * limit;
        var found = false;
        (int Segment, int Sequence, int Index) at = (-1, -1, -1);

        // Each segment's least possible distance to anything in the other's box (its box's gap, and the exact distance from
        // the segment to the box, which passes over a long slanting edge whose box meets everything). The segments within
        // the limit are walked nearest first: the first gives a close best, and the walk stops at the first segment whose
        // bound is beyond it. Ties are settled by the segments' own order, so the pair found is the one DistanceOp finds.
        // A segment beyond the limit is never walked, nor sorted: most of a road's 40 are far from any one 图斑, and a
        // candidate with none within the limit is passed over before its coordinates are read.
        // Past MaxOrdered segments (a footprint of hundreds of vertices, after the prepared buffer) they are walked in
        // their own order, each passed over by its bound: sorting them per candidate would cost more than it saves.
        var segments = _xy.Length / 4;
        var ordered = segments <= MaxOrdered;
        Span<double> bounds = ordered ? stackalloc double[segments] : default;
        Span<int> order = ordered ? stackalloc int[segments] : default;
        var within = ordered ? 0 : segments;
        for (var n = 0; n < segments && ordered; n++)
        {
            bounds[n] = Bound(n * 4, box, best);
            if (bounds[n] > best)
            {
                continue;
            }

            // Insertion into the order by bound (a few segments at most); ties keep the segments' own order.
            var m = within++;
            while (m > 0 && bounds[order[m - 1]] > bounds[n])
            {
                order[m] = order[m - 1];
                m--;
            }

            order[m] = n;
        }

        if (within == 0)
        {
            return null;
        }

        // The other's coordinates as plain numbers, read once (not through the sequences' virtual getters per segment
        // pair): x, y per vertex, the sequences one after another; starts[s] is sequence s's first vertex.
        var sequences = other is Polygon { NumInteriorRings: 0 } polygon ? [polygon.ExteriorRing.CoordinateSequence] : Sequences(other).ToList();
        var vertices = 0;
        foreach (var sequence in sequences)
        {
            vertices += sequence.Count;
        }

        double[]? rented = null;
        var xy = vertices <= MaxStackVertices ? stackalloc double[vertices * 2] : (rented = ArrayPool<double>.Shared.Rent(vertices * 2));
        Span<int> starts = sequences.Count <= 16 ? stackalloc int[sequences.Count + 1] : new int[sequences.Count + 1];
        var v = 0;
        for (var s = 0; s < sequences.Count; s++)
        {
            starts[s] = v;
            var sequence = sequences[s];
            for (var i = 0; i < sequence.Count; i++, v++)
            {
                xy[2 * v] = sequence.GetX(i);
                xy[(2 * v) + 1] = sequence.GetY(i);
            }
        }

        starts[sequences.Count] = v;

        try
        {
            for (var o = 0; o < within; o++)
            {
                var n = ordered ? order[o] : o;
                if ((ordered ? bounds[n] : Bound(n * 4, box, best)) > best)
                {
                    if (ordered)
                    {
                        break;
                    }

                    continue;
                }

                var k = n * 4;
                double px1 = _xy[k], py1 = _xy[k + 1], px2 = _xy[k + 2], py2 = _xy[k + 3];
                double pMinX = Math.Min(px1, px2), pMaxX = Math.Max(px1, px2), pMinY = Math.Min(py1, py2), pMaxY = Math.Max(py1, py2);
                for (var s = 0; s < sequences.Count; s++)
                {
                    var first = starts[s];
                    var count = starts[s + 1] - first;
                    for (var i = count == 1 ? 0 : 1; i < count; i++)
                    {
                        var q = 2 * (first + (count == 1 ? 0 : i - 1));
                        double qx1 = xy[q], qy1 = xy[q + 1], qx2 = xy[2 * (first + i)], qy2 = xy[(2 * (first + i)) + 1];
                        var gx = Math.Max(0, Math.Max(Math.Min(qx1, qx2) - pMaxX, pMinX - Math.Max(qx1, qx2)));
                        var gy = Math.Max(0, Math.Max(Math.Min(qy1, qy2) - pMaxY, pMinY - Math.Max(qy1, qy2)));
                        if ((gx * gx) + (gy * gy) > best)
                        {
                            continue;
                        }

                        var d = SegmentDistance2(px1, py1, px2, py2, qx1, qy1, qx2, qy2);
                        if (d < best || (d == best && (!found || (k, s, i).CompareTo(at) < 0)))
                        {
                            best = d;
                            found = true;
                            at = (k, s, i);
                            if (d == 0)
                            {
                                // Two segments cross or touch: nothing is nearer, and the caller asks no points of a crossing.
                                distance = 0;
                                crosses = CertainlyCross(px1, py1, px2, py2, qx1, qy1, qx2, qy2);
                                return ClosestPoints(px1, py1, px2, py2, qx1, qy1, qx2, qy2);
                            }
                        }
                    }
                }
            }

            if (!found)
            {
                return null;
            }

            distance = Math.Sqrt(best);
            var start = starts[at.Sequence];
            var j = 2 * (start + (starts[at.Sequence + 1] - start == 1 ? 0 : at.Index - 1));
            var e = 2 * (start + at.Index);
            return ClosestPoints(_xy[at.Segment], _xy[at.Segment + 1], _xy[at.Segment + 2], _xy[at.Segment + 3],
                xy[j], xy[j + 1], xy[e], xy[e + 1]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The coordinate sequences of the linear components, in NTS's order (a polygon's shell, then its holes).</summary>
    private static IEnumerable<CoordinateSequence> Sequences(Geometry geometry)
    {
        switch (geometry)
        {
            case Point p:
                yield return p.CoordinateSequence;
                break;
            case LineString l:
                yield return l.CoordinateSequence;
                break;
            case Polygon polygon:
                yield return polygon.ExteriorRing.CoordinateSequence;
                for (var i = 0; i < polygon.NumInteriorRings; i++)
                {
                    yield return polygon.GetInteriorRingN(i).CoordinateSequence;
                }

                break;
            default:
                for (var i = 0; i < geometry.NumGeometries; i++)
                {
                    foreach (var sequence in Sequences(geometry.GetGeometryN(i)))
                    {
                        yield return sequence;
                    }
                }

                break;
        }
    }

    /// <summary>Squared distance between segments p1–p2 and q1–q2: 0 when they cross, else the least of the four end-to-segment distances.</summary>
    private static double SegmentDistance2(double px1, double py1, double px2, double py2, double qx1, double qy1, double qx2, double qy2)
    {
        var d1 = Cross(qx1, qy1, qx2, qy2, px1, py1);
        var d2 = Cross(qx1, qy1, qx2, qy2, px2, py2);
        var d3 = Cross(px1, py1, px2, py2, qx1, qy1);
        var d4 = Cross(px1, py1, px2, py2, qx2, qy2);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        {
            return 0;
        }

        return Math.Min(
            Math.Min(PointToSegment2(px1, py1, qx1, qy1, qx2, qy2), PointToSegment2(px2, py2, qx1, qy1, qx2, qy2)),
            Math.Min(PointToSegment2(qx1, qy1, px1, py1, px2, py2), PointToSegment2(qx2, qy2, px1, py1, px2, py2)));
    }

    /// <summary>
    /// Marks the cells of a grid (<paramref name="nx"/> × <paramref name="ny"/> cells of side <paramref name="cell"/> from
    /// (<paramref name="x0"/>, <paramref name="y0"/>), clipped to <paramref name="maxX"/>, <paramref name="maxY"/>; cell
    /// (i, j) at <c>i * ny + j</c>) that some segment may come within <paramref name="limit"/> of, by the same lower bound
    /// the walk uses: never fewer cells than those truly within the limit. Each segment looks only at the cells its box,
    /// grown by the limit, meets.
    /// </summary>
    public void MarkCellsWithin(double x0, double y0, double cell, int nx, int ny, double maxX, double maxY, double limit, Span<bool> marked)
    {
        var limit2 = limit * limit;
        for (var k = 0; k < _xy.Length; k += 4)
        {
            double px1 = _xy[k], py1 = _xy[k + 1], px2 = _xy[k + 2], py2 = _xy[k + 3];

            // The cells the segment's box grown by the limit meets, one more on each side against rounding.
            var i0 = Math.Max(0, (int)Math.Floor((Math.Min(px1, px2) - limit - x0) / cell) - 1);
            var i1 = Math.Min(nx - 1, (int)Math.Floor((Math.Max(px1, px2) + limit - x0) / cell) + 1);
            var j0 = Math.Max(0, (int)Math.Floor((Math.Min(py1, py2) - limit - y0) / cell) - 1);
            var j1 = Math.Min(ny - 1, (int)Math.Floor((Math.Max(py1, py2) + limit - y0) / cell) + 1);
            for (var i = i0; i <= i1; i++)
            {
                for (var j = j0; j <= j1; j++)
                {
                    if (!marked[(i * ny) + j]
                        && Bound(k, x0 + (i * cell), y0 + (j * cell), Math.Min(x0 + ((i + 1) * cell), maxX), Math.Min(y0 + ((j + 1) * cell), maxY), limit2) <= limit2)
                    {
                        marked[(i * ny) + j] = true;
                    }
                }
            }
        }
    }

    /// <summary>A lower bound of the squared distance from segment <paramref name="k"/> (its offset in the coordinates) to anything in the box; the cheap box gap alone when that is already beyond <paramref name="best"/>.</summary>
    private double Bound(int k, Envelope box, double best) => Bound(k, box.MinX, box.MinY, box.MaxX, box.MaxY, best);

    private double Bound(int k, double minX, double minY, double maxX, double maxY, double best)
    {
        double px1 = _xy[k], py1 = _xy[k + 1], px2 = _xy[k + 2], py2 = _xy[k + 3];
        var bx = Math.Max(0, Math.Max(minX - Math.Max(px1, px2), Math.Min(px1, px2) - maxX));
        var by = Math.Max(0, Math.Max(minY - Math.Max(py1, py2), Math.Min(py1, py2) - maxY));
        var bound = (bx * bx) + (by * by);
        return bound > best ? bound : Math.Max(bound, SegmentToBox2(px1, py1, px2, py2, minX, minY, maxX, maxY));
    }

    /// <summary>
    /// A lower bound of the squared distance from segment p1–p2 to anything inside the box: 0 when an end lies in the box or
    /// the segment crosses the box's diagonal band, else the least of the corners' distances to the segment and the ends'
    /// to the box. A long slanting footprint edge (a park's side of 2 km) has a box that meets most candidates' boxes;
    /// this bound is what passes over it.
    /// </summary>
    private static double SegmentToBox2(double px1, double py1, double px2, double py2, double minX, double minY, double maxX, double maxY)
    {
        if ((px1 >= minX && px1 <= maxX && py1 >= minY && py1 <= maxY) || (px2 >= minX && px2 <= maxX && py2 >= minY && py2 <= maxY))
        {
            return 0;
        }

        // The segment's line leaves corners on both sides: it may pass through the box.
        var c1 = Cross(px1, py1, px2, py2, minX, minY);
        var c2 = Cross(px1, py1, px2, py2, maxX, minY);
        var c3 = Cross(px1, py1, px2, py2, maxX, maxY);
        var c4 = Cross(px1, py1, px2, py2, minX, maxY);
        var anyPositive = c1 > 0 || c2 > 0 || c3 > 0 || c4 > 0;
        var anyNegative = c1 < 0 || c2 < 0 || c3 < 0 || c4 < 0;
        if (anyPositive == anyNegative)
        {
            return 0; // crosses the line (or touches it): leave it to the segment pairs
        }

        var d = Math.Min(
            Math.Min(PointToSegment2(minX, minY, px1, py1, px2, py2), PointToSegment2(maxX, minY, px1, py1, px2, py2)),
            Math.Min(PointToSegment2(maxX, maxY, px1, py1, px2, py2), PointToSegment2(minX, maxY, px1, py1, px2, py2)));
        return Math.Min(d, Math.Min(PointToBox2(px1, py1, minX, minY, maxX, maxY), PointToBox2(px2, py2, minX, minY, maxX, maxY)));
    }

    private static double PointToBox2(double x, double y, double minX, double minY, double maxX, double maxY)
    {
        var dx = Math.Max(0, Math.Max(minX - x, x - maxX));
        var dy = Math.Max(0, Math.Max(minY - y, y - maxY));
        return (dx * dx) + (dy * dy);
    }

    /// <summary>LineSegment.ClosestPoints for segments that do not cross: the closest of the four end point / projection pairs.</summary>
    private static (Coordinate Here, Coordinate There) ClosestPoints(double px1, double py1, double px2, double py2, double qx1, double qy1, double qx2, double qy2)
    {
        var (ax, ay) = ClosestPoint(px1, py1, px2, py2, qx1, qy1);
        var best = Distance(ax, ay, qx1, qy1);
        var result = (new Coordinate(ax, ay), new Coordinate(qx1, qy1));
        (ax, ay) = ClosestPoint(px1, py1, px2, py2, qx2, qy2);
        var d = Distance(ax, ay, qx2, qy2);
        if (d < best)
        {
            best = d;
            result = (new Coordinate(ax, ay), new Coordinate(qx2, qy2));
        }

        (ax, ay) = ClosestPoint(qx1, qy1, qx2, qy2, px1, py1);
        d = Distance(px1, py1, ax, ay);
        if (d < best)
        {
            best = d;
            result = (new Coordinate(px1, py1), new Coordinate(ax, ay));
        }

        (ax, ay) = ClosestPoint(qx1, qy1, qx2, qy2, px2, py2);
        d = Distance(px2, py2, ax, ay);
        if (d < best)
        {
            result = (new Coordinate(px2, py2), new Coordinate(ax, ay));
        }

        return result;
    }

    /// <summary>The point of segment a–b closest to p (LineSegment.ClosestPoint: the projection, or the nearer end).</summary>
    private static (double X, double Y) ClosestPoint(double ax, double ay, double bx, double by, double x, double y)
    {
        double dx = bx - ax, dy = by - ay;
        var length2 = (dx * dx) + (dy * dy);
        if (length2 > 0)
        {
            var r = (((x - ax) * dx) + ((y - ay) * dy)) / length2;
            if (r > 0 && r < 1)
            {
                return (ax + (r * dx), ay + (r * dy));
            }
        }

        return Distance(ax, ay, x, y) < Distance(bx, by, x, y) ? (ax, ay) : (bx, by);
    }

    private static double Distance(double x1, double y1, double x2, double y2)
    {
        double dx = x2 - x1, dy = y2 - y1;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>Whether segments p1–p2 and q1–q2 certainly cross properly: every orientation sign certain and opposite.</summary>
    private static bool CertainlyCross(double px1, double py1, double px2, double py2, double qx1, double qy1, double qx2, double qy2) =>
        OrientationIfCertain(qx1, qy1, qx2, qy2, px1, py1) * OrientationIfCertain(qx1, qy1, qx2, qy2, px2, py2) == -1
        && OrientationIfCertain(px1, py1, px2, py2, qx1, qy1) * OrientationIfCertain(px1, py1, px2, py2, qx2, qy2) == -1;

    /// <summary>
    /// The side of c from a–b (1 left, −1 right) when the double computation is certain of it, else 0: the error bound of
    /// NTS's CGAlgorithmsDD.OrientationIndexFilter (1e-15 of the terms' magnitude), which it uses before double-double.
    /// </summary>
    private static int OrientationIfCertain(double ax, double ay, double bx, double by, double cx, double cy)
    {
        var left = (ax - cx) * (by - cy);
        var right = (ay - cy) * (bx - cx);
        var det = left - right;
        double sum;
        if (left > 0)
        {
            if (right <= 0)
            {
                return Math.Sign(det);
            }

            sum = left + right;
        }
        else if (left < 0)
        {
            if (right >= 0)
            {
                return Math.Sign(det);
            }

            sum = -left - right;
        }
        else
        {
            return 0; // a zero term: leave it to the robust predicates
        }

        var bound = 1e-15 * sum;
        return det >= bound || -det >= bound ? Math.Sign(det) : 0;
    }

    private static double Cross(double ax, double ay, double bx, double by, double cx, double cy) =>
        ((bx - ax) * (cy - ay)) - ((by - ay) * (cx - ax));

    private static double PointToSegment2(double x, double y, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax, dy = by - ay;
        var length2 = (dx * dx) + (dy * dy);
        var t = length2 == 0 ? 0 : Math.Clamp((((x - ax) * dx) + ((y - ay) * dy)) / length2, 0, 1);
        double ex = x - (ax + (t * dx)), ey = y - (ay + (t * dy));
        return (ex * ex) + (ey * ey);
    }
}
