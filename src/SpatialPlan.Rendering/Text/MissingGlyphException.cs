namespace SpatialPlan.Rendering.Text;

/// <summary>A text to be drawn contains characters the font has no glyph for (they would print as boxes).</summary>
public sealed class MissingGlyphException : Exception
{
    public MissingGlyphException(string text, string missing)
        : base($"字体缺少字符“{missing}”（文字：“{text}”），无法绘制。请改用字体包含的字符。 / "
            + $"The font has no glyph for \"{missing}\" in \"{text}\"; it would print as boxes.")
    {
        Text = text;
        Missing = missing;
    }

    public MissingGlyphException()
        : this(string.Empty, string.Empty)
    {
    }

    public MissingGlyphException(string message)
        : base(message)
    {
        Text = string.Empty;
        Missing = string.Empty;
    }

    public MissingGlyphException(string message, Exception innerException)
        : base(message, innerException)
    {
        Text = string.Empty;
        Missing = string.Empty;
    }

    /// <summary>The whole text that was to be drawn.</summary>
    public string Text { get; }

    /// <summary>The characters without a glyph, in order of appearance.</summary>
    public string Missing { get; }
}
