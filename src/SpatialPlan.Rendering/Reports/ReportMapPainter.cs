using NetTopologySuite.Geometries;
using SkiaSharp;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Output;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Sheets;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>
/// The report's map: the footprint over its context layers (styled as on the sheets), with the conflicting parts
/// (zones whose verdict is 有条件准入 or worse) drawn on top in strong red so that a reader sees at once where the
/// conflict is, and any part outside the data area greyed out (数据范围外，未核查).
/// </summary>
internal sealed class ReportMapPainter(CheckReport report, IReadOnlyList<SheetLayer> context, RenderBudget budget, CancellationToken cancellationToken)
{
    /// <summary>Height of the key under the map, points.</summary>
    public const float KeyHeight = 26;

    public const string HighlightFill = "rgba(230,0,0,0.55)";
    public const string HighlightStroke = "#8b0000";
    public const string FootprintStroke = "#0033cc";

    private static readonly LayerStyle s_highlight = new() { Fill = HighlightFill, Stroke = HighlightStroke, StrokeWidth = 1.5 };
    private static readonly LayerStyle s_footprintFill = new() { Fill = "rgba(0,51,204,0.10)" };
    private static readonly LayerStyle s_footprintOutline = new() { Stroke = FootprintStroke, StrokeWidth = 3 };
    private static readonly LayerStyle s_outside = new() { Fill = "rgba(90,90,90,0.45)", Stroke = "#333333", StrokeWidth = 1, StrokeDash = [4, 3] };

    /// <summary>The footprint in the working CRS (the context layers' CRS).</summary>
    private Geometry Footprint4545 => report.Footprint.Gk;

    public ReportBlock Block(float height) => new(height + KeyHeight, (canvas, text, x, y, w) =>
    {
        var rect = new SKRect(x, y, x + w, y + height);
        var frame = MapFrame.Fit(rect, Extent(Footprint4545));
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

        FeaturePainter.PaintGeometry(canvas, frame, Footprint4545, s_footprintFill, "footprint");

        // Overlaps of several zones often coincide: paint their union once, so the red does not darken
        // where they stack, then the footprint's outline on top so its edge is never hidden.
        // Only conflicts are red; an advisory overlap (e.g. a showcase belt) is context, not a conflict.
        var overlaps = report.Zones
            .Where(z => z.Verdict >= Verdict.ApprovalRequired)
            .Select(z => ToWorking(z.HighlightGeographic)).OfType<Geometry>().ToList();
        if (overlaps.Count > 0)
        {
            var union = NetTopologySuite.Operation.OverlayNG.OverlayNGRobust.Union(overlaps[0].Factory.BuildGeometry(overlaps));
            FeaturePainter.PaintGeometry(canvas, frame, union, s_highlight, "overlap");
        }

        if (ToWorking(report.Jurisdiction?.OutsideGeographic) is { } outside)
        {
            FeaturePainter.PaintGeometry(canvas, frame, outside, s_outside, "outside");
        }

        FeaturePainter.PaintGeometry(canvas, frame, Footprint4545, s_footprintOutline, "footprint");

        // A wide footprint's map merges parcels too narrow for its scale (as the sheets do): it says so in its corner.
        if (plans.Any(p => p.Merged.Count > 0))
        {
            PaintGeneralisedNote(canvas, text, frame, plans);
        }

        LabelPainter.Paint(canvas, new SKRect(r.Left + 2, r.Top + 2, r.Right - 2, r.Bottom - 2), labels, text, cancellationToken);
        canvas.Restore();
        using var neat = new SKPaint { Color = ReportBlocks.Ink, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawRect(r, neat);
        NorthArrowPainter.Paint(canvas, new SKPoint(r.Right - 22, r.Top + 16), 26, text);
        using var backing = new SKPaint { Color = SKColors.White.WithAlpha(220), Style = SKPaintStyle.Fill };
        canvas.DrawRect(new SKRect(r.Left + 1, r.Bottom - 44, r.Left + 170, r.Bottom - 1), backing);
        ScaleBarPainter.Paint(canvas, r.Left + 8, r.Bottom - 42, 150, frame.Denominator, text, 0.8f);
    }

    /// <summary>「图斑按比例尺综合表示」 with what was merged, on a white backing in the map's top-left corner.</summary>
    private static void PaintGeneralisedNote(SKCanvas canvas, TextPainter text, MapFrame frame, IReadOnlyList<LayerPlan> plans)
    {
        var style = new TextStyle(7.5f, ReportBlocks.Ink);
        var words = new SheetWords(SheetLanguage.Zh);
        var counts = plans.Where(p => p.Merged.Count > 0).Select(p => words.GeneralisedLayer(p.Layer.Definition.TitleZh, p.MergedCount, p.DroppedCount));
        var note = $"图斑按比例尺综合表示（{string.Join("；", counts)}）";
        float room = frame.RectPt.Width - 60;
        if (text.Measure(note, style) > room)
        {
            note = "图斑按比例尺综合表示";
        }

        var r = frame.RectPt;
        using var backing = new SKPaint { Color = SKColors.White.WithAlpha(220), Style = SKPaintStyle.Fill };
        canvas.DrawRect(new SKRect(r.Left + 1, r.Top + 1, r.Left + 10 + text.Measure(note, style), r.Top + 14), backing);
        text.Draw(canvas, note, r.Left + 5, r.Top + 10.5f, style);
    }

    private Geometry? ToWorking(Geometry? geographic) =>
        geographic is { IsEmpty: false } g ? CrsTransformer.Transform(g, Epsg.Cgcs2000, ReportText.WorkingEpsg(report.Footprint)) : null;

    private void PaintKey(SKCanvas canvas, TextPainter text, float x, float baseline)
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
        text.Draw(canvas, "冲突部分（禁止或有条件准入）", x + 136, baseline, style);
        float next = x + 136 + text.Measure("冲突部分（禁止或有条件准入）", style) + 14;
        if (report.Jurisdiction?.OutsideGeographic is { IsEmpty: false })
        {
            using var grey = new SKPaint { Color = CssColor.Parse(s_outside.Fill!), Style = SKPaintStyle.Fill };
            canvas.DrawRect(new SKRect(next, baseline - 8, next + 20, baseline), grey);
            text.Draw(canvas, "数据范围外，未核查", next + 26, baseline, style);
            next += 26 + text.Measure("数据范围外，未核查", style) + 14;
        }

        text.Draw(canvas, "底图图例同规划图幅", next, baseline, style with { Color = new SKColor(0x66, 0x66, 0x66) });
    }
}
