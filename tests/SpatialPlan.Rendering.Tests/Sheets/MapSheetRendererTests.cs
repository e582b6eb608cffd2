using System.Diagnostics;
using SkiaSharp;
using SpatialPlan.Rendering.Sheets;
using SpatialPlan.Rendering.Tests.Support;

namespace SpatialPlan.Rendering.Tests.Sheets;

public class MapSheetRendererTests
{
    private static MapSheetRequest Request(Paper paper, PageOrientation orientation, SheetFormat format) => new()
    {
        Title = "杭锦后旗测试图幅", Subtitle = "三条控制线与城镇体系（示意）", Paper = paper, Orientation = orientation,
        Format = format, Dpi = 60, Date = FixtureSheet.Date,
    };

    [Fact]
    public void TheA4LandscapeSheetMatchesItsGoldenImage()
    {
        using var png = new MemoryStream();
        FixtureSheet.Renderer().Render(Request(Paper.A4, PageOrientation.Landscape, SheetFormat.Png), png);
        GoldenImage.AssertMatches("sheet-a4-landscape", png.ToArray(), maxDifferingFraction: 0.002, channelDelta: 24);
    }

    [Fact]
    public void TheA4PortraitSheetMatchesItsGoldenImage()
    {
        using var png = new MemoryStream();
        FixtureSheet.Renderer().Render(Request(Paper.A4, PageOrientation.Portrait, SheetFormat.Png), png);
        GoldenImage.AssertMatches("sheet-a4-portrait", png.ToArray(), maxDifferingFraction: 0.002, channelDelta: 24);
    }

    [Fact]
    public void TheGoldenComparisonCatchesAChangedSheet()
    {
        using var png = new MemoryStream();
        FixtureSheet.Renderer().Render(Request(Paper.A4, PageOrientation.Landscape, SheetFormat.Png) with { LayerIds = ["farmland", "rivers"] }, png);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            GoldenImage.AssertMatches("sheet-a4-landscape", png.ToArray(), maxDifferingFraction: 0.002, channelDelta: 24));
    }

    [Fact]
    public void TheA3PdfHasOnePageOfA3WithTitleAndSchematicMarkAsRealText()
    {
        var path = TestOutput.PathOf("fixture-sheet-a3.pdf");
        MapSheetResult result;
        using (var file = File.Create(path))
        {
            result = FixtureSheet.Renderer().Render(Request(Paper.A3, PageOrientation.Landscape, SheetFormat.Pdf), file);
        }

        Assert.Equal(1, Poppler.PageCount(path));
        var (w, h) = Poppler.PageSize(path);
        Assert.Equal(1190.55, w, 0);
        Assert.Equal(841.89, h, 0);
        var text = Poppler.Text(path);
        Assert.Contains("杭锦后旗测试图幅", text);
        Assert.Contains("示意数据", text);
        Assert.Contains("图", text);
        Assert.Contains("EPSG:4545", text);
        Assert.Contains(MapScale.Format(result.ScaleDenominator), text);
        Assert.True(result.Schematic);
        Assert.True(new FileInfo(path).Length < 1_000_000, $"{new FileInfo(path).Length} bytes");
    }

    [Fact]
    public void TheSheetScaleIsTheFirstRoundScaleThatShowsThePlanLayers()
    {
        using var sink = new MemoryStream();
        var result = FixtureSheet.Renderer().Render(Request(Paper.A4, PageOrientation.Landscape, SheetFormat.Png), sink);
        // The fixture's plan layers span x 403–436 km (33 km) and y 4523.5–4555 km (31.5 km); the boundary
        // (a base layer) would grow that box by more than 30 % and does not set the extent. The A4 landscape
        // frame is 617.5 × 483.3 pt = 21.78 × 17.05 cm: 31.5 km × 1.04 / 17.05 cm ≈ 1:192 000 → 1:200 000.
        Assert.Equal(200_000, result.ScaleDenominator);
    }

    [Fact]
    public void WithoutSchematicLayersThereIsNoSchematicMark()
    {
        var path = TestOutput.PathOf("fixture-sheet-official.pdf");
        MapSheetResult result;
        using (var file = File.Create(path))
        {
            result = FixtureSheet.Renderer().Render(Request(Paper.A4, PageOrientation.Landscape, SheetFormat.Pdf) with { LayerIds = ["rivers", "banner-boundary"] }, file);
        }

        Assert.False(result.Schematic);
        Assert.DoesNotContain("示意数据", Poppler.Text(path));
    }

    [Fact]
    public void APngIsRenderedAtTheRequestedDpi()
    {
        using var png = new MemoryStream();
        FixtureSheet.Renderer().Render(Request(Paper.A4, PageOrientation.Landscape, SheetFormat.Png) with { Dpi = 100 }, png);
        png.Position = 0;
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(1169, bitmap.Width);
        Assert.Equal(827, bitmap.Height);
    }
}
