using SkiaSharp;
using SpatialPlan.Rendering.Output;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>
/// Fills A4 portrait pages with blocks top to bottom. A heading stays with what follows it, a table row that starts a
/// page gets its header again, and every page carries the report's title and number at the top (the 示意数据 mark when
/// it applies) and 第 n 页 / 共 N 页 at the bottom, so a loose page of a signed report still says what it belongs to.
/// </summary>
internal static class ReportPaginator
{
    public static readonly SKSize Page = new(595.28f, 841.89f);
    public const float Left = 50, Right = 545.28f, Top = 64, Bottom = 790;
    public const float ContentWidth = Right - Left;

    /// <summary>Usable height of a page, points.</summary>
    public const float PageHeight = Bottom - Top;

    public static List<PageSpec> Paginate(IReadOnlyList<ReportBlock> blocks, string header, string footer, bool schematic)
    {
        var pages = new List<List<(ReportBlock Block, float Y)>> { new() };
        float y = Top;
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            float needed = block.Height + KeptHeight(blocks, i);
            bool full = y + needed > Bottom && pages[^1].Count > 0;
            if ((block.NewPage && pages[^1].Count > 0) || full)
            {
                pages.Add([]);
                y = Top;
                if (!block.NewPage && block.RepeatHeader is { } head)
                {
                    pages[^1].Add((head, y));
                    y += head.Height;
                }
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

    /// <summary>The height of the blocks that must follow block <paramref name="i"/> on its page (a heading's first lines).</summary>
    private static float KeptHeight(IReadOnlyList<ReportBlock> blocks, int i)
    {
        float h = 0;
        for (int j = i; j < blocks.Count - 1 && blocks[j].KeepWithNext && !blocks[j + 1].NewPage; j++)
        {
            h += blocks[j + 1].Height;
        }

        // Never ask for more than a page: a long block after a heading simply starts the next page with it.
        return Math.Min(h, PageHeight / 3);
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
