using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// An indexed source (GeoPackage, PostGIS) that the app copies into memory in the background after start-up: until the
/// copy is ready every call goes to the indexed source, then to the in-memory STR-tree (docs/data-sources.md §3, "the
/// app keeps warm indexes"). The switch is one reference swap, so calls in flight finish on the source they started on.
/// The copy keeps each feature's geometry and mapped fields (<see cref="LayerFeature.Slim"/>): <see cref="Query(Envelope, CancellationToken)"/>
/// and <see cref="Nearest"/> answer from it once warm; <see cref="All"/> and <see cref="Cold"/> give the full rows.
/// </summary>
public sealed class WarmingLayerSource : ILayerSource
{
    private readonly ILayerSource _cold;
    private volatile ILayerSource _current;

    /// <param name="cold">The indexed source, used until the copy is ready (and kept for streaming every feature).</param>
    public WarmingLayerSource(ILayerSource cold)
    {
        ArgumentNullException.ThrowIfNull(cold);
        _cold = cold;
        _current = cold;
    }

    /// <summary>The indexed source underneath.</summary>
    public ILayerSource Cold => _cold;

    /// <summary>True once the in-memory copy answers.</summary>
    public bool IsWarm => !ReferenceEquals(_current, _cold);

    /// <inheritdoc/>
    public LayerDefinition Definition => _cold.Definition;

    /// <inheritdoc/>
    public int WorkingEpsg => _cold.WorkingEpsg;

    /// <inheritdoc/>
    public bool IsInMemory => _current.IsInMemory;

    /// <inheritdoc/>
    public long Count => _current.Count;

    /// <inheritdoc/>
    public Envelope Extent => _current.Extent;

    /// <summary>
    /// Reads every feature into memory and switches to the copy; a layer of more than <paramref name="maxFeatures"/> stays
    /// on its index (no copy is made). Returns whether the copy is in use.
    /// </summary>
    public bool Warm(long maxFeatures, CancellationToken cancellationToken = default)
    {
        if (IsWarm)
        {
            return true;
        }

        if (_cold.Count > maxFeatures)
        {
            return false;
        }

        // Checks read the mapped fields only; the full rows stay in the indexed source (All streams from it).
        var features = _cold.All(cancellationToken).Select(f => f.Slim()).ToList();
        var where = _cold is LayerSourceBase b ? b.Where : Definition.Id;
        _current = new InMemoryLayerSource(Definition, WorkingEpsg, where, features);
        return true;
    }

    /// <inheritdoc/>
    public IReadOnlyList<LayerFeature> Query(Envelope envelope, CancellationToken cancellationToken = default) =>
        _current.Query(envelope, cancellationToken);

    /// <inheritdoc/>
    public IReadOnlyList<LayerFeature> Query(IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken = default) =>
        _current.Query(envelopes, cancellationToken);

    /// <inheritdoc/>
    public LayerFeature? Nearest(Geometry geometry, double maxDistance, CancellationToken cancellationToken = default) =>
        _current.Nearest(geometry, maxDistance, cancellationToken);

    /// <summary>Every feature with its full attribute row, streamed from the indexed source (the warm copy keeps mapped fields only).</summary>
    public IEnumerable<LayerFeature> All(CancellationToken cancellationToken = default) => _cold.All(cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => _cold.Dispose();
}
