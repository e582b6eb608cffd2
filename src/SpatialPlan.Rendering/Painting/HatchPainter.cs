using SkiaSharp;
using SpatialPlan.Core.Styles;

namespace SpatialPlan.Rendering.Painting;

/// <summary>
/// Paints a style's hatch (parallel lines, styles.json <c>hatch</c>) inside a polygon path on the page. The lines
/// are laid out in page space from the page origin, so hatches of neighbouring polygons line up, and their
/// spacing and width (CSS px at 96 dpi) become points ×72/96, the same on paper at every map scale.
/// </summary>
internal static class HatchPainter
{
    /// <summary>Smallest spacing drawn, in points (a zero or tiny spacing would flood the PDF with lines).</summary>
    private const float MinSpacingPt = 0.5f;

    /// <summary>Draws the hatch lines clipped to <paramref name="area"/> (page points).</summary>
    /// <remarks>
    /// Lines are laid only over the part of the polygon's bounds that the canvas can show (its clip, e.g. the
    /// map frame). Seen through a frame of a few metres (about 1:1), a 30 km zone's bounds are 10⁸ points across:
    /// hatching them whole meant ten million lines, a 100 MB PDF, and a PNG that aborted the process in Skia.
    /// </remarks>
    public static void Paint(SKCanvas canvas, SKPath area, HatchStyle hatch)
    {
        var spacing = Units.Pt(hatch.Spacing);
        var bounds = Visible(canvas, area);
        if (spacing < MinSpacingPt || hatch.Width <= 0 || bounds.IsEmpty)
        {
            return;
        }

        using var lines = Lines(bounds, hatch.Angle, spacing);
        using var paint = new SKPaint
        {
            Color = CssColor.Parse(hatch.Color), IsAntialias = true, Style = SKPaintStyle.Stroke,
            StrokeWidth = Units.Pt(hatch.Width), StrokeCap = SKStrokeCap.Butt,
        };
        canvas.Save();
        canvas.ClipPath(area, SKClipOperation.Intersect, antialias: true);
        canvas.DrawPath(lines, paint);
        canvas.Restore();
    }

    /// <summary>The part of <paramref name="area"/>'s bounds inside the canvas's clip (empty when none is).</summary>
    internal static SKRect Visible(SKCanvas canvas, SKPath area)
    {
        var bounds = area.Bounds;
        return bounds.IntersectsWith(canvas.LocalClipBounds) ? SKRect.Intersect(bounds, canvas.LocalClipBounds) : SKRect.Empty;
    }

    /// <summary>How many lines <see cref="Paint"/> draws for <paramref name="hatch"/> over <paramref name="visible"/> (page points),
    /// for the render budget: counted before anything is drawn.</summary>
    internal static long LineCount(SKRect visible, HatchStyle hatch)
    {
        var spacing = Units.Pt(hatch.Spacing);
        if (spacing < MinSpacingPt || hatch.Width <= 0 || visible.IsEmpty)
        {
            return 0;
        }

        var (first, last, _, _) = Layout(visible, hatch.Angle, spacing);
        return last - first + 1;
    }

    /// <summary>The lines, <paramref name="spacingPt"/> apart, that cross <paramref name="bounds"/> at
    /// <paramref name="angleDeg"/> counter-clockwise from east (page y grows downwards, hence the minus).</summary>
    internal static SKPath Lines(SKRect bounds, double angleDeg, float spacingPt)
    {
        var (first, last, half, along) = Layout(bounds, angleDeg, spacingPt);
        double a = -angleDeg * Math.PI / 180;
        double dx = Math.Cos(a), dy = Math.Sin(a); // along the lines
        double nx = -dy, ny = dx; // across them
        var path = new SKPath();
        for (long k = first; k <= last; k++)
        {
            // The point of line k nearest the bounds' centre, then half the diagonal either way.
            double offset = k * spacingPt;
            double px = (nx * offset) + (dx * along), py = (ny * offset) + (dy * along);
            path.MoveTo((float)(px - (dx * half)), (float)(py - (dy * half)));
            path.LineTo((float)(px + (dx * half)), (float)(py + (dy * half)));
        }

        return path;
    }

    /// <summary>Indices of the first and last line (line k lies k × spacing from the page origin, so neighbouring
    /// polygons' hatches line up), half the bounds' diagonal, and the bounds' centre along the lines.</summary>
    private static (long First, long Last, double Half, double Along) Layout(SKRect bounds, double angleDeg, float spacingPt)
    {
        double a = -angleDeg * Math.PI / 180;
        double dx = Math.Cos(a), dy = Math.Sin(a);
        double nx = -dy, ny = dx;
        double cx = bounds.MidX, cy = bounds.MidY;
        double half = Math.Sqrt((bounds.Width * bounds.Width) + (bounds.Height * bounds.Height)) / 2 + spacingPt;
        double centre = (cx * nx) + (cy * ny);
        return ((long)Math.Floor((centre - half) / spacingPt), (long)Math.Ceiling((centre + half) / spacingPt), half, (cx * dx) + (cy * dy));
    }
}
