using SkiaSharp;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>The generic blocks a report is made of: headings, paragraphs, key–value rows, table rows, signatures.</summary>
internal sealed class ReportBlocks(TextPainter measure)
{
    public static readonly SKColor Ink = new(0x1a, 0x1a, 0x1a);
    public static readonly SKColor Rule = new(0x99, 0x99, 0x99);
    public static readonly SKColor Shade = new(0xee, 0xf0, 0xf3);

    public static readonly TextStyle Body = new(9.5f, Ink);
    public static readonly TextStyle BodyBold = new(9.5f, Ink, Bold: true);

    public ReportBlock Heading(string title, bool newPage = false) => new(30, (canvas, text, x, y, _) =>
        text.Draw(canvas, title, x, y + 20, new TextStyle(13, Ink, Bold: true)), newPage);

    public ReportBlock Paragraph(string content, TextStyle? style = null, float indent = 0)
    {
        var s = style ?? Body;
        var lines = TextWrap.Lines(content, ReportPaginator.ContentWidth - indent, s, measure);
        float lineH = s.Size * 1.55f;
        return new ReportBlock((lines.Count * lineH) + 4, (canvas, text, x, y, _) =>
        {
            for (int i = 0; i < lines.Count; i++)
            {
                text.Draw(canvas, lines[i], x + indent, y + (i * lineH) + s.Size, s);
            }
        });
    }

    /// <summary>A row of a two-column table: a shaded label cell and a wrapped value.</summary>
    public ReportBlock KeyValue(string key, string value, TextStyle? valueStyle = null)
    {
        const float KeyW = 92;
        var vs = valueStyle ?? Body;
        var lines = TextWrap.Lines(value, ReportPaginator.ContentWidth - KeyW - 12, vs, measure);
        float h = Math.Max(22, (lines.Count * vs.Size * 1.5f) + 10);
        return new ReportBlock(h, (canvas, text, x, y, w) =>
        {
            using var shade = new SKPaint { Color = Shade, Style = SKPaintStyle.Fill };
            using var border = new SKPaint { Color = Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f };
            canvas.DrawRect(new SKRect(x, y, x + KeyW, y + h), shade);
            canvas.DrawRect(new SKRect(x, y, x + w, y + h), border);
            canvas.DrawLine(x + KeyW, y, x + KeyW, y + h, border);
            text.Draw(canvas, key, x + 8, y + (h / 2) + 3.5f, BodyBold);
            float top = y + ((h - (lines.Count * vs.Size * 1.5f)) / 2) + vs.Size;
            for (int i = 0; i < lines.Count; i++)
            {
                text.Draw(canvas, lines[i], x + KeyW + 8, top + (i * vs.Size * 1.5f), vs);
            }
        });
    }

    /// <summary>A table row; cells wrap inside their column widths, the row is as tall as its tallest cell.</summary>
    public ReportBlock TableRow(IReadOnlyList<string> cells, IReadOnlyList<float> widths, bool header = false, IReadOnlyList<SKColor?>? colors = null)
    {
        var style = header ? new TextStyle(8.5f, Ink, Bold: true) : new TextStyle(8.5f, Ink);
        var wrapped = cells.Select((c, i) => TextWrap.Lines(c, widths[i] - 8, style, measure)).ToList();
        float lineH = style.Size * 1.45f;
        float h = (wrapped.Max(l => l.Count) * lineH) + 10;
        return new ReportBlock(h, (canvas, text, x, y, _) =>
        {
            using var border = new SKPaint { Color = Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f };
            if (header)
            {
                using var shade = new SKPaint { Color = Shade, Style = SKPaintStyle.Fill };
                canvas.DrawRect(new SKRect(x, y, x + widths.Sum(), y + h), shade);
            }

            float cx = x;
            for (int i = 0; i < cells.Count; i++)
            {
                canvas.DrawRect(new SKRect(cx, y, cx + widths[i], y + h), border);
                var cellStyle = colors?[i] is { } c ? style with { Color = c, Bold = true } : style;
                for (int l = 0; l < wrapped[i].Count; l++)
                {
                    text.Draw(canvas, wrapped[i][l], cx + 4, y + 5 + style.Size + (l * lineH), cellStyle);
                }

                cx += widths[i];
            }
        });
    }

    public static ReportBlock Space(float height) => new(height, (_, _, _, _, _) => { });

    /// <summary>经办人 / 审核人 / 日期 lines for a hand signature.</summary>
    public static ReportBlock Signatures() => new(60, (canvas, text, x, y, w) =>
    {
        using var line = new SKPaint { Color = Ink, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke };
        string[] labels = ["经办人：", "审核人：", "日期："];
        float col = w / 3;
        for (int i = 0; i < labels.Length; i++)
        {
            float cx = x + (i * col);
            text.Draw(canvas, labels[i], cx, y + 40, BodyBold);
            float start = cx + measureWidth(labels[i]) + 4;
            canvas.DrawLine(start, y + 42, cx + col - 14, y + 42, line);
        }

        static float measureWidth(string label) => label.Length * BodyBold.Size;
    });
}
