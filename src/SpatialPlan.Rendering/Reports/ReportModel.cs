using NetTopologySuite.Geometries;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Rendering.Reports;

/// <summary>What a conflict report prints, resolved from a Core CheckReport. Geometries in EPSG:4545; areas in m².</summary>
internal sealed record ReportModel
{
    public required string ProjectName { get; init; }

    public required string ProjectTypeZh { get; init; }

    public bool NationalMajor { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>The verdict in Core's Chinese words (无冲突/提示/需审批/禁止).</summary>
    public string VerdictZh => Names.Zh(Verdict);

    public required double AreaM2 { get; init; }

    public required Geometry Footprint4545 { get; init; }

    /// <summary>How the input's CRS was found, e.g. "EPSG:4490（文件声明）".</summary>
    public required string CrsNoteZh { get; init; }

    public required IReadOnlyList<ReportZone> Zones { get; init; }

    public required IReadOnlyList<ReportRepair> Repairs { get; init; }

    public bool Schematic { get; init; }

    public string? DataNoteZh { get; init; }

    public required DateOnly Date { get; init; }
}
