using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Checks;

/// <summary>Reads a catalog's zone layers (those with a policy) into <see cref="ZoneLayer"/>s in EPSG:4545.</summary>
internal static class ZoneLayerLoader
{
    public static IReadOnlyList<ZoneLayer> Load(LayerCatalog catalog) =>
        catalog.ZoneLayers.Select(layer => Load(catalog, layer)).ToList();

    private static ZoneLayer Load(LayerCatalog catalog, LayerDefinition layer)
    {
        // The catalog declares its CRS; declaring it skips guessing and refuses a layer file that is not in it.
        var declared = int.TryParse(catalog.Crs.Replace("EPSG:", string.Empty, StringComparison.OrdinalIgnoreCase), out var code) ? code : Epsg.Cgcs2000;
        var load = FeatureFileReader.Read(catalog.FullPath(layer), new ReadOptions(declared, long.MaxValue));
        var features = load.Features.Select((f, i) =>
        {
            var zf = ZoneFeature.From(f, i);
            return zf with { Geometry = CrsTransformer.Transform(f.Geometry, Epsg.Cgcs2000, Epsg.GaussKruger108) };
        });
        return ZoneLayer.Create(layer.Id, layer.TitleZh, layer.TitleEn, layer.Category, layer.Policy!, layer.Schematic, features);
    }
}
