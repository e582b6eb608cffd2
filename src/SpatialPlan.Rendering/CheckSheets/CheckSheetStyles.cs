using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Painting;

namespace SpatialPlan.Rendering.CheckSheets;

/// <summary>The fixed symbols of a check sheet that are not layers of the catalog: footprint, detail boxes, the part outside the data area.</summary>
internal static class CheckSheetStyles
{
    /// <summary>Prefix of the styles.json keys of the overlap fills, one per zone category (<c>overlap-permanent-farmland</c> …);
    /// the web map reads the same keys (ClientApp overlapStyles.ts).</summary>
    public const string OverlapPrefix = "overlap-";

    public const string FootprintStroke = Reports.ReportMapPainter.FootprintStroke;

    public static readonly LayerStyle FootprintFill = new() { Fill = "rgba(0,51,204,0.10)" };

    public static readonly LayerStyle FootprintOutline = new() { Stroke = FootprintStroke, StrokeWidth = 3 };

    public static readonly LayerStyle FootprintLegend = new() { Fill = "rgba(0,51,204,0.10)", Stroke = FootprintStroke, StrokeWidth = 3 };

    public static readonly LayerStyle Outside = new() { Fill = "rgba(90,90,90,0.45)", Stroke = "#333333", StrokeWidth = 1, StrokeDash = [4, 3] };

    public static readonly LayerStyle DetailBox = new() { Stroke = "#222222", StrokeWidth = 1.5, StrokeDash = [5, 3] };

    /// <summary>Used when a data folder's styles.json has no <c>overlap-&lt;category&gt;</c> style: a neutral grey.</summary>
    public static readonly LayerStyle FallbackOverlap = new() { Fill = "#9e9e9e", LegendZh = "占用管控区", LegendEn = "Overlap with a protected zone" };

    /// <summary>The overlap style of a zone category: styles.json's <c>overlap-&lt;category&gt;</c>, else a neutral grey.</summary>
    public static LayerStyle OverlapOf(StyleBook styles, string category) =>
        styles.Keys.Contains(OverlapPrefix + category) ? styles.Get(OverlapPrefix + category) : FallbackOverlap;

    public static LegendEntry Entry(string label, LayerStyle style) => new(label, style, LegendSwatch.Area);
}
