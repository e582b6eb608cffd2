using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Styles;
using TileCache = SpatialPlan.App.Tiles.TileCache;
using TilePlan = SpatialPlan.App.Tiles.TilePlan;

namespace SpatialPlan.App.Layers;

/// <summary>
/// The catalog and styles as Core loads and validates them (<see cref="LayerCatalog"/>, <see cref="StyleBook"/>),
/// read once, and the layer store every reader shares. GeoJSON layer files are served as stored (EPSG:4490); an indexed
/// layer (GeoPackage, PostGIS) is streamed from its source. <c>/api/layers</c> never reads a layer.
/// Warm indexes (docs/data-sources.md §3): when the store is first used, each indexed layer of at most
/// <see cref="Hosting.SpatialPlanOptions.WarmIndexMaxFeatures"/> features is copied into memory on a background thread;
/// checks read its index until the copy is ready.
/// </summary>
public sealed class PlanData : IDisposable
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
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger<PlanData>? _logger;
    private readonly long _warmMaxFeatures;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<byte[]>>> _wholeLayers = new(StringComparer.Ordinal);
    private readonly Lazy<TilePlan> _tiles;
    private readonly Lazy<string> _dataVersion;

    public PlanData(Hosting.GisDataFolder folder, IOptions<Hosting.SpatialPlanOptions>? options = null, ILogger<PlanData>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        _logger = logger;
        _warmMaxFeatures = options?.Value.WarmIndexMaxFeatures ?? Hosting.SpatialPlanOptions.DefaultWarmIndexMaxFeatures;
        TileCache = new TileCache((options?.Value.TileCacheMegabytes ?? Hosting.SpatialPlanOptions.DefaultTileCacheMegabytes) * 1024L * 1024);
        _catalog = new Lazy<LayerCatalog>(() => LayerCatalog.Load(folder.Path));
        _styles = new Lazy<StyleBook>(() => StyleBook.Load(folder.Path));
        _store = new Lazy<LayerStore>(() =>
        {
            var store = new LayerStore(_catalog.Value, warmable: true);
            if (_warmMaxFeatures > 0 && _catalog.Value.Layers.Any(l => l.SourceType != LayerSourceSpec.GeoJsonType))
            {
                Warming = Warm(store);
            }

            return store;
        });
        _tiles = new Lazy<TilePlan>(() => TilePlan.For(_catalog.Value, _store.Value, _styles.Value, _logger));
        _dataVersion = new Lazy<string>(() => Core.Checks.DataVersion.Compute(_catalog.Value));
        _response = new Lazy<CatalogResponse>(() => BuildResponse(_catalog.Value, _styles.Value, _tiles.Value));
    }

    /// <summary>Which layers are served as vector tiles, and their grid (docs/tiles.md).</summary>
    public TilePlan Tiles => _tiles.Value;

    /// <summary>The encoded tiles kept in memory, keyed by ETag, bounded by <see cref="Hosting.SpatialPlanOptions.TileCacheMegabytes"/>.</summary>
    public TileCache TileCache { get; }

    /// <summary>
    /// The data version of the served data (<see cref="Core.Checks.DataVersion"/>: catalog, policy and layer files), computed
    /// once: the app reads its catalog and layers once, so a restart on changed data gives a new version (and new tile ETags).
    /// </summary>
    public string DataVersion => _dataVersion.Value;

    /// <summary>
    /// The layer file's length and last write time (empty for a PostGIS layer): checked on every tile request, so a layer
    /// file changed in place while the app runs gives its tiles new ETags at once.
    /// </summary>
    public string LayerStamp(string id)
    {
        var layer = Catalog.Find(id);
        var relative = layer is null ? null : LayerCatalog.FileOf(layer);
        if (relative is null)
        {
            return string.Empty;
        }

        var info = new FileInfo(Catalog.PathOf(relative));
        return info.Exists ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{info.Length} {info.LastWriteTimeUtc.Ticks}") : "missing";
    }

    public LayerCatalog Catalog => _catalog.Value;

    /// <summary>styles.json, as Core validates it.</summary>
    public StyleBook Styles => _styles.Value;

    /// <summary>Every layer's source, opened once, for the check, the sheet and report renderers and the layer endpoint.</summary>
    public LayerStore Store => _store.Value;

    /// <summary>The background copy of the indexed layers into memory, or null when there is nothing to warm.</summary>
    public Task? Warming { get; private set; }

    /// <summary>What <c>GET /api/layers</c> returns.</summary>
    public CatalogResponse Response => _response.Value;

    /// <summary>
    /// The whole-layer GeoJSON answer of an indexed layer of at most <see cref="LayerEndpoints.MaxCachedFeatures"/>
    /// features, made once (on the first ask, or by the warm-up, which makes them first) and kept; null for a GeoJSON layer
    /// (sent as stored) or a larger one (streamed, or refused over <see cref="LayerEndpoints.MaxStreamedFeatures"/>).
    /// </summary>
    public Task<byte[]>? WholeLayer(string id)
    {
        var layer = Catalog.Find(id);
        if (layer is null || layer.SourceType == LayerSourceSpec.GeoJsonType)
        {
            return null;
        }

        var source = Store.Source(id);
        if (source.Count > LayerEndpoints.MaxCachedFeatures || (Tiles.IsTiled(id) && source.Count > LayerEndpoints.MaxWholeTiledFeatures))
        {
            return null;
        }

        var lazy = _wholeLayers.GetOrAdd(id, _ => new Lazy<Task<byte[]>>(() => Task.Run(() => LayerEndpoints.WholeLayerAnswer(source))));
        var task = lazy.Value;
        if (task.IsFaulted)
        {
            // A read that failed (a file being replaced) is tried again next time; this ask gets the error.
            _wholeLayers.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(id, lazy));
        }

        return task;
    }

    /// <summary>Absolute path of a GeoJSON layer's file, or null for an unknown id, another kind of source, or a file not (yet) in the folder.</summary>
    public string? LayerFile(string id)
    {
        var layer = Catalog.Find(id);
        var path = layer is { SourceType: LayerSourceSpec.GeoJsonType } ? Catalog.FullPath(layer) : null;
        return path is not null && File.Exists(path) ? path : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopping.Cancel();
        try
        {
            Warming?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Cancelled or failed: logged where it happened.
        }

        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }

        _stopping.Dispose();
    }

    private Task Warm(LayerStore store) => Task.Run(() =>
    {
        // Open every indexed layer (a cheap check of file, table and index); make the whole-layer answers the map asks for
        // on every page load; then copy each layer into memory.
        foreach (var layer in store.Catalog.Layers.Where(l => l.SourceType != LayerSourceSpec.GeoJsonType))
        {
            try
            {
                store.Source(layer.Id);
            }
            catch (Core.Sources.InputException e)
            {
                _logger?.LogWarning("layer {Layer} could not be opened for warming: {Message}", layer.Id, e.Message);
            }
        }

        foreach (var layer in store.Catalog.Layers.Where(l => l.SourceType != LayerSourceSpec.GeoJsonType))
        {
            try
            {
                if (!_stopping.IsCancellationRequested && WholeLayer(layer.Id) is { } answer)
                {
                    answer.Wait(_stopping.Token);
                }
            }
            catch (Exception e) when (e is Core.Sources.InputException or AggregateException or OperationCanceledException)
            {
                _logger?.LogWarning("layer {Layer}: the map's whole-layer answer could not be made ahead: {Message}", layer.Id, e.Message);
            }
        }

        return store.WarmInBackground(_warmMaxFeatures, (message, error) =>
        {
            if (error is null)
            {
                _logger?.LogInformation("{Message}", message);
            }
            else
            {
                _logger?.LogWarning(error, "{Message}", message);
            }
        }, _stopping.Token).ContinueWith(
            _ =>
            {
                // Then the small-scale tiles, which read every feature of a layer each (docs/tiles.md §3).
                try
                {
                    App.Tiles.TileEndpoints.Prewarm(this, _logger, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    // Stopping.
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    });

    private static CatalogResponse BuildResponse(LayerCatalog catalog, StyleBook styles, TilePlan tiles) => new(
        catalog.TitleZh,
        catalog.TitleEn,
        catalog.Crs,
        catalog.DataNoteZh,
        catalog.DataNoteEn,
        catalog.Groups,
        [.. catalog.Layers.Select(l => LayerEntry(l, tiles))],
        catalog.Layers.Select(l => l.Style).Distinct().ToDictionary(key => key, styles.Get));

    /// <summary>The layer as catalog.json gives it, with its <c>tiles</c> object when it is tiled (docs/tiles.md §1).</summary>
    private static System.Text.Json.Nodes.JsonObject LayerEntry(LayerDefinition layer, TilePlan tiles)
    {
        var entry = JsonSerializer.SerializeToNode(layer, Json)!.AsObject();
        if (tiles.IsTiled(layer.Id) && tiles.Grid is { } grid)
        {
            entry["tiles"] = JsonSerializer.SerializeToNode(new TilesEntry(
                $"/api/tiles/{Uri.EscapeDataString(layer.Id)}/{{z}}/{{x}}/{{y}}.mvt",
                grid.Crs,
                [grid.OriginX, grid.OriginY],
                grid.Resolutions,
                Core.Tiles.TileGrid.TileSize,
                [grid.Extent.MinX, grid.Extent.MinY, grid.Extent.MaxX, grid.Extent.MaxY],
                Core.Tiles.MvtWriter.DefaultExtent), Json);
        }

        return entry;
    }

    /// <summary>The <c>tiles</c> object of a tiled layer in <c>/api/layers</c>.</summary>
    private sealed record TilesEntry(string Url, string Crs, double[] Origin, IReadOnlyList<double> Resolutions, int TileSize, double[] Extent, uint MvtExtent);
}
