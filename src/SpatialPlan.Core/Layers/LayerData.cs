using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers;

/// <summary>
/// A GeoJSON layer read whole: its features in EPSG:4490 (for display and GeoJSON), the same geometries in the working
/// CRS (for the site check and the map sheets, metres) and an STR-tree over them (<see cref="Source"/>).
/// Immutable once built, so concurrent queries are safe.
/// </summary>
public sealed class LayerData
{
    internal LayerData(LayerDefinition definition, IReadOnlyList<IFeature> features, IReadOnlyList<Geometry> projected, IReadOnlyList<Repair> repairs,
        int sourceEpsg, int workingEpsg, string where)
    {
        Definition = definition;
        Features = features;
        Projected = projected;
        Repairs = repairs;
        SourceEpsg = sourceEpsg;
        var fields = definition.Fields ?? FieldMap.Default;
        var items = new LayerFeature[projected.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new LayerFeature(i, projected[i], features[i].Attributes ?? new AttributesTable(), fields);
        }

        Source = new InMemoryLayerSource(definition, workingEpsg, where, items);
    }

    public LayerDefinition Definition { get; }

    /// <summary>Features with geometry in EPSG:4490 (x = longitude, y = latitude).</summary>
    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>Each feature's geometry in the working CRS, same order as <see cref="Features"/>.</summary>
    public IReadOnlyList<Geometry> Projected { get; }

    /// <summary>Repairs the reader made to the layer file (an official file should need none).</summary>
    public IReadOnlyList<Repair> Repairs { get; }

    /// <summary>The CRS the layer file was in before it was normalised to EPSG:4490.</summary>
    public int SourceEpsg { get; }

    /// <summary>The layer as a source (keys are the feature indices).</summary>
    public InMemoryLayerSource Source { get; }

    public int Count => Features.Count;

    /// <summary>Indices of features whose working-CRS envelope intersects <paramref name="envelope"/>.</summary>
    public IList<int> Query(Envelope envelope) => [.. Source.Query(envelope).Select(f => (int)f.Key)];
}
