using System.Globalization;
using SkiaSharp;
using SpatialPlan.Rendering.Sheets;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Painting;

/// <summary>
/// 公里网 ticks on the 图廓: short ticks on the four sides of a map frame at round kilometre values of the working CRS
/// (Gauss-Kruger metres), each with its value in kilometres (e.g. 412, 4 527) inside the frame beside it, as topographic
/// sheets mark them. The grid itself is not drawn across the map, so it never hides a feature.
/// </summary>
internal static class GraticulePainter
{
    private static readonly double[] s_stepsM = [100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];

    /// <summary>The tick spacing in metres: the smallest round step with at most <paramref name="maxTicks"/> ticks across the longer side.</summary>
    public static double StepM(MapFrame frame, int maxTicks = 7)
    {
        var g = frame.Ground;
        double span = Math.Max(g.Width, g.Height);
        return s_stepsM.FirstOrDefault(s => span / s <= maxTicks, s_stepsM[^1]);
    }

    /// <summary>Draws the ticks and their labels, none under <paramref name="avoid"/> (an inset in the frame's corner); returns the labels
    /// drawn (eastings first, then northings), in kilometres.</summary>
    public static IReadOnlyList<string> Paint(SKCanvas canvas, MapFrame frame, TextPainter text, float unit, int maxTicks = 7, SKRect? avoid = null)
    {
        var g = frame.Ground;
        var r = frame.RectPt;
        double step = StepM(frame, maxTicks);
        float tick = 5 * unit;
        var style = new TextStyle(6.5f * unit, new SKColor(0x22, 0x22, 0x22), false, SKColors.White, 1.4f * unit);
        using var pen = new SKPaint { Color = new SKColor(0x1a, 0x1a, 0x1a), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f * unit };
        var labels = new List<string>();

        for (double x = Math.Ceiling(g.MinX / step) * step; x <= g.MaxX; x += step)
        {
            float px = frame.ToPage(x, g.MinY).X;
            if (px < r.Left + (12 * unit) || px > r.Right - (12 * unit) || (avoid is { } a && px >= a.Left - (12 * unit) && px <= a.Right))
            {
                continue;
            }

            canvas.DrawLine(px, r.Top, px, r.Top + tick, pen);
            canvas.DrawLine(px, r.Bottom - tick, px, r.Bottom, pen);
            var label = Km(x, step);
            text.Draw(canvas, label, px, r.Bottom - tick - (2 * unit), style, SKTextAlign.Center);
            labels.Add(label);
        }

        for (double y = Math.Ceiling(g.MinY / step) * step; y <= g.MaxY; y += step)
        {
            float py = frame.ToPage(g.MinX, y).Y;
            if (py < r.Top + (12 * unit) || py > r.Bottom - (12 * unit) || (avoid is { } b && py >= b.Top - (6 * unit) && py <= b.Bottom))
            {
                continue;
            }

            canvas.DrawLine(r.Left, py, r.Left + tick, py, pen);
            canvas.DrawLine(r.Right - tick, py, r.Right, py, pen);
            var label = Km(y, step);
            text.Draw(canvas, label, r.Left + tick + (2 * unit), py + (style.Size * 0.35f), style);
            labels.Add(label);
        }

        return labels;
    }

    /// <summary>A coordinate in kilometres: whole kilometres for steps of 1 km or more, else one or two decimals.</summary>
    public static string Km(double metres, double stepM)
    {
        string format = stepM >= 1000 ? "0" : stepM >= 100 ? "0.0" : "0.00";
        return (metres / 1000).ToString(format, CultureInfo.InvariantCulture);
    }
}
