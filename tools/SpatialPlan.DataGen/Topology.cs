using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace SpatialPlan.DataGen;

/// <summary>
/// The topology rules, enforced while generating (the tests and GDAL check them again on the written files):
/// farmland parcels of both layers neither overlap nor touch, and are 5–60 亩; no farmland in urban boundaries, wetlands,
/// the red line, nature reserves, the closure area or the water-management zones; every nature reserve and every important wetland wholly inside the red line; the closure area inside the
/// desert red line; water-management levels disjoint; all zones inside the banner.
/// </summary>
public static class Topology
{
    /// <param name="realGranularity">The embedded farmland: every 图斑 is 5–60 亩. Benchmark data (finer) is only checked
    /// for a positive area.</param>
    public static void CheckFarmland(World w, List<FarmParcel> permanent, List<FarmParcel> general, bool realGranularity = true)
    {
        var (minMu, maxMu) = realGranularity ? (5.0, 60.0) : (double.Epsilon, 60.0);
        var all = permanent.Concat(general).ToList();
        var tree = new STRtree<int>();
        for (var i = 0; i < all.Count; i++)
        {
            tree.Insert(all[i].Local.EnvelopeInternal, i);
        }

        tree.Build();
        // Prepared geometries build their indexes lazily, so each thread gets its own.
        var zonePolygons = w.RedLine.Concat(w.Urban).Concat(w.Wetlands.Select(x => (x.Geometry, x.Props))).Concat(w.NatureReserves)
            .Concat(w.Closures).Concat(w.WaterManagement).SelectMany(z => Geo.Polygons(z.Geometry)).ToList();
        using var zones = new ThreadLocal<STRtree<IPreparedGeometry>>(() =>
        {
            var t = new STRtree<IPreparedGeometry>();
            foreach (var zone in zonePolygons)
            {
                t.Insert(zone.EnvelopeInternal, PreparedGeometryFactory.Prepare(zone));
            }

            t.Build();
            return t;
        });
        using var banner = new ThreadLocal<IPreparedGeometry>(() => PreparedGeometryFactory.Prepare(w.Banner));
        var problems = Enumerable.Range(0, all.Count).AsParallel().AsOrdered().Select(i =>
        {
            var g = all[i].Local;
            var id = World.Id(all[i].Props);
            // Parcels are small: a facet distance is cheaper than a relate, and 0 means they meet or overlap.
            if (tree.Query(g.EnvelopeInternal).FirstOrDefault(j => j > i && g.Distance(all[j].Local) == 0, -1) is var j and >= 0)
            {
                return $"farmland parcel {id} touches or overlaps {World.Id(all[j].Props)}";
            }

            if (zones.Value!.Query(g.EnvelopeInternal).Any(z => z.Intersects(g)))
            {
                return $"farmland parcel {id} lies in a red line, urban boundary, wetland, nature reserve, closure area or water-management zone";
            }

            if (!banner.Value!.Covers(g))
            {
                return $"farmland parcel {id} is not inside the banner";
            }

            var mu = (double)all[i].Props.First(p => p.Key == "areaMu").Value!;
            return mu < minMu || mu > maxMu || !all[i].Gk.IsValid
                ? $"farmland parcel {id} has {mu} 亩 ({minMu}–{maxMu} expected) or is invalid in EPSG:4545"
                : null;
        }).FirstOrDefault(p => p is not null);
        if (problems is not null)
        {
            throw new InvalidOperationException(problems);
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
