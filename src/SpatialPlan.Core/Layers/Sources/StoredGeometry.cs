using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// Geometries read from an indexed store (GeoPackage, PostGIS) are used as the GeoJSON reader would leave them: an
/// invalid polygon (a bow-tie, a self-touching ring) is repaired with <see cref="GeometryFixer"/>, which keeps every
/// lobe, so an overlay never measures a broken ring. Import writes valid geometries; this guards files edited elsewhere.
/// </summary>
internal static class StoredGeometry
{
    public static Geometry Usable(Geometry geometry)
    {
        if (geometry is not IPolygonal || geometry.IsValid)
        {
            return geometry;
        }

        var fixedGeometry = GeometryFixer.Fix(geometry);
        fixedGeometry.SRID = geometry.SRID;
        return fixedGeometry;
    }
}
