using System.Globalization;
using System.Text;
using SkiaSharp;

namespace SpatialPlan.Rendering.Text;

/// <summary>Checks that a font has a real glyph (id ≠ 0) for every character of a text.</summary>
public static class GlyphCoverage
{
    /// <summary>The characters of <paramref name="text"/> that map to glyph 0 in <paramref name="typeface"/>.</summary>
    public static string FindMissing(SKTypeface typeface, string text)
    {
        var missing = new StringBuilder();
        using var font = new SKFont(typeface);
        foreach (var element in EnumerateElements(text))
        {
            if (char.IsControl(element, 0))
            {
                continue;
            }

            var glyphs = font.GetGlyphs(element);
            if (glyphs.Length == 0 || Array.IndexOf(glyphs, (ushort)0) >= 0)
            {
                missing.Append(element);
            }
        }

        return missing.ToString();
    }

    /// <summary>Throws <see cref="MissingGlyphException"/> when any character of the text lacks a glyph.</summary>
    public static void EnsureCovered(SKTypeface typeface, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        // Fast path: one cmap lookup for the whole string; the per-character walk only runs to name the culprits.
        using var font = new SKFont(typeface);
        if (Array.IndexOf(font.GetGlyphs(text), (ushort)0) < 0)
        {
            return;
        }

        var missing = FindMissing(typeface, text);
        if (missing.Length > 0)
        {
            throw new MissingGlyphException(text, missing);
        }
    }

    private static IEnumerable<string> EnumerateElements(string text)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            yield return enumerator.GetTextElement();
        }
    }
}
