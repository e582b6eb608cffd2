using System.Text;
using System.Text.Json;
using SpatialPlan.Core.Checks;
using static SpatialPlan.Core.Tests.Checks.CheckFixtures;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>What the signable report needs from the model beyond the verdicts: its number, the 界址点 table, the footprint figures.</summary>
public class ReportViewTests
{
    /// <summary><c>printf road | sha256sum</c> (coreutils).</summary>
    private const string RoadSha256 = "362a284952d3a7250e4bdd72a659ea78e8ec79804e0e6a2053dfe4c10e7d79f1";

    private static readonly DateTimeOffset Minute = new(2026, 11, 29, 21, 9, 0, TimeSpan.FromHours(8));

    [Fact]
    public void TheReportNumberIsTheDateAndTheHashOfInputAndMinute()
    {
        // printf '%s' '362a…79f1|2026-11-29T21:09+08:00' | sha256sum → 2ec29f8d…; '…|2026-11-29T21:10+08:00' → e766300e…
        var footprint = Wkt(Box(0, 0, 10, 10));

        Assert.Equal("SP-20261129-2EC29F", ReportNumbers.Of(RoadSha256, Minute, "2026-11-29T21:09+08:00", footprint));
        Assert.Equal("SP-20261129-E76630", ReportNumbers.Of(RoadSha256, Minute.AddMinutes(1), "2026-11-29T21:10+08:00", footprint));
    }

    [Fact]
    public void WithoutAnInputFileTheFootprintDecidesTheNumber()
    {
        var a = ReportNumbers.Of(null, Minute, "2026-11-29T21:09+08:00", Wkt(Box(0, 0, 10, 10)));
        var b = ReportNumbers.Of(null, Minute, "2026-11-29T21:09+08:00", Wkt(Box(0, 0, 10, 11)));

        Assert.Matches("^SP-20261129-[0-9A-F]{6}$", a);
        Assert.NotEqual(a, b);
        Assert.Equal(a, ReportNumbers.Of(null, Minute, "2026-11-29T21:09+08:00", Wkt(Box(0, 0, 10, 10))));
    }

    [Fact]
    public void BoundaryPointsStartNorthWestRunClockwiseAndGiveXAsNorthing()
    {
        // gis-data/samples/projects/school-no5-gk.geojson (EPSG:4545), read by eye: its ring runs
        // (426898.113 4527821.191) → (426877.424 4527979.862) → (427115.302 4528010.905) → (427135.997 4527852.246).
        // North-west corner of its box: (426877.424, 4528010.905); nearest vertex (426877.424 4527979.862) is J1.
        var ring = "POLYGON((426898.113 4527821.191,426877.424 4527979.862,427115.302 4528010.905,427135.997 4527852.246,426898.113 4527821.191))";
        var reversed = "POLYGON((426898.113 4527821.191,427135.997 4527852.246,427115.302 4528010.905,426877.424 4527979.862,426898.113 4527821.191))";

        foreach (var wkt in new[] { ring, reversed })
        {
            var rings = BoundaryPoints.Of(Wkt(wkt));
            var points = Assert.Single(rings).Points;
            Assert.Equal(["J1", "J2", "J3", "J4", "J1"], points.Select(p => p.Name));
            Assert.Equal((4527979.862, 426877.424), (points[0].X, points[0].Y));
            Assert.Equal((4528010.905, 427115.302), (points[1].X, points[1].Y));
            Assert.Equal((4527852.246, 427135.997), (points[2].X, points[2].Y));
            Assert.Equal((4527821.191, 426898.113), (points[3].X, points[3].Y));
            Assert.Equal(4, BoundaryPoints.CountPoints(rings));
        }
    }

    [Fact]
    public void EveryPartAndHoleIsATableRingNumberedOnFromTheLast()
    {
        var rings = BoundaryPoints.Of(Wkt(
            "MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0),(40 40,60 40,60 60,40 60,40 40)),((200 0,210 0,210 10,200 0)))"));

        Assert.Equal([(1, 0), (1, 1), (2, 0)], rings.Select(r => (r.Part, r.Ring)));
        Assert.Equal("第 1 地块 内边界（洞）1", rings[1].LabelZh);
        Assert.Equal("J5", rings[1].Points[0].Name);
        Assert.Equal((60.0, 40.0), (rings[1].Points[0].X, rings[1].Points[0].Y)); // north-west of the hole
        Assert.Equal("J9", rings[2].Points[0].Name);
        Assert.Equal(11, BoundaryPoints.CountPoints(rings));
    }

    [Fact]
    public void TheJsonAndCsvCarryTheReportNumberFootprintFiguresAndFeatureShare()
    {
        var layer = Layer("ecological-redline", ("eco-1", Box(430000, 4527000, 431000, 4528000), null));
        var options = Kind(EnginePolicy.Urban) with { Input = CheckInput.Of("road.geojson", Encoding.UTF8.GetBytes("road")) };
        var check = new SiteCheck(EnginePolicy.Policy, [layer]) { Clock = new FixedClock(Minute.AddSeconds(42)) };
        // The footprint's west half (100 m × 200 m) lies in the 1 000 × 1 000 m red-line box: 2.0% of that 图斑 (the scale factor cancels).
        var report = check.Run(Footprint(Box(430900, 4527200, 431100, 4527400), options), options);

        Assert.Equal("SP-20261129-2EC29F", report.ReportNumber);
        var root = JsonDocument.Parse(CheckReportJson.Serialize(report)).RootElement;
        Assert.Equal("SP-20261129-2EC29F", root.GetProperty("reportNumber").GetString());
        Assert.Equal(report.FootprintFiguresZh, root.GetProperty("footprint").GetProperty("figuresZh").GetString());
        Assert.Matches(@"^[\d,]+\.\d\d 亩（[\d,]+\.\d{4} 公顷，[\d,]+\.\d 平方米）$", report.FootprintFiguresZh);
        var feature = root.GetProperty("zones")[0].GetProperty("features")[0];
        Assert.Equal(2.0, feature.GetProperty("featureSharePercent").GetDouble(), 1e-9);

        var csv = CheckReportCsv.ToCsv(report).Split("\r\n")[CheckReportCsv.HeaderLines + 1];
        Assert.StartsWith("项目 project,", csv, StringComparison.Ordinal);
        Assert.Contains(report.FootprintFiguresZh, csv, StringComparison.Ordinal);
        Assert.Contains(",prohibited,", csv, StringComparison.Ordinal);
    }
}
