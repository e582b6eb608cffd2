using System.Text;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Sources;
using static SpatialPlan.Core.Tests.Sources.ReadHelper;

namespace SpatialPlan.Core.Tests.Hostile;

/// <summary>Issue 12, 界址点 lists: BOMs, swapped zone-prefixed columns, decimal commas, non-finite and collinear points.</summary>
public class HostileBoundaryPointTests
{
    // funeral-home-jzd.txt: X = northing, Y = easting with the zone prefix 36.
    private const string Normal = "J1,4511488.384,36415402.449\nJ2,4511704.102,36415359.078\nJ3,4511763.119,36415653.742\nJ4,4511547.403,36415697.122\n";
    private const string Swapped = "J1,36415402.449,4511488.384\nJ2,36415359.078,4511704.102\nJ3,36415653.742,4511763.119\nJ4,36415697.122,4511547.403\n";

    [Fact]
    public void AUtf8BomBeforeTheListIsAccepted()
    {
        var load = ReadBytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("点号,X,Y\n" + Normal)], "bom.txt");

        Assert.Equal(Epsg.GaussKruger108Zoned, load.SourceEpsg);
    }

    [Fact]
    public void AZonePrefixedListWithTheEastingColumnFirstIsRecognisedAndSwappedBack()
    {
        var normal = ReadText(Normal, "normal.txt");

        var swapped = ReadText(Swapped, "swapped.txt");

        Assert.Equal(Epsg.GaussKruger108Zoned, swapped.SourceEpsg);
        Assert.True(swapped.AxesSwapped);
        Assert.True(normal.Features[0].Geometry.EqualsExact(swapped.Features[0].Geometry, 1e-9));
        Assert.DoesNotContain("declared", swapped.CrsReasonZh, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnprefixedListWithNorthingInTheEastingColumnIsRecognised()
    {
        var load = ReadText("J1,415402.449,4511488.384\nJ2,415359.078,4511704.102\nJ3,415653.742,4511763.119\n", "unprefixed-swapped.txt");

        Assert.Equal(Epsg.GaussKruger108, load.SourceEpsg);
        Assert.True(load.AxesSwapped);
    }

    [Theory]
    [InlineData("J1;4511488,384;36415402,449\nJ2;4511704,102;36415359,078\nJ3;4511763,119;36415653,742\n")]
    [InlineData("J1\t4511488,384\t36415402,449\nJ2\t4511704,102\t36415359,078\nJ3\t4511763,119\t36415653,742\n")]
    [InlineData("J1 4511488,384 36415402,449\nJ2 4511704,102 36415359,078\nJ3 4511763,119 36415653,742\n")]
    [InlineData("4511488,384 36415402\n4511704,102 36415359\n4511763,119 36415653\n")]
    [InlineData("J1,\"4511488,384\",\"36415402,449\"\nJ2,\"4511704,102\",\"36415359,078\"\nJ3,\"4511763,119\",\"36415653,742\"\n")]
    [InlineData("J1,4511488,384,36415402,449\nJ2,4511704,102,36415359,078\nJ3,4511763,119,36415653,742\n")]
    public void NumbersWithADecimalCommaAreRefusedNeverReRead(string list)
    {
        var ex = Refuse(list, "comma.txt");

        Assert.Contains("小数点", ex.Message, StringComparison.Ordinal);
        Assert.Contains("decimal comma", ex.Message, StringComparison.Ordinal);
        Assert.Contains("第 1 行", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-∞")]
    [InlineData("1e400")]
    public void NonFiniteNumbersAreRefusedNamingTheLine(string bad)
    {
        var ex = Refuse($"J1,4511488.384,36415402.449\nJ2,{bad},36415359.078\nJ3,4511763.119,36415653.742\n", "nan.txt");

        Assert.Contains("第 2 行", ex.Message, StringComparison.Ordinal);
        Assert.Contains("处理办法", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANumberThatUnderflowsToZeroIsRefused()
    {
        var ex = Refuse("J1,4511488.384,36415402.449\nJ2,4511704.102,1e-400\nJ3,4511763.119,36415653.742\n", "underflow.txt");

        Assert.Contains("第 2 行", ex.Message, StringComparison.Ordinal);
    }
}
