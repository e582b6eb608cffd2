using SkiaSharp;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Output;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Sheets;
using SpatialPlan.Rendering.Tests.Support;

namespace SpatialPlan.Rendering.Tests.Sheets;

/// <summary>
/// Every render is held to its budgets (pixels, hatch lines, labels) before anything is drawn, and stops when its
/// cancellation token fires (docs/limits.md, "Rendering, work and web").
/// </summary>
public class RenderBudgetTests
{
    private static readonly MapSheetRequest Png = new() { Paper = Paper.A4, Format = SheetFormat.Png, Dpi = 40, Date = FixtureSheet.Date };

    [Fact]
    public void AnA3PngAt600DpiIsOverThePixelBudgetAndSaysWhichDpiFits()
    {
        using var output = new MemoryStream();

        var e = Assert.Throws<RenderBudgetException>(() => FixtureSheet.Renderer().Render(Png with { Paper = Paper.A3, Dpi = 600 }, output));

        Assert.Equal("pixels", e.Budget);
        Assert.Equal(9921L * 7016, e.Requested); // 420 × 297 mm at 600 dpi
        Assert.Contains("dpi 降到 431", e.Message, StringComparison.Ordinal);
        Assert.Contains("PDF", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void AnA4PngAt600DpiFitsThePixelBudget()
    {
        var (width, height) = PageCompositor.PixelSize(PaperSize.Points(Paper.A4, PageOrientation.Landscape), 600);

        RenderBudget.Default.CheckPixels(width, height, 600); // A4 at 600 dpi is 34.8 M pixels: allowed
        Assert.Equal(7016L * 4961, (long)width * height);
    }

    [Fact]
    public void ASheetWithMoreHatchLinesThanItsBudgetIsRefusedNamingTheHatchedLayer()
    {
        using var output = new MemoryStream();

        var e = Assert.Throws<RenderBudgetException>(() => WithBudget(new RenderBudget { MaxHatchLines = 10 }).Render(Png, output));

        Assert.Equal("hatchLines", e.Budget);
        Assert.Contains("生态保护红线", e.Message, StringComparison.Ordinal);
        Assert.Contains("Zoom in", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void ASheetWithMoreLabelsThanItsBudgetIsRefused()
    {
        using var output = new MemoryStream();

        var e = Assert.Throws<RenderBudgetException>(() => WithBudget(new RenderBudget { MaxLabels = 1 }).Render(Png with { Format = SheetFormat.Pdf }, output));

        Assert.Equal("labels", e.Budget);
        Assert.True(e.Requested > 1);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void ACancelledRenderStopsWithoutWritingASheet()
    {
        using var output = new MemoryStream();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => FixtureSheet.Renderer().Render(Png, output, cancelled.Token));
        Assert.Equal(0, output.Length);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(700)]
    public void ADpiOutOfRangeIsBadInputNotAnInternalError(int dpi)
    {
        var e = Assert.Throws<InputException>(() => FixtureSheet.Renderer().Render(Png with { Dpi = dpi }, Stream.Null));

        Assert.Contains("36", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExtentThousandsOfKilometresAcrossIsBadInput()
    {
        var e = Assert.Throws<InputException>(() => FixtureSheet.Renderer().Render(
            Png with { ExtentInWorkingCrs = new NetTopologySuite.Geometries.Envelope(-1e9, 1e9, -1e9, 1e9) }, Stream.Null));

        Assert.Contains("2000 公里", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugePolygonSeenThroughASmallClipIsHatchedOnlyWhereTheClipIs()
    {
        // A 30 km zone at 1:1 is 10⁸ points across; the frame is 100 points.
        using var recorder = new SKPictureRecorder();
        var canvas = recorder.BeginRecording(new SKRect(0, 0, 100, 100));
        canvas.ClipRect(new SKRect(0, 0, 100, 100));
        using var zone = new SKPath();
        zone.AddRect(new SKRect(-5e7f, -5e7f, 5e7f, 5e7f));

        var visible = HatchPainter.Visible(canvas, zone);
        HatchPainter.Paint(canvas, zone, new HatchStyle { Spacing = 6, Width = 1 });
        using var picture = recorder.EndRecording();

        Assert.InRange(visible.Width, 100, 102);
        Assert.InRange(HatchPainter.LineCount(visible, new HatchStyle { Spacing = 6, Width = 1 }), 30, 40); // √2·100 / 4.5 pt
        Assert.InRange(picture.ApproximateBytesUsed, 1, 64 * 1024);
    }

    [Fact]
    public void TheCountedHatchLinesAreTheLinesDrawn()
    {
        var rect = new SKRect(13, 27, 311, 190);
        var hatch = new HatchStyle { Angle = 30, Spacing = 8, Width = 1 };
        using var lines = HatchPainter.Lines(rect, hatch.Angle, Units.Pt(hatch.Spacing));

        Assert.Equal(lines.PointCount / 2, HatchPainter.LineCount(rect, hatch));
    }

    private static MapSheetRenderer WithBudget(RenderBudget budget)
    {
        var catalog = Core.Layers.LayerCatalog.Load(FixtureSheet.Directory);
        return new MapSheetRenderer(catalog, StyleBook.Load(FixtureSheet.Directory), layer => FixtureSheet.ReadFeatures(catalog.FullPath(layer))) { Budget = budget };
    }
}
