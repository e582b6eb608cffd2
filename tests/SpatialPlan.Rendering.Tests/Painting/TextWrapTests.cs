using SkiaSharp;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Tests.Painting;

public class TextWrapTests
{
    private static readonly TextPainter Painter = TextPainter.Full(FontSet.Default);
    private static readonly TextStyle Style = new(8.5f, SKColors.Black);

    [Fact]
    public void AFigureIsNeverCutAtItsSeparatorOrLeftWithAnOrphanedBracket()
    {
        const string figures = "边界内 1,532.95 亩（37.0%）｜边界外 2,906.75 亩（63.0%），合计 4,439.70 亩。";
        for (float width = 40; width <= 300; width += 3)
        {
            var lines = TextWrap.Lines(figures, width, Style, Painter);

            Assert.Equal(figures.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(lines).Replace(" ", string.Empty, StringComparison.Ordinal));
            Assert.All(lines.Skip(1), l => Assert.DoesNotMatch(@"^[，。、；：）％｜,.)%]|^\d{3}\.\d\d", l));
            Assert.All(lines, l => Assert.DoesNotMatch(@"[（(]$|\d,$", l));
        }
    }
}
