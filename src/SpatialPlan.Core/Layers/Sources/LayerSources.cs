using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>Opens the source a catalog entry names (<c>source</c>, or the old <c>file</c>).</summary>
public static class LayerSources
{
    /// <summary>
    /// Opens a layer's source: a GeoJSON file is read whole now; a GeoPackage or PostGIS table is checked (file, table,
    /// index, CRS) but no feature is read.
    /// </summary>
    /// <exception cref="InputException">The source cannot be opened; the message names the layer and what to fix.</exception>
    public static ILayerSource Open(LayerCatalog catalog, LayerDefinition definition, int workingEpsg)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(definition);
        var where = Where(catalog, definition);
        var spec = definition.SourceSpec ?? throw new InputException(
            "图层没有 source 或 file（the layer names no source）。", "写 \"file\": \"layers/x.geojson\"，或 \"source\": {\"type\": \"gpkg\", \"file\": …}。", where);
        return spec.Type switch
        {
            LayerSourceSpec.GeoJsonType => GeoJsonLayerSource.Load(definition, workingEpsg, where, catalog.FullPath(definition), area: catalog.DataArea),
            LayerSourceSpec.GpkgType => GpkgLayerSource.Open(definition, workingEpsg, where, catalog.FullPath(definition), spec.Table),
            LayerSourceSpec.PostgisType => PostgisLayerSource.Open(definition, workingEpsg, where, spec),
            _ => throw new InputException($"未知的 source type “{spec.Type}”。", $"type 只能是 {string.Join("、", LayerSourceSpec.Types)}。", where),
        };
    }

    /// <summary>How messages name a layer: its source and catalog entry, e.g. <c>layers/x.gpkg:x（catalog.json layers[4]：x）</c>.</summary>
    public static string Where(LayerCatalog catalog, LayerDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(definition);
        var index = -1;
        for (var i = 0; i < catalog.Layers.Count; i++)
        {
            if (ReferenceEquals(catalog.Layers[i], definition))
            {
                index = i;
                break;
            }
        }

        return $"{definition.SourceSpec?.Describe() ?? definition.File}（catalog.json layers[{index}]：{definition.Id}）";
    }
}
