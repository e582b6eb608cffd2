using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;

namespace SpatialPlan.App.Layers;

/// <summary>
/// The catalog and styles as Core loads and validates them (<see cref="LayerCatalog"/>, <see cref="StyleBook"/>),
/// read once. Layer files are served as stored (EPSG:4490 GeoJSON); the app computes nothing from them.
/// </summary>
public sealed class PlanData
{
    /// <summary>camelCase, nulls left out, Chinese not escaped: the shape docs/architecture.md gives.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly Lazy<LayerCatalog> _catalog;
    private readonly Lazy<CatalogResponse> _response;
    private readonly Lazy<StyleBook> _styles;
    private readonly Lazy<LayerStore> _store;

    public PlanData(Hosting.GisDataFolder folder)
    {
        _catalog = new Lazy<LayerCatalog>(() => LayerCatalog.Load(folder.Path));
        _styles = new Lazy<StyleBook>(() => StyleBook.Load(folder.Path));
        _store = new Lazy<LayerStore>(() => new LayerStore(_catalog.Value));
        _response = new Lazy<CatalogResponse>(() => BuildResponse(_catalog.Value, _styles.Value));
    }

    public LayerCatalog Catalog => _catalog.Value;

    /// <summary>styles.json, as Core validates it.</summary>
    public StyleBook Styles => _styles.Value;

    /// <summary>Every layer's features, loaded once (EPSG:4490 and the working CRS), for the sheet and report renderers.</summary>
    public LayerStore Store => _store.Value;

    /// <summary>What <c>GET /api/layers</c> returns.</summary>
    public CatalogResponse Response => _response.Value;

    /// <summary>Absolute path of a layer's GeoJSON file, or null for an unknown id or a file not (yet) in the folder.</summary>
    public string? LayerFile(string id)
    {
        var layer = Catalog.Find(id);
        var path = layer is null ? null : Catalog.FullPath(layer);
        return path is not null && File.Exists(path) ? path : null;
    }

    private static CatalogResponse BuildResponse(LayerCatalog catalog, StyleBook styles) => new(
        catalog.TitleZh,
        catalog.TitleEn,
        catalog.Crs,
        catalog.DataNoteZh,
        catalog.DataNoteEn,
        catalog.Groups,
        catalog.Layers,
        catalog.Layers.Select(l => l.Style).Distinct().ToDictionary(key => key, styles.Get));
}
