using SkiaSharp;
using SpatialPlan.Rendering.Output;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>Fills A4 portrait pages with blocks top to bottom, with a running header and a "第 n 页 / 共 N 页" footer.</summary>
internal static class ReportPaginator
{
    public static readonly SKSize Page = new(595.28f, 841.89f);
    public const float Left = 50, Right = 545.28f, Top = 64, Bottom = 790;
    public const float ContentWidth = Right - Left;

    public static List<PageSpec> Paginate(IReadOnlyList<ReportBlock> blocks, string header, bool schematic, string footer = "SpatialPlan 规划空间要素核查")
    {
        var pages = new List<List<(ReportBlock Block, float Y)>> { new() };
        float y = Top;
        foreach (var block in blocks)
        {
            bool full = y + block.Height > Bottom && pages[^1].Count > 0;
            if ((block.NewPage && pages[^1].Count > 0) || full)
            {
                pages.Add([]);
                y = Top;
            }

            pages[^1].Add((block, y));
            y += block.Height;
        }

        int total = pages.Count;
        return [.. pages.Select((placed, i) => new PageSpec(Page, (canvas, text) =>
        {
            PaintFrame(canvas, text, header, footer, schematic, i + 1, total);
            foreach (var (block, top) in placed)
            {
                block.Paint(canvas, text, Left, top, ContentWidth);
            }
        }))];
    }

    private static void PaintFrame(SKCanvas canvas, TextPainter text, string header, string footer, bool schematic, int page, int total)
    {
        var grey = new SKColor(0x66, 0x66, 0x66);
        var small = new TextStyle(8, grey);
        using var rule = new SKPaint { Color = grey, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        text.Draw(canvas, header, Left, 42, small);
        if (schematic)
        {
            text.Draw(canvas, "示意数据", Right, 42, small with { Color = new SKColor(0xc0, 0x10, 0x10), Bold = true }, SKTextAlign.Right);
        }

        canvas.DrawLine(Left, 48, Right, 48, rule);
        canvas.DrawLine(Left, Bottom + 10, Right, Bottom + 10, rule);
        text.Draw(canvas, $"第 {page} 页 / 共 {total} 页", Right, Bottom + 24, small, SKTextAlign.Right);
        text.Draw(canvas, footer, Left, Bottom + 24, small);
    }
}
