using NetTopologySuite.Geometries;
using SkiaSharp;
using SpatialPlan.Rendering.Sheets;

namespace SpatialPlan.Rendering.Painting;

/// <summary>Turns working-CRS (Gauss-Kruger) geometries into page-space Skia paths through a <see cref="MapFrame"/>.</summary>
internal static class GeometryPaths
{
    /// <summary>Polygon rings (even-odd, so holes stay holes) and line strings as one path; points are skipped.</summary>
    public static SKPath Build(Geometry geometry, MapFrame frame)
    {
        var path = new SKPath { FillType = SKPathFillType.EvenOdd };
        Add(path, geometry, frame);
        return path;
    }

    private static void Add(SKPath path, Geometry geometry, MapFrame frame)
    {
        switch (geometry)
        {
            case Polygon polygon:
                AddRing(path, polygon.ExteriorRing.Coordinates, frame, close: true);
                foreach (var hole in polygon.InteriorRings)
                {
                    AddRing(path, hole.Coordinates, frame, close: true);
                }

                break;
            case LineString line:
                AddRing(path, line.Coordinates, frame, close: false);
                break;
            case GeometryCollection collection:
                foreach (var part in collection.Geometries)
                {
                    Add(path, part, frame);
                }

                break;
        }
    }

    private static void AddRing(SKPath path, Coordinate[] coordinates, MapFrame frame, bool close)
    {
        if (coordinates.Length < 2)
        {
            return;
        }

        path.MoveTo(frame.ToPage(coordinates[0].X, coordinates[0].Y));
        for (int i = 1; i < coordinates.Length; i++)
        {
            path.LineTo(frame.ToPage(coordinates[i].X, coordinates[i].Y));
        }

        if (close)
        {
            path.Close();
        }
    }
}
