using System.Globalization;
using SkiaSharp;
using SpatialPlan.Rendering.Sheets;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Painting;

/// <summary>Draws the numeric scale and an alternating black/white bar with round ground lengths.</summary>
internal static class ScaleBarPainter
{
    /// <summary>Returns the height used (pt).</summary>
    public static float Paint(SKCanvas canvas, float left, float top, float maxWidth, double denominator, TextPainter text, float unit, SheetWords? words = null)
    {
        words ??= new SheetWords(SheetLanguage.Zh);
        var label = new TextStyle(9 * unit, SKColors.Black, Bold: true);
        var small = new TextStyle(7 * unit, SKColors.Black);
        text.Draw(canvas, words.Scale + "  " + MapScale.Format(denominator), left, top + label.Size, label);

        double lengthM = MapScale.BarLengthM(denominator, maxWidth * 0.8);
        double lead = lengthM / Math.Pow(10, Math.Floor(Math.Log10(lengthM)));
        int segments = lead == 2 ? 4 : 5;
        float barW = (float)(lengthM / denominator / MapScale.MetresPerPoint);
        float segW = barW / segments, barTop = top + label.Size + (14 * unit), barH = 4 * unit;
        bool km = lengthM >= 1000;
        double unitM = km ? 1000 : 1;
        using var black = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill };
        using var outline = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f };
        for (int i = 0; i < segments; i++)
        {
            var r = new SKRect(left + (i * segW), barTop, left + ((i + 1) * segW), barTop + barH);
            if (i % 2 == 0)
            {
                canvas.DrawRect(r, black);
            }

            canvas.DrawRect(r, outline);
        }

        for (int i = 0; i <= segments; i++)
        {
            double value = lengthM * i / segments / unitM;
            var tick = value.ToString("0.##", CultureInfo.InvariantCulture);
            text.Draw(canvas, tick, left + (i * segW), barTop - (3 * unit), small, SKTextAlign.Center);
        }

        text.Draw(canvas, km ? words.Km : words.M, left + barW + (6 * unit), barTop + barH, small);
        return barTop + barH - top + (6 * unit);
    }
}
