using SkiaSharp;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Painting;

namespace SpatialPlan.Rendering.Tests.Painting;

/// <summary>styles.json hatches: lines at the given angle and spacing (CSS px → pt ×72/96), clipped to the polygon.</summary>
public class HatchPainterTests
{
    [Fact]
    public void A45DegreeHatchRisesToTheRightOnThePage()
    {
        using var lines = HatchPainter.Lines(new SKRect(0, 0, 100, 100), 45, 6);
        var points = lines.Points;

        // Page y grows downwards: a line rising to the right has its right end higher (smaller y).
        Assert.True(points[1].X > points[0].X);
        Assert.True(points[1].Y < points[0].Y);
        Assert.Equal(points[1].X - points[0].X, points[0].Y - points[1].Y, 3);
    }

    [Fact]
    public void NeighbouringLinesAreTheSpacingApartMeasuredAcrossThem()
    {
        using var lines = HatchPainter.Lines(new SKRect(0, 0, 100, 100), 30, 6);
        var p = lines.Points;
        double a = -30 * Math.PI / 180;
        double across(SKPoint q) => (-Math.Sin(a) * q.X) + (Math.Cos(a) * q.Y);

        Assert.Equal(6, across(p[2]) - across(p[0]), 3);
        Assert.Equal(across(p[0]), across(p[1]), 3);
    }

    [Fact]
    public void TheHatchIsClippedToThePolygonAndCrossesARowAtItsSpacing()
    {
        // 8 CSS px = 6 pt between lines; along a horizontal row a 45° hatch repeats every 6 / sin 45° = 8.49 pt,
        // so the 100 pt wide square's middle row crosses 100 / 8.49 = 11.8 lines: 11 or 12 dark runs.
        var hatch = new HatchStyle { Angle = 45, Spacing = 8, Width = 4.0 / 3, Color = "#000000" };
        using var bitmap = new SKBitmap(200, 200);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var square = new SKPath();
            square.AddRect(new SKRect(50, 50, 150, 150));
            HatchPainter.Paint(canvas, square, hatch);
        }

        for (int y = 0; y < 200; y++)
        {
            for (int x = 0; x < 200; x++)
            {
                bool outside = x < 49 || x > 150 || y < 49 || y > 150;
                Assert.False(outside && bitmap.GetPixel(x, y).Red < 250, $"hatch outside the polygon at {x},{y}");
            }
        }

        int runs = 0;
        bool dark = false;
        for (int x = 50; x < 150; x++)
        {
            bool now = bitmap.GetPixel(x, 100).Red < 128;
            runs += now && !dark ? 1 : 0;
            dark = now;
        }

        Assert.InRange(runs, 11, 12);
    }
}
