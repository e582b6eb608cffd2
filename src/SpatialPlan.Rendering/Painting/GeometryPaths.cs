using NetTopologySuite.Geometries;
using SkiaSharp;
using SpatialPlan.Rendering.Sheets;

namespace SpatialPlan.Rendering.Painting;

/// <summary>Turns working-CRS (Gauss-Kruger) geometries into page-space Skia paths through a <see cref="MapFrame"/>.</summary>
internal static class GeometryPaths
{
    /// <summary>
    /// Polygon rings (even-odd, so holes stay holes) and line strings as one path; points are skipped. Simplified to the
    /// sheet's resolution: a vertex closer than half a pixel (<see cref="MapFrame.PixelPt"/>) to the last one kept is
    /// left out (the last vertex of a ring or line always stays), which nobody can see and which keeps a PDF of many
    /// detailed outlines small.
    /// </summary>
    public static SKPath Build(Geometry geometry, MapFrame frame)
    {
        var path = new SKPath { FillType = SKPathFillType.EvenOdd };
        float tolerance = (float)(frame.PixelPt / 2);
        Add(path, geometry, frame, tolerance * tolerance);
        return path;
    }

    private static void Add(SKPath path, Geometry geometry, MapFrame frame, float tolerance2)
    {
        switch (geometry)
        {
            case Polygon polygon:
                AddRing(path, polygon.ExteriorRing.Coordinates, frame, tolerance2, close: true);
                foreach (var hole in polygon.InteriorRings)
                {
                    AddRing(path, hole.Coordinates, frame, tolerance2, close: true);
                }

                break;
            case LineString line:
                AddRing(path, line.Coordinates, frame, tolerance2, close: false);
                break;
            case GeometryCollection collection:
                foreach (var part in collection.Geometries)
                {
                    Add(path, part, frame, tolerance2);
                }

                break;
        }
    }

    private static void AddRing(SKPath path, Coordinate[] coordinates, MapFrame frame, float tolerance2, bool close)
    {
        if (coordinates.Length < 2)
        {
            return;
        }

        var last = frame.ToPage(coordinates[0].X, coordinates[0].Y);
        path.MoveTo(last);
        for (int i = 1; i < coordinates.Length; i++)
        {
            var p = frame.ToPage(coordinates[i].X, coordinates[i].Y);
            if (i < coordinates.Length - 1 && SKPoint.DistanceSquared(p, last) < tolerance2)
            {
                continue;
            }

            path.LineTo(p);
            last = p;
        }

        if (close)
        {
            path.Close();
        }
    }
}
