using SkiaSharp;

namespace SpatialPlan.Rendering.Text;

/// <summary>
/// The one way text reaches a canvas. It refuses text the font cannot show (<see cref="GlyphCoverage"/>),
/// and either records the glyph ids drawn (first pass of a PDF) or checks that the subset font it draws
/// with really holds them (second pass), so a subset can never silently lose a character.
/// </summary>
internal sealed class TextPainter
{
    private readonly SKTypeface _regular;
    private readonly SKTypeface _bold;
    private readonly GlyphUsage? _record;
    private readonly GlyphUsage? _allowed;
    private readonly SKTypeface _measureRegular;
    private readonly SKTypeface _measureBold;

    private TextPainter(SKTypeface regular, SKTypeface bold, GlyphUsage? record, GlyphUsage? allowed, FontSet? measure = null)
    {
        _regular = regular;
        _bold = bold;
        _record = record;
        _allowed = allowed;
        _measureRegular = measure?.Regular ?? regular;
        _measureBold = measure?.Bold ?? bold;
    }

    /// <summary>Draws with the full fonts (PNG output).</summary>
    public static TextPainter Full(FontSet fonts) => new(fonts.Regular, fonts.Bold, null, null);

    /// <summary>Draws with the full fonts and records every glyph id into <paramref name="usage"/>.</summary>
    public static TextPainter Recording(FontSet fonts, GlyphUsage usage) => new(fonts.Regular, fonts.Bold, usage, null);

    /// <summary>Draws with subset fonts that must contain every glyph drawn, and measures with the full fonts
    /// <paramref name="measure"/>: a layout that measures text it may not draw (a label cut with …) then decides the
    /// same in both passes, where the subset, lacking the glyph it measured, would have decided otherwise.</summary>
    public static TextPainter Subset(SKTypeface regular, SKTypeface bold, GlyphUsage usage, FontSet? measure = null) => new(regular, bold, null, usage, measure);

    public SKFont Font(TextStyle style) => new(style.Bold ? _bold : _regular, style.Size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    /// <summary>Advance width of the text in points.</summary>
    public float Measure(string text, TextStyle style)
    {
        using var font = new SKFont(style.Bold ? _measureBold : _measureRegular, style.Size) { Subpixel = true, Edging = SKFontEdging.Antialias };
        return font.MeasureText(text);
    }

    /// <summary>Draws one line of text with its baseline at <paramref name="y"/>, halo first when the style has one.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float y, TextStyle style, SKTextAlign align = SKTextAlign.Left)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        using var font = Font(style);
        Account(font, text, style.Bold);
        if (style.Halo is { } halo && style.HaloWidth > 0)
        {
            using var haloPaint = new SKPaint
            {
                Color = halo, IsAntialias = true, Style = SKPaintStyle.Stroke,
                StrokeWidth = style.HaloWidth * 2, StrokeJoin = SKStrokeJoin.Round,
            };
            canvas.DrawText(text, x, y, align, font, haloPaint);
        }

        using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
        canvas.DrawText(text, x, y, align, font, paint);
    }

    private void Account(SKFont font, string text, bool bold)
    {
        GlyphCoverage.EnsureCovered(font.Typeface, text);
        if (_record is null && _allowed is null)
        {
            return;
        }

        var used = _record?.For(bold) ?? _allowed!.For(bold);
        foreach (var rune in text.EnumerateRunes())
        {
            if (_record is not null)
            {
                used[rune.Value] = font.GetGlyph(rune.Value);
            }
            else if (!used.ContainsKey(rune.Value))
            {
                throw new InvalidOperationException(
                    $"第二遍绘制出现了第一遍未收集的文字“{text}”；绘制必须是确定的。 / The text \"{text}\" was not collected in the first pass; painting must be deterministic.");
            }
        }
    }
}
