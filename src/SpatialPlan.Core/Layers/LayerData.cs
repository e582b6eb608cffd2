using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers;

/// <summary>
/// A loaded layer: its features in EPSG:4490 (for display and GeoJSON), the same geometries in the catalog's
/// working CRS (for the site check and the map sheets, metres) and an STR-tree over their envelopes.
/// Immutable once built, so concurrent queries are safe.
/// </summary>
public sealed class LayerData
{
    private readonly STRtree<int> _index;

    internal LayerData(LayerDefinition definition, IReadOnlyList<IFeature> features, IReadOnlyList<Geometry> projected, IReadOnlyList<Repair> repairs, int sourceEpsg)
    {
        Definition = definition;
        Features = features;
        Projected = projected;
        Repairs = repairs;
        SourceEpsg = sourceEpsg;
        _index = new STRtree<int>();
        for (var i = 0; i < projected.Count; i++)
        {
            _index.Insert(projected[i].EnvelopeInternal, i);
        }

        _index.Build();
    }

    public LayerDefinition Definition { get; }

    /// <summary>Features with geometry in EPSG:4490 (x = longitude, y = latitude).</summary>
    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>Each feature's geometry in the working CRS (metres), same order as <see cref="Features"/>.</summary>
    public IReadOnlyList<Geometry> Projected { get; }

    /// <summary>Repairs the reader made to the layer file (an official file should need none).</summary>
    public IReadOnlyList<Repair> Repairs { get; }

    /// <summary>The CRS the layer file was in before it was normalised to EPSG:4490.</summary>
    public int SourceEpsg { get; }

    public int Count => Features.Count;

    /// <summary>Indices of features whose working-CRS envelope intersects <paramref name="envelope4545"/>.</summary>
    public IList<int> Query(Envelope envelope4545) => _index.Query(envelope4545);
}
