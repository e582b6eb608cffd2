using NetTopologySuite.Geometries;

namespace SpatialPlan.DataGen;

/// <summary>
/// Everything the schematic layers are built from and against, in the local metre grid. Later layers read
/// earlier ones from here so the whole set is consistent (wetlands, then urban boundaries, then the nature reserves
/// and the red line that contains them, then the desertification closure inside the red line, then the water
/// management zones from the real rivers and canals, then both farmland layers in what is left).
/// </summary>
public sealed class World
{
    public World(string layersDir)
    {
        Banner = BaseLayers.LoadMetres(layersDir, "banner-boundary.geojson");
        BannerInner = Banner.Buffer(-50);
        YellowRiver = BaseLayers.LoadMetres(layersDir, "rivers.geojson", "huanghe");
        Wujia = BaseLayers.LoadMetres(layersDir, "rivers.geojson", "wujiahe");
        Canals = BaseLayers.LoadMetres(layersDir, "canals.geojson");
    }

    /// <summary>杭锦后旗 boundary (real), metres.</summary>
    public Geometry Banner { get; }

    /// <summary>The banner shrunk by 50 m: schematic zones are clipped to it so they lie strictly inside.</summary>
    public Geometry BannerInner { get; }

    public Geometry YellowRiver { get; }

    public Geometry Wujia { get; }

    public Geometry Canals { get; }

    public List<(Geometry Geometry, Props Props)> Roads { get; } = [];

    /// <summary>Wetlands with their level id (<see cref="Levels"/>).</summary>
    public List<(Geometry Geometry, Props Props, string Level)> Wetlands { get; } = [];

    /// <summary>自然保护地 (wetland park, desert park) with their level id (核心保护区 / 一般控制区).</summary>
    public List<(Geometry Geometry, Props Props)> NatureReserves { get; } = [];

    /// <summary>沙化土地封禁保护区, inside the 乌兰布和 desert red line.</summary>
    public List<(Geometry Geometry, Props Props)> Closures { get; } = [];

    /// <summary>河道、渠沟管理范围 and 黄河滩区, derived from the real rivers and canals with schematic widths.</summary>
    public List<(Geometry Geometry, Props Props)> WaterManagement { get; } = [];

    public List<(Geometry Geometry, Props Props)> Urban { get; } = [];

    public List<(Geometry Geometry, Props Props)> RedLine { get; } = [];

    public List<(Geometry Geometry, Props Props)> Belts { get; } = [];

    /// <summary>Sites kept free of farmland so that sample projects there give the intended verdict.</summary>
    public List<Geometry> ReservedSites { get; } = [];

    public Geometry WetlandUnion => Geo.Union(Wetlands.Select(w => w.Geometry));

    public Geometry UrbanUnion => Geo.Union(Urban.Select(u => u.Geometry));

    public Geometry RedLineUnion => Geo.Union(RedLine.Select(r => r.Geometry));

    public Geometry NatureReserveUnion => Geo.Union(NatureReserves.Select(r => r.Geometry));

    public Geometry RedLineOf(string id) => RedLine.First(r => Id(r.Props) == id).Geometry;

    public Geometry UrbanOf(string id) => Urban.First(u => (string?)u.Props.First(p => p.Key == "id").Value == id).Geometry;

    public static string? Id(Props p) => (string?)p.First(kv => kv.Key == "id").Value;
}
