using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
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
    /// <exception cref="InputException">A layer cannot be loaded: the first such layer in catalog order, its entry and file named
    /// (one message, never an <see cref="AggregateException"/>).</exception>
    public void Preload(IEnumerable<string>? ids = null)
    {
        var wanted = (ids ?? Catalog.ZoneLayers.Select(l => l.Id)).ToList();
        var failures = new ConcurrentDictionary<string, Exception>(StringComparer.Ordinal);
        Parallel.ForEach(wanted, id =>
        {
            try
            {
                Get(id);
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

    private LayerData Load(LayerDefinition definition)
    {
        // Context layers (neighbours, rivers) reach far beyond the area by design; plan layers must not.
        var options = new ReadOptions
        {
            RequireEveryFeatureNearArea = definition.Category != LayerCategories.Base, Area = Catalog.DataArea, Limits = Limits.InputLimits.DataLayer,
        };
        FeatureLoadResult result;
        try
        {
            result = FeatureFileReader.Read(Catalog.FullPath(definition), options);
        }
        catch (InputException e)
        {
            // The reader names the file and feature; a planner fixing a data folder also needs the catalog entry.
            throw new InputException(e.Problem, e.Fix, Where(definition), e.FeatureIndex, e);
        }

        RequireUniqueIds(definition, result.Features);
        var projected = new Geometry[result.Features.Count];
        for (var i = 0; i < projected.Length; i++)
        {
            projected[i] = CrsTransformer.Transform(result.Features[i].Geometry, Epsg.Cgcs2000, Catalog.WorkingCrs.Epsg);
        }

        return new LayerData(definition, result.Features, projected, result.Repairs, result.SourceEpsg);
    }

    /// <summary>Feature <c>id</c>s are unique in a layer (docs/architecture.md): reports and the map name features by them.</summary>
    private void RequireUniqueIds(LayerDefinition definition, IReadOnlyList<NetTopologySuite.Features.IFeature> features)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i].Attributes is { } a && a.Exists("id") && a["id"]?.ToString() is { Length: > 0 } id && !first.TryAdd(id, i))
            {
                throw new InputException(
                    $"要素 id “{id}” 重复：第 {first[id] + 1} 个和第 {i + 1} 个要素都用它（duplicate feature id）。",
                    "图层内每个要素的 id 必须唯一：改正其中一个，或删去重复的要素。",
                    Where(definition), i);
            }
        }
    }

    /// <summary>The layer file and its catalog entry, as messages name them: <c>layers/x.geojson（catalog.json layers[4]：x）</c>.</summary>
    private string Where(LayerDefinition definition) =>
        $"{definition.File}（catalog.json layers[{Catalog.Layers.ToList().IndexOf(definition)}]：{definition.Id}）";
}
