using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Checks;

/// <summary>What the check found for one zone layer. Areas in m² and distances in metres, scale-corrected in EPSG:4545.</summary>
public sealed class ZoneResult
{
    /// <summary>Catalog layer id.</summary>
    public required string LayerId { get; init; }

    /// <summary>Layer title (Chinese).</summary>
    public required string LayerTitleZh { get; init; }

    /// <summary>Layer title (English).</summary>
    public required string LayerTitleEn { get; init; }

    /// <summary>Catalog category.</summary>
    public required string Category { get; init; }

    /// <summary>Avoid or contain.</summary>
    public required ZoneMode Mode { get; init; }

    /// <summary>How the footprint lies relative to the zone.</summary>
    public required ZoneRelation Relation { get; init; }

    /// <summary>Area of footprint ∩ zone in m² (for contain mode, the part inside).</summary>
    public required double OverlapAreaM2 { get; init; }

    /// <summary>Overlap as a percentage (0–100) of the footprint's area.</summary>
    public required double OverlapPercent { get; init; }

    /// <summary>Contain mode: area of the footprint outside the zone in m²; null for avoid mode.</summary>
    public double? OutsideAreaM2 { get; init; }

    /// <summary>Overlapped features, largest overlap first.</summary>
    public required IReadOnlyList<FeatureOverlap> Features { get; init; }

    /// <summary>Features within <see cref="BufferM"/> that are not overlapped, nearest first.</summary>
    public required IReadOnlyList<NearbyFeature> NearbyFeatures { get; init; }

    /// <summary>Distance in metres to the nearest feature when nothing overlaps, 0 when something does, null for an empty layer.</summary>
    public required double? DistanceM { get; init; }

    /// <summary>The buffer distance used, in metres.</summary>
    public required double BufferM { get; init; }

    /// <summary>The overlap (or, contain mode, the part outside) in EPSG:4490 for highlighting; null when empty.</summary>
    public Geometry? HighlightGeographic { get; init; }

    /// <summary>The zone's verdict for this project.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The rule that gave the verdict (Chinese).</summary>
    public required string RuleZh { get; init; }

    /// <summary>The rule (English).</summary>
    public required string RuleEn { get; init; }

    /// <summary>Legal basis (Chinese).</summary>
    public required string BasisZh { get; init; }

    /// <summary>Legal basis (English).</summary>
    public required string BasisEn { get; init; }

    /// <summary>True when the layer is schematic (示意).</summary>
    public required bool Schematic { get; init; }
}
