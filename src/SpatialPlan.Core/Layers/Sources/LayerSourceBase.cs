using NetTopologySuite.Geometries;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>What every source shares: the catalog entry, the working CRS and how messages name the layer.</summary>
public abstract class LayerSourceBase : ILayerSource
{
    /// <param name="definition">The catalog layer.</param>
    /// <param name="workingEpsg">The working CRS.</param>
    /// <param name="where">How messages name the layer: its source and catalog entry.</param>
    protected LayerSourceBase(LayerDefinition definition, int workingEpsg, string where)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        WorkingEpsg = workingEpsg;
        Where = where;
    }

    /// <inheritdoc/>
    public LayerDefinition Definition { get; }

    /// <inheritdoc/>
    public int WorkingEpsg { get; }

    /// <summary>How messages name the layer, e.g. <c>layers/farmland.gpkg:farmland（catalog.json layers[4]：farmland）</c>.</summary>
    public string Where { get; }

    /// <summary>Which attribute is which.</summary>
    protected FieldMap Fields => Definition.Fields ?? FieldMap.Default;

    /// <inheritdoc/>
    public abstract bool IsInMemory { get; }

    /// <inheritdoc/>
    public abstract long Count { get; }

    /// <inheritdoc/>
    public abstract Envelope Extent { get; }

    /// <inheritdoc/>
    public abstract IReadOnlyList<LayerFeature> Query(Envelope envelope, CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public virtual IReadOnlyList<LayerFeature> Query(IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        var seen = new Dictionary<long, LayerFeature>();
        foreach (var envelope in envelopes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var f in Query(envelope, cancellationToken))
            {
                seen.TryAdd(f.Key, f);
            }
        }

        return [.. seen.Values];
    }

    /// <inheritdoc/>
    public abstract LayerFeature? Nearest(Geometry geometry, double maxDistance, CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public abstract IEnumerable<LayerFeature> All(CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases connections.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>A problem with this layer's source, as the CLI (exit 2) and the app (start-up message, 4xx) report it.</summary>
    protected InputException Problem(string problem, string fix, Exception? inner = null) => new(problem, fix, Where, inner: inner);

    /// <summary>A copy of <paramref name="e"/> grown by <paramref name="by"/> on every side.</summary>
    protected static Envelope Expanded(Envelope e, double by)
    {
        var copy = new Envelope(e);
        copy.ExpandBy(by);
        return copy;
    }
}
