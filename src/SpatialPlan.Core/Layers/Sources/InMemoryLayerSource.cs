using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// Every feature in memory behind an STR-tree: a GeoJSON layer read whole (today's behaviour, for small layers), or an
/// indexed layer the app has warmed. Immutable once built, so concurrent queries are safe.
/// </summary>
public sealed class InMemoryLayerSource : LayerSourceBase
{
    private readonly IReadOnlyList<LayerFeature> _features;
    private readonly STRtree<LayerFeature> _index = new();
    private readonly Envelope _extent = new();

    /// <param name="definition">The catalog layer.</param>
    /// <param name="workingEpsg">The working CRS of the geometries.</param>
    /// <param name="where">How messages name the layer.</param>
    /// <param name="features">The features, geometry in the working CRS; keys unique.</param>
    public InMemoryLayerSource(LayerDefinition definition, int workingEpsg, string where, IReadOnlyList<LayerFeature> features)
        : base(definition, workingEpsg, where)
    {
        ArgumentNullException.ThrowIfNull(features);
        _features = features;
        foreach (var f in features)
        {
            if (!f.Geometry.IsEmpty)
            {
                _index.Insert(f.Envelope, f);
                _extent.ExpandToInclude(f.Envelope);
                if (f.Geometry is IPolygonal)
                {
                    // Measured now, while its coordinates are at hand: tiles and sheets read both for every parcel.
                    _ = f.Area + f.Length;
                }
            }
        }

        _index.Build();
    }

    /// <summary>The features, in their stored order.</summary>
    public IReadOnlyList<LayerFeature> Features => _features;

    /// <inheritdoc/>
    public override bool IsInMemory => true;

    /// <inheritdoc/>
    public override long Count => _features.Count;

    /// <inheritdoc/>
    public override Envelope Extent => new(_extent);

    /// <inheritdoc/>
    /// <remarks>A box that covers the whole layer (a whole-area sheet, the smallest tiles) gets every non-empty feature in
    /// stored order, without walking the tree: a million parcels' query cost a quarter of a second and 16 MB of list.</remarks>
    public override IReadOnlyList<LayerFeature> Query(Envelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return !_extent.IsNull && envelope.Covers(_extent)
            ? _whole ??= _features.Where(f => !f.Geometry.IsEmpty).ToArray()
            : (IReadOnlyList<LayerFeature>)_index.Query(envelope);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One walk of the tree for all the windows (a road's query is a few dozen cells): a node is entered when its box meets
    /// any window, with only the windows that meet it, so the levels the windows share are walked once, not once per
    /// window; each feature sits in the tree once, so it comes once.
    /// </remarks>
    public override IReadOnlyList<LayerFeature> Query(IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        if (envelopes.Count <= 1 || _index.IsEmpty)
        {
            return envelopes.Count == 0 || _index.IsEmpty ? [] : Query(envelopes[0], cancellationToken);
        }

        var result = new List<LayerFeature>();
        Visit(_index.Root, [.. envelopes], result, cancellationToken);
        return result;
    }

    private static void Visit(AbstractNode<Envelope, LayerFeature> node, Envelope[] windows, List<LayerFeature> result, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var child in node.ChildBoundables)
        {
            var box = child.Bounds;
            if (child is ItemBoundable<Envelope, LayerFeature> item)
            {
                foreach (var w in windows)
                {
                    if (w.Intersects(box))
                    {
                        result.Add(item.Item);
                        break;
                    }
                }

                continue;
            }

            var count = 0;
            foreach (var w in windows)
            {
                count += w.Intersects(box) ? 1 : 0;
            }

            if (count > 0)
            {
                Visit((AbstractNode<Envelope, LayerFeature>)child, count == windows.Length ? windows : [.. windows.Where(w => w.Intersects(box))], result, cancellationToken);
            }
        }
    }

    // The non-empty features in stored order, made on the first whole-layer query (a benign race: both make the same array).
    private LayerFeature[]? _whole;

    /// <inheritdoc/>
    public override LayerFeature? Nearest(Geometry geometry, double maxDistance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (_index.IsEmpty)
        {
            return null;
        }

        var probe = new LayerFeature(-1, geometry, new NetTopologySuite.Features.AttributesTable(), FieldMap.Default);
        var nearest = _index.NearestNeighbour(geometry.EnvelopeInternal, probe, GeometryDistance.Instance);
        return nearest is not null && geometry.Distance(nearest.Geometry) <= maxDistance ? nearest : null;
    }

    /// <inheritdoc/>
    public override IEnumerable<LayerFeature> All(CancellationToken cancellationToken = default) => _features;

    /// <summary>The exact distance between two features' geometries, for the STR-tree's branch-and-bound nearest search.</summary>
    private sealed class GeometryDistance : IItemDistance<Envelope, LayerFeature>
    {
        public static readonly GeometryDistance Instance = new();

        public double Distance(IBoundable<Envelope, LayerFeature> item1, IBoundable<Envelope, LayerFeature> item2) =>
            item1.Item.Geometry.Distance(item2.Item.Geometry);
    }
}
