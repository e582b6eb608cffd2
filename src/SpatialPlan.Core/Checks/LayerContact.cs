using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Checks;

/// <summary>What <see cref="ZoneEvaluator.Measure"/> found in one layer: overlapped pieces and nearby (or touching) features.</summary>
internal sealed class LayerContact(ZoneLayer layer)
{
    public ZoneLayer Layer { get; } = layer;

    /// <summary>Footprint ∩ feature, per overlapped feature (area &gt; 0).</summary>
    public List<Piece> Overlaps { get; } = [];

    /// <summary>Features not overlapped but within the proximity distance; distance 0 means they touch.</summary>
    public List<(ZoneFeature Feature, double DistanceM)> Nearby { get; } = [];
}

/// <summary>One feature's overlap with the footprint: the piece (working CRS) and its area in m² (scale-corrected).</summary>
internal sealed record Piece(ZoneFeature Feature, Geometry Geometry, double AreaM2);
