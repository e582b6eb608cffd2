using SkiaSharp;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Painting;

/// <summary>A north arrow (grid north of the working CRS, within about 1° of true north inside a 3-degree zone at 40°N).</summary>
internal static class NorthArrowPainter
{
    public static void Paint(SKCanvas canvas, SKPoint tip, float height, TextPainter text, bool english = false)
    {
        float half = height * 0.28f;
        var baseY = tip.Y + height;
        var notch = new SKPoint(tip.X, tip.Y + (height * 0.72f));
        using var left = new SKPath();
        left.MoveTo(tip);
        left.LineTo(tip.X - half, baseY);
        left.LineTo(notch);
        left.Close();
        using var right = new SKPath();
        right.MoveTo(tip);
        right.LineTo(tip.X + half, baseY);
        right.LineTo(notch);
        right.Close();
        using var fill = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Fill };
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, StrokeJoin = SKStrokeJoin.Miter };
        canvas.DrawPath(right, white);
        canvas.DrawPath(left, fill);
        canvas.DrawPath(left, stroke);
        canvas.DrawPath(right, stroke);
        var label = new TextStyle(height * 0.42f, SKColors.Black, Bold: true, SKColors.White, 1.5f);
        text.Draw(canvas, english ? "N" : "北", tip.X, tip.Y - (height * 0.12f), label, SKTextAlign.Center);
        if (!english)
        {
            text.Draw(canvas, "N", tip.X, baseY + (height * 0.38f), label with { Size = height * 0.3f }, SKTextAlign.Center);
        }
    }
}
