using SkiaSharp;

namespace SpatialPlan.Rendering.Sheets;

/// <summary>Where the parts of a map sheet go on the page, in points. Sizes scale with the paper (<see cref="Unit"/> is 1 on A4).</summary>
internal sealed record SheetLayout(SKSize Page, float Unit, SKRect Border, SKRect Title, SKRect Map, SKRect Legend, SKRect Info)
{
    public static SheetLayout For(SKSize page)
    {
        float unit = Math.Min(page.Width, page.Height) / 595.28f;
        // Margins and the title band are kept tight so that the map frame is as tall as the paper allows: the whole banner
        // (84 km north to south) then fits an A3 landscape frame at 1:350 000 (issue 9: it fell to 1:500 000).
        float margin = 20 * unit;
        var border = new SKRect(margin, margin, page.Width - margin, page.Height - margin);
        var inner = Inset(border, 8 * unit);
        var title = new SKRect(inner.Left, inner.Top, inner.Right, inner.Top + (42 * unit));
        var body = new SKRect(inner.Left, title.Bottom + (2 * unit), inner.Right, inner.Bottom);
        float gap = 8 * unit;
        if (page.Width >= page.Height)
        {
            float panelW = Math.Max(150 * unit, body.Width * 0.2f);
            var map = new SKRect(body.Left, body.Top, body.Right - panelW - gap, body.Bottom);
            var panel = new SKRect(map.Right + gap, body.Top, body.Right, body.Bottom);
            float infoH = 150 * unit;
            return new SheetLayout(page, unit, border, title, map,
                new SKRect(panel.Left, panel.Top, panel.Right, panel.Bottom - infoH - gap),
                new SKRect(panel.Left, panel.Bottom - infoH, panel.Right, panel.Bottom));
        }

        float panelH = Math.Max(170 * unit, body.Height * 0.24f);
        var portraitMap = new SKRect(body.Left, body.Top, body.Right, body.Bottom - panelH - gap);
        var strip = new SKRect(body.Left, portraitMap.Bottom + gap, body.Right, body.Bottom);
        float legendW = strip.Width * 0.58f;
        return new SheetLayout(page, unit, border, title, portraitMap,
            new SKRect(strip.Left, strip.Top, strip.Left + legendW, strip.Bottom),
            new SKRect(strip.Left + legendW + gap, strip.Top, strip.Right, strip.Bottom));
    }

    private static SKRect Inset(SKRect r, float d) => new(r.Left + d, r.Top + d, r.Right - d, r.Bottom - d);
}
