using NetTopologySuite.Geometries;
using SkiaSharp;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Painting;

/// <summary>Builds and draws the legend of the shown layers: one entry per layer, or per rule a layer's features use.</summary>
internal static class LegendPainter
{
    public static List<LegendEntry> Entries(IEnumerable<SheetLayer> layers)
    {
        var entries = new List<LegendEntry>();
        foreach (var layer in layers)
        {
            // One entry per distinct resolved style in use, in rule order (base style first).
            var seen = new Dictionary<int, LegendEntry>();
            foreach (var feature in layer.WorkingFeatures.Where(f => f.Geometry is { IsEmpty: false }))
            {
                var rules = layer.Style.Rules ?? [];
                int ruleIndex = -1;
                for (int i = 0; i < rules.Count && ruleIndex < 0; i++)
                {
                    ruleIndex = rules[i].Filter.Matches(n => SheetLayer.Property(feature, n)) ? i : -1;
                }

                if (!seen.ContainsKey(ruleIndex))
                {
                    var style = layer.StyleFor(feature);
                    var label = ruleIndex >= 0 ? rules[ruleIndex].Style.LegendZh : null;
                    label ??= layer.Style.LegendZh ?? layer.Definition.TitleZh;
                    seen[ruleIndex] = new LegendEntry(label, style, SwatchOf(feature.Geometry));
                }
            }

            entries.AddRange(seen.OrderBy(kv => kv.Key).Select(kv => kv.Value));
        }

        return entries;
    }

    /// <summary>Draws the heading and entries in as many columns as the box needs; returns the height used.</summary>
    public static float Paint(SKCanvas canvas, SKRect box, IReadOnlyList<LegendEntry> entries, TextPainter text, float unit)
    {
        var heading = new TextStyle(13 * unit, SKColors.Black, Bold: true);
        var itemStyle = new TextStyle(8 * unit, new SKColor(0x22, 0x22, 0x22));
        text.Draw(canvas, "图  例", box.MidX, box.Top + (13 * unit), heading, SKTextAlign.Center);
        float top = box.Top + (22 * unit), rowH = 12.5f * unit, swW = 20 * unit, swH = 8.5f * unit;
        if ((int)((box.Bottom - top) / rowH) < entries.Count)
        {
            // Tighter rows (down to 10 units) before a second column, whose narrow labels get cut.
            rowH = Math.Max(10 * unit, (box.Bottom - top) / Math.Max(1, entries.Count));
        }

        int rows = Math.Max(1, (int)((box.Bottom - top) / rowH));
        int columns = (int)Math.Ceiling(entries.Count / (double)rows);
        float columnW = box.Width / Math.Max(1, columns);
        for (int i = 0; i < entries.Count; i++)
        {
            float x = box.Left + ((i / rows) * columnW), y = top + ((i % rows) * rowH);
            var swatch = new SKRect(x, y, x + swW, y + swH);
            PaintSwatch(canvas, swatch, entries[i]);
            var label = Fit(entries[i].Label, columnW - swW - (6 * unit), itemStyle, text);
            text.Draw(canvas, label, swatch.Right + (5 * unit), swatch.MidY + (itemStyle.Size * 0.36f), itemStyle);
        }

        return top - box.Top + (Math.Min(rows, entries.Count) * rowH);
    }

    private static void PaintSwatch(SKCanvas canvas, SKRect r, LegendEntry entry)
    {
        var style = entry.Style;
        switch (entry.Swatch)
        {
            case LegendSwatch.Point when style.Point is { } symbol:
                PointSymbolPainter.Draw(canvas, new SKPoint(r.MidX, r.MidY), symbol, Math.Min(1, r.Height / 2 / Units.Pt(symbol.Radius)));
                break;
            case LegendSwatch.Line when style.Stroke is { } stroke:
                using (var paint = FeaturePainter.StrokePaint(stroke, Math.Min(style.StrokeWidth ?? 1, 10), style.StrokeDash))
                {
                    canvas.DrawLine(r.Left, r.MidY, r.Right, r.MidY, paint);
                }

                break;
            case LegendSwatch.Area:
                if (style.Fill is { } fill)
                {
                    using var paint = new SKPaint { Color = CssColor.Parse(fill), Style = SKPaintStyle.Fill };
                    canvas.DrawRect(r, paint);
                }

                if (style.Hatch is { } hatch)
                {
                    using var swatch = new SKPath();
                    swatch.AddRect(r);
                    HatchPainter.Paint(canvas, swatch, hatch);
                }

                if (style.Stroke is { } outline)
                {
                    using var paint = FeaturePainter.StrokePaint(outline, Math.Min(style.StrokeWidth ?? 1, 3), style.StrokeDash);
                    canvas.DrawRect(r, paint);
                }

                break;
            default:
                throw new NotSupportedException($"图例“{entry.Label}”缺少可绘制的符号。 / Legend entry \"{entry.Label}\" has nothing to draw.");
        }
    }

    private static string Fit(string label, float width, TextStyle style, TextPainter text)
    {
        if (text.Measure(label, style) <= width)
        {
            return label;
        }

        var runes = label.EnumerateRunes().Select(r => r.ToString()).ToList();
        while (runes.Count > 1 && text.Measure(string.Concat(runes) + "…", style) > width)
        {
            runes.RemoveAt(runes.Count - 1);
        }

        return string.Concat(runes) + "…";
    }

    private static LegendSwatch SwatchOf(Geometry geometry) => geometry switch
    {
        IPuntal => LegendSwatch.Point,
        ILineal => LegendSwatch.Line,
        _ => LegendSwatch.Area,
    };
}
