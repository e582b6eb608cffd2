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
        Write(writeTo, "wetlands", "湿地 wetlands", w.Wetlands.Select(x => (x.Geometry, x.Props)));
        Write(writeTo, "urban-boundary", "城镇开发边界 urban development boundary", w.Urban);
        Write(writeTo, "eco-redline", "生态保护红线 ecological protection red line", w.RedLine);
        Write(writeTo, "showcase-belts", "乡村振兴示范带 rural-revival showcase belts", w.Belts);
        Topology.CheckZones(w);
        return w;
    }

    public static void WriteFarmland(World w, string layersDir, int? parcels)
    {
        var farmland = FarmlandGenerator.Generate(w, parcels);
        Topology.CheckFarmland(w, farmland);
        Write(layersDir, "farmland", "永久基本农田 permanent basic farmland", farmland);
        Console.WriteLine($"farmland: {farmland.Count} parcels");
    }

    public static void Write(string? dir, string id, string name, IEnumerable<(Geometry Geometry, Props Props)> features)
    {
        if (dir is null)
        {
            return;
        }

        var list = features.Select(f => (LocalGrid.Degrees(f.Geometry), f.Props)).ToList();
        GeoJsonOut.Write(Path.Combine(dir, id + ".geojson"), id, list);
        Console.WriteLine($"{id}: {list.Count} features");
    }
}
