namespace SpatialPlan.Core.Checks;

/// <summary>
/// A plan element (示范带, 一心一带三轴) the footprint meets or comes near: 规划衔接，非管控. It never gives a verdict.
/// Areas in m² and distances in metres, scale-corrected.
/// </summary>
public sealed record GuidanceResult
{
    public required string LayerId { get; init; }

    public required string LayerTitleZh { get; init; }

    public required string Category { get; init; }

    public required string FeatureId { get; init; }

    public required string FeatureName { get; init; }

    /// <summary>Overlap area (0 for a line or point feature, or one only nearby).</summary>
    public required double OverlapAreaM2 { get; init; }

    /// <summary>Distance to the footprint (0 when they meet).</summary>
    public required double DistanceM { get; init; }

    public required string NoteZh { get; init; }

    public required string NoteEn { get; init; }
}
