using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Distance;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// The nearest feature through an index that answers envelope queries but has no nearest-neighbour search (the
/// GeoPackage R-tree): windows around the geometry grow until one holds a feature; every envelope in the window is
/// given a lower bound of its feature's distance (0 when it meets the geometry, else the distance to the envelope's
/// rectangle), and features are read in order of that bound until the bound passes the best exact distance. A window
/// of radius r holds every feature within r, so the search stops once the best distance is at most r.
/// </summary>
internal sealed class NearestSearch
{
    private const double FirstRadius = 500;

    private readonly Geometry _geometry;
    private readonly IPreparedGeometry _prepared;
    private readonly IndexedFacetDistance _facets;

    public NearestSearch(Geometry geometry)
    {
        _geometry = geometry;
        _prepared = PreparedGeometryFactory.Prepare(geometry);
        _facets = new IndexedFacetDistance(geometry);
    }

    /// <param name="envelopes">Keys and envelopes of the features whose envelope meets a window.</param>
    /// <param name="fetch">Reads one feature by key (null when it is gone).</param>
    /// <param name="extent">The layer's extent (stops the growing when a window covers it).</param>
    /// <param name="maxDistance">Features farther than this are not wanted.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    public LayerFeature? Find(Func<Envelope, IReadOnlyList<(long Key, Envelope Envelope)>> envelopes, Func<long, LayerFeature?> fetch,
        Envelope extent, double maxDistance, CancellationToken cancellationToken)
    {
        if (extent.IsNull)
        {
            return null;
        }

        var around = _geometry.EnvelopeInternal;
        var reach = Math.Max(extent.Distance(around) + Math.Max(extent.Width, extent.Height) + 1, FirstRadius);
        var done = new HashSet<long>();
        LayerFeature? best = null;
        var bestDistance = double.PositiveInfinity;
        for (var radius = Math.Min(FirstRadius, maxDistance); ; radius = Math.Min(radius * 2, Math.Max(maxDistance, 0)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var window = new Envelope(around);
            window.ExpandBy(radius);
            var hits = envelopes(window)
                .Where(h => !done.Contains(h.Key))
                .Select(h => (h.Key, Bound: LowerBound(h.Envelope)))
                .OrderBy(h => h.Bound).ThenBy(h => h.Key)
                .ToList();
            foreach (var (key, bound) in hits)
            {
                if (bound >= bestDistance || bound > maxDistance)
                {
                    break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                done.Add(key);
                if (fetch(key) is { } feature && _geometry.Distance(feature.Geometry) is var d && d < bestDistance)
                {
                    (best, bestDistance) = (feature, d);
                }
            }

            // Every feature within `radius` has been seen; past the layer's reach there is nothing more to find.
            if (bestDistance <= radius || radius >= maxDistance || radius >= reach)
            {
                return bestDistance <= maxDistance ? best : null;
            }
        }
    }

    private double LowerBound(Envelope e)
    {
        if (!e.Intersects(_geometry.EnvelopeInternal))
        {
            return _facets.Distance(_geometry.Factory.ToGeometry(e));
        }

        var box = _geometry.Factory.ToGeometry(e);
        return _prepared.Intersects(box) ? 0 : _facets.Distance(box);
    }
}
