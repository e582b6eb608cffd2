using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;
using SkiaSharp;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Sheets;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Painting;

/// <summary>Paints the features of a layer with their resolved styles and collects their labels.</summary>
internal static class FeaturePainter
{
    /// <summary>Paints the planned features of a layer and collects their labels; returns how many were painted.</summary>
    public static int Paint(SKCanvas canvas, MapFrame frame, LayerPlan plan, List<LabelCandidate> labels, int priority, CancellationToken cancellationToken)
    {
        foreach (var merged in plan.Merged)
        {
            PaintMerged(canvas, merged);
        }

        int painted = 0;
        foreach (var (feature, style) in plan.Features)
        {
            if ((++painted & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            PaintGeometry(canvas, frame, feature.Geometry, style, plan.Layer.Definition.Id);
            if (Label(feature, style, frame, priority) is { } label)
            {
                labels.Add(label);
            }
        }

        return plan.Features.Count + plan.MergedCount;
    }

    /// <summary>A merged area (<see cref="ScaleGeneralisation"/>): the style's fill (a stroke-only style's stroke colour at
    /// half its opacity) and hatch over the whole area at once, so abutting 图斑 leave no seams; no outlines.</summary>
    private static void PaintMerged(SKCanvas canvas, MergedArea merged)
    {
        if (merged.RectsPt.Count == 0)
        {
            return;
        }

        using var path = merged.Path();
        var style = merged.Style;
        SKColor? color = style.Fill is { } fill ? CssColor.Parse(fill)
            : style.Stroke is { } stroke ? CssColor.Parse(stroke).WithAlpha((byte)(CssColor.Parse(stroke).Alpha / 2))
            : null;
        if (color is { } paintColor)
        {
            using var paint = new SKPaint { Color = paintColor, IsAntialias = true, Style = SKPaintStyle.Fill };
            canvas.DrawPath(path, paint);
        }

        if (style.Hatch is { } hatch)
        {
            HatchPainter.Paint(canvas, path, hatch);
        }
    }

    public static void PaintGeometry(SKCanvas canvas, MapFrame frame, Geometry geometry, LayerStyle style, string layerId)
    {
        if (geometry is IPuntal)
        {
            var symbol = style.Point ?? throw new NotSupportedException(
                $"图层“{layerId}”有点要素但样式没有 point 符号，无法绘制。 / Layer \"{layerId}\" has points but its style has no point symbol.");
            foreach (var point in geometry.Coordinates)
            {
                PointSymbolPainter.Draw(canvas, frame.ToPage(point.X, point.Y), symbol);
            }

            return;
        }

        using var path = GeometryPaths.Build(geometry, frame);
        if (style.Fill is { } fill && geometry is IPolygonal)
        {
            using var paint = new SKPaint { Color = CssColor.Parse(fill), IsAntialias = true, Style = SKPaintStyle.Fill };
            canvas.DrawPath(path, paint);
        }

        if (style.Hatch is { } hatch && geometry is IPolygonal)
        {
            HatchPainter.Paint(canvas, path, hatch);
        }

        if (style.Stroke is { } stroke && (style.StrokeWidth ?? 1) > 0)
        {
            using var paint = StrokePaint(stroke, style.StrokeWidth ?? 1, style.StrokeDash);
            canvas.DrawPath(path, paint);
        }
    }

    public static SKPaint StrokePaint(string color, double widthPx, IReadOnlyList<double>? dashPx)
    {
        var paint = new SKPaint
        {
            Color = CssColor.Parse(color), IsAntialias = true, Style = SKPaintStyle.Stroke,
            StrokeWidth = Units.Pt(widthPx), StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round,
        };
        if (dashPx is { Count: > 0 })
        {
            var intervals = dashPx.Select(Units.Pt).ToList();
            if (intervals.Count % 2 == 1)
            {
                intervals.AddRange(intervals); // CSS/Canvas repeat an odd dash list; Skia needs pairs
            }

            paint.StrokeCap = SKStrokeCap.Butt;
            paint.PathEffect = SKPathEffect.CreateDash([.. intervals], 0);
        }

        return paint;
    }

    private static LabelCandidate? Label(IFeature feature, LayerStyle style, MapFrame frame, int priority)
    {
        if (style.Label is not { } label || SheetLayer.Property(feature, label.Field)?.ToString() is not { Length: > 0 } text)
        {
            return null;
        }

        var geometry = feature.Geometry;
        Coordinate anchor = geometry switch
        {
            IPuntal => geometry.Coordinates[0],
            ILineal => Midpoint(geometry),
            _ => geometry.InteriorPoint.Coordinate,
        };
        float offset = geometry is IPuntal && style.Point is { } p ? Units.Pt(p.Radius) + 2 : 0;
        var textStyle = new TextStyle(
            Units.Pt(label.Size), CssColor.Parse(label.Color), label.Bold,
            label.Halo is { } halo ? CssColor.Parse(halo) : null, 1.5f);
        return new LabelCandidate(text, frame.ToPage(anchor.X, anchor.Y), textStyle, offset, priority);
    }

    private static Coordinate Midpoint(Geometry lineal)
    {
        var longest = Enumerable.Range(0, lineal.NumGeometries).Select(lineal.GetGeometryN).MaxBy(g => g.Length)!;
        return new LengthIndexedLine(longest).ExtractPoint(longest.Length / 2);
    }
}
