using SkiaSharp;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Sheets;

/// <summary>Paints one map sheet: border, title, map frame with layers and labels, legend, scale, notes, 示意数据 mark.</summary>
internal sealed class MapSheetPainter(SheetLayout layout, MapFrame frame, SheetContent content, IReadOnlyList<LayerPlan> plans, CancellationToken cancellationToken)
{
    private static readonly SKColor s_ink = new(0x1a, 0x1a, 0x1a);

    public int FeatureCount { get; private set; }

    /// <summary>The 公里网 labels of the last pass.</summary>
    public IReadOnlyList<string> GridLabels { get; private set; } = [];

    public void Paint(SKCanvas canvas, TextPainter text)
    {
        float u = layout.Unit;
        FeatureCount = 0; // a PDF paints twice (glyph collection, then output): count one pass
        PaintBorder(canvas, u);
        PaintTitle(canvas, text, u);
        PaintMap(canvas, text, u);
        LegendPainter.Paint(canvas, Inset(layout.Legend, 8 * u), content.Legend, text, u, content.Words);
        PaintInfo(canvas, text, u);
    }

    private void PaintBorder(SKCanvas canvas, float u)
    {
        using var thick = new SKPaint { Color = s_ink, Style = SKPaintStyle.Stroke, StrokeWidth = 2.2f * u };
        using var thin = new SKPaint { Color = s_ink, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f * u };
        canvas.DrawRect(layout.Border, thick);
        canvas.DrawRect(Inset(layout.Border, 4 * u), thin);
        canvas.DrawRect(layout.Legend, thin);
        canvas.DrawRect(layout.Info, thin);
    }

    private void PaintTitle(SKCanvas canvas, TextPainter text, float u)
    {
        var r = layout.Title;
        var title = new TextStyle(21 * u, s_ink, Bold: true);
        float baseline = r.Top + (content.Subtitle is null ? 28 * u : 23 * u);
        text.Draw(canvas, content.Title, r.MidX, baseline, title, SKTextAlign.Center);
        if (content.Subtitle is { } subtitle)
        {
            text.Draw(canvas, subtitle, r.MidX, baseline + (14 * u), new TextStyle(10.5f * u, new SKColor(0x44, 0x44, 0x44)), SKTextAlign.Center);
        }
    }

    private void PaintMap(SKCanvas canvas, TextPainter text, float u)
    {
        var r = layout.Map;
        canvas.Save();
        canvas.ClipRect(r, antialias: true);
        using (var paper = new SKPaint { Color = new SKColor(0xfb, 0xfb, 0xf8), Style = SKPaintStyle.Fill })
        {
            canvas.DrawRect(r, paper);
        }

        var labels = new List<LabelCandidate>();
        for (int i = 0; i < plans.Count; i++)
        {
            FeatureCount += FeaturePainter.Paint(canvas, frame, plans[i], labels, i, cancellationToken);
        }

        LabelPainter.Paint(canvas, Inset(r, 2 * u), labels, text, cancellationToken);
        canvas.Restore();

        using var neat = new SKPaint { Color = s_ink, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f * u };
        canvas.DrawRect(r, neat);
        GridLabels = GraticulePainter.Paint(canvas, frame, text, u);
        NorthArrowPainter.Paint(canvas, new SKPoint(r.Right - (28 * u), r.Top + (18 * u)), 34 * u, text, content.Words.En);
        if (content.Schematic)
        {
            PaintSchematicMark(canvas, text, new SKPoint(r.Left + (10 * u), r.Top + (10 * u)), u, content.Words);
        }
    }

    /// <summary>The 「示意数据」 stamp: red, boxed, in the map's top-left corner, where nobody can miss it.</summary>
    internal static void PaintSchematicMark(SKCanvas canvas, TextPainter text, SKPoint topLeft, float u, SheetWords words)
    {
        var red = new SKColor(0xc0, 0x10, 0x10);
        var big = new TextStyle(17 * u, red, Bold: true);
        var small = new TextStyle(7 * u, red);
        string mark = words.Schematic, note = words.SchematicNote;
        float w = Math.Max(text.Measure(mark, big), text.Measure(note, small)) + (14 * u);
        var box = new SKRect(topLeft.X, topLeft.Y, topLeft.X + w, topLeft.Y + (40 * u));
        using var bg = new SKPaint { Color = SKColors.White.WithAlpha(235), Style = SKPaintStyle.Fill };
        using var frame = new SKPaint { Color = red, Style = SKPaintStyle.Stroke, StrokeWidth = 1.6f * u };
        canvas.DrawRect(box, bg);
        canvas.DrawRect(box, frame);
        text.Draw(canvas, mark, box.MidX, box.Top + (21 * u), big, SKTextAlign.Center);
        text.Draw(canvas, note, box.MidX, box.Top + (33 * u), small, SKTextAlign.Center);
    }

    private void PaintInfo(SKCanvas canvas, TextPainter text, float u)
    {
        var r = Inset(layout.Info, 8 * u);
        float y = r.Top + ScaleBarPainter.Paint(canvas, r.Left, r.Top, r.Width, frame.Denominator, text, u, content.Words) + (4 * u);
        var paragraphs = new List<string> { content.Words.MadeBy(content.Date, content.Unit), content.CrsNote };
        if (content.Generalised is { } generalised)
        {
            paragraphs.Add(generalised);
        }

        if (content.Schematic)
        {
            paragraphs.Add(content.Words.SchematicParagraph);
        }

        paragraphs.Add(content.Words.Sources(content.Sources));

        PaintNotes(canvas, text, r, y, paragraphs, u);
    }

    /// <summary>The notes, shrunk until they fit the box rather than drop any of them.</summary>
    internal static void PaintNotes(SKCanvas canvas, TextPainter text, SKRect r, float y, IReadOnlyList<string> paragraphs, float u)
    {
        for (float size = 7 * u; ; size -= 0.25f * u)
        {
            var note = new TextStyle(size, new SKColor(0x33, 0x33, 0x33));
            float line = size * 1.35f, gap = 2 * u;
            var wrapped = paragraphs.Select(p => TextWrap.Lines(p, r.Width, note, text)).ToList();
            float needed = (wrapped.Sum(w => w.Count) * line) + (gap * (wrapped.Count - 1));
            if (needed <= r.Bottom - y || size <= 4.5f * u)
            {
                foreach (var lines in wrapped)
                {
                    foreach (var l in lines)
                    {
                        text.Draw(canvas, l, r.Left, y + size, note);
                        y += line;
                    }

                    y += gap;
                }

                return;
            }
        }
    }

    private static SKRect Inset(SKRect r, float d) => new(r.Left + d, r.Top + d, r.Right - d, r.Bottom - d);
}
