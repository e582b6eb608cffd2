using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Rendering.Sheets;
using SkiaSharp;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Painting;

/// <summary>Builds and draws the legend of the shown layers: one entry per layer, or per rule a layer's features use.</summary>
internal static class LegendPainter
{
    /// <summary>
    /// The legend of what a map shows: one entry per layer, or per style rule, for the features of the plans whose
    /// geometry really reaches one of <paramref name="grounds"/> (working-CRS rectangles), so a layer or class that is
    /// only near the frame, or whose envelope alone reaches it, is not listed.
    /// </summary>
    public static List<LegendEntry> EntriesInFrame(IEnumerable<LayerPlan> plans, IReadOnlyList<Envelope> grounds, SheetWords words)
    {
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        var rects = grounds.Select(g => (Envelope: g, Polygon: factory.ToGeometry(g))).ToList();
        bool InFrame(IFeature f) => f.Geometry is { IsEmpty: false } geometry && rects.Any(r =>
            r.Envelope.Intersects(geometry.EnvelopeInternal) && (r.Envelope.Contains(geometry.EnvelopeInternal) || r.Polygon.Intersects(geometry)));
        return Entries(plans.Select(p => (p.Layer, p.LegendFeatures.Where(InFrame))), words);
    }

    private static List<LegendEntry> Entries(IEnumerable<(SheetLayer Layer, IEnumerable<IFeature> Features)> layers, SheetWords words)
    {
        var entries = new List<LegendEntry>();
        foreach (var (layer, features) in layers)
        {
            // One entry per distinct resolved style in use, in rule order (base style first).
            var seen = new Dictionary<int, LegendEntry>();
            foreach (var feature in features.Where(f => f.Geometry is { IsEmpty: false }))
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
                    var label = ruleIndex >= 0 ? (words.En ? rules[ruleIndex].Style.LegendEn : rules[ruleIndex].Style.LegendZh) : null;
                    label ??= words.LegendOf(layer.Style, words.En ? layer.Definition.TitleEn : layer.Definition.TitleZh);
                    seen[ruleIndex] = new LegendEntry(label, style, SwatchOf(feature.Geometry));
                }
            }

            entries.AddRange(seen.OrderBy(kv => kv.Key).Select(kv => kv.Value));
        }

        return entries;
    }

    /// <summary>
    /// Draws the heading and entries in as few columns as the box needs (at most four); returns the height used. A label
    /// too long for its column wraps onto a second line rather than being cut, so every entry is printed whole.
    /// </summary>
    public static float Paint(SKCanvas canvas, SKRect box, IReadOnlyList<LegendEntry> entries, TextPainter text, float unit, SheetWords? words = null)
    {
        var heading = new TextStyle(13 * unit, SKColors.Black, Bold: true);
        var itemStyle = new TextStyle(8 * unit, new SKColor(0x22, 0x22, 0x22));
        text.Draw(canvas, (words ?? new SheetWords(SheetLanguage.Zh)).Legend, box.MidX, box.Top + (13 * unit), heading, SKTextAlign.Center);
        float top = box.Top + (22 * unit), swW = 20 * unit, swH = 8.5f * unit, lineH = itemStyle.Size * 1.15f;
        float available = box.Bottom - top;

        // Fewest columns first, and within a column count the usual rows (12.5 units) before tighter ones (10 units).
        // Then smaller text (7 units) before a third column.
        Placement? placement = null;
        for (int columns = 1; columns <= 3 && placement is null; columns++)
        {
            foreach (var (rowH, size) in new[] { (12.5f * unit, 8 * unit), (10 * unit, 8 * unit), (9 * unit, 7 * unit) })
            {
                var style = itemStyle with { Size = size };
                var candidate = Place(entries, columns, rowH, size * 1.15f, box.Width / columns - swW - (6 * unit), available, style, text, maxLines: 2);
                if (candidate.Fits)
                {
                    (placement, itemStyle, lineH) = (candidate, style, size * 1.15f);
                    break;
                }
            }
        }

        // Too many entries for the box: three columns of one-line labels, cut with … (the old behaviour).
        placement ??= Place(entries, 3, 10 * unit, lineH, box.Width / 3 - swW - (6 * unit), available, itemStyle, text, maxLines: 1);
        float columnW = box.Width / placement.Columns;
        for (int i = 0; i < entries.Count; i++)
        {
            var (column, offset, lines) = placement.Items[i];
            float x = box.Left + (column * columnW), y = top + offset;
            var swatch = new SKRect(x, y, x + swW, y + swH);
            PaintSwatch(canvas, swatch, entries[i]);
            for (int l = 0; l < lines.Count; l++)
            {
                text.Draw(canvas, lines[l], swatch.Right + (5 * unit), swatch.MidY + (itemStyle.Size * 0.36f) + (l * lineH), itemStyle);
            }
        }

        return top - box.Top + placement.Height;
    }

    private sealed record Placement(int Columns, bool Fits, float Height, List<(int Column, float Offset, List<string> Lines)> Items);

    /// <summary>Entries top to bottom, column after column; a label wraps to at most <paramref name="maxLines"/> lines (the last cut with … if it must).</summary>
    private static Placement Place(IReadOnlyList<LegendEntry> entries, int columns, float rowH, float lineH, float textW, float available, TextStyle style, TextPainter text, int maxLines)
    {
        var items = new List<(int, float, List<string>)>();
        int column = 0;
        float y = 0, tallest = 0;
        foreach (var entry in entries)
        {
            var lines = maxLines == 1 ? [Fit(entry.Label, textW, style, text)] : TextWrap.Lines(entry.Label, textW, style, text);
            if (lines.Count > maxLines)
            {
                lines = [lines[0], Fit(string.Concat(lines.Skip(1)), textW, style, text)];
            }

            float h = rowH + ((lines.Count - 1) * lineH);
            if (y + h > available && y > 0)
            {
                column++;
                y = 0;
            }

            items.Add((column, y, lines));
            y += h;
            tallest = Math.Max(tallest, y);
        }

        return new Placement(columns, column < columns && tallest <= available, tallest, items);
    }

    internal static void PaintSwatch(SKCanvas canvas, SKRect r, LegendEntry entry)
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

    internal static LegendSwatch SwatchOf(Geometry geometry) => geometry switch
    {
        IPuntal => LegendSwatch.Point,
        ILineal => LegendSwatch.Line,
        _ => LegendSwatch.Area,
    };
}
