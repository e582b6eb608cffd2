using System.Buffers.Binary;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace SpatialPlan.Core.Import;

/// <summary>
/// Builds the geometry of one .shp record (ESRI Shapefile Technical Description, 1998) from its content bytes, which
/// <see cref="Sources.ShpStructure"/> has already checked (counts within the record, finite x/y). x/y only: Z and M
/// are not kept (layers are 2D). Polygons follow the specification's ring semantics, as GDAL and
/// NetTopologySuite.IO.Esri do: clockwise rings are shells, counter-clockwise rings are holes, each hole belongs to the
/// smallest shell that contains it, and a hole no shell contains is taken as a shell. Whatever that leaves invalid is
/// repaired (and reported) later by the import.
/// </summary>
internal static class ShpGeometry
{
    /// <summary>The geometry, or null for a null shape (type 0).</summary>
    public static Geometry? Read(ReadOnlySpan<byte> content, GeometryFactory factory)
    {
        var type = BinaryPrimitives.ReadInt32LittleEndian(content);
        switch (type % 10)
        {
            case 0:
                return null;
            case 1:
                return factory.CreatePoint(new Coordinate(X(content, 4), Y(content, 4)));
            case 8:
            {
                var n = BinaryPrimitives.ReadInt32LittleEndian(content[36..]);
                var points = new Point[n];
                for (var i = 0; i < n; i++)
                {
                    points[i] = factory.CreatePoint(new Coordinate(X(content, 40 + (16 * i)), Y(content, 40 + (16 * i))));
                }

                return factory.CreateMultiPoint(points);
            }

            default:
                return Multipart(content, type % 10 == 5, factory);
        }
    }

    private static Geometry Multipart(ReadOnlySpan<byte> content, bool polygon, GeometryFactory factory)
    {
        var parts = BinaryPrimitives.ReadInt32LittleEndian(content[36..]);
        var points = BinaryPrimitives.ReadInt32LittleEndian(content[40..]);
        var xy = 44 + (4 * parts);
        var sequences = new CoordinateSequence[parts];
        for (var p = 0; p < parts; p++)
        {
            var start = BinaryPrimitives.ReadInt32LittleEndian(content[(44 + (4 * p))..]);
            var end = p + 1 < parts ? BinaryPrimitives.ReadInt32LittleEndian(content[(44 + (4 * (p + 1)))..]) : points;
            var coords = new double[2 * (end - start)];
            for (var i = start; i < end; i++)
            {
                coords[2 * (i - start)] = X(content, xy + (16 * i));
                coords[(2 * (i - start)) + 1] = Y(content, xy + (16 * i));
            }

            sequences[p] = new PackedDoubleCoordinateSequence(coords, 2, 0);
        }

        if (!polygon)
        {
            var lines = sequences.Select(s => factory.CreateLineString(s)).ToArray();
            return lines.Length == 1 ? lines[0] : factory.CreateMultiLineString(lines);
        }

        return Polygons(sequences, factory);
    }

    private static Geometry Polygons(CoordinateSequence[] rings, GeometryFactory factory)
    {
        var closed = rings.Where(r => r.Count > 0).Select(Close).ToList();
        if (closed.Count == 0)
        {
            return factory.CreatePolygon();
        }

        if (closed.Any(r => r.Count < 4))
        {
            // A ring of fewer than 4 points is not a ring: nothing sensible to build (reported as unreadable).
            return factory.CreatePolygon();
        }

        if (closed.Count == 1)
        {
            return factory.CreatePolygon(factory.CreateLinearRing(closed[0]));
        }

        var shells = new List<(LinearRing Ring, double Area, List<LinearRing> Holes)>();
        var holes = new List<LinearRing>();
        foreach (var ring in closed)
        {
            var linear = factory.CreateLinearRing(ring);
            var signed = Area.OfRingSigned(ring);
            if (signed > 0)
            {
                shells.Add((linear, signed, []));
            }
            else
            {
                holes.Add(linear);
            }
        }

        if (shells.Count == 0)
        {
            // No clockwise ring at all (a writer that ignored the orientation rule): every ring is a shell.
            return Assemble(holes.Select(h => (h, Area.OfRing(h.CoordinateSequence), new List<LinearRing>())).ToList(), factory);
        }

        foreach (var hole in holes)
        {
            var e = hole.EnvelopeInternal;
            var inside = shells.Where(s => s.Ring.EnvelopeInternal.Contains(e) && Within(hole, s.Ring)).OrderBy(s => s.Area).FirstOrDefault();
            if (inside.Ring is null)
            {
                shells.Add((factory.CreateLinearRing(Reverse(hole.CoordinateSequence)), Area.OfRing(hole.CoordinateSequence), []));
            }
            else
            {
                inside.Holes.Add(hole);
            }
        }

        return Assemble(shells, factory);
    }

    private static Geometry Assemble(List<(LinearRing Ring, double Area, List<LinearRing> Holes)> shells, GeometryFactory factory)
    {
        var polygons = shells.Select(s => factory.CreatePolygon(s.Ring, [.. s.Holes])).ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    /// <summary>True when a vertex of <paramref name="hole"/> that is not on <paramref name="shell"/>'s boundary lies inside it.</summary>
    private static bool Within(LinearRing hole, LinearRing shell)
    {
        var shellSequence = shell.CoordinateSequence;
        var seq = hole.CoordinateSequence;
        for (var i = 0; i < seq.Count - 1; i++)
        {
            var location = PointLocation.LocateInRing(seq.GetCoordinate(i), shellSequence);
            if (location != Location.Boundary)
            {
                return location == Location.Interior;
            }
        }

        return true; // every vertex on the shell's boundary: a hole that fills its shell; let validation speak
    }

    /// <summary>The ring, closed if its writer left it open.</summary>
    private static CoordinateSequence Close(CoordinateSequence ring)
    {
        var n = ring.Count;
        if (n == 0 || (ring.GetX(0) == ring.GetX(n - 1) && ring.GetY(0) == ring.GetY(n - 1)))
        {
            return ring;
        }

        var coords = new double[2 * (n + 1)];
        for (var i = 0; i < n; i++)
        {
            coords[2 * i] = ring.GetX(i);
            coords[(2 * i) + 1] = ring.GetY(i);
        }

        coords[2 * n] = ring.GetX(0);
        coords[(2 * n) + 1] = ring.GetY(0);
        return new PackedDoubleCoordinateSequence(coords, 2, 0);
    }

    private static CoordinateSequence Reverse(CoordinateSequence ring)
    {
        var n = ring.Count;
        var coords = new double[2 * n];
        for (var i = 0; i < n; i++)
        {
            coords[2 * i] = ring.GetX(n - 1 - i);
            coords[(2 * i) + 1] = ring.GetY(n - 1 - i);
        }

        return new PackedDoubleCoordinateSequence(coords, 2, 0);
    }

    private static double X(ReadOnlySpan<byte> content, int at) => BinaryPrimitives.ReadDoubleLittleEndian(content[at..]);

    private static double Y(ReadOnlySpan<byte> content, int at) => BinaryPrimitives.ReadDoubleLittleEndian(content[(at + 8)..]);
}
