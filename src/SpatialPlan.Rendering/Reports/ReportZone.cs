using NetTopologySuite.Geometries;

namespace SpatialPlan.Rendering.Reports;

/// <summary>One zone row of the report. Areas in m², distances in metres; the highlight in EPSG:4545.</summary>
internal sealed record ReportZone
{
    public required string LayerId { get; init; }

    public required string LayerTitleZh { get; init; }

    public required string RelationZh { get; init; }

    public required string Verdict { get; init; }

    public required string VerdictZh { get; init; }

    public required double OverlapAreaM2 { get; init; }

    public required double OverlapPercent { get; init; }

    /// <summary>Names of overlapped features (or, when none, of nearby ones with distances).</summary>
    public required string FeaturesZh { get; init; }

    public double? DistanceM { get; init; }

    public Geometry? Highlight4545 { get; init; }

    public required string RuleZh { get; init; }

    public required string BasisZh { get; init; }

    public bool Schematic { get; init; }
}
