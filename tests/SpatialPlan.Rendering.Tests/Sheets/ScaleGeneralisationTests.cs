using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using SkiaSharp;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Sheets;
using SpatialPlan.Rendering.Tests.Support;

namespace SpatialPlan.Rendering.Tests.Sheets;

/// <summary>
/// Issue 10 §3: a sheet of many 图斑 too narrow for its scale reads as the filled area they cover (merged on a grid at
/// the sheet's resolution, with the legend note 「图斑按比例尺综合表示」), not a haze of anti-aliased strips; at a large
/// scale the same 图斑 are drawn one by one. The data: 3 600 strips of 40 m × 333 m rotated 12° (the shape of issue 8's
/// 1M bench data) in one 6 km × 8 km block, as the fixture's farmland layer.
/// </summary>
public sealed class ScaleGeneralisationTests
{
    private const double CentreX = 421_000, CentreY = 4_541_000;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4545);
    private static readonly Lazy<(IReadOnlyList<IFeature> Strips, Geometry Block)> Data = new(Strips);

    /// <summary>120 km × 80 km around the block: about 1:500 000 on A3, where a 40 m strip is under 2 printed pixels.</summary>
    private static readonly Envelope WholeArea = new(CentreX - 60_000, CentreX + 60_000, CentreY - 40_000, CentreY + 40_000);

    [Fact]
    public void AWholeAreaSheetOfManyNarrowParcelsIsAFilledAreaInTheFarmlandColour()
    {
        const int Dpi = 150;
        var (strips, block) = Data.Value;
        using var png = new MemoryStream();
        var result = Renderer().Render(Request(WholeArea) with { Format = SheetFormat.Png, Dpi = Dpi }, png);
        using var bitmap = SKBitmap.Decode(png.ToArray());
        var frame = MapFrame.Fit(SheetLayout.For(PaperSize.Points(Paper.A3, PageOrientation.Landscape)).Map, WholeArea);

        // The block's inside (300 m in from its edge) is the fill over the paper, evenly; around it (300–1 500 m out) is paper.
        var fill = Blend(new SKColor(240, 200, 60), 0.55, new SKColor(0xfb, 0xfb, 0xf8));
        var inside = Share(bitmap, frame, Dpi, block.Buffer(-300), fill);
        var around = Share(bitmap, frame, Dpi, block.Buffer(1500).Difference(block.Buffer(300)), new SKColor(0xfb, 0xfb, 0xf8));

        Assert.True(inside.Share >= 0.98, $"inside the block {inside.Share:P1} of {inside.Count} pixels are the farmland fill {fill}");
        Assert.True(around.Share >= 0.98, $"around the block {around.Share:P1} of {around.Count} pixels are paper");
        Assert.Equal(strips.Count, result.MergedFeatures + result.DroppedFeatures);
        Assert.True(result.DroppedFeatures < strips.Count / 50, $"{result.DroppedFeatures} strips dropped");
    }

    [Fact]
    public void TheWholeAreaPdfIsSmallAndItsNotesSayTheParcelsAreGeneralised()
    {
        var (strips, _) = Data.Value;
        var path = TestOutput.PathOf("generalised-whole-area.pdf");
        using (var file = File.Create(path))
        {
            Renderer().Render(Request(WholeArea), file);
        }

        var text = Poppler.Compact(path);
        Assert.Contains("图斑按比例尺综合表示", text);
        var counts = System.Text.RegularExpressions.Regex.Match(text, "永久基本农田合并([0-9,]+)个(?:，零星([0-9,]+)个略去)?");
        Assert.True(counts.Success, text);
        int merged = int.Parse(counts.Groups[1].Value.Replace(",", string.Empty));
        int dropped = counts.Groups[2].Success ? int.Parse(counts.Groups[2].Value.Replace(",", string.Empty)) : 0;
        Assert.Equal(strips.Count, merged + dropped);
        Assert.InRange(new FileInfo(path).Length, 1, 300 * 1024);
    }

    [Fact]
    public void AReportMapOfAWideFootprintSaysItsParcelsAreGeneralisedAndANarrowOneDoesNot()
    {
        var catalog = LayerCatalog.Load(FixtureSheet.Directory);
        var renderer = new SpatialPlan.Rendering.Reports.CheckReportRenderer(catalog, StyleBook.Load(FixtureSheet.Directory),
            layer => layer.Id == "farmland" ? Data.Value.Strips : FixtureSheet.ReadFeatures(catalog.FullPath(layer)));
        string Text(Geometry footprint, string name)
        {
            var path = TestOutput.PathOf(name);
            using (var file = File.Create(path))
            {
                renderer.Render(FixtureReport.Report(footprintGk: footprint), "宽窄占地测试", file);
            }

            return Poppler.Compact(path);
        }

        // 16 km × 12 km round the block: its map is about 1:100 000, where a 40 m strip is 0.4 mm; 600 m × 400 m inside
        // the block: about 1:10 000, every strip drawn as itself.
        var wide = FixtureReport.Read($"POLYGON (({CentreX - 8_000} {CentreY - 6_000}, {CentreX + 8_000} {CentreY - 6_000}, {CentreX + 8_000} {CentreY + 6_000}, {CentreX - 8_000} {CentreY + 6_000}, {CentreX - 8_000} {CentreY - 6_000}))");
        var narrow = FixtureReport.Read($"POLYGON (({CentreX - 300} {CentreY - 200}, {CentreX + 300} {CentreY - 200}, {CentreX + 300} {CentreY + 200}, {CentreX - 300} {CentreY + 200}, {CentreX - 300} {CentreY - 200}))");
        Assert.Contains("图斑按比例尺综合表示", Text(wide, "report-generalised.pdf"));
        Assert.DoesNotContain("综合表示", Text(narrow, "report-not-generalised.pdf"));
    }

    [Fact]
    public void AtOneTo200000StripsOf40MetresAreMergedToo()
    {
        // 40 m is 0.2 mm on the sheet: wider than 2 printed pixels, but far too narrow to be read as a shape (drawn one by
        // one, the 1M data's 232 000 strips in such a frame made a 27 MB PDF in 84 s).
        var extent = new Envelope(CentreX - 20_000, CentreX + 20_000, CentreY - 13_000, CentreY + 13_000);
        using var pdf = new MemoryStream();
        var result = Renderer().Render(Request(extent), pdf);

        Assert.InRange(result.ScaleDenominator, 100_000, 250_000);
        Assert.Equal(Data.Value.Strips.Count, result.MergedFeatures + result.DroppedFeatures);
    }

    [Fact]
    public void AtALargeScaleTheSameParcelsAreDrawnOneByOneWithoutTheNote()
    {
        var inner = new Envelope(CentreX - 1000, CentreX + 1000, CentreY - 700, CentreY + 700);
        var path = TestOutput.PathOf("generalised-large-scale.pdf");
        MapSheetResult result;
        using (var file = File.Create(path))
        {
            result = Renderer().Render(Request(inner), file);
        }

        Assert.Equal(0, result.MergedFeatures);
        Assert.InRange(result.FeatureCount, 100, 1500); // the strips in a frame of about 2 km × 1.4 km (at a round scale), each drawn
        Assert.DoesNotContain("综合表示", Poppler.Compact(path));
    }

    [Fact]
    public void AFewNarrowParcelsAreDrawnOneByOne()
    {
        var few = Data.Value.Strips.Where((_, i) => i % 100 == 0).ToList();
        using var pdf = new MemoryStream();
        var result = Renderer(few).Render(Request(WholeArea), pdf);

        Assert.Equal(0, result.MergedFeatures);
        Assert.Equal(few.Count, result.FeatureCount);
    }

    [Fact]
    public void TheMergedAreaIsTheAreaTheParcelsCover()
    {
        var (strips, block) = Data.Value;
        var frame = MapFrame.Fit(new SKRect(0, 0, 1000, 700), WholeArea);
        var style = new LayerStyle { Fill = "#f0c83c" };

        var merged = Assert.Single(ScaleGeneralisation.Merge(strips, [.. strips.Select(_ => (LayerStyle?)style)], [.. strips.Select(f => f.Geometry.Area)], frame, CancellationToken.None));

        // The rectangles' area on the ground against the strips' union measured by NTS, within a ring of cells around the edge.
        double rectsM2 = merged.RectsPt.Sum(r => r.Width * r.Height) / (frame.PointsPerMetre * frame.PointsPerMetre);
        double cellM = ScaleGeneralisation.CellPx * frame.PixelM;
        Assert.InRange(rectsM2, block.Area - (block.Length * cellM), block.Area + (block.Length * cellM));
        Assert.Equal(strips.Count, merged.Merged + merged.Dropped);
    }

    [Fact]
    public void IsolatedSliversAreLeftOutAndCounted()
    {
        // 1 200 slivers of 30 m × 10 m, 2.5 km apart: none fills half a cell of the grid.
        var slivers = Enumerable.Range(0, 1200)
            .Select(i => (IFeature)new Feature(Sliver(CentreX - 58_000 + (i % 40 * 2900), CentreY - 38_000 + (i / 40 * 2500)), new AttributesTable()))
            .ToList();
        var frame = MapFrame.Fit(new SKRect(0, 0, 1000, 700), WholeArea);

        var merged = Assert.Single(ScaleGeneralisation.Merge(slivers, [.. slivers.Select(_ => (LayerStyle?)new LayerStyle { Fill = "#f0c83c" })], [.. slivers.Select(f => f.Geometry.Area)], frame, CancellationToken.None));

        Assert.Empty(merged.RectsPt);
        Assert.Equal(1200, merged.Dropped);
    }

    private static MapSheetRequest Request(Envelope extent) => new()
    {
        LayerIds = ["farmland"],
        ExtentInWorkingCrs = extent,
        Date = FixtureSheet.Date,
    };

    private static MapSheetRenderer Renderer(IReadOnlyList<IFeature>? farmland = null)
    {
        var catalog = LayerCatalog.Load(FixtureSheet.Directory);
        var strips = farmland ?? Data.Value.Strips;
        return new MapSheetRenderer(catalog, StyleBook.Load(FixtureSheet.Directory), layer => layer.Id == "farmland" ? strips : FixtureSheet.ReadFeatures(catalog.FullPath(layer)));
    }

    /// <summary>150 × 24 strips of 40 m × 333 m side by side, the block turned 12° about its centre.</summary>
    private static (IReadOnlyList<IFeature>, Geometry) Strips()
    {
        const int Columns = 150, Rows = 24;
        const double W = 40, H = 333;
        var turn = AffineTransformation.RotationInstance(12 * Math.PI / 180, CentreX, CentreY);
        double x0 = CentreX - (Columns * W / 2), y0 = CentreY - (Rows * H / 2);
        var strips = new List<IFeature>();
        for (int row = 0; row < Rows; row++)
        {
            for (int column = 0; column < Columns; column++)
            {
                var strip = Factory.ToGeometry(new Envelope(x0 + (column * W), x0 + ((column + 1) * W), y0 + (row * H), y0 + ((row + 1) * H)));
                strips.Add(new Feature(turn.Transform(strip), new AttributesTable { { "id", $"{row}-{column}" } }));
            }
        }

        var block = turn.Transform(Factory.ToGeometry(new Envelope(x0, x0 + (Columns * W), y0, y0 + (Rows * H))));
        return (strips, block);
    }

    private static Geometry Sliver(double x, double y) => Factory.ToGeometry(new Envelope(x, x + 30, y, y + 10));

    private static SKColor Blend(SKColor over, double alpha, SKColor under) => new(
        (byte)Math.Round((over.Red * alpha) + (under.Red * (1 - alpha))),
        (byte)Math.Round((over.Green * alpha) + (under.Green * (1 - alpha))),
        (byte)Math.Round((over.Blue * alpha) + (under.Blue * (1 - alpha))));

    /// <summary>The share of the pixels whose centre lies in <paramref name="region"/> that are <paramref name="colour"/> (±4 per channel).</summary>
    private static (double Share, int Count) Share(SKBitmap bitmap, MapFrame frame, int dpi, Geometry region, SKColor colour)
    {
        var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(region);
        var e = region.EnvelopeInternal;
        var topLeft = frame.ToPage(e.MinX, e.MaxY);
        var bottomRight = frame.ToPage(e.MaxX, e.MinY);
        double scale = dpi / 72.0;
        int count = 0, same = 0;
        for (int py = (int)(topLeft.Y * scale); py <= (int)(bottomRight.Y * scale); py++)
        {
            for (int px = (int)(topLeft.X * scale); px <= (int)(bottomRight.X * scale); px++)
            {
                // The pixel centre back on the ground.
                double x = frame.Centre.X + (((px + 0.5) / scale) - frame.RectPt.MidX) / frame.PointsPerMetre;
                double y = frame.Centre.Y - (((py + 0.5) / scale) - frame.RectPt.MidY) / frame.PointsPerMetre;
                if (!prepared.Contains(Factory.CreatePoint(new Coordinate(x, y))))
                {
                    continue;
                }

                count++;
                var p = bitmap.GetPixel(px, py);
                same += Math.Abs(p.Red - colour.Red) <= 4 && Math.Abs(p.Green - colour.Green) <= 4 && Math.Abs(p.Blue - colour.Blue) <= 4 ? 1 : 0;
            }
        }

        Assert.True(count > 1000, $"only {count} pixels sampled");
        return ((double)same / count, count);
    }
}
