using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Tests.Text;

public class FontSetTests
{
    [Fact]
    public void TheBuildPutsTheCjkFontsNextToTheAssembly()
    {
        Assert.True(File.Exists(Path.Combine(FontSet.DefaultDirectory, FontSet.RegularFileName)));
        Assert.True(File.Exists(Path.Combine(FontSet.DefaultDirectory, FontSet.BoldFileName)));
    }

    [Fact]
    public void TheDefaultFontsCoverThePlansVocabulary()
    {
        const string text = "杭锦后旗“十四五”规划空间要素（示意）生态保护红线永久基本农田城镇开发边界湿地乡村振兴示范带 陕坝镇 屠申泽 乌梁素海 亩 公顷 m² 1:250 000 CGCS2000 °";
        Assert.Equal(string.Empty, GlyphCoverage.FindMissing(FontSet.Default.Regular, text));
        Assert.Equal(string.Empty, GlyphCoverage.FindMissing(FontSet.Default.Bold, text));
    }

    [Fact]
    public void TheFontsAreTheCjkFontsNotALatinFallback()
    {
        Assert.Equal("Noto Sans SC", FontSet.Default.Regular.FamilyName);
        Assert.True(FontSet.Default.Bold.FontWeight >= 700);
    }

    [Fact]
    public void AMissingFontDirectoryFailsWithAMessageThatSaysHowToFixIt()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => FontSet.Load(Path.Combine(Path.GetTempPath(), "no-such-fonts-dir")));
        Assert.Contains("找不到中文字体", ex.Message);
        Assert.Contains("dotnet build", ex.Message);
    }

    [Fact]
    public void TextWithACharacterTheFontLacksIsRefusedNamingTheCharacter()
    {
        // U+17000 is a Tangut ideograph; Noto Sans SC has no glyph for it.
        var ex = Assert.Throws<MissingGlyphException>(() => GlyphCoverage.EnsureCovered(FontSet.Default.Regular, "西夏文\U00017000"));
        Assert.Equal("\U00017000", ex.Missing);
        Assert.Contains("字体缺少字符", ex.Message);
    }
}
