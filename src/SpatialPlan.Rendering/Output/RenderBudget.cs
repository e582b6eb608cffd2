using System.Globalization;

namespace SpatialPlan.Rendering.Output;

/// <summary>
/// The most one render may spend, checked before anything is drawn, so that native rendering (Skia) only ever
/// runs within these limits (docs/limits.md, "Rendering, work and web"). A render over a budget throws
/// <see cref="RenderBudgetException"/>, whose message says what to change: the CLI exits 2 with it, the web app
/// answers 422 problem+json.
/// </summary>
public sealed record RenderBudget
{
    /// <summary>36 million pixels: A4 at 600 dpi (34.8 M), A3 up to 430 dpi. 144 MB of RGBA before encoding.</summary>
    public const long DefaultMaxPixels = 36_000_000;

    /// <summary>250 000 hatch lines over all hatched polygons in the frame (each clipped to the frame).</summary>
    public const long DefaultMaxHatchLines = 250_000;

    /// <summary>5 000 label candidates: more than any readable sheet places, and the placement is quadratic.</summary>
    public const int DefaultMaxLabels = 5_000;

    /// <summary>Largest PNG, width × height in pixels (paper × dpi).</summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>Most hatch lines one map may draw.</summary>
    public long MaxHatchLines { get; init; } = DefaultMaxHatchLines;

    /// <summary>Most labels one map may try to place.</summary>
    public int MaxLabels { get; init; } = DefaultMaxLabels;

    /// <summary>The budgets of docs/limits.md.</summary>
    public static RenderBudget Default { get; } = new();

    /// <exception cref="RenderBudgetException">A PNG of this size is over <see cref="MaxPixels"/>.</exception>
    internal void CheckPixels(int width, int height, int dpi)
    {
        long pixels = (long)width * height;
        if (pixels > MaxPixels)
        {
            long maxDpi = (long)Math.Floor(dpi * Math.Sqrt((double)MaxPixels / pixels));
            throw new RenderBudgetException(
                "pixels", MaxPixels, pixels,
                $"PNG 图幅为 {width}×{height} 像素（{M(pixels)} 百万像素），超过每次 {M(MaxPixels)} 百万像素的上限。" +
                $" The PNG would be {width}×{height} pixels ({M(pixels)} million), over the {M(MaxPixels)} million pixel limit.",
                $"把分辨率 dpi 降到 {maxDpi} 或以下，或改用 A4 纸、或导出 PDF（矢量，不受像素限制）。" +
                $" Use dpi {maxDpi} or less, a smaller paper, or PDF (vector, no pixel limit).");
        }
    }

    /// <exception cref="RenderBudgetException">The frame would draw more than <see cref="MaxHatchLines"/> hatch lines.</exception>
    internal void CheckHatchLines(long lines, IEnumerable<(string Layer, long Count)> byLayer)
    {
        if (lines > MaxHatchLines)
        {
            var worst = string.Join("、", byLayer.Where(l => l.Count > 0).OrderByDescending(l => l.Count).Select(l => $"{l.Layer}（{l.Count:N0}）"));
            throw new RenderBudgetException(
                "hatchLines", MaxHatchLines, lines,
                $"此范围内的晕线共 {lines:N0} 条，超过每幅 {MaxHatchLines:N0} 条的上限（{worst}）。" +
                $" The map would draw {lines:N0} hatch lines, over the {MaxHatchLines:N0} limit ({worst}).",
                "缩小范围（放大地图），或关闭带晕线的图层后再导出。 Zoom in, or turn the hatched layers off, and export again.");
        }
    }

    /// <exception cref="RenderBudgetException">The frame holds more than <see cref="MaxLabels"/> labelled features.</exception>
    internal void CheckLabels(int labels, IEnumerable<(string Layer, long Count)> byLayer)
    {
        if (labels > MaxLabels)
        {
            var worst = string.Join("、", byLayer.Where(l => l.Count > 0).OrderByDescending(l => l.Count).Select(l => $"{l.Layer}（{l.Count:N0}）"));
            throw new RenderBudgetException(
                "labels", MaxLabels, labels,
                $"此范围内需要注记的要素共 {labels:N0} 个，超过每幅 {MaxLabels:N0} 个的上限（{worst}）。" +
                $" The map would place {labels:N0} labels, over the {MaxLabels:N0} limit ({worst}).",
                "缩小范围（放大地图），或关闭注记多的图层后再导出。 Zoom in, or turn off the layers with many labels, and export again.");
        }
    }

    private static string M(long pixels) => (pixels / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
