using SkiaSharp;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Output;

/// <summary>
/// Writes pages as a vector PDF with subset fonts, or one page as a PNG. For the PDF every page is painted
/// twice: first onto a no-draw canvas to collect the glyph ids, then, with fonts subset to those glyphs,
/// into the PDF. Skia would otherwise embed the whole 10 MB font.
/// </summary>
internal static class PageCompositor
{
    public static void WritePdf(Stream output, SKDocumentPdfMetadata metadata, FontSet fonts, IReadOnlyList<PageSpec> pages, CancellationToken cancellationToken = default)
    {
        var usage = new GlyphUsage();
        var recorder = TextPainter.Recording(fonts, usage);
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var dry = new SKNoDrawCanvas((int)Math.Ceiling(page.SizePt.Width), (int)Math.Ceiling(page.SizePt.Height));
            page.Paint(dry, recorder);
        }

        using var regular = SubsetTypeface(fonts.RegularData, usage.Regular);
        using var bold = SubsetTypeface(fonts.BoldData, usage.Bold);
        var painter = TextPainter.Subset(regular, bold, usage, fonts);
        using var document = SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("Skia could not create a PDF document.");
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var canvas = document.BeginPage(page.SizePt.Width, page.SizePt.Height);
            page.Paint(canvas, painter);
            document.EndPage();
        }

        document.Close();
    }

    /// <summary>Smallest and largest PNG resolution, dots per inch.</summary>
    public const int MinDpi = 36, MaxDpi = 600;

    /// <summary>Width and height in pixels of a page of <paramref name="sizePt"/> points at <paramref name="dpi"/>.</summary>
    public static (int Width, int Height) PixelSize(SKSize sizePt, int dpi) =>
        ((int)Math.Round(sizePt.Width * dpi / 72f), (int)Math.Round(sizePt.Height * dpi / 72f));

    /// <summary>Renders one page at <paramref name="dpi"/> into a PNG with a white background.</summary>
    /// <remarks>Callers check the size against <see cref="RenderBudget.MaxPixels"/> first: this allocates it.</remarks>
    public static void WritePng(Stream output, int dpi, FontSet fonts, PageSpec page, CancellationToken cancellationToken = default)
    {
        if (dpi is < MinDpi or > MaxDpi)
        {
            throw new ArgumentOutOfRangeException(nameof(dpi), dpi, "DPI 须在 36 到 600 之间。 / DPI must be between 36 and 600.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        float scale = dpi / 72f;
        var (width, height) = PixelSize(page.SizePt, dpi);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"Skia could not allocate a {info.Width}×{info.Height} image.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        page.Paint(canvas, TextPainter.Full(fonts));
        canvas.Flush();
        cancellationToken.ThrowIfCancellationRequested();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        data.SaveTo(output);
    }

    private static SKTypeface SubsetTypeface(byte[] font, Dictionary<int, ushort> characters)
    {
        var subset = TrueTypeSubsetter.Subset(font, characters);
        using var data = SKData.CreateCopy(subset);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException("Skia could not load the subset font.");
    }
}
