using NetTopologySuite.Geometries;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Rendering.Reports;

/// <summary>What a conflict report prints, resolved from Core's report model. Geometries in the working CRS; areas in m².</summary>
internal sealed record ReportModel
{
    public required string ProjectName { get; init; }

    /// <summary>The kind in Core's words, with the footprint's shape.</summary>
    public required string ProjectTypeZh { get; init; }

    /// <summary>The major-project categories with their lists and documents, or empty.</summary>
    public string MajorsZh { get; init; } = string.Empty;

    /// <summary>建设单位 and 项目代码, or empty.</summary>
    public string IdentityZh { get; init; } = string.Empty;

    public required Verdict Verdict { get; init; }

    /// <summary>The verdict in Core's words (不涉及 / 提示关注 / 有条件准入 / 禁止 / 原则上禁止); defaults to the plain word.</summary>
    public string? VerdictText { get; init; }

    public string VerdictZh => VerdictText ?? Names.Zh(Verdict);

    public required double AreaM2 { get; init; }

    public required Geometry Footprint4545 { get; init; }

    /// <summary>The data area's name (e.g. the county), for the title line, footer and keywords; empty when unknown.</summary>
    public string AreaNameZh { get; init; } = string.Empty;

    /// <summary>The working CRS the areas were measured in, e.g. "CGCS2000 / 3 度带高斯-克吕格投影（EPSG:4545，中央经线 108°E）".</summary>
    public string WorkingCrsZh { get; init; } = "CGCS2000 / 3 度带高斯-克吕格投影";

    /// <summary>How the input's CRS was found, e.g. "EPSG:4490（文件声明）".</summary>
    public required string CrsNoteZh { get; init; }

    public required IReadOnlyList<ReportZone> Zones { get; init; }

    public required IReadOnlyList<ReportRepair> Repairs { get; init; }

    /// <summary>Core's sections after the zones, one paragraph each (jurisdiction, guidance, approvals, not checked, settings).</summary>
    public IReadOnlyList<(string Heading, IReadOnlyList<string> Lines)> Sections { get; init; } = [];

    public bool Schematic { get; init; }

    public string? DataNoteZh { get; init; }

    public required DateOnly Date { get; init; }
}
