using SkiaSharp;
using SpatialPlan.Core.Styles;

namespace SpatialPlan.Rendering.Painting;

/// <summary>Draws the point shapes styles.json allows; any other shape is an error, never a silent skip.</summary>
internal static class PointSymbolPainter
{
    public static void Draw(SKCanvas canvas, SKPoint centre, PointSymbol symbol, float scale = 1)
    {
        using var path = Shape(symbol.Shape, centre, Units.Pt(symbol.Radius) * scale);
        if (symbol.Fill is { } fill)
        {
            using var paint = new SKPaint { Color = CssColor.Parse(fill), IsAntialias = true, Style = SKPaintStyle.Fill };
            canvas.DrawPath(path, paint);
        }

        if (symbol.Stroke is { } stroke)
        {
            using var paint = new SKPaint
            {
                Color = CssColor.Parse(stroke), IsAntialias = true, Style = SKPaintStyle.Stroke,
                StrokeWidth = Units.Pt(symbol.StrokeWidth) * scale, StrokeJoin = SKStrokeJoin.Miter,
            };
            canvas.DrawPath(path, paint);
        }
    }

    /// <exception cref="NotSupportedException">The shape is not circle, square, star or triangle.</exception>
    public static SKPath Shape(string shape, SKPoint c, float r)
    {
        var path = new SKPath();
        switch (shape)
        {
            case "circle":
                path.AddCircle(c.X, c.Y, r);
                break;
            case "square":
                path.AddRect(new SKRect(c.X - r, c.Y - r, c.X + r, c.Y + r));
                break;
            case "triangle":
                Polygon(path, c, r, 3, 0);
                break;
            case "star":
                Polygon(path, c, r, 5, r * 0.45f);
                break;
            default:
                path.Dispose();
                throw new NotSupportedException(
                    $"无法绘制点符号形状“{shape}”（可用：circle、square、star、triangle）。 / Cannot draw point shape \"{shape}\".");
        }

        return path;
    }

    /// <summary>A regular polygon (innerRadius 0) or star (innerRadius &gt; 0) pointing up.</summary>
    private static void Polygon(SKPath path, SKPoint c, float r, int points, float innerRadius)
    {
        int vertices = innerRadius > 0 ? points * 2 : points;
        for (int i = 0; i < vertices; i++)
        {
            double angle = (-Math.PI / 2) + (i * 2 * Math.PI / vertices);
            float radius = innerRadius > 0 && i % 2 == 1 ? innerRadius : r;
            var p = new SKPoint(c.X + (float)(radius * Math.Cos(angle)), c.Y + (float)(radius * Math.Sin(angle)));
            if (i == 0)
            {
                path.MoveTo(p);
            }
            else
            {
                path.LineTo(p);
            }
        }

        path.Close();
    }
}
