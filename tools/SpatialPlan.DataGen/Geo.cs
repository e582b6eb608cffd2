using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;

namespace SpatialPlan.DataGen;

/// <summary>Geometry helpers in the local metre grid (OverlayNG, so overlays do not throw).</summary>
public static class Geo
{
    public static readonly NtsGeometryServices Services = new(
        NetTopologySuite.Geometries.Implementation.CoordinateArraySequenceFactory.Instance,
        new PrecisionModel(), 4490, GeometryOverlay.NG, new CoordinateEqualityComparer());

    public static readonly GeometryFactory Factory = Services.CreateGeometryFactory();

    public static Point Pt(Coordinate c) => Factory.CreatePoint(c);

    public static LineString Line(params Coordinate[] cs) => Factory.CreateLineString(cs);

    /// <summary>Line through lon/lat pairs, returned in metres.</summary>
    public static LineString LineLL(params (double Lon, double Lat)[] pts) =>
        Line(pts.Select(p => LocalGrid.Metres(p.Lon, p.Lat)).ToArray());

    /// <summary>
    /// A blob (irregular closed outline) in metres: radius rx/ry, rotated, with seeded wobble so it does not
    /// look like an ellipse.
    /// </summary>
    public static Polygon Blob(Coordinate centre, double rx, double ry, double rotDeg, Prng rng, int n = 24,
        double wobble = 0.18)
    {
        var cs = new Coordinate[n + 1];
        var rot = rotDeg * Math.PI / 180;
        var phase = rng.NextDouble() * Math.PI * 2;
        var amp2 = wobble * (0.5 + rng.NextDouble() * 0.5);
        var amp3 = wobble * 0.6 * rng.NextDouble();
        for (var i = 0; i < n; i++)
        {
            var t = 2 * Math.PI * i / n;
            var r = 1 + amp2 * Math.Sin(2 * t + phase) + amp3 * Math.Sin(3 * t + 2 * phase);
            var x = rx * r * Math.Cos(t);
            var y = ry * r * Math.Sin(t);
            cs[i] = new Coordinate(
                centre.X + x * Math.Cos(rot) - y * Math.Sin(rot),
                centre.Y + x * Math.Sin(rot) + y * Math.Cos(rot));
        }

        cs[n] = cs[0].Copy();
        return Factory.CreatePolygon(cs);
    }

    public static Geometry Buffer(Geometry g, double d, int quadSegs = 6) =>
        g.Buffer(d, new BufferParameters(quadSegs, EndCapStyle.Round, JoinStyle.Round, 5));

    public static Geometry FlatBuffer(Geometry g, double d) =>
        g.Buffer(d, new BufferParameters(4, EndCapStyle.Flat, JoinStyle.Round, 5));

    /// <summary>Union of many geometries (cascaded).</summary>
    public static Geometry Union(IEnumerable<Geometry> gs) =>
        NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(gs.ToList()) ?? Factory.CreatePolygon();

    /// <summary>The polygonal parts of a geometry, as a list of polygons (sorted for stable output).</summary>
    public static List<Polygon> Polygons(Geometry g)
    {
        var list = new List<Polygon>();
        for (var i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is Polygon p && !p.IsEmpty)
            {
                list.Add(p);
            }
            else if (g.GetGeometryN(i) is GeometryCollection gc && gc != g)
            {
                list.AddRange(Polygons(gc));
            }
        }

        return list;
    }

    /// <summary>Polygonal result as Polygon or MultiPolygon, dropping parts smaller than minArea m².</summary>
    public static Geometry Polygonal(Geometry g, double minArea = 0)
    {
        var parts = Polygons(g).Where(p => p.Area >= minArea).ToArray();
        return parts.Length == 1 ? parts[0] : Factory.CreateMultiPolygon(parts);
    }

    /// <summary>Simplify in metres, keeping topology valid.</summary>
    public static Geometry Simplify(Geometry g, double tol) =>
        NetTopologySuite.Simplify.TopologyPreservingSimplifier.Simplify(g, tol);
}
