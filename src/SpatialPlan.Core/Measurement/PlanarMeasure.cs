using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace SpatialPlan.Core.Measurement;

/// <summary>
/// True (ellipsoidal) areas, lengths and distances of geometries given in EPSG:4545 (CGCS2000 Gauss-Kruger,
/// CM 108°E, metres). Grid values are corrected for the Gauss-Kruger point scale factor k, which reaches
/// 1.00017 at the banner's western edge (raw grid areas are up to 3.5e-4 too large there). The correction is
/// integrated exactly over each segment (Gauss–Legendre, exact for the polynomial in k), so results agree with
/// GeographicLib's geodesic area to ~1e-7. This is the only place in SpatialPlan that measures.
/// </summary>
public static class PlanarMeasure
{
    // 3-point Gauss–Legendre on [0, 1]: exact for polynomials up to degree 5.
    private static readonly double[] _nodes = [0.5 - (0.5 * Math.Sqrt(0.6)), 0.5, 0.5 + (0.5 * Math.Sqrt(0.6))];
    private static readonly double[] _weights = [5.0 / 18, 8.0 / 18, 5.0 / 18];

    /// <summary>Area in m² on the CGCS2000 ellipsoid of the polygonal parts of <paramref name="gk4545"/> (EPSG:4545). 0 for points and lines.</summary>
    public static double AreaM2(Geometry gk4545)
    {
        ArgumentNullException.ThrowIfNull(gk4545);
        if (gk4545.IsEmpty)
        {
            return 0;
        }

        var scale = GaussKrugerScale.For(gk4545);
        double total = 0;
        for (var i = 0; i < gk4545.NumGeometries; i++)
        {
            total += gk4545.GetGeometryN(i) switch
            {
                Polygon p => PolygonArea(p, scale),
                GeometryCollection c => AreaM2(c),
                _ => 0,
            };
        }

        return total;
    }

    /// <summary>Length in m on the ellipsoid of <paramref name="gk4545"/> (EPSG:4545); the perimeter for polygons.</summary>
    public static double LengthM(Geometry gk4545)
    {
        ArgumentNullException.ThrowIfNull(gk4545);
        if (gk4545.IsEmpty)
        {
            return 0;
        }

        var scale = GaussKrugerScale.For(gk4545);
        double total = 0;
        foreach (var line in NetTopologySuite.Geometries.Utilities.LinearComponentExtracter.GetLines(gk4545))
        {
            var seq = ((LineString)line).CoordinateSequence;
            for (var i = 1; i < seq.Count; i++)
            {
                total += SegmentLength(seq.GetX(i - 1), seq.GetY(i - 1), seq.GetX(i), seq.GetY(i), scale);
            }
        }

        return total;
    }

    /// <summary>Shortest distance in m on the ellipsoid between two geometries in EPSG:4545; 0 when they touch or overlap, NaN when either is empty.</summary>
    public static double DistanceM(Geometry a, Geometry b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.IsEmpty || b.IsEmpty)
        {
            return double.NaN;
        }

        var nearest = DistanceOp.NearestPoints(a, b);
        var (p, q) = (nearest[0], nearest[1]);
        var scale = GaussKrugerScale.AtLatitude(LatitudeOf(p));
        return SegmentLength(p.X, p.Y, q.X, q.Y, scale);
    }

    /// <summary>Point scale factor k at a point given in EPSG:4545 (grid distance = k × true distance).</summary>
    public static double ScaleFactorAt(Coordinate gk4545) =>
        GaussKrugerScale.AtLatitude(LatitudeOf(gk4545)).K(gk4545.X);

    private static double LatitudeOf(Coordinate gk4545)
    {
        var lat = Crs.CrsTransformer.Transform(gk4545, Crs.Epsg.GaussKruger108, Crs.Epsg.Cgcs2000).Y;
        return double.IsFinite(lat) ? lat : 40.85;
    }

    private static double PolygonArea(Polygon polygon, GaussKrugerScale scale)
    {
        var area = Math.Abs(RingIntegral(polygon.ExteriorRing.CoordinateSequence, scale));
        for (var i = 0; i < polygon.NumInteriorRings; i++)
        {
            area -= Math.Abs(RingIntegral(polygon.GetInteriorRingN(i).CoordinateSequence, scale));
        }

        return area;
    }

    /// <summary>∮ G(x) dy with G the primitive of 1/k²: the signed true area of a closed ring (Green's theorem).</summary>
    private static double RingIntegral(CoordinateSequence ring, GaussKrugerScale scale)
    {
        if (ring.Count < 4)
        {
            return 0;
        }

        // Subtracting G at the first vertex changes nothing on a closed ring but keeps the sums small.
        var g0 = scale.AreaPrimitive(ring.GetX(0));
        double sum = 0;
        for (var i = 1; i < ring.Count; i++)
        {
            double x1 = ring.GetX(i - 1), x2 = ring.GetX(i);
            var dy = ring.GetY(i) - ring.GetY(i - 1);
            double g = 0;
            for (var j = 0; j < 3; j++)
            {
                g += _weights[j] * (scale.AreaPrimitive(x1 + (_nodes[j] * (x2 - x1))) - g0);
            }

            sum += g * dy;
        }

        return sum;
    }

    private static double SegmentLength(double x1, double y1, double x2, double y2, GaussKrugerScale scale)
    {
        var grid = Math.Sqrt(((x2 - x1) * (x2 - x1)) + ((y2 - y1) * (y2 - y1)));
        double inverseK = 0;
        for (var j = 0; j < 3; j++)
        {
            inverseK += _weights[j] / scale.K(x1 + (_nodes[j] * (x2 - x1)));
        }

        return grid * inverseK;
    }
}
