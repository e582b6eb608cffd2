using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace SpatialPlan.DataGen;

/// <summary>
/// The topology rules, enforced while generating (the tests and GDAL check them again on the written files):
/// farmland parcels of both layers neither overlap nor touch; no farmland in urban boundaries, wetlands or the red
/// line; every nature reserve and every important wetland wholly inside the red line; the closure area inside the
/// desert red line; water-management levels disjoint; all zones inside the banner.
/// </summary>
public static class Topology
{
    public static void CheckFarmland(World w, List<(Geometry Geometry, Props Props)> permanent,
        List<(Geometry Geometry, Props Props)> general)
    {
        var all = permanent.Concat(general).ToList();
        var tree = new STRtree<int>();
        for (var i = 0; i < all.Count; i++)
        {
            tree.Insert(all[i].Geometry.EnvelopeInternal, i);
        }

        var banner = PreparedGeometryFactory.Prepare(w.Banner);
        var zones = PreparedGeometryFactory.Prepare(Geo.Union([w.RedLineUnion, w.UrbanUnion, w.WetlandUnion]));
        for (var i = 0; i < all.Count; i++)
        {
            var g = all[i].Geometry;
            var id = World.Id(all[i].Props);
            var pg = PreparedGeometryFactory.Prepare(g);
            if (tree.Query(g.EnvelopeInternal).FirstOrDefault(j => j > i && pg.Intersects(all[j].Geometry), -1) is var j and >= 0)
            {
                throw new InvalidOperationException($"farmland parcel {id} touches or overlaps {World.Id(all[j].Props)}");
            }

            if (zones.Intersects(g))
            {
                throw new InvalidOperationException($"farmland parcel {id} lies in a red line, urban boundary or wetland");
            }

            if (!banner.Covers(g))
            {
                throw new InvalidOperationException($"farmland parcel {id} is not inside the banner");
            }
        }
    }

    public static void CheckZones(World w)
    {
        var banner = PreparedGeometryFactory.Prepare(w.Banner);
        var all = w.Wetlands.Select(x => (x.Geometry, x.Props)).Concat(w.Urban).Concat(w.RedLine).Concat(w.NatureReserves)
            .Concat(w.Closures).Concat(w.WaterManagement).Concat(w.Belts).Concat(w.Roads);
        foreach (var (g, props) in all)
        {
            if (g.IsEmpty || !g.IsValid || !banner.Covers(g))
            {
                throw new InvalidOperationException($"{World.Id(props)} is empty, invalid or not inside the banner");
            }
        }

        var redlineUnion = w.RedLineUnion;
        var redline = PreparedGeometryFactory.Prepare(redlineUnion);
        var urban = w.UrbanUnion;
        if (redline.Intersects(urban))
        {
            throw new InvalidOperationException("an urban development boundary overlaps the ecological red line");
        }

        foreach (var (g, props, level) in w.Wetlands)
        {
            if (g.Intersects(urban))
            {
                throw new InvalidOperationException($"wetland {World.Id(props)} overlaps an urban development boundary");
            }

            if (Levels.IsImportantWetland(level) && g.Difference(redlineUnion).Area > 0.01)
            {
                throw new InvalidOperationException($"important wetland {World.Id(props)} is not wholly inside the red line (湿地保护法 Art 14)");
            }
        }

        foreach (var (g, props) in w.NatureReserves)
        {
            if (!w.RedLine.Any(r => r.Geometry.Covers(g)))
            {
                throw new InvalidOperationException($"nature reserve {World.Id(props)} is not wholly inside the red line");
            }
        }

        var desert = PreparedGeometryFactory.Prepare(w.RedLineOf("eco-ulanbuh"));
        foreach (var (g, props) in w.Closures)
        {
            if (!desert.Covers(g))
            {
                throw new InvalidOperationException($"closure area {World.Id(props)} is not inside the desert red line");
            }
        }

        var levels = w.WaterManagement.GroupBy(x => (string)x.Props.First(p => p.Key == "level").Value!)
            .Select(grp => (grp.Key, Union: Geo.Union(grp.Select(x => x.Geometry)))).ToList();
        for (var a = 0; a < levels.Count; a++)
        {
            for (var b = a + 1; b < levels.Count; b++)
            {
                if (levels[a].Union.Intersection(levels[b].Union).Area > 0.01)
                {
                    throw new InvalidOperationException($"water-management levels {levels[a].Key} and {levels[b].Key} overlap");
                }
            }
        }
    }
}
