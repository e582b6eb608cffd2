using System.Text;
using System.Text.Json;
using SpatialPlan.Core.Checks;
using static SpatialPlan.Core.Tests.Checks.CheckFixtures;

namespace SpatialPlan.Core.Tests.Checks;

public class CheckReportWriterTests
{
    private static CheckReport Report() =>
        Check(Layer("ecological-redline", ("eco-1", Box(430000, 4527000, 431000, 4528000), false)), Box(430900, 4527200, 431100, 4527400));

    [Fact]
    public void JsonHasTheContractFieldNamesAndUnescapedChinese()
    {
        var json = CheckReportJson.Serialize(Report());
        Assert.Contains("生态保护红线", json); // not \u751f…
        Assert.DoesNotMatch(@"\\u[4-9][0-9a-fA-F]{3}", json); // no CJK escapes (ASCII punctuation may be)
        var root = JsonDocument.Parse(json).RootElement;
        var fp = root.GetProperty("footprint");
        foreach (var name in new[] { "areaM2", "areaMu", "areaHa", "crs", "repairs", "geometry" })
        {
            Assert.True(fp.TryGetProperty(name, out _), name);
        }

        Assert.Equal("prohibited", root.GetProperty("verdict").GetString());
        var zone = root.GetProperty("zones")[0];
        foreach (var name in new[] { "layerId", "category", "overlapAreaM2", "overlapAreaMu", "overlapPercent", "features", "distanceM", "verdict", "rule", "basis", "relation", "overlapGeometry" })
        {
            Assert.True(zone.TryGetProperty(name, out _), name);
        }

        var feature = zone.GetProperty("features")[0];
        Assert.Equal("eco-1", feature.GetProperty("id").GetString());
        Assert.Equal(feature.GetProperty("overlapAreaM2").GetDouble() * 15 / 10000, feature.GetProperty("overlapAreaMu").GetDouble(), 3);
        Assert.Equal("Polygon", zone.GetProperty("overlapGeometry").GetProperty("type").GetString());
        Assert.True(root.GetProperty("schematicData").GetBoolean());
    }

    [Fact]
    public void CsvStartsWithAByteOrderMarkSoExcelReadsChinese()
    {
        using var stream = new MemoryStream();
        CheckReportCsv.Write(Report(), stream);
        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("图层ID", lines[0]);
        Assert.Contains("eco-1", lines[1]);
        Assert.Contains("prohibited", lines[1]);
    }
}
