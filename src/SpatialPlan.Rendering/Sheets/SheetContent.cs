using SpatialPlan.Rendering.Painting;

namespace SpatialPlan.Rendering.Sheets;

/// <summary>Everything a map sheet shows, resolved before painting (painting decides nothing about data).</summary>
internal sealed record SheetContent(
    string Title,
    string? Subtitle,
    IReadOnlyList<SheetLayer> Layers,
    IReadOnlyList<LegendEntry> Legend,
    IReadOnlyList<string> Sources,
    bool Schematic,
    DateOnly Date)
{
    /// <summary>"坐标系：2000国家大地坐标系（CGCS2000），3度带高斯-克吕格投影，中央经线n°E（EPSG:n）": the working CRS the frame is drawn in.</summary>
    public string CrsNote { get; init; } = string.Empty;

    /// <summary>The data area's name, for the PDF keywords.</summary>
    public string AreaNameZh { get; init; } = string.Empty;

    /// <summary>制图单位; null or blank prints a blank to fill in.</summary>
    public string? Unit { get; init; }

    /// <summary>The note 「图斑按比例尺综合表示…」 when narrow polygons were merged at the sheet's scale; null otherwise.</summary>
    public string? Generalised { get; init; }

    /// <summary>The sheet's own words in its language.</summary>
    public SheetWords Words { get; init; } = new(SheetLanguage.Zh);
}
