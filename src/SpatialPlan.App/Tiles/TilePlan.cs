using NetTopologySuite.Geometries;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Styles;
using SpatialPlan.Core.Tiles;

namespace SpatialPlan.App.Tiles;

/// <summary>
/// Which layers are served as vector tiles, and the one grid they share (docs/tiles.md): every indexed layer (GeoPackage,
/// PostGIS) and every GeoJSON layer of more than <see cref="MinGeoJsonFeatures"/> features. The grid covers the data
/// area's boundary in its working CRS (or, without a boundary, the tiled layers' extent), grown by
/// <see cref="MarginMetres"/>.
/// </summary>
public sealed class TilePlan
{
    /// <summary>A GeoJSON layer of more features than this is tiled; smaller ones stay whole GeoJSON.</summary>
    public const int MinGeoJsonFeatures = 5_000;

    /// <summary>A GeoJSON file smaller than this cannot hold more than <see cref="MinGeoJsonFeatures"/> features (a bare point feature takes about 95 bytes), so it is not read to count them.</summary>
    public const long SmallGeoJsonBytes = 400 * 1024;

    /// <summary>Room around the area, metres: features just past the boundary still fall in the grid.</summary>
    public const double MarginMetres = 5_000;

    private readonly Dictionary<string, TileSchema> _schemas;

    private TilePlan(TileGrid? grid, Dictionary<string, TileSchema> schemas)
    {
        Grid = grid;
        _schemas = schemas;
    }

    /// <summary>The grid every tiled layer shares; null when no layer is tiled.</summary>
    public TileGrid? Grid { get; }

    /// <summary>The ids of the tiled layers.</summary>
    public IEnumerable<string> Layers => _schemas.Keys;

    /// <summary>True when the layer is served as tiles.</summary>
    public bool IsTiled(string id) => _schemas.ContainsKey(id);

    /// <summary>What the layer's tile features carry, or null for a layer that is not tiled.</summary>
    public TileSchema? Schema(string id) => _schemas.GetValueOrDefault(id);

    /// <summary>Decides the tiled layers and the grid. Layers that cannot be opened are left whole (their own answer reports why).</summary>
    public static TilePlan For(LayerCatalog catalog, LayerStore store, StyleBook styles, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(styles);
        var schemas = new Dictionary<string, TileSchema>(StringComparer.Ordinal);
        var extent = new Envelope();
        foreach (var layer in catalog.Layers)
        {
            try
            {
                if (!Tiled(catalog, store, layer))
                {
                    continue;
                }

                schemas[layer.Id] = new TileSchema(layer, styles.Keys.Contains(layer.Style) ? styles.Get(layer.Style) : null);
                if (catalog.DataArea.WorkingExtent is null && store.Source(layer.Id).Extent is { IsNull: false } e)
                {
                    extent.ExpandToInclude(e);
                }
            }
            catch (Core.Sources.InputException e)
            {
                logger?.LogWarning("layer {Layer} is not tiled: {Message}", layer.Id, e.Message);
            }
        }

        if (schemas.Count == 0)
        {
            return new TilePlan(null, schemas);
        }

        if (catalog.DataArea.WorkingExtent is { } area)
        {
            extent.ExpandToInclude(area);
        }

        if (extent.IsNull)
        {
            return new TilePlan(null, []);
        }

        extent.ExpandBy(MarginMetres);
        return new TilePlan(TileGrid.Covering(extent, store.WorkingEpsg), schemas);
    }

    private static bool Tiled(LayerCatalog catalog, LayerStore store, LayerDefinition layer)
    {
        if (layer.SourceType != LayerSourceSpec.GeoJsonType)
        {
            return true;
        }

        var path = catalog.FullPath(layer);
        return path is not null && File.Exists(path) && new FileInfo(path).Length >= SmallGeoJsonBytes
            && store.Source(layer.Id).Count > MinGeoJsonFeatures;
    }
}
