using NetTopologySuite.Geometries;
using SkiaSharp;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Output;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Sheets;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>
/// The report's map: the footprint over its context layers (styled as on the sheets), with the overlaps
/// drawn on top in strong red so that a reader sees at once where the conflict is.
/// </summary>
internal sealed class ReportMapPainter(ReportModel model, IReadOnlyList<SheetLayer> context, RenderBudget budget, CancellationToken cancellationToken)
{
    public const string HighlightFill = "rgba(230,0,0,0.55)";
    public const string HighlightStroke = "#8b0000";
    public const string FootprintStroke = "#0033cc";

    private static readonly LayerStyle s_highlight = new() { Fill = HighlightFill, Stroke = HighlightStroke, StrokeWidth = 1.5 };
    private static readonly LayerStyle s_footprintFill = new() { Fill = "rgba(0,51,204,0.10)" };
    private static readonly LayerStyle s_footprintOutline = new() { Stroke = FootprintStroke, StrokeWidth = 3 };

    public ReportBlock Block(float height) => new(height + 26, (canvas, text, x, y, w) =>
    {
        var rect = new SKRect(x, y, x + w, y + height);
        var frame = MapFrame.Fit(rect, Extent(model.Footprint4545));
        Paint(canvas, text, frame);
        PaintKey(canvas, text, x, y + height + 16);
    });

    /// <summary>The footprint's envelope, widened so that the zones around it are visible (at least 1.5 km across).</summary>
    public static Envelope Extent(Geometry footprint)
    {
        var e = new Envelope(footprint.EnvelopeInternal);
        double grow = Math.Max(Math.Max(e.Width, e.Height) * 0.6, 750);
        e.ExpandBy(grow);
        return e;
    }

    private void Paint(SKCanvas canvas, TextPainter text, MapFrame frame)
    {
        var r = frame.RectPt;
        canvas.Save();
        canvas.ClipRect(r, antialias: true);
        using (var paper = new SKPaint { Color = new SKColor(0xfb, 0xfb, 0xf8), Style = SKPaintStyle.Fill })
        {
            canvas.DrawRect(r, paper);
        }

        // Counted before drawing: the context layers' hatch lines and labels within the render budget.
        var plans = context.Select(l => LayerPlan.For(l, frame, cancellationToken)).ToList();
        MapSheetRenderer.CheckBudget(budget, plans);
        var labels = new List<LabelCandidate>();
        for (int i = 0; i < plans.Count; i++)
        {
            FeaturePainter.Paint(canvas, frame, plans[i], labels, i, cancellationToken);
        }

        FeaturePainter.PaintGeometry(canvas, frame, model.Footprint4545, s_footprintFill, "footprint");

        // Overlaps of several zones often coincide: paint their union once, so the red does not darken
        // where they stack, then the footprint's outline on top so its edge is never hidden.
        // Only conflicts are red; an advisory overlap (e.g. a showcase belt) is context, not a conflict.
        var overlaps = model.Zones
            .Where(z => z.Verdict >= Verdict.ApprovalRequired)
            .Select(z => z.Highlight4545).OfType<Geometry>().Where(g => !g.IsEmpty).ToList();
        if (overlaps.Count > 0)
        {
            var union = NetTopologySuite.Operation.OverlayNG.OverlayNGRobust.Union(overlaps[0].Factory.BuildGeometry(overlaps));
            FeaturePainter.PaintGeometry(canvas, frame, union, s_highlight, "overlap");
        }

        FeaturePainter.PaintGeometry(canvas, frame, model.Footprint4545, s_footprintOutline, "footprint");

        LabelPainter.Paint(canvas, new SKRect(r.Left + 2, r.Top + 2, r.Right - 2, r.Bottom - 2), labels, text, cancellationToken);
        canvas.Restore();
        using var neat = new SKPaint { Color = ReportBlocks.Ink, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawRect(r, neat);
        NorthArrowPainter.Paint(canvas, new SKPoint(r.Right - 22, r.Top + 16), 26, text);
        using var backing = new SKPaint { Color = SKColors.White.WithAlpha(220), Style = SKPaintStyle.Fill };
        canvas.DrawRect(new SKRect(r.Left + 1, r.Bottom - 44, r.Left + 170, r.Bottom - 1), backing);
        ScaleBarPainter.Paint(canvas, r.Left + 8, r.Bottom - 42, 150, frame.Denominator, text, 0.8f);
    }

    private static void PaintKey(SKCanvas canvas, TextPainter text, float x, float baseline)
    {
        var style = new TextStyle(8.5f, ReportBlocks.Ink);
        using var fp = FeaturePainter.StrokePaint(FootprintStroke, 3, null);
        canvas.DrawRect(new SKRect(x, baseline - 8, x + 20, baseline), fp);
        text.Draw(canvas, "项目占地范围", x + 26, baseline, style);
        using var fill = new SKPaint { Color = CssColor.Parse(HighlightFill), Style = SKPaintStyle.Fill };
        using var edge = FeaturePainter.StrokePaint(HighlightStroke, 1.5, null);
        var swatch = new SKRect(x + 110, baseline - 8, x + 130, baseline);
        canvas.DrawRect(swatch, fill);
        canvas.DrawRect(swatch, edge);
        text.Draw(canvas, "与管控要素重叠部分（冲突）", x + 136, baseline, style);
        text.Draw(canvas, "底图：各管控要素图层，图例同规划图幅", x + 290, baseline, style with { Color = new SKColor(0x66, 0x66, 0x66) });
    }
}
