using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace SpatialPlan.DataGen;

/// <summary>
/// The topology rules, enforced while generating (the tests and GDAL check them again on the written files):
/// parcels do not overlap; no farmland in urban boundaries, wetlands or the red line; all zones inside the banner.
/// </summary>
public static class Topology
{
    public static void CheckFarmland(World w, List<(Geometry Geometry, Props Props)> farmland)
    {
        var tree = new STRtree<int>();
        for (var i = 0; i < farmland.Count; i++)
        {
            tree.Insert(farmland[i].Geometry.EnvelopeInternal, i);
        }

        var banner = PreparedGeometryFactory.Prepare(w.Banner);
        var zones = PreparedGeometryFactory.Prepare(Geo.Union([w.RedLineUnion, w.UrbanUnion, w.WetlandUnion]));
        for (var i = 0; i < farmland.Count; i++)
        {
            var g = farmland[i].Geometry;
            var pg = PreparedGeometryFactory.Prepare(g);
            if (tree.Query(g.EnvelopeInternal).Any(j => j > i && pg.Intersects(farmland[j].Geometry)))
            {
                throw new InvalidOperationException($"farmland parcel {i + 1} touches or overlaps another parcel");
            }

            if (zones.Intersects(g))
            {
                throw new InvalidOperationException($"farmland parcel {i + 1} lies in a red line, urban boundary or wetland");
            }

            if (!banner.Covers(g))
            {
                throw new InvalidOperationException($"farmland parcel {i + 1} is not inside the banner");
            }
        }
    }

    public static void CheckZones(World w)
    {
        var banner = PreparedGeometryFactory.Prepare(w.Banner);
        var all = w.Wetlands.Select(x => (x.Geometry, x.Props)).Concat(w.Urban).Concat(w.RedLine).Concat(w.Belts).Concat(w.Roads);
        foreach (var (g, props) in all)
        {
            if (g.IsEmpty || !g.IsValid || !banner.Covers(g))
            {
                throw new InvalidOperationException($"{World.Id(props)} is empty, invalid or not inside the banner");
            }
        }

        var redline = PreparedGeometryFactory.Prepare(w.RedLineUnion);
        var urban = w.UrbanUnion;
        if (redline.Intersects(urban))
        {
            throw new InvalidOperationException("an urban development boundary overlaps the ecological red line");
        }

        foreach (var (g, props, _, _) in w.Wetlands)
        {
            if (g.Intersects(urban))
            {
                throw new InvalidOperationException($"wetland {World.Id(props)} overlaps an urban development boundary");
            }
        }
    }
}
