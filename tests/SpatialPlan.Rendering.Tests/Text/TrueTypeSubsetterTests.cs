using SkiaSharp;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Tests.Text;

public class TrueTypeSubsetterTests
{
    private const string UsedText = "杭锦后旗生态保护红线 1:250 000 示意数据";

    [Fact]
    public void TheSubsetIsSmallAndKeepsGlyphIdsAdvancesAndOutlines()
    {
        var fonts = FontSet.Default;
        using var full = new SKFont(fonts.Regular, 24);
        var glyphs = full.GetGlyphs(UsedText);

        var subsetBytes = TrueTypeSubsetter.Subset(fonts.RegularData, Characters(full, UsedText));
        Assert.True(subsetBytes.Length < 400_000, $"subset is {subsetBytes.Length} bytes");

        using var data = SKData.CreateCopy(subsetBytes);
        using var typeface = SKTypeface.FromData(data);
        Assert.NotNull(typeface);
        using var subset = new SKFont(typeface, 24);
        Assert.Equal(glyphs, subset.GetGlyphs(UsedText));
        Assert.Equal(full.GetGlyphWidths(glyphs), subset.GetGlyphWidths(glyphs));
        foreach (var glyph in glyphs.Distinct())
        {
            using var expected = full.GetGlyphPath(glyph);
            using var actual = subset.GetGlyphPath(glyph);
            Assert.Equal(expected.ToSvgPathData(), actual.ToSvgPathData());
        }
    }

    [Fact]
    public void GlyphsOutsideTheSubsetHaveNoOutline()
    {
        var fonts = FontSet.Default;
        using var full = new SKFont(fonts.Regular, 24);
        var unused = full.GetGlyphs("湿")[0];
        Assert.False(full.GetGlyphPath(unused).IsEmpty);

        var subsetBytes = TrueTypeSubsetter.Subset(fonts.RegularData, Characters(full, UsedText));
        using var data = SKData.CreateCopy(subsetBytes);
        using var typeface = SKTypeface.FromData(data);
        using var subset = new SKFont(typeface, 24);
        using var path = subset.GetGlyphPath(unused);
        Assert.True(path.IsEmpty);
    }

    [Fact]
    public void TheSubsetDropsLayoutTablesAndHasAVersion3PostTable()
    {
        using var full = new SKFont(FontSet.Default.Regular);
        var subset = TrueTypeSubsetter.Subset(FontSet.Default.RegularData, Characters(full, "abc"));
        var tags = TableTags(subset);
        Assert.DoesNotContain("GSUB", tags);
        Assert.DoesNotContain("GPOS", tags);
        Assert.DoesNotContain("vmtx", tags);
        Assert.Contains("cmap", tags);
        Assert.Contains("hmtx", tags);
        Assert.Contains("OS/2", tags);
        var post = TableData(subset, "post");
        Assert.Equal(new byte[] { 0, 3, 0, 0 }, post[..4]);
    }

    [Fact]
    public void ACffFontIsRejectedWithAClearMessage()
    {
        var otf = new byte[64];
        "OTTO"u8.CopyTo(otf);
        var ex = Assert.Throws<InvalidDataException>(() => TrueTypeSubsetter.Subset(otf, new Dictionary<int, ushort> { [0x41] = 1 }));
        Assert.Contains("CFF", ex.Message);
    }

    [Fact]
    public void TheSubsetCmapMapsOnlyTheUsedCharactersSoRadicalsDoNotShadowIdeographs()
    {
        // 生 (U+751F) and the Kangxi radical ⽣ (U+2F63) share one glyph in Noto Sans SC; a PDF's ToUnicode
        // built from the full cmap gives copy-paste the radical. The subset maps only what was drawn.
        using var full = new SKFont(FontSet.Default.Regular);
        Assert.Equal(full.GetGlyph(0x751F), full.GetGlyph(0x2F63));

        var subsetBytes = TrueTypeSubsetter.Subset(FontSet.Default.RegularData, Characters(full, "生态"));
        using var data = SKData.CreateCopy(subsetBytes);
        using var typeface = SKTypeface.FromData(data);
        using var subset = new SKFont(typeface);
        Assert.Equal(full.GetGlyph(0x751F), subset.GetGlyph(0x751F));
        Assert.Equal(0, subset.GetGlyph(0x2F63));
        Assert.Equal(0, subset.GetGlyph('湿'));
    }

    private static Dictionary<int, ushort> Characters(SKFont font, string text) =>
        text.EnumerateRunes().Distinct().ToDictionary(r => r.Value, r => font.GetGlyph(r.Value));

    private static List<string> TableTags(byte[] font)
    {
        int n = (font[4] << 8) | font[5];
        return Enumerable.Range(0, n).Select(i => System.Text.Encoding.ASCII.GetString(font, 12 + (16 * i), 4)).ToList();
    }

    private static byte[] TableData(byte[] font, string tag)
    {
        int n = (font[4] << 8) | font[5];
        for (int i = 0; i < n; i++)
        {
            int e = 12 + (16 * i);
            if (System.Text.Encoding.ASCII.GetString(font, e, 4) == tag)
            {
                int offset = (font[e + 8] << 24) | (font[e + 9] << 16) | (font[e + 10] << 8) | font[e + 11];
                int length = (font[e + 12] << 24) | (font[e + 13] << 16) | (font[e + 14] << 8) | font[e + 15];
                return font.AsSpan(offset, length).ToArray();
            }
        }

        throw new KeyNotFoundException(tag);
    }
}
