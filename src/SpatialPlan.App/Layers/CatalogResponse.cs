using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;

namespace SpatialPlan.App.Layers;

/// <summary>
/// The catalog (docs/architecture.md, catalog.json) with the styles its layers use (styles.json); each tiled layer's entry
/// also has its <c>tiles</c> object (docs/tiles.md).
/// </summary>
public sealed record CatalogResponse(
    string TitleZh,
    string TitleEn,
    string Crs,
    string DataNoteZh,
    string DataNoteEn,
    IReadOnlyList<LayerGroup> Groups,
    IReadOnlyList<System.Text.Json.Nodes.JsonObject> Layers,
    IReadOnlyDictionary<string, LayerStyle> Styles);
