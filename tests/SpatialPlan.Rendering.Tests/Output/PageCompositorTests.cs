using SkiaSharp;
using SpatialPlan.Rendering.Output;
using SpatialPlan.Rendering.Tests.Support;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Tests.Output;

public class PageCompositorTests
{
    private static readonly SKSize A4Landscape = new(841.89f, 595.28f);

    [Fact]
    public void APdfWithChineseTextIsSmallAndGivesTheTextBackToPdftotext()
    {
        var path = TestOutput.PathOf("compositor-chinese.pdf");
        var pages = new[] { Page("杭锦后旗生态保护红线图", "示意数据"), Page("第二页：冲突报告", "经办人") };
        using (var file = File.Create(path))
        {
            PageCompositor.WritePdf(file, new SKDocumentPdfMetadata { Title = "测试" }, FontSet.Default, pages);
        }

        Assert.True(new FileInfo(path).Length < 300_000, $"PDF is {new FileInfo(path).Length} bytes");
        Assert.Equal(2, Poppler.PageCount(path));
        var (w, h) = Poppler.PageSize(path);
        Assert.Equal(842, w, 0);
        Assert.Equal(595, h, 0);
        var text = Poppler.Text(path);
        Assert.Contains("杭锦后旗生态保护红线图", text);
        Assert.Contains("示意数据", text);
        Assert.Contains("第二页：冲突报告", text);
        Assert.Contains("emb", Poppler.Fonts(path));
    }

    [Fact]
    public void APngIsRenderedAtTheRequestedDpi()
    {
        using var stream = new MemoryStream();
        PageCompositor.WritePng(stream, 50, FontSet.Default, Page("陕坝镇", "示意数据"));
        stream.Position = 0;
        using var bitmap = SKBitmap.Decode(stream);
        Assert.Equal((int)Math.Round(841.89 * 50 / 72), bitmap.Width);
        Assert.Equal((int)Math.Round(595.28 * 50 / 72), bitmap.Height);
    }

    [Fact]
    public void TextOutsideTheFontFailsTheDocumentInsteadOfPrintingBoxes()
    {
        using var stream = new MemoryStream();
        Assert.Throws<MissingGlyphException>(() => PageCompositor.WritePdf(
            stream, new SKDocumentPdfMetadata(), FontSet.Default, [Page("西夏文\U00017000", "x")]));
    }

    private static PageSpec Page(string title, string mark) => new(A4Landscape, (canvas, text) =>
    {
        using var stroke = new SKPaint { Color = SKColors.DarkRed, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        canvas.DrawRect(36, 36, 770, 523, stroke);
        text.Draw(canvas, title, 60, 100, new TextStyle(28, SKColors.Black, Bold: true));
        text.Draw(canvas, mark, 60, 160, new TextStyle(20, SKColors.Red, Halo: SKColors.White, HaloWidth: 2));
    });
}
