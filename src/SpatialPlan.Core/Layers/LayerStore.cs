using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers;

/// <summary>
/// Opens each catalog layer's source once, on first use, and keeps it (docs/data-sources.md §3). A GeoJSON layer is read
/// whole through the same reader as user uploads (so a planner's own layer files get the same CRS detection, validation
/// and reported repairs) and indexed in memory; a GeoPackage or PostGIS layer is opened lazily and read by envelope.
/// Thread-safe: the web app shares one store between requests.
/// </summary>
public sealed class LayerStore : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ILayerSource>> _sources = new(StringComparer.Ordinal);

    /// <param name="catalog">The data folder's catalog.</param>
    /// <param name="warmable">True in the app: indexed layers are wrapped so that <see cref="WarmInBackground"/> can copy them into memory.</param>
    public LayerStore(LayerCatalog catalog, bool warmable = false)
    {
        Catalog = catalog;
        Warmable = warmable;
    }

    public LayerCatalog Catalog { get; }

    /// <summary>True when indexed layers can be warmed into memory (the app).</summary>
    public bool Warmable { get; }

    /// <summary>The working CRS every source gives its geometries in: the data area's (docs/data-sources.md §1).</summary>
    public int WorkingEpsg => Catalog.WorkingCrs.Epsg;

    /// <summary>The layer's source, opened on first use.</summary>
    /// <exception cref="InputException">Unknown id, or the source cannot be opened (message names the source and catalog entry).</exception>
    public ILayerSource Source(string id)
    {
        var definition = Catalog.Get(id);
        var lazy = _sources.GetOrAdd(id, _ => new Lazy<ILayerSource>(() => Open(definition)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A source that could not be opened (a database that was down, a file being copied) is tried again next time.
            _sources.TryRemove(new KeyValuePair<string, Lazy<ILayerSource>>(id, lazy));
            throw;
        }
    }

    /// <summary>The loaded GeoJSON layer with this id (features in EPSG:4490 and the working CRS).</summary>
    /// <exception cref="InputException">Unknown id, or the layer file cannot be read (message names file and feature).</exception>
    /// <exception cref="InvalidOperationException">The layer is not a GeoJSON layer: read it through <see cref="Source"/>.</exception>
    public LayerData Get(string id) => Source(id) switch
    {
        GeoJsonLayerSource g => g.Data,
        var other => throw new InvalidOperationException($"layer {id} is a {other.Definition.SourceType} layer, not GeoJSON: read it through LayerStore.Source"),
    };

    /// <summary>Opens the given layers (all zone layers when null) in parallel, e.g. at app start.</summary>
    /// <exception cref="InputException">A layer cannot be opened: the first such layer in catalog order, its entry and source named
    /// (one message, never an <see cref="AggregateException"/>).</exception>
    public void Preload(IEnumerable<string>? ids = null)
    {
        var wanted = (ids ?? Catalog.ZoneLayers.Select(l => l.Id)).ToList();
        var failures = new ConcurrentDictionary<string, Exception>(StringComparer.Ordinal);
        Parallel.ForEach(wanted, id =>
        {
            try
            {
                Source(id);
            }
            catch (Exception e)
            {
                failures[id] = e;
            }
        });

        // The same layer is reported whatever order the threads finished in.
        if (wanted.FirstOrDefault(failures.ContainsKey) is { } first)
        {
            ExceptionDispatchInfo.Capture(failures[first]).Throw();
        }
    }

    /// <summary>
    /// Copies every opened indexed layer of at most <paramref name="maxFeatures"/> features into memory, one after another,
    /// on a background thread, and switches each to its copy when ready (the app: warm checks at in-memory speed, while
    /// <c>/api/layers</c> and the first checks are answered from the index meanwhile). A layer that cannot be copied stays
    /// on its index; <paramref name="log"/> hears about it.
    /// </summary>
    public Task WarmInBackground(long maxFeatures, Action<string, Exception?>? log = null, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            foreach (var layer in Catalog.Layers)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                if (!_sources.TryGetValue(layer.Id, out var lazy) || !lazy.IsValueCreated || lazy.Value is not WarmingLayerSource warming)
                {
                    continue;
                }

                try
                {
                    var started = System.Diagnostics.Stopwatch.StartNew();
                    var warm = warming.Warm(maxFeatures, cancellationToken);
                    log?.Invoke(warm
                        ? $"layer {layer.Id}: {warming.Count} features in memory after {started.ElapsedMilliseconds} ms"
                        : $"layer {layer.Id}: {warming.Count} features, over {maxFeatures}; checks read its index", null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log?.Invoke($"layer {layer.Id}: not copied into memory, checks read its index", e);
                }
            }
        }, cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var lazy in _sources.Values)
        {
            if (lazy.IsValueCreated)
            {
                try
                {
                    lazy.Value.Dispose();
                }
                catch (InputException)
                {
                    // It never opened.
                }
            }
        }
    }

    private ILayerSource Open(LayerDefinition definition)
    {
        var source = LayerSources.Open(Catalog, definition, WorkingEpsg);
        return Warmable && !source.IsInMemory ? new WarmingLayerSource(source) : source;
    }
}
