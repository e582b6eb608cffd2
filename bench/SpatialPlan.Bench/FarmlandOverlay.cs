using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Bench;

/// <summary>
/// The bare overlay the PostGIS and GDAL sides run, done with SpatialPlan's loaded layer: STRtree query on
/// the footprint's envelope, prepared-geometry intersects, OverlayNG intersection, sum of raw EPSG:4545
/// (grid) areas. No scale correction, no union, no buffer search, no verdict: the apples-to-apples
/// counterpart of <c>SELECT sum(ST_Area(ST_Intersection(p.geom, f.geom))) … WHERE ST_Intersects(…)</c>.
/// </summary>
public static class FarmlandOverlay
{
    /// <summary>Number of parcels that intersect the footprint and the sum of their intersection areas (grid m²).</summary>
    public static (int Parcels, double GridAreaM2) Run(ZoneLayer layer, Geometry footprintGk)
    {
        var prepared = PreparedGeometryFactory.Prepare(footprintGk);
        var parcels = 0;
        var area = 0.0;
        foreach (var candidate in layer.Query(footprintGk.EnvelopeInternal))
        {
            if (!prepared.Intersects(candidate.Geometry))
            {
                continue;
            }

            parcels++;
            area += prepared.ContainsProperly(candidate.Geometry)
                ? candidate.Geometry.Area
                : OverlayNGRobust.Overlay(footprintGk, candidate.Geometry, SpatialFunction.Intersection).Area;
        }

        return (parcels, area);
    }
}
