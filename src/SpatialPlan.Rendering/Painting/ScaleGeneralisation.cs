using System.Buffers;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SkiaSharp;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Sheets;

namespace SpatialPlan.Rendering.Painting;

/// <summary>
/// Cartographic generalisation of a layer's many narrow polygons (issue 10 §3). A polygon whose mean width
/// (2 × area ÷ perimeter) is under <see cref="NarrowMm"/> on the sheet cannot be read as a shape at the sheet's scale:
/// drawn one by one, a million of them are a grey haze of anti-aliased edges and a PDF of 100 MB (and 232 000 strips
/// 0.2 mm wide at 1:200 000 a PDF of 27 MB that looks like one filled area anyway). When a layer has at
/// least <see cref="MinFeatures"/> of them in a frame, they are merged instead: their area is summed into a grid of
/// cells <see cref="CellPx"/> pixels across (each polygon's area spread over the cells its envelope covers, in
/// proportion), and every cell at least half covered is filled, so the layer reads as the filled area it covers. Cells
/// are joined into rectangles (runs per row, equal runs of consecutive rows into one) and drawn as one path per style,
/// with the style's fill and hatch. A polygon whose cell stays under half covered (an isolated sliver) is dropped.
/// The sheet says so in its notes: 「图斑按比例尺综合表示」.
/// </summary>
internal static class ScaleGeneralisation
{
    /// <summary>Polygons narrower than this on the sheet, millimetres, are merged: under the 0.4 mm or so that a printed
    /// area needs to be read as one (its inside cannot be told from its outline), and at least 2 pixels of a PNG.</summary>
    public const double NarrowMm = 0.4;

    /// <summary>The merging grid's cell, pixels (0.17 mm at 300 dpi).</summary>
    public const double CellPx = 2;

    /// <summary>Fewer narrow polygons than this in a frame are drawn one by one: a few do not make a haze.</summary>
    public const int MinFeatures = 1000;

    /// <summary>The most cells a grid may have (memory bound); a bigger frame gets bigger cells.</summary>
    private const long MaxCells = 16_000_000;

    /// <summary>The area of <paramref name="feature"/>'s geometry when it is a polygon narrower than <see cref="NarrowM"/> in
    /// <paramref name="frame"/> (mean width 2 × area ÷ perimeter); −1 when it is not narrow or not a polygon.</summary>
    public static double NarrowArea(IFeature feature, MapFrame frame)
    {
        var geometry = feature.Geometry;
        if (geometry is not IPolygonal)
        {
            return -1;
        }

        // A source's feature keeps its measures: a whole-area sheet of a million parcels need not read their coordinates.
        var (perimeter, area) = feature is LayerFeature f ? (f.Length, f.Area) : (geometry.Length, geometry.Area);
        return perimeter <= 0 || 2 * area / perimeter < NarrowM(frame) ? area : -1;
    }

    /// <summary>The narrowest polygon drawn as itself in <paramref name="frame"/>, metres on the ground.</summary>
    public static double NarrowM(MapFrame frame) => Math.Max(NarrowMm / 25.4 * 72, 2 * frame.PixelPt) / frame.PointsPerMetre;

    /// <summary>Merges the narrow polygons among <paramref name="features"/> into filled areas, one per distinct style: feature
    /// <c>i</c> is merged when <paramref name="styles"/>[i] is set and <paramref name="areas"/>[i] (its area) is ≥ 0.</summary>
    public static List<MergedArea> Merge(IReadOnlyList<IFeature> features, ReadOnlySpan<LayerStyle?> styles, ReadOnlySpan<double> areas, MapFrame frame, CancellationToken cancellationToken)
    {
        var ground = frame.Ground;
        double cell = CellPx * frame.PixelM;
        while ((long)Math.Ceiling(ground.Width / cell) * (long)Math.Ceiling(ground.Height / cell) > MaxCells)
        {
            cell *= 1.5;
        }

        int nx = Math.Max(1, (int)Math.Ceiling(ground.Width / cell)), ny = Math.Max(1, (int)Math.Ceiling(ground.Height / cell));
        int cells = checked(nx * ny);
        // One grid per distinct look (the same style object for every feature of a rule-less layer: compared by reference
        // first). The grids are pooled: a whole-area A3's is 13 MB, and a new one each render is garbage on the large-object heap.
        var groups = new List<(LayerStyle Style, IFeature Sample, float[] Cover)>();
        try
        {
            int last = -1;
            int Group(LayerStyle style) => last >= 0 && ReferenceEquals(groups[last].Style, style) ? last : last = SameLook(groups, style);

            for (int i = 0; i < styles.Length; i++)
            {
                if ((i & 4095) == 4095)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (styles[i] is not { } style || areas[i] < 0)
                {
                    continue;
                }

                int g = Group(style);
                if (g < 0)
                {
                    var cover = ArrayPool<float>.Shared.Rent(cells);
                    Array.Clear(cover, 0, cells);
                    groups.Add((style, features[i], cover));
                    g = last = groups.Count - 1;
                }

                Spread(groups[g].Cover, nx, ny, ground, cell, SheetFeatures.EnvelopeOf(features[i]), areas[i]);
            }

            // Each polygon counts in its centre's cell: dropped when that cell stays under half covered. A centre outside the
            // frame is drawn in another frame, not dropped.
            float half = (float)(0.5 * cell * cell);
            var merged = new int[groups.Count];
            var dropped = new int[groups.Count];
            for (int i = 0; i < styles.Length; i++)
            {
                if (styles[i] is not { } style || areas[i] < 0)
                {
                    continue;
                }

                int g = Group(style);
                var envelope = SheetFeatures.EnvelopeOf(features[i]);
                long c = CellOf(envelope.MinX + (envelope.Width / 2), envelope.MinY + (envelope.Height / 2), ground, cell, nx, ny);
                if (c >= 0 && groups[g].Cover[c] < half)
                {
                    dropped[g]++;
                }
                else
                {
                    merged[g]++;
                }
            }

            return [.. groups.Select((x, g) => new MergedArea(x.Style, x.Sample, Rectangles(x.Cover, nx, ny, half, frame, ground, cell), merged[g], dropped[g]))];
        }
        finally
        {
            foreach (var group in groups)
            {
                ArrayPool<float>.Shared.Return(group.Cover);
            }
        }
    }

    /// <summary>The group drawn like <paramref name="style"/> (fill, stroke, hatch), or −1. A loop, not a lambda: called per
    /// polygon, a lambda's capture would be a new object each time.</summary>
    private static int SameLook(List<(LayerStyle Style, IFeature Sample, float[] Cover)> groups, LayerStyle style)
    {
        for (int g = 0; g < groups.Count; g++)
        {
            var look = groups[g].Style;
            if (look.Fill == style.Fill && look.Stroke == style.Stroke && Equals(look.Hatch, style.Hatch))
            {
                return g;
            }
        }

        return -1;
    }

    /// <summary>Adds a polygon's area to the cells its envelope covers, each in proportion to the envelope's part in it.</summary>
    private static void Spread(float[] cover, int nx, int ny, Envelope ground, double cell, Envelope e, double area)
    {
        if (!e.Intersects(ground) || area <= 0)
        {
            return;
        }

        if (e.Width <= 0 || e.Height <= 0)
        {
            if (CellOf(e.MinX, e.MinY, ground, cell, nx, ny) is var c and >= 0)
            {
                cover[c] += (float)area;
            }

            return;
        }

        double density = area / (e.Width * e.Height);
        int i0 = Math.Max(0, (int)Math.Floor((e.MinX - ground.MinX) / cell)), i1 = Math.Min(nx - 1, (int)Math.Floor((e.MaxX - ground.MinX) / cell));
        int j0 = Math.Max(0, (int)Math.Floor((ground.MaxY - e.MaxY) / cell)), j1 = Math.Min(ny - 1, (int)Math.Floor((ground.MaxY - e.MinY) / cell));
        for (int j = j0; j <= j1; j++)
        {
            double top = ground.MaxY - (j * cell), bottom = top - cell;
            double dy = Math.Min(top, e.MaxY) - Math.Max(bottom, e.MinY);
            if (dy <= 0)
            {
                continue;
            }

            long row = (long)j * nx;
            for (int i = i0; i <= i1; i++)
            {
                double left = ground.MinX + (i * cell);
                double dx = Math.Min(left + cell, e.MaxX) - Math.Max(left, e.MinX);
                if (dx > 0)
                {
                    cover[row + i] += (float)(density * dx * dy);
                }
            }
        }
    }

    /// <summary>The index of the grid cell holding (x, y); −1 outside the grid.</summary>
    private static long CellOf(double x, double y, Envelope ground, double cell, int nx, int ny)
    {
        double fi = Math.Floor((x - ground.MinX) / cell), fj = Math.Floor((ground.MaxY - y) / cell);
        return fi < 0 || fj < 0 || fi >= nx || fj >= ny ? -1 : ((long)fj * nx) + (long)fi;
    }

    /// <summary>The filled cells as page rectangles: runs per row, and a run equal to the one above it extends that rectangle.</summary>
    private static List<SKRect> Rectangles(float[] cover, int nx, int ny, float half, MapFrame frame, Envelope ground, double cell)
    {
        var rects = new List<SKRect>();
        var open = new Dictionary<(int Start, int End), int>(); // run → first row
        var next = new Dictionary<(int Start, int End), int>();
        void Close((int Start, int End) run, int firstRow, int endRow)
        {
            var topLeft = frame.ToPage(ground.MinX + (run.Start * cell), ground.MaxY - (firstRow * cell));
            var bottomRight = frame.ToPage(ground.MinX + (run.End * cell), ground.MaxY - (endRow * cell));
            rects.Add(new SKRect(topLeft.X, topLeft.Y, bottomRight.X, bottomRight.Y));
        }

        for (int j = 0; j <= ny; j++)
        {
            next.Clear();
            if (j < ny)
            {
                long row = (long)j * nx;
                for (int i = 0; i < nx;)
                {
                    if (cover[row + i] < half)
                    {
                        i++;
                        continue;
                    }

                    int start = i;
                    while (i < nx && cover[row + i] >= half)
                    {
                        i++;
                    }

                    next[(start, i)] = open.Remove((start, i), out int first) ? first : j;
                }
            }

            foreach (var (run, first) in open)
            {
                Close(run, first, j);
            }

            (open, next) = (next, open);
        }

        return rects;
    }
}

/// <summary>The merged area of one style: its rectangles in page points, a sample feature (for the legend), and how many
/// polygons it stands for and how many were too isolated to show.</summary>
internal sealed record MergedArea(LayerStyle Style, IFeature Sample, IReadOnlyList<SKRect> RectsPt, int Merged, int Dropped)
{
    /// <summary>The rectangles as one path (non-zero winding: they only touch).</summary>
    public SKPath Path()
    {
        var path = new SKPath { FillType = SKPathFillType.Winding };
        foreach (var r in RectsPt)
        {
            path.AddRect(r);
        }

        return path;
    }

    /// <summary>The bounds of all rectangles, for counting hatch lines.</summary>
    public SKRect Bounds => RectsPt.Count == 0 ? SKRect.Empty : new SKRect(RectsPt.Min(r => r.Left), RectsPt.Min(r => r.Top), RectsPt.Max(r => r.Right), RectsPt.Max(r => r.Bottom));
}
