using NetTopologySuite.Geometries;

namespace SpatialPlan.DataGen;

/// <summary>
/// Everything the schematic layers are built from and against, in the local metre grid. Later layers read
/// earlier ones from here so the whole set is consistent (wetlands, then urban boundaries, then the red line,
/// then farmland in what is left).
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

    public List<(Geometry Geometry, Props Props, bool Important, Geometry? Core)> Wetlands { get; } = [];

    public List<(Geometry Geometry, Props Props)> Urban { get; } = [];

    public List<(Geometry Geometry, Props Props)> RedLine { get; } = [];

    public List<(Geometry Geometry, Props Props)> Belts { get; } = [];

    /// <summary>Sites kept free of farmland so that sample projects there give the intended verdict.</summary>
    public List<Geometry> ReservedSites { get; } = [];

    public Geometry WetlandUnion => Geo.Union(Wetlands.Select(w => w.Geometry));

    public Geometry UrbanUnion => Geo.Union(Urban.Select(u => u.Geometry));

    public Geometry RedLineUnion => Geo.Union(RedLine.Select(r => r.Geometry));

    public Geometry UrbanOf(string id) => Urban.First(u => (string?)u.Props.First(p => p.Key == "id").Value == id).Geometry;

    public static string? Id(Props p) => (string?)p.First(kv => kv.Key == "id").Value;
}
