using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Styles;

namespace SpatialPlan.Rendering.Painting;

/// <summary>
/// How the renderers read a layer (issue 10): its extent, and its features (working CRS) whose envelope reaches a map
/// frame — never the whole layer. Over a <see cref="LayerStore"/> both go through the layer's source
/// (<see cref="Core.Layers.Sources.ILayerSource.Extent"/> and its R-tree / STR-tree / GiST <c>Query</c>), so a sheet of a
/// town in a layer of a million 图斑 reads the few thousand in its frame.
/// </summary>
internal sealed class SheetFeatures
{
    private readonly Func<LayerDefinition, Envelope> _extent;
    private readonly Func<LayerDefinition, Envelope, CancellationToken, IReadOnlyList<IFeature>> _query;

    private SheetFeatures(Func<LayerDefinition, Envelope> extent, Func<LayerDefinition, Envelope, CancellationToken, IReadOnlyList<IFeature>> query)
    {
        _extent = extent;
        _query = query;
    }

    /// <summary>The envelope of every feature of <paramref name="layer"/> (working CRS); null envelope for an empty layer.</summary>
    public Envelope Extent(LayerDefinition layer) => _extent(layer);

    /// <summary>The features of <paramref name="layer"/> whose envelope intersects <paramref name="box"/>, in the layer's
    /// own order (file order / feature key), so that overlapping features paint in the same order on every sheet.</summary>
    public IReadOnlyList<IFeature> Query(LayerDefinition layer, Envelope box, CancellationToken cancellationToken) => _query(layer, box, cancellationToken);

    /// <summary>Through the store's layer sources: the source's extent and its spatial index. A warm in-memory copy keeps
    /// only the mapped fields of each feature (<see cref="LayerFeature.Slim"/>), so a layer whose style reads a property
    /// (a rule's filter, a label) is read with its full rows from the indexed file instead.</summary>
    public static SheetFeatures From(LayerStore store, StyleBook styles) => new(
        layer => store.Source(layer.Id).Extent,
        (layer, box, cancellationToken) =>
        {
            var source = store.Source(layer.Id);
            if (source is WarmingLayerSource warming && ReadsProperties(styles.Get(layer.Style)))
            {
                source = warming.Cold;
            }

            // A source's features are read-only IFeatures: drawn as they come, with no wrapper per 图斑.
            return source.Query(box, cancellationToken);
        });

    private static bool ReadsProperties(LayerStyle style) =>
        style.Label is not null || (style.Rules ?? []).Any(r => r.Style.Label is not null || r.Filter is not null);

    /// <summary>The order a layer's features paint in (file order): the source's key, or the position in a whole list.</summary>
    public static long KeyOf(IFeature feature) => feature switch
    {
        LayerFeature read => read.Key,
        SheetFeature keyed => keyed.Key,
        _ => 0,
    };

    /// <summary>The envelope of <paramref name="feature"/>'s geometry (null envelope when empty), without a copy when the
    /// feature keeps it (<see cref="LayerFeature.Envelope"/>).</summary>
    public static Envelope EnvelopeOf(IFeature feature) => feature switch
    {
        LayerFeature read => read.Envelope,
        SheetFeature kept => kept.Envelope,
        _ => feature.Geometry.EnvelopeInternal,
    };

    /// <summary>Over a function that gives a layer's whole feature list (tests, fixtures): read once per layer, then
    /// filtered by envelope.</summary>
    public static SheetFeatures FromWhole(Func<LayerDefinition, IReadOnlyList<IFeature>> whole)
    {
        var cache = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<IFeature>>(StringComparer.Ordinal);
        IReadOnlyList<IFeature> Whole(LayerDefinition layer) => cache.GetOrAdd(layer.Id, _ => whole(layer));
        return new(
            layer =>
            {
                var envelope = new Envelope();
                foreach (var feature in Whole(layer))
                {
                    if (feature.Geometry is { IsEmpty: false } g)
                    {
                        envelope.ExpandToInclude(g.EnvelopeInternal);
                    }
                }

                return envelope;
            },
            (layer, box, _) => [.. Whole(layer)
                .Select((f, i) => (Feature: f, Index: i))
                .Where(x => x.Feature.Geometry is { IsEmpty: false } g && g.EnvelopeInternal.Intersects(box))
                .Select(x => (IFeature)new SheetFeature(x.Index, x.Feature.Geometry, x.Feature.Attributes))]);
    }

    /// <summary>Projects a lon/lat box (EPSG:4490) to the box in <paramref name="workingCrs"/> that contains it, sampling its
    /// edges because the box's edges are curves in the projection.</summary>
    public static Envelope ProjectLonLat(Envelope bbox, GaussKrugerZone workingCrs)
    {
        var result = new Envelope();
        const int Steps = 8;
        for (int i = 0; i <= Steps; i++)
        {
            double fx = bbox.MinX + (bbox.Width * i / Steps), fy = bbox.MinY + (bbox.Height * i / Steps);
            foreach (var c in new[] { new Coordinate(fx, bbox.MinY), new Coordinate(fx, bbox.MaxY), new Coordinate(bbox.MinX, fy), new Coordinate(bbox.MaxX, fy) })
            {
                result.ExpandToInclude(CrsTransformer.Transform(c, Epsg.Cgcs2000, workingCrs.Epsg));
            }
        }

        return result;
    }
}

/// <summary>A feature as a sheet reads it: geometry, attributes and its key in the layer (for the paint order).</summary>
internal sealed class SheetFeature(long key, Geometry geometry, IAttributesTable attributes) : IFeature
{
    public long Key { get; } = key;

    /// <summary>The geometry's envelope, taken once (never changed: see <see cref="SheetFeatures.EnvelopeOf"/>).</summary>
    public Envelope Envelope { get; } = geometry.EnvelopeInternal;

    // Read-only, like a source's LayerFeature.
    public Geometry Geometry { get; set => throw ReadOnly(); } = geometry;

    public IAttributesTable Attributes { get; set => throw ReadOnly(); } = attributes;

    public Envelope? BoundingBox { get => null; set => throw ReadOnly(); }

    private static NotSupportedException ReadOnly() => new("A sheet's features are read-only.");
}
