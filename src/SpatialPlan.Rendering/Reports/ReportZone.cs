using NetTopologySuite.Geometries;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Rendering.Reports;

/// <summary>One zone row of the report. Areas in m², distances in metres; the highlight in EPSG:4545.</summary>
internal sealed record ReportZone
{
    public required string LayerId { get; init; }

    public required string LayerTitleZh { get; init; }

    public required string RelationZh { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>The verdict in Core's Chinese words (无冲突/提示/需审批/禁止).</summary>
    public string VerdictZh => Names.Zh(Verdict);

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
