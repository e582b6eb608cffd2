using NetTopologySuite.Geometries;

namespace SpatialPlan.DataGen;

/// <summary>Builds the layers in dependency order and writes them (metres -> EPSG:4490 on output).</summary>
public static class Generator
{
    public const ulong Seed = 20210119; // the day the plan was adopted

    public static World BuildWorld(string layersDir, string? writeTo)
    {
        var w = new World(layersDir);
        var rng = new Prng(Seed);
        TownLayers.BuildRoads(w);
        Write(writeTo, "towns", "乡镇驻地 towns", TownLayers.Towns(w));
        Write(writeTo, "town-structure", "一心一带三轴 town structure", TownLayers.Structure(w));
        Write(writeTo, "roads", "道路（示意） roads (schematic)", w.Roads);
        ZoneLayers.Build(w, rng);
        WaterLayers.Build(w);
        Write(writeTo, "wetlands", "湿地 wetlands", w.Wetlands.Select(x => (x.Geometry, x.Props)));
        Write(writeTo, "urban-boundary", "城镇开发边界 urban development boundary", w.Urban);
        Write(writeTo, "eco-redline", "生态保护红线 ecological protection red line", w.RedLine);
        Write(writeTo, "nature-reserves", "自然保护地 nature reserves", w.NatureReserves);
        Write(writeTo, "desertification-closures", "沙化土地封禁保护区 desertified-land closure areas", w.Closures);
        Write(writeTo, "water-management", "水域管理范围 water management zones", w.WaterManagement);
        Write(writeTo, "showcase-belts", "乡村振兴示范带 rural-revival showcase belts", w.Belts);
        Topology.CheckZones(w);
        return w;
    }

    /// <summary>
    /// Builds both farmland layers (or, with <paramref name="parcels"/>, only the permanent farmland cut finer into that
    /// many parcels, for benchmarks), checks the topology rules on them, and writes each as a GeoPackage layer
    /// (EPSG:4545) and, with <paramref name="geoJson"/>, an EPSG:4490 GeoJSON copy.
    /// </summary>
    public static void WriteFarmland(World w, string layersDir, int? parcels, bool geoJson)
    {
        var clock = new Clock();
        var generated = parcels is null ? FarmlandGenerator.Generate(w) : Finer(w, parcels.Value);
        var (permanent, general) = FarmlandLayers.Describe(generated);
        Console.WriteLine($"farmland generated: {permanent.Count} permanent, {general.Count} general parcels ({clock})");
        Topology.CheckFarmland(w, permanent, general, realGranularity: parcels is null);
        Console.WriteLine($"farmland topology checked ({clock})");
        FarmlandLayers.WriteGpkg(layersDir, "farmland", "永久基本农田（示意）", permanent);
        if (parcels is null)
        {
            FarmlandLayers.WriteGpkg(layersDir, "general-farmland", "一般耕地（示意）", general);
        }

        if (geoJson)
        {
            Write(layersDir, "farmland", "永久基本农田 permanent basic farmland", permanent.Select(p => ((Geometry)p.Local, p.Props)));
            if (parcels is null)
            {
                Write(layersDir, "general-farmland", "一般耕地 general farmland", general.Select(p => ((Geometry)p.Local, p.Props)));
            }
        }
        else
        {
            // The catalog reads the farmland from its GeoPackages: a GeoJSON copy an earlier build left here is stale.
            foreach (var stale in new[] { "farmland", "general-farmland" })
            {
                File.Delete(Path.Combine(layersDir, stale + ".geojson"));
            }
        }

        Console.WriteLine($"farmland written ({clock})");
    }

    /// <summary>Benchmark data: the same fields scaled down until there are at least <paramref name="wanted"/> permanent parcels.</summary>
    private static List<Parcel> Finer(World w, int wanted)
    {
        var scale = 1.0;
        while (true)
        {
            var all = FarmlandGenerator.Generate(w, scale);
            var permanent = all.Where(p => p.Permanent).ToList();
            if (permanent.Count >= wanted)
            {
                return permanent.Take(wanted).ToList();
            }

            scale *= Math.Min(0.95, Math.Sqrt((double)permanent.Count / wanted) * 0.98);
        }
    }

    /// <summary>
    /// The writer rounds coordinates to 7 decimals. Where the geometry in degrees is not valid at that precision (vertices
    /// closer than the rounding, as the buffers of the braided 1:4M river leave), it is repaired and snapped to that grid
    /// with its topology kept, and its area must not change by more than one part in a million.
    /// </summary>
    private static Geometry ValidWhenRounded(Geometry degrees, string? id)
    {
        var grid = new PrecisionModel(1e7);
        var rounded = degrees.Copy();
        rounded.Apply(new RoundFilter(grid));
        if (rounded.IsValid)
        {
            return degrees;
        }

        var fixedUp = NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(degrees);
        var snapped = NetTopologySuite.Precision.GeometryPrecisionReducer.Reduce(fixedUp, grid);
        return snapped.IsValid && !snapped.IsEmpty && Math.Abs(snapped.Area - degrees.Area) < 1e-6 * degrees.Area
            ? snapped
            : throw new InvalidOperationException($"{id}: no valid geometry at 7 decimals");
    }

    internal sealed class RoundFilter(PrecisionModel grid) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, grid.MakePrecise(seq.GetX(i)));
                seq.SetY(i, grid.MakePrecise(seq.GetY(i)));
            }
        }
    }

    public static void Write(string? dir, string id, string name, IEnumerable<(Geometry Geometry, Props Props)> features)
    {
        if (dir is null)
        {
            return;
        }

        var list = features.AsParallel().AsOrdered()
            .Select(f => (ValidWhenRounded(LocalGrid.Degrees(f.Geometry), World.Id(f.Props)), f.Props)).ToList();
        GeoJsonOut.Write(Path.Combine(dir, id + ".geojson"), id, list);
        Console.WriteLine($"{id}: {list.Count} features");
    }
}
