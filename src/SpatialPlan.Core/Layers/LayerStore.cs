using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers;

/// <summary>
/// Loads each catalog layer once, on first use, through the same reader as user uploads (so a planner's own
/// layer files get the same CRS detection, validation and reported repairs), and keeps it in memory.
/// Thread-safe: the web app shares one store between requests.
/// </summary>
public sealed class LayerStore
{
    private readonly ConcurrentDictionary<string, Lazy<LayerData>> _layers = new(StringComparer.Ordinal);

    public LayerStore(LayerCatalog catalog) => Catalog = catalog;

    public LayerCatalog Catalog { get; }

    /// <summary>The loaded layer with this id.</summary>
    /// <exception cref="InputException">Unknown id, or the layer file cannot be read (message names file and feature).</exception>
    public LayerData Get(string id)
    {
        var definition = Catalog.Get(id);
        return _layers.GetOrAdd(id, _ => new Lazy<LayerData>(() => Load(definition))).Value;
    }

    /// <summary>Loads the given layers (all zone layers when null) in parallel, e.g. at app start.</summary>
    public void Preload(IEnumerable<string>? ids = null) =>
        Parallel.ForEach(ids ?? Catalog.ZoneLayers.Select(l => l.Id), id => Get(id));

    private LayerData Load(LayerDefinition definition)
    {
        // Context layers (neighbours, rivers) reach far beyond the banner by design; plan layers must not.
        var options = new ReadOptions { RequireEveryFeatureNearBanner = definition.Category != LayerCategories.Base, Limits = Limits.InputLimits.DataLayer };
        var result = FeatureFileReader.Read(Catalog.FullPath(definition), options);
        var projected = new Geometry[result.Features.Count];
        for (var i = 0; i < projected.Length; i++)
        {
            projected[i] = CrsTransformer.Transform(result.Features[i].Geometry, Epsg.Cgcs2000, Epsg.GaussKruger108);
        }

        return new LayerData(definition, result.Features, projected, result.Repairs, result.SourceEpsg);
    }
}
