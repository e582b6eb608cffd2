using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;

namespace SpatialPlan.Rendering.Painting;

/// <summary>
/// Adapts a <see cref="LayerStore"/> to the renderers: a layer's features with their working-CRS geometry, read through the
/// layer's source (<see cref="Core.Layers.Sources.ILayerSource.All"/>) once per store and kept (the app makes a renderer
/// per request; the store is shared). A GeoJSON layer is already in memory; an indexed layer is read whole from its
/// GeoPackage or PostGIS table the first time a sheet draws it (the renderers take whole layers and clip to the frame).
/// </summary>
internal static class LayerStoreFeatures
{
    private static readonly ConditionalWeakTable<LayerStore, ConcurrentDictionary<string, IReadOnlyList<IFeature>>> Caches = new();

    public static Func<LayerDefinition, IReadOnlyList<IFeature>> From(LayerStore store)
    {
        var cache = Caches.GetValue(store, _ => new ConcurrentDictionary<string, IReadOnlyList<IFeature>>(StringComparer.Ordinal));
        return layer => cache.GetOrAdd(layer.Id, id => [.. store.Source(id).All().Select(f => (IFeature)new Feature(f.Geometry, f.Attributes))]);
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
