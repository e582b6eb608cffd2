using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// The footprint's 界址点坐标表 (boundary-point table) in EPSG:4545 (CGCS2000, 3° Gauss-Krüger zone, CM 108°E): every
/// vertex of every ring, with X = northing and Y = easting. Each ring starts at the vertex nearest the north-west corner
/// of its bounding box and runs clockwise as seen on the map, the way cadastral surveys number 界址点; points are
/// numbered J1, J2, … across the rings, and each ring closes on its first point. The coordinates are the footprint's
/// own (no rounding, no simplification): the report prints them to the millimetre.
/// </summary>
public static class BoundaryPoints
{
    /// <summary>The rings of a polygonal footprint in EPSG:4545.</summary>
    public static IReadOnlyList<BoundaryRing> Of(Geometry footprintGk)
    {
        ArgumentNullException.ThrowIfNull(footprintGk);
        var rings = new List<BoundaryRing>();
        int next = 1;
        var polygons = Enumerable.Range(0, footprintGk.NumGeometries).Select(footprintGk.GetGeometryN).OfType<Polygon>().Where(p => !p.IsEmpty).ToList();
        for (int part = 0; part < polygons.Count; part++)
        {
            var polygon = polygons[part];
            rings.Add(Ring(part + 1, 0, polygon.ExteriorRing, ref next));
            for (int hole = 0; hole < polygon.NumInteriorRings; hole++)
            {
                rings.Add(Ring(part + 1, hole + 1, polygon.GetInteriorRingN(hole), ref next));
            }
        }

        return rings;
    }

    /// <summary>How many distinct points the table lists (closing repeats not counted).</summary>
    public static int CountPoints(IReadOnlyList<BoundaryRing> rings) => rings.Sum(r => r.Points.Count - 1);

    private static BoundaryRing Ring(int part, int index, LineString ring, ref int next)
    {
        // Without the closing repeat; clockwise in the (easting, northing) plane, i.e. clockwise on the map.
        var coords = ring.Coordinates[..^1].ToList();
        if (Orientation.IsCCW(ring.CoordinateSequence))
        {
            coords.Reverse();
        }

        var env = ring.EnvelopeInternal;
        int start = 0;
        double best = double.MaxValue;
        for (int i = 0; i < coords.Count; i++)
        {
            double dx = coords[i].X - env.MinX, dy = env.MaxY - coords[i].Y;
            double d = (dx * dx) + (dy * dy);
            if (d < best)
            {
                best = d;
                start = i;
            }
        }

        var points = new List<BoundaryPoint>(coords.Count + 1);
        for (int i = 0; i < coords.Count; i++)
        {
            var c = coords[(start + i) % coords.Count];
            points.Add(new BoundaryPoint($"J{next++}", c.Y, c.X));
        }

        points.Add(points[0]);
        return new BoundaryRing(part, index, points);
    }
}
