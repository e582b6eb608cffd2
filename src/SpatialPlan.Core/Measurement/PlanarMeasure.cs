using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Core.Measurement;

/// <summary>
/// True (ellipsoidal) areas, lengths and distances of geometries given in a working CRS: a CGCS2000 3-degree
/// Gauss-Kruger zone without zone prefix (EPSG:4534–4554, metres, false easting 500 000 m), whichever zone it is. Grid
/// values are corrected for the Gauss-Kruger point scale factor k, which depends only on the distance from the zone's
/// central meridian and on latitude (<see cref="GaussKrugerScale"/>): k reaches about 1.00017 120 km from the central
/// meridian at 41°N, 1.00035 at a zone's edge at the equator, so raw grid areas are up to 7e-4 too large. The correction
/// is integrated exactly over each segment (Gauss–Legendre, exact for the polynomial in k), so results agree with
/// GeographicLib's geodesic area to ~1e-7. This is the only place in SpatialPlan that measures.
/// </summary>
public static class PlanarMeasure
{
    // 3-point Gauss–Legendre on [0, 1]: exact for polynomials up to degree 5.
    private static readonly double[] _nodes = [0.5 - (0.5 * Math.Sqrt(0.6)), 0.5, 0.5 + (0.5 * Math.Sqrt(0.6))];
    private static readonly double[] _weights = [5.0 / 18, 8.0 / 18, 5.0 / 18];

    /// <summary>Area in m² on the CGCS2000 ellipsoid of the polygonal parts of <paramref name="gk"/> (a Gauss-Kruger working CRS). 0 for points and lines.</summary>
    public static double AreaM2(Geometry gk)
    {
        ArgumentNullException.ThrowIfNull(gk);
        if (gk.IsEmpty)
        {
            return 0;
        }

        var scale = GaussKrugerScale.For(gk);
        double total = 0;
        for (var i = 0; i < gk.NumGeometries; i++)
        {
            total += gk.GetGeometryN(i) switch
            {
                Polygon p => PolygonArea(p, scale),
                GeometryCollection c => AreaM2(c),
                _ => 0,
            };
        }

        return total;
    }

    /// <summary>Length in m on the ellipsoid of <paramref name="gk"/> (a Gauss-Kruger working CRS); the perimeter for polygons.</summary>
    public static double LengthM(Geometry gk)
    {
        ArgumentNullException.ThrowIfNull(gk);
        if (gk.IsEmpty)
        {
            return 0;
        }

        var scale = GaussKrugerScale.For(gk);
        double total = 0;
        foreach (var line in NetTopologySuite.Geometries.Utilities.LinearComponentExtracter.GetLines(gk))
        {
            var seq = ((LineString)line).CoordinateSequence;
            for (var i = 1; i < seq.Count; i++)
            {
                total += SegmentLength(seq.GetX(i - 1), seq.GetY(i - 1), seq.GetX(i), seq.GetY(i), scale);
            }
        }

        return total;
    }

    /// <summary>Shortest distance in m on the ellipsoid between two geometries in the same Gauss-Kruger working CRS; 0 when they touch or overlap, NaN when either is empty.</summary>
    public static double DistanceM(Geometry a, Geometry b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.IsEmpty || b.IsEmpty)
        {
            return double.NaN;
        }

        var nearest = DistanceOp.NearestPoints(a, b);
        return DistanceM(nearest[0], nearest[1]);
    }

    /// <summary>Distance in m on the ellipsoid between two points of a Gauss-Kruger working CRS, the scale taken at <paramref name="p"/>'s latitude.</summary>
    public static double DistanceM(Coordinate p, Coordinate q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var scale = GaussKrugerScale.AtLatitude(GaussKrugerScale.LatitudeOf(p));
        return SegmentLength(p.X, p.Y, q.X, q.Y, scale);
    }

    /// <summary>Point scale factor k at a point given in a Gauss-Kruger working CRS (grid distance = k × true distance).</summary>
    public static double ScaleFactorAt(Coordinate gk) =>
        GaussKrugerScale.AtLatitude(GaussKrugerScale.LatitudeOf(gk)).K(gk.X);

    /// <summary>
    /// Area in m² on the ellipsoid of a lon/lat geometry (EPSG:4490), measured in <paramref name="zone"/> or, when null,
    /// in the zone of the geometry's own centre (where the scale correction is smallest). For reports on inputs that have
    /// no working CRS yet (a repair's area change, a boundary given to <c>init</c>).
    /// </summary>
    public static double AreaOfLonLatM2(Geometry lonLat, GaussKrugerZone? zone = null)
    {
        ArgumentNullException.ThrowIfNull(lonLat);
        if (lonLat.IsEmpty)
        {
            return 0;
        }

        zone ??= GaussKrugerZone.NearestTo(lonLat.EnvelopeInternal.Centre.X);
        return AreaM2(CrsTransformer.Transform(lonLat, Epsg.Cgcs2000, zone.Epsg));
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
