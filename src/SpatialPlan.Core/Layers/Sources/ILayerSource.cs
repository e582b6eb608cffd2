using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// The one way the check, the renderers and the app read a layer (docs/data-sources.md §3): features in the working CRS
/// by envelope, the nearest feature, or all of them. Implementations are thread-safe.
/// </summary>
public interface ILayerSource : IDisposable
{
    /// <summary>The catalog layer.</summary>
    LayerDefinition Definition { get; }

    /// <summary>The working CRS of every geometry in and out (an EPSG code).</summary>
    int WorkingEpsg { get; }

    /// <summary>True when every feature is in memory (read whole, or warmed): <see cref="All"/> is then cheap.</summary>
    bool IsInMemory { get; }

    /// <summary>The number of features (an indexed source counts on first use).</summary>
    long Count { get; }

    /// <summary>The envelope of every feature, in the working CRS; empty (<see cref="Envelope.IsNull"/>) for an empty layer.</summary>
    Envelope Extent { get; }

    /// <summary>The features whose envelope intersects <paramref name="envelope"/> (working CRS), in no particular order.</summary>
    /// <exception cref="SpatialPlan.Core.Sources.InputException">The source cannot be read (message names the layer and what to fix).</exception>
    IReadOnlyList<LayerFeature> Query(Envelope envelope, CancellationToken cancellationToken = default);

    /// <summary>
    /// The features whose envelope intersects any of <paramref name="envelopes"/>, each once (a long thin footprint asks
    /// for the cells along it in one call, so an indexed source reads each feature once).
    /// </summary>
    IReadOnlyList<LayerFeature> Query(IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken = default);

    /// <summary>
    /// The feature nearest to <paramref name="geometry"/> (grid distance in the working CRS) within
    /// <paramref name="maxDistance"/>, or null when there is none.
    /// </summary>
    LayerFeature? Nearest(Geometry geometry, double maxDistance, CancellationToken cancellationToken = default);

    /// <summary>Every feature, streamed in a stable order (for the map and sheets of small layers).</summary>
    IEnumerable<LayerFeature> All(CancellationToken cancellationToken = default);
}
