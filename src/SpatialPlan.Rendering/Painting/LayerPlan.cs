using System.Buffers;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SkiaSharp;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Sheets;

namespace SpatialPlan.Rendering.Painting;

/// <summary>
/// What one layer will paint in a frame, worked out before anything is drawn: the features that reach the frame
/// with their resolved styles (paint order), and what they will cost — hatch lines and labels — so the render
/// budget can refuse a sheet before Skia starts on it.
/// </summary>
internal sealed class LayerPlan
{
    private LayerPlan(SheetLayer layer, List<(IFeature Feature, LayerStyle Style)> features, List<MergedArea> merged, long hatchLines, int labels)
    {
        Layer = layer;
        Features = features;
        Merged = merged;
        HatchLines = hatchLines;
        Labels = labels;
    }

    public SheetLayer Layer { get; }

    /// <summary>Features whose envelope reaches the frame, by zIndex (file order within equal zIndex).</summary>
    public IReadOnlyList<(IFeature Feature, LayerStyle Style)> Features { get; }

    /// <summary>The layer's narrow polygons merged into filled areas at the sheet's resolution (<see cref="ScaleGeneralisation"/>),
    /// drawn under <see cref="Features"/>; empty when nothing needed it.</summary>
    public IReadOnlyList<MergedArea> Merged { get; }

    /// <summary>Polygons drawn as part of a merged area.</summary>
    public int MergedCount => Merged.Sum(m => m.Merged);

    /// <summary>Narrow polygons left out because too few of them were around to fill a cell.</summary>
    public int DroppedCount => Merged.Sum(m => m.Dropped);

    /// <summary>The features the legend looks at: those drawn, and one of each merged area.</summary>
    public IEnumerable<IFeature> LegendFeatures => Features.Select(f => f.Feature).Concat(Merged.Where(m => m.RectsPt.Count > 0).Select(m => m.Sample));

    /// <summary>Hatch lines the layer's polygons will draw, each polygon hatched only where the frame shows it.</summary>
    public long HatchLines { get; }

    /// <summary>Label candidates (features with a label style and a non-empty label text).</summary>
    public int Labels { get; }

    public static LayerPlan For(SheetLayer layer, MapFrame frame, CancellationToken cancellationToken)
    {
        var ground = frame.Ground;
        var features = layer.InBox(ground, cancellationToken);
        int count = features.Count;
        bool generalise = count >= ScaleGeneralisation.MinFeatures;
        // Per feature: its style (null: not in the frame) and its area when it is a narrow polygon (else −1). Pooled
        // arrays, not a list of tuples: a whole-area sheet of a million 图斑 allocated ~50 MB of them per render, enough
        // to set off a full collection of a server whose warm copy holds 3 GB.
        var styles = ArrayPool<LayerStyle?>.Shared.Rent(count);
        var narrow = ArrayPool<double>.Shared.Rent(count);
        try
        {
            int narrowCount = 0, drawn = 0;
            for (int i = 0; i < count; i++)
            {
                if ((i & 1023) == 1023)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var feature = features[i];
                styles[i] = null;
                narrow[i] = -1;
                // An empty geometry has a null envelope, which meets nothing (read without walking to its coordinates).
                if (feature.Geometry is not { } geometry || !SheetFeatures.EnvelopeOf(feature).Intersects(ground))
                {
                    continue;
                }

                var style = layer.StyleFor(feature);
                if (geometry is IPuntal && style.Point is null)
                {
                    // A data-folder mistake, caught before drawing: the planner fixes styles.json or the layer.
                    throw new Core.Sources.InputException(
                        $"图层“{layer.Definition.Id}”有点要素，但它的样式“{layer.Definition.Style}”没有 point 符号（a point layer's style needs a point symbol）。",
                        $"在 styles.json 的“{layer.Definition.Style}”里加上 point（如 {{\"shape\": \"circle\", \"radius\": 5, \"fill\": \"#333333\"}}），或检查该图层的文件。",
                        "styles.json");
                }

                styles[i] = style;
                drawn++;
                if (generalise && ScaleGeneralisation.NarrowArea(feature, frame) is var area and >= 0)
                {
                    narrow[i] = area;
                    narrowCount++;
                }
            }

            // A few narrow polygons make no haze: they are drawn one by one like the rest.
            bool merge = narrowCount >= ScaleGeneralisation.MinFeatures;
            var styled = new List<(IFeature Feature, LayerStyle Style)>(drawn - (merge ? narrowCount : 0));
            long hatchLines = 0;
            int labels = 0;
            for (int i = 0; i < count; i++)
            {
                if (styles[i] is not { } style || (merge && narrow[i] >= 0))
                {
                    continue;
                }

                var feature = features[i];
                styled.Add((feature, style));
                if (style.Hatch is { } hatch && feature.Geometry is IPolygonal)
                {
                    hatchLines += HatchPainter.LineCount(Visible(frame, SheetFeatures.EnvelopeOf(feature)), hatch);
                }

                if (style.Label is { } label && SheetLayer.Property(feature, label.Field)?.ToString() is { Length: > 0 })
                {
                    labels++;
                }
            }

            var merged = merge ? ScaleGeneralisation.Merge(features, styles.AsSpan(0, count), narrow.AsSpan(0, count), frame, cancellationToken) : [];
            hatchLines += merged.Where(m => m.Style.Hatch is not null && m.RectsPt.Count > 0)
                .Sum(m => HatchPainter.LineCount(SKRect.Intersect(m.Bounds, frame.RectPt), m.Style.Hatch!));

            // By zIndex, then in the layer's own order (the index query answers in tree order).
            return new LayerPlan(layer, [.. styled.OrderBy(x => x.Style.ZIndex ?? 0).ThenBy(x => SheetFeatures.KeyOf(x.Feature))], merged, hatchLines, labels);
        }
        finally
        {
            Array.Clear(styles, 0, count); // the pool keeps no styles alive
            ArrayPool<LayerStyle?>.Shared.Return(styles);
            ArrayPool<double>.Shared.Return(narrow);
        }
    }

    /// <summary>The part of a working-CRS envelope the frame shows, in page points.</summary>
    private static SKRect Visible(MapFrame frame, Envelope envelope)
    {
        var topLeft = frame.ToPage(envelope.MinX, envelope.MaxY);
        var bottomRight = frame.ToPage(envelope.MaxX, envelope.MinY);
        var rect = new SKRect(topLeft.X, topLeft.Y, bottomRight.X, bottomRight.Y);
        return rect.IntersectsWith(frame.RectPt) ? SKRect.Intersect(rect, frame.RectPt) : SKRect.Empty;
    }
}
