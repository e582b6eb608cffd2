using SkiaSharp;

namespace SpatialPlan.Rendering.CheckSheets;

/// <summary>
/// Where the parts of a check sheet go, in points: the title; the overview frame with the detail frames (one per
/// conflicting zone) below it, the location inset in the overview's corner; and a panel with the verdict stamp, the legend and the notes —
/// beside the map on landscape paper, under it on portrait. Sizes scale with the paper (<see cref="Unit"/> is 1 on A4).
/// </summary>
internal sealed record CheckSheetLayout(
    SKSize Page, float Unit, SKRect Border, SKRect Title, SKRect Overview, IReadOnlyList<SKRect> Details,
    SKRect Stamp, SKRect Inset, SKRect Legend, SKRect Info)
{
    public static CheckSheetLayout For(SKSize page, int details, int stampLines)
    {
        float u = Math.Min(page.Width, page.Height) / 595.28f;
        float margin = 22 * u, gap = 8 * u;
        var border = new SKRect(margin, margin, page.Width - margin, page.Height - margin);
        var inner = Shrink(border, 8 * u);
        var title = new SKRect(inner.Left, inner.Top, inner.Right, inner.Top + (48 * u));
        var body = new SKRect(inner.Left, title.Bottom + (4 * u), inner.Right, inner.Bottom);
        float stampH = (46 + (Math.Min(stampLines, 6) * 10)) * u;
        SKRect map, stamp, legend, info;
        if (page.Width >= page.Height)
        {
            float panelW = Math.Max(180 * u, body.Width * 0.25f);
            map = new SKRect(body.Left, body.Top, body.Right - panelW - gap, body.Bottom);
            var panel = new SKRect(map.Right + gap, body.Top, body.Right, body.Bottom);
            float infoH = 128 * u;
            stamp = new SKRect(panel.Left, panel.Top, panel.Right, panel.Top + stampH);
            info = new SKRect(panel.Left, panel.Bottom - infoH, panel.Right, panel.Bottom);
            legend = new SKRect(panel.Left, stamp.Bottom + gap, panel.Right, info.Top - gap);
        }
        else
        {
            float panelH = Math.Max(190 * u, body.Height * 0.27f);
            map = new SKRect(body.Left, body.Top, body.Right, body.Bottom - panelH - gap);
            var strip = new SKRect(body.Left, map.Bottom + gap, body.Right, body.Bottom);
            float colW = strip.Width * 0.28f, legendW = strip.Width * 0.42f;
            stamp = new SKRect(strip.Left, strip.Top, strip.Left + colW, strip.Bottom);
            legend = new SKRect(stamp.Right + gap, strip.Top, stamp.Right + gap + legendW, strip.Bottom);
            info = new SKRect(legend.Right + gap, strip.Top, strip.Right, strip.Bottom);
        }

        var (overview, cells) = SplitMap(map, details, gap);

        // The location inset sits in the overview's lower-right corner, as on printed plan sheets.
        float insetW = Math.Min(overview.Width * 0.24f, 160 * u), insetH = Math.Min(insetW * 0.78f, overview.Height * 0.4f);
        var inset = new SKRect(overview.Right - insetW, overview.Bottom - insetH, overview.Right, overview.Bottom);
        return new CheckSheetLayout(page, u, border, title, overview, cells, stamp, inset, legend, info);
    }

    /// <summary>The overview on top; the detail frames in rows of up to three below it.</summary>
    private static (SKRect Overview, List<SKRect> Details) SplitMap(SKRect map, int details, float gap)
    {
        if (details == 0)
        {
            return (map, []);
        }

        int columns = Math.Min(details, 3), rows = (int)Math.Ceiling(details / (double)columns);
        float stripH = map.Height * (rows == 1 ? 0.36f : 0.5f);
        var overview = new SKRect(map.Left, map.Top, map.Right, map.Bottom - stripH - gap);
        float cellW = (map.Width - ((columns - 1) * gap)) / columns, cellH = (stripH - ((rows - 1) * gap)) / rows;
        var cells = new List<SKRect>();
        for (int i = 0; i < details; i++)
        {
            int row = i / columns, column = i % columns;
            float left = map.Left + (column * (cellW + gap)), top = overview.Bottom + gap + (row * (cellH + gap));
            cells.Add(new SKRect(left, top, left + cellW, top + cellH));
        }

        return (overview, cells);
    }

    private static SKRect Shrink(SKRect r, float d) => new(r.Left + d, r.Top + d, r.Right - d, r.Bottom - d);
}
