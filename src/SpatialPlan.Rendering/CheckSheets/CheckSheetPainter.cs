using NetTopologySuite.Geometries;
using SkiaSharp;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Sheets;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.CheckSheets;

/// <summary>Paints a check sheet: border and title, the overview and detail frames, the stamp, the inset, the legend and the notes.</summary>
internal sealed partial class CheckSheetPainter(
    CheckSheetLayout layout,
    CheckSheetContent content,
    MapFrame overview,
    IReadOnlyList<LayerPlan> overviewPlans,
    IReadOnlyList<MapFrame> details,
    IReadOnlyList<IReadOnlyList<LayerPlan>> detailPlans,
    IReadOnlyList<OverlapPart> conflicts,
    MapFrame inset,
    CancellationToken cancellationToken)
{
    /// <summary>An overlap piece smaller than this on the page (points) is circled in the overview.</summary>
    private const float SmallPiecePt = 4;

    /// <summary>At most this many circles (a long line's many slivers): the detail frames show the rest.</summary>
    private const int MaxMarkers = 120;

    private static readonly SKColor s_ink = new(0x1a, 0x1a, 0x1a);
    private static readonly SKColor s_paper = new(0xfb, 0xfb, 0xf8);

    public IReadOnlyList<string> GridLabels { get; private set; } = [];

    private SheetWords Words => content.Words;

    public void Paint(SKCanvas canvas, TextPainter text)
    {
        float u = layout.Unit;
        using (var thick = new SKPaint { Color = s_ink, Style = SKPaintStyle.Stroke, StrokeWidth = 2.2f * u })
        using (var thin = new SKPaint { Color = s_ink, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f * u })
        {
            canvas.DrawRect(layout.Border, thick);
            canvas.DrawRect(Shrink(layout.Border, 4 * u), thin);
            canvas.DrawRect(layout.Legend, thin);
            canvas.DrawRect(layout.Info, thin);
        }

        var r = layout.Title;
        text.Draw(canvas, content.Title, r.MidX, r.Top + (25 * u), new TextStyle(20 * u, s_ink, Bold: true), SKTextAlign.Center);
        text.Draw(canvas, content.Subtitle, r.MidX, r.Top + (41 * u), new TextStyle(9.5f * u, new SKColor(0x44, 0x44, 0x44)), SKTextAlign.Center);

        PaintOverview(canvas, text, u);
        for (int i = 0; i < details.Count; i++)
        {
            PaintDetail(canvas, text, i, u);
        }

        PaintStamp(canvas, text, u);
        PaintInset(canvas, text, u);
        LegendPainter.Paint(canvas, Shrink(layout.Legend, 7 * u), content.Legend, text, u, Words);
        PaintInfo(canvas, text, u);
    }

    private void PaintOverview(SKCanvas canvas, TextPainter text, float u)
    {
        var labels = BeginFrame(canvas, overview, overviewPlans);
        PaintProject(canvas, overview, top: null, outlinePt: 1.5f * u);

        // A conflict never disappears at the overview's scale: pieces too small to see are circled in their verdict's colour.
        int markers = 0;
        foreach (var overlap in content.Overlaps.Where(o => o.Conflict))
        {
            for (int i = 0; i < overlap.Working.NumGeometries && markers < MaxMarkers; i++)
            {
                var e = overlap.Working.GetGeometryN(i).EnvelopeInternal;
                if (Math.Max(e.Width, e.Height) * overview.PointsPerMetre < SmallPiecePt)
                {
                    using var ring = new SKPaint { Color = overlap.VerdictColor, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.4f * u };
                    canvas.DrawCircle(overview.ToPage(e.Centre.X, e.Centre.Y), 6 * u, ring);
                    markers++;
                }
            }
        }

        for (int i = 0; i < details.Count; i++)
        {
            var g = details[i].Ground;
            var a = overview.ToPage(g.MinX, g.MaxY);
            var b = overview.ToPage(g.MaxX, g.MinY);
            var box = new SKRect(a.X, a.Y, b.X, b.Y);
            if (box.Width < 8 * u)
            {
                box.Inflate((8 * u - box.Width) / 2, (8 * u - box.Height) / 2);
            }

            using var pen = FeaturePainter.StrokePaint(CheckSheetStyles.DetailBox.Stroke!, CheckSheetStyles.DetailBox.StrokeWidth ?? 1, CheckSheetStyles.DetailBox.StrokeDash);
            canvas.DrawRect(box, pen);
            text.Draw(canvas, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), box.Right + (2 * u), box.Top - (1 * u),
                new TextStyle(8 * u, s_ink, Bold: true, SKColors.White, 1.5f * u));
        }

        EndFrame(canvas, text, overview, labels, u);
        GridLabels = GraticulePainter.Paint(canvas, overview, text, u, avoid: layout.Inset);
        var rect = overview.RectPt;
        NorthArrowPainter.Paint(canvas, new SKPoint(rect.Right - (26 * u), rect.Top + (16 * u)), 30 * u, text, Words.En);
        if (content.Schematic)
        {
            MapSheetPainter.PaintSchematicMark(canvas, text, new SKPoint(rect.Left + (22 * u), rect.Top + (10 * u)), u, Words);
        }

        PaintFrameScale(canvas, text, overview, u);
    }

    private void PaintDetail(SKCanvas canvas, TextPainter text, int index, float u)
    {
        var frame = details[index];
        var overlap = conflicts[index];
        var labels = BeginFrame(canvas, frame, detailPlans[index]);
        PaintProject(canvas, frame, top: overlap, outlinePt: 1.0f * u);
        EndFrame(canvas, text, frame, labels, u);

        // Caption: number, zone, verdict, scale, on a white box in the top-left corner.
        var name = Words.En ? overlap.Zone.LayerTitleEn : overlap.Zone.LayerTitleZh;
        var verdict = Words.En ? Names.En(overlap.Zone.Verdict, overlap.Zone.InPrinciple) : overlap.Zone.VerdictZh;
        var bold = new TextStyle(8 * u, s_ink, Bold: true);
        var verdictStyle = new TextStyle(8 * u, overlap.VerdictColor, Bold: true);
        var r = frame.RectPt;
        var number = $"{(Words.En ? "Detail" : "详图")} {index + 1}  ";
        var caption = number + Fit(name, r.Width - (12 * u) - text.Measure(number + "  " + verdict, bold), bold, text);
        float w = text.Measure(caption, bold) + text.Measure("  " + verdict, verdictStyle) + (8 * u);
        using (var bg = new SKPaint { Color = SKColors.White.WithAlpha(230), Style = SKPaintStyle.Fill })
        {
            canvas.DrawRect(new SKRect(r.Left + 1, r.Top + 1, Math.Min(r.Right - 1, r.Left + w), r.Top + (13 * u)), bg);
        }

        text.Draw(canvas, caption, r.Left + (4 * u), r.Top + (10 * u), bold);
        text.Draw(canvas, "  " + verdict, r.Left + (4 * u) + text.Measure(caption, bold), r.Top + (10 * u), verdictStyle);
        PaintFrameScale(canvas, text, frame, u);
    }

    /// <summary>Clips to the frame, paints the paper and the context layers; returns their labels (drawn last).</summary>
    private List<LabelCandidate> BeginFrame(SKCanvas canvas, MapFrame frame, IReadOnlyList<LayerPlan> plans)
    {
        canvas.Save();
        canvas.ClipRect(frame.RectPt, antialias: true);
        using (var paper = new SKPaint { Color = s_paper, Style = SKPaintStyle.Fill })
        {
            canvas.DrawRect(frame.RectPt, paper);
        }

        var labels = new List<LabelCandidate>();
        for (int i = 0; i < plans.Count; i++)
        {
            FeaturePainter.Paint(canvas, frame, plans[i], labels, i, cancellationToken);
        }

        return labels;
    }

    private void EndFrame(SKCanvas canvas, TextPainter text, MapFrame frame, List<LabelCandidate> labels, float u)
    {
        var r = frame.RectPt;
        LabelPainter.Paint(canvas, new SKRect(r.Left + 2, r.Top + 2, r.Right - 2, r.Bottom - 2), labels, text, cancellationToken);
        canvas.Restore();
        using var neat = new SKPaint { Color = s_ink, Style = SKPaintStyle.Stroke, StrokeWidth = 1.1f * u };
        canvas.DrawRect(r, neat);
    }

    /// <summary>
    /// The footprint's fill, the overlaps filled by category (<paramref name="top"/> last, so a detail frame shows its own
    /// zone's colour where overlaps coincide), the part outside the data area, the footprint's line, and then every
    /// overlap's outline in its verdict's colour above that line, so a thin overlap is never hidden under it.
    /// </summary>
    private void PaintProject(SKCanvas canvas, MapFrame frame, OverlapPart? top, float outlinePt)
    {
        FeaturePainter.PaintGeometry(canvas, frame, content.Footprint, CheckSheetStyles.FootprintFill, "footprint");
        var order = content.Overlaps.Where(o => o != top).Append(top).OfType<OverlapPart>().ToList();
        foreach (var overlap in order)
        {
            FeaturePainter.PaintGeometry(canvas, frame, overlap.Working, new LayerStyle { Fill = overlap.Fill.Fill }, "overlap");
        }

        if (content.Outside is { } outside)
        {
            FeaturePainter.PaintGeometry(canvas, frame, outside, CheckSheetStyles.Outside, "outside");
        }

        FeaturePainter.PaintGeometry(canvas, frame, content.Footprint, CheckSheetStyles.FootprintOutline, "footprint");
        foreach (var overlap in order)
        {
            using var path = GeometryPaths.Build(overlap.Working, frame);
            using var pen = new SKPaint
            {
                Color = overlap.VerdictColor, IsAntialias = true, Style = SKPaintStyle.Stroke,
                StrokeWidth = outlinePt, StrokeJoin = SKStrokeJoin.Round,
            };
            canvas.DrawPath(path, pen);
        }
    }

    /// <summary>A short scale bar with its 1:N in the frame's bottom-left corner, on a white backing.</summary>
    private void PaintFrameScale(SKCanvas canvas, TextPainter text, MapFrame frame, float u)
    {
        var r = frame.RectPt;
        float s = 0.7f * u, w = Math.Min(110 * u, r.Width * 0.45f);
        using var backing = new SKPaint { Color = SKColors.White.WithAlpha(225), Style = SKPaintStyle.Fill };
        var box = new SKRect(r.Left + 1, r.Bottom - (34 * u), r.Left + w + (22 * u), r.Bottom - 1);
        canvas.DrawRect(box, backing);
        ScaleBarPainter.Paint(canvas, box.Left + (5 * u), box.Top + (3 * u), w, frame.Denominator, text, s, Words);
    }

    private void PaintStamp(SKCanvas canvas, TextPainter text, float u)
    {
        var report = content.Report;
        var r = layout.Stamp;
        var color = Reports.VerdictColors.Of(report.Verdict, report.InPrinciple);
        using (var pen = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = 2.4f * u })
        {
            canvas.DrawRect(Shrink(r, 1.2f * u), pen);
        }

        text.Draw(canvas, Words.En ? "Verdict" : "核查结论", r.Left + (8 * u), r.Top + (13 * u), new TextStyle(8 * u, new SKColor(0x44, 0x44, 0x44)));
        var word = Words.En ? Names.En(report.Verdict, report.InPrinciple) : report.VerdictZh;
        text.Draw(canvas, word, r.MidX, r.Top + (36 * u), new TextStyle(Words.En ? 17 * u : 22 * u, color, Bold: true), SKTextAlign.Center);

        float y = r.Top + (50 * u);
        var line = new TextStyle(7.5f * u, s_ink);
        foreach (var overlap in content.Overlaps.OrderByDescending(o => o.Zone.Verdict).Take(6))
        {
            if (y > r.Bottom - (3 * u))
            {
                break;
            }

            var zone = overlap.Zone;
            var name = Words.En ? zone.LayerTitleEn : zone.LayerTitleZh;
            var verdict = Words.En ? Names.En(zone.Verdict, zone.InPrinciple) : zone.VerdictZh;
            var area = Figures.Mu(zone.OverlapAreaM2) + (Words.En ? " mu" : " 亩");
            using (var swatch = new SKPaint { Color = CssColor.Parse(overlap.Fill.Fill ?? "#9e9e9e"), Style = SKPaintStyle.Fill })
            {
                canvas.DrawRect(new SKRect(r.Left + (8 * u), y - (6 * u), r.Left + (14 * u), y), swatch);
            }

            float x = r.Left + (17 * u);
            float room = r.Right - (6 * u) - x - text.Measure("：" + verdict + " " + area, line with { Bold = true });
            if (text.Measure(name, line) > room && y + (10 * u) <= r.Bottom - (3 * u))
            {
                // A long zone name gets its own line, whole, and the verdict goes under it (not 沙化土地封禁…).
                text.Draw(canvas, Fit(name, r.Right - (6 * u) - x, line, text), x, y, line);
                y += 9 * u;
                room = float.MaxValue;
            }

            var head = room == float.MaxValue ? "  " : Fit(name, room, line, text) + (Words.En ? ": " : "：");
            text.Draw(canvas, head, x, y, line);
            x += text.Measure(head, line);
            text.Draw(canvas, verdict, x, y, line with { Color = overlap.VerdictColor, Bold = true });
            x += text.Measure(verdict, line with { Bold = true });
            text.Draw(canvas, " " + area, x, y, line with { Color = new SKColor(0x55, 0x55, 0x55) });
            y += 10 * u;
        }
    }

    private void PaintInset(SKCanvas canvas, TextPainter text, float u)
    {
        var r = layout.Inset;
        using (var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill })
        using (var thin = new SKPaint { Color = s_ink, Style = SKPaintStyle.Stroke, StrokeWidth = 0.9f * u })
        {
            canvas.DrawRect(r, white);
            canvas.DrawRect(r, thin);
        }

        text.Draw(canvas, Words.En ? "Location" : "位置示意", r.Left + (6 * u), r.Top + (10 * u), new TextStyle(7.5f * u, s_ink, Bold: true));
        canvas.Save();
        canvas.ClipRect(inset.RectPt, antialias: true);
        if (content.AreaBoundary is { } boundary)
        {
            FeaturePainter.PaintGeometry(canvas, inset, boundary, new LayerStyle { Fill = "#f1efe6", Stroke = "#555555", StrokeWidth = 1.2 }, "area");
        }

        var g = overview.Ground;
        var a = inset.ToPage(g.MinX, g.MaxY);
        var b = inset.ToPage(g.MaxX, g.MinY);
        var box = new SKRect(a.X, a.Y, b.X, b.Y);
        float min = 6 * u;
        if (box.Width < min || box.Height < min)
        {
            box.Inflate(Math.Max(0, (min - box.Width) / 2), Math.Max(0, (min - box.Height) / 2));
        }

        var red = new SKColor(0xd0, 0x10, 0x10);
        using (var fill = new SKPaint { Color = red.WithAlpha(60), Style = SKPaintStyle.Fill })
        using (var pen = new SKPaint { Color = red, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.4f * u })
        {
            canvas.DrawRect(box, fill);
            canvas.DrawRect(box, pen);
        }

        canvas.Restore();
    }

    private void PaintInfo(SKCanvas canvas, TextPainter text, float u)
    {
        var r = Shrink(layout.Info, 7 * u);
        float y = r.Top + ScaleBarPainter.Paint(canvas, r.Left, r.Top, r.Width, overview.Denominator, text, u * 0.9f, Words) + (3 * u);
        var paragraphs = new List<string>
        {
            Words.MadeBy(content.Date, content.Unit),
            Words.En
                ? $"Overview 1:{overview.Denominator:#,0}; each detail frame shows its zone's largest overlap at 1:2,000–1:10,000; small overlaps are circled in the overview."
                : "详图按各冲突管控区最大一处占用取 1:2 000–1:10 000；总图中过小的占用以圆圈标出。",
            content.CrsNote,
        };
        if (content.Generalised is { } generalised)
        {
            paragraphs.Add(generalised);
        }

        if (content.Schematic)
        {
            paragraphs.Add(Words.SchematicParagraph);
        }

        paragraphs.Add(Words.Sources(content.Sources));
        MapSheetPainter.PaintNotes(canvas, text, r, y, paragraphs, u);
    }

    /// <summary>The name whole if it fits; else without its bracketed part (水域管理范围（河道、…） → 水域管理范围); else cut with "…".</summary>
    private static string Fit(string s, float width, TextStyle style, TextPainter text)
    {
        if (text.Measure(s, style) <= width)
        {
            return s;
        }

        var bare = Bracketed().Replace(s, string.Empty).Trim();
        if (bare.Length > 0 && bare != s)
        {
            s = bare;
            if (text.Measure(s, style) <= width)
            {
                return s;
            }
        }

        var runes = s.EnumerateRunes().Select(x => x.ToString()).ToList();
        while (runes.Count > 1 && text.Measure(string.Concat(runes) + "…", style) > width)
        {
            runes.RemoveAt(runes.Count - 1);
        }

        return string.Concat(runes) + "…";
    }

    private static SKRect Shrink(SKRect r, float d) => new(r.Left + d, r.Top + d, r.Right - d, r.Bottom - d);

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*[（(][^（()）]*[）)]")]
    private static partial System.Text.RegularExpressions.Regex Bracketed();
}
