using SkiaSharp;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>The generic blocks a report is made of: headings, paragraphs, key–value rows and tables whose rows wrap.</summary>
internal sealed class ReportBlocks(TextPainter measure)
{
    public static readonly SKColor Ink = new(0x1a, 0x1a, 0x1a);
    public static readonly SKColor Muted = new(0x55, 0x55, 0x55);
    public static readonly SKColor Rule = new(0x99, 0x99, 0x99);
    public static readonly SKColor Shade = new(0xee, 0xf0, 0xf3);
    public static readonly SKColor Warning = new(0xc0, 0x10, 0x10);

    public static readonly TextStyle Body = new(9.5f, Ink);
    public static readonly TextStyle BodyBold = new(9.5f, Ink, Bold: true);
    public static readonly TextStyle Small = new(8, Muted);
    public static readonly TextStyle Cell = new(8.5f, Ink);
    public static readonly TextStyle CellBold = new(8.5f, Ink, Bold: true);

    public TextPainter Measure => measure;

    /// <summary>A section heading (一、…); it stays on the page of what follows.</summary>
    public ReportBlock Heading(string title, bool newPage = false) => new(30, (canvas, text, x, y, _) =>
        text.Draw(canvas, title, x, y + 20, new TextStyle(13, Ink, Bold: true)), newPage) { KeepWithNext = true };

    /// <summary>A wrapped paragraph; a line feed in <paramref name="content"/> starts a new line.</summary>
    public ReportBlock Paragraph(string content, TextStyle? style = null, float indent = 0, bool keepWithNext = false)
    {
        var s = style ?? Body;
        var lines = Wrap(content, ReportPaginator.ContentWidth - indent, s);
        float lineH = s.Size * 1.55f;
        return new ReportBlock((lines.Count * lineH) + 4, (canvas, text, x, y, _) =>
        {
            for (int i = 0; i < lines.Count; i++)
            {
                text.Draw(canvas, lines[i], x + indent, y + (i * lineH) + s.Size, s);
            }
        }) { KeepWithNext = keepWithNext };
    }

    /// <summary>A row of a two-column table: a shaded label cell and a wrapped value (a line feed starts a new line).</summary>
    public ReportBlock KeyValue(string key, string value, TextStyle? valueStyle = null, float keyWidth = 92)
    {
        var vs = valueStyle ?? Body;
        var lines = Wrap(value, ReportPaginator.ContentWidth - keyWidth - 12, vs);
        var keyLines = Wrap(key, keyWidth - 12, BodyBold);
        float lineH = vs.Size * 1.5f;
        float h = Math.Max(22, (Math.Max(lines.Count, keyLines.Count) * lineH) + 10);
        return new ReportBlock(h, (canvas, text, x, y, w) =>
        {
            using var shade = new SKPaint { Color = Shade, Style = SKPaintStyle.Fill };
            using var border = new SKPaint { Color = Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f };
            canvas.DrawRect(new SKRect(x, y, x + keyWidth, y + h), shade);
            canvas.DrawRect(new SKRect(x, y, x + w, y + h), border);
            canvas.DrawLine(x + keyWidth, y, x + keyWidth, y + h, border);
            float keyTop = y + ((h - (keyLines.Count * lineH)) / 2) + vs.Size;
            for (int i = 0; i < keyLines.Count; i++)
            {
                text.Draw(canvas, keyLines[i], x + 8, keyTop + (i * lineH), BodyBold);
            }

            float top = y + ((h - (lines.Count * lineH)) / 2) + vs.Size;
            for (int i = 0; i < lines.Count; i++)
            {
                text.Draw(canvas, lines[i], x + keyWidth + 8, top + (i * lineH), vs);
            }
        });
    }

    /// <summary>Two key–value pairs side by side in one row (short values, e.g. 建设单位 and 项目代码).</summary>
    public ReportBlock KeyValuePair(string key1, string value1, string key2, string value2, float keyWidth = 92)
    {
        float half = ReportPaginator.ContentWidth / 2;
        var v1 = Wrap(value1, half - keyWidth - 12, Body);
        var v2 = Wrap(value2, half - keyWidth - 12, Body);
        float lineH = Body.Size * 1.5f;
        float h = Math.Max(22, (Math.Max(v1.Count, v2.Count) * lineH) + 10);
        return new ReportBlock(h, (canvas, text, x, y, w) =>
        {
            using var shade = new SKPaint { Color = Shade, Style = SKPaintStyle.Fill };
            using var border = new SKPaint { Color = Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f };
            foreach (var (dx, key, lines) in new[] { (0f, key1, v1), (half, key2, v2) })
            {
                canvas.DrawRect(new SKRect(x + dx, y, x + dx + keyWidth, y + h), shade);
                canvas.DrawRect(new SKRect(x + dx, y, x + dx + half, y + h), border);
                text.Draw(canvas, key, x + dx + 8, y + (h / 2) + 3.5f, BodyBold);
                float top = y + ((h - (lines.Count * lineH)) / 2) + Body.Size;
                for (int i = 0; i < lines.Count; i++)
                {
                    text.Draw(canvas, lines[i], x + dx + keyWidth + 8, top + (i * lineH), Body);
                }
            }
        });
    }

    /// <summary>A table row; cells wrap inside their column widths, the row is as tall as its tallest cell.</summary>
    /// <param name="cells">The cells' text.</param>
    /// <param name="widths">Column widths, points.</param>
    /// <param name="header">A shaded, bold header row.</param>
    /// <param name="colors">Per cell a colour (drawn bold), or null.</param>
    /// <param name="style">Cell text style; default 8.5 pt.</param>
    /// <param name="align">Per cell: true to right-align (figures).</param>
    public ReportBlock TableRow(IReadOnlyList<string> cells, IReadOnlyList<float> widths, bool header = false,
        IReadOnlyList<SKColor?>? colors = null, TextStyle? style = null, IReadOnlyList<bool>? align = null)
    {
        var s = style ?? (header ? CellBold : Cell);
        if (header)
        {
            s = s with { Bold = true };
        }

        var wrapped = cells.Select((c, i) => Wrap(c, widths[i] - 8, s)).ToList();
        float lineH = s.Size * 1.45f;
        float h = (wrapped.Max(l => l.Count) * lineH) + 8;
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
                var cellStyle = colors?[i] is { } c ? s with { Color = c, Bold = true } : s;
                bool right = align?[i] == true;
                for (int l = 0; l < wrapped[i].Count; l++)
                {
                    float baseline = y + 4 + s.Size + (l * lineH);
                    if (right)
                    {
                        text.Draw(canvas, wrapped[i][l], cx + widths[i] - 4, baseline, cellStyle, SKTextAlign.Right);
                    }
                    else
                    {
                        text.Draw(canvas, wrapped[i][l], cx + 4, baseline, cellStyle);
                    }
                }

                cx += widths[i];
            }
        });
    }

    /// <summary>A table: the header row, then the rows, each carrying the header to repeat on a new page.</summary>
    public IEnumerable<ReportBlock> Table(IReadOnlyList<string> header, IReadOnlyList<float> widths, IEnumerable<ReportBlock> rows)
    {
        var head = TableRow(header, widths, header: true) with { KeepWithNext = true };
        yield return head;
        foreach (var row in rows)
        {
            yield return row with { RepeatHeader = head };
        }
    }

    public static ReportBlock Space(float height) => new(height, (_, _, _, _, _) => { });

    /// <summary>Lines of <paramref name="content"/> that fit <paramref name="width"/>; a line feed starts a new line.</summary>
    public List<string> Wrap(string content, float width, TextStyle style) =>
        [.. content.Split('\n').SelectMany(p => p.Length == 0 ? [string.Empty] : TextWrap.Lines(p, width, style, measure))];
}
