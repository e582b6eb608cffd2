using SpatialPlan.Rendering.Sheets;

namespace SpatialPlan.Rendering.Tests.Sheets;

public class MapScaleTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1.5, 2)]
    [InlineData(2, 2)]
    [InlineData(2.1, 2.5)]
    [InlineData(3, 5)]
    [InlineData(188_976, 200_000)]
    [InlineData(200_001, 250_000)]
    [InlineData(254_000, 300_000)]
    [InlineData(300_001, 350_000)]
    [InlineData(350_001, 500_000)]
    [InlineData(515_000, 750_000)]
    [InlineData(750_001, 1_000_000)]
    [InlineData(6, 10)]
    [InlineData(60_000, 100_000)]
    public void ScalesRoundUpToOneTwoTwoAndAHalfOrFiveWithThreeThreeAndAHalfAndSevenAndAHalfOnlyForOverviews(double value, double expected) =>
        Assert.Equal(expected, MapScale.RoundUp(value), 6);

    [Fact]
    public void FortyKilometresInSixHundredPointsNeedsOneToTwoHundredThousand()
    {
        // 600 pt = 600 × 0.0254 / 72 m = 0.211667 m of paper; 40 000 m / 0.211667 m = 1:188 976 → 1:200 000.
        Assert.Equal(200_000, MapScale.FitDenominator(40_000, 30_000, 600, 450));
    }

    [Fact]
    public void TheScaleBarIsTheLongestRoundLengthThatFits()
    {
        // At 1:250 000, 200 pt = 7.06 cm = 17.6 km on the ground → 10 km (1/2/5 × 10ⁿ).
        Assert.Equal(10_000, MapScale.BarLengthM(250_000, 200));
        // At 1:500 000, 200 pt = 35.3 km → 20 km.
        Assert.Equal(20_000, MapScale.BarLengthM(500_000, 200));
    }

    [Fact]
    public void ScalesArePrintedWithSpaceGroupedDigits() => Assert.Equal("1:250 000", MapScale.Format(250_000));
}
