using NetTopologySuite.Geometries;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Rendering.Reports;

/// <summary>One zone row of the report. Areas in m², distances in metres; the highlight in the working CRS.</summary>
internal sealed record ReportZone
{
    public required string LayerId { get; init; }

    public required string LayerTitleZh { get; init; }

    public required string RelationZh { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>The verdict in Core's words; defaults to the plain word of <see cref="Verdict"/>.</summary>
    public string? VerdictText { get; init; }

    public string VerdictZh => VerdictText ?? Names.Zh(Verdict);

    /// <summary>Avoid: the overlap; contain: the part inside (as the JSON's overlapAreaM2).</summary>
    public required double OverlapAreaM2 { get; init; }

    public required double OverlapPercent { get; init; }

    /// <summary>Core's figures line, then the overlapped (or nearby) features.</summary>
    public required string FeaturesZh { get; init; }

    public double? DistanceM { get; init; }

    public Geometry? Highlight4545 { get; init; }

    public required string RuleZh { get; init; }

    public required string BasisZh { get; init; }

    /// <summary>The conditions owed (authority — requirement), or empty.</summary>
    public IReadOnlyList<string> ConditionsZh { get; init; } = [];

    public bool Schematic { get; init; }
}
