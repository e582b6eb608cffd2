using NetTopologySuite.Geometries;
using SkiaSharp;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Sheets;

namespace SpatialPlan.Rendering.CheckSheets;

/// <summary>One zone's overlap as the sheet draws it: in the working CRS, filled by its category, outlined in its verdict's colour.</summary>
/// <param name="Zone">The zone's result (Core's report model).</param>
/// <param name="Working">The overlap (avoid) or the part outside (contain) in the working CRS.</param>
/// <param name="Fill">The category's style from styles.json <c>overlaps</c>.</param>
/// <param name="Label">The legend label: the category's overlap legend (legendZh/legendEn of its <c>overlaps</c> rule).</param>
internal sealed record OverlapPart(ZoneResult Zone, Geometry Working, LayerStyle Fill, string Label)
{
    public SKColor VerdictColor => Reports.VerdictColors.Of(Zone.Verdict, Zone.InPrinciple);

    public bool Conflict => Zone.Verdict >= Verdict.ApprovalRequired;
}

/// <summary>Everything a check sheet shows, resolved before painting.</summary>
internal sealed record CheckSheetContent(
    CheckReport Report,
    string Title,
    string Subtitle,
    Geometry Footprint,
    Geometry? Outside,
    IReadOnlyList<OverlapPart> Overlaps,
    IReadOnlyList<SheetLayer> Layers,
    Geometry? AreaBoundary,
    SheetWords Words,
    DateOnly Date)
{
    public string? Unit { get; init; }

    public IReadOnlyList<LegendEntry> Legend { get; init; } = [];

    public IReadOnlyList<string> Sources { get; init; } = [];

    public string CrsNote { get; init; } = string.Empty;

    /// <summary>「图斑按比例尺综合表示…」 when the overview merged narrow polygons; null otherwise.</summary>
    public string? Generalised { get; init; }

    public bool Schematic { get; init; }
}
