using System.Text;
using System.Text.Json;
using SpatialPlan.Core.Checks;
using static SpatialPlan.Core.Tests.Checks.CheckFixtures;
using static SpatialPlan.Core.Tests.Checks.EnginePolicy;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>The report JSON (docs/rules-model.md §6) and the CSV, written from the one report model.</summary>
public class CheckReportWriterTests
{
    /// <summary><c>printf road | sha256sum</c> (coreutils), outside the code under test.</summary>
    private const string RoadSha256 = "362a284952d3a7250e4bdd72a659ea78e8ec79804e0e6a2053dfe4c10e7d79f1";

    private static readonly DateTimeOffset Now = new(2026, 11, 29, 21, 9, 42, TimeSpan.FromHours(8));

    private static CheckReport Report()
    {
        var layers = new[]
        {
            Layer("ecological-redline", ("eco-1", Box(430000, 4527000, 431000, 4528000), null)),
            Layer("urban-boundary", ("ub-1", Box(430950, 4527000, 433000, 4528000), null)),
            Layer("wetland", ("w-1", Box(431150, 4527000, 431500, 4528000), "general")),
        };
        var check = new SiteCheck(Policy, layers, [Layer("showcase-belt", ("belt-1", Box(430000, 4527000, 440000, 4528000), null))])
        {
            Clock = new FixedClock(Now),
            DataVersion = "abc123",
        };
        var options = Kind(Road, "redline-transport-water") with
        {
            Name = "测试公路", Builder = "某某交通公司", ProjectCode = "2025-150826-48-01-000001", KindAlias = "linear",
            Input = CheckInput.Of("road.geojson", Encoding.UTF8.GetBytes("road")),
        };
        return check.Run(Footprint(Box(430900, 4527200, 431100, 4527400), options), options);
    }

    [Fact]
    public void JsonHasTheContractFieldsAndUnescapedChinese()
    {
        var json = CheckReportJson.Serialize(Report());

        Assert.Contains("生态保护红线", json, StringComparison.Ordinal); // not \u751f…
        Assert.DoesNotMatch(@"\\u[4-9][0-9a-fA-F]{3}", json); // no CJK escapes (ASCII punctuation may be)
        Assert.DoesNotContain("缓冲", json, StringComparison.Ordinal);
        Assert.DoesNotContain("bufferM", json, StringComparison.Ordinal);
        var root = JsonDocument.Parse(json).RootElement;
        Has(root.GetProperty("footprint"), "areaM2", "areaMu", "areaHa", "crs", "repairs", "geometry");
        Has(root, "verdict", "verdictZh", "inPrinciple", "zones", "guidance", "notChecked", "jurisdiction", "approvals", "settings", "layers");
        Assert.Equal("approval-required", root.GetProperty("verdict").GetString());
        Assert.Equal("有条件准入", root.GetProperty("verdictZh").GetString());

        var project = root.GetProperty("project");
        Assert.Equal(Road, project.GetProperty("kind").GetString());
        Assert.Equal("线性基础设施", project.GetProperty("kindZh").GetString());
        Assert.Equal("linear", project.GetProperty("kindAlias").GetString());
        Assert.Equal("某某交通公司", project.GetProperty("builder").GetString());
        Assert.Equal("2025-150826-48-01-000001", project.GetProperty("projectCode").GetString());
        Assert.Equal("测试公路", project.GetProperty("name").GetString());
        var major = project.GetProperty("majors")[0];
        Assert.Equal("redline", major.GetProperty("list").GetString());
        Assert.Equal("《测试通知》", major.GetProperty("basis").GetProperty("titleZh").GetString());

        var eco = Zone(root, "ecological-redline");
        Has(eco, "relationZh", "situation", "figuresZh", "proximityM", "levels", "conditions", "basis", "basisText", "verdictZh", "inPrinciple", "overlapGeometry");
        Assert.Equal("inside-major", eco.GetProperty("situation").GetString());
        Assert.Equal(500, eco.GetProperty("proximityM").GetDouble());
        var condition = eco.GetProperty("conditions")[0];
        Assert.Equal("国务院", condition.GetProperty("authorityZh").GetString());
        Assert.Equal("须报国务院批准", condition.GetProperty("requirementZh").GetString());
        Assert.Equal("第二部分", condition.GetProperty("basis").GetProperty("article").GetString());
        var basis = eco.GetProperty("basis")[0];
        Has(basis, "doc", "titleZh", "article", "paraphraseZh", "verified");
        var feature = eco.GetProperty("features")[0];
        Assert.Equal("eco-1", feature.GetProperty("id").GetString());
        Assert.Equal(feature.GetProperty("overlapAreaM2").GetDouble() * 15 / 10000, feature.GetProperty("overlapAreaMu").GetDouble(), 3);

        var boundary = Zone(root, "urban-boundary");
        Has(boundary, "insideAreaM2", "insideAreaMu", "insideAreaHa", "insidePercent", "outsideAreaM2", "outsideAreaMu", "outsideAreaHa", "outsidePercent");
        Assert.Equal(75, boundary.GetProperty("insidePercent").GetDouble(), 0.01);
        Assert.Equal(25, boundary.GetProperty("outsidePercent").GetDouble(), 0.01);
        Assert.StartsWith("边界内", boundary.GetProperty("figuresZh").GetString(), StringComparison.Ordinal);
        var wetland = Zone(root, "wetland");
        Assert.Equal(["national-important", "general"], wetland.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("level").GetString()));
        Assert.Equal("near", wetland.GetProperty("situation").GetString());
        Assert.Equal("距最近要素 50 m", wetland.GetProperty("distanceZh").GetString());
    }

    [Fact]
    public void JsonCarriesGuidanceApprovalsNotCheckedAndTheSettings()
    {
        var root = JsonDocument.Parse(CheckReportJson.Serialize(Report())).RootElement;

        var guidance = root.GetProperty("guidance")[0];
        Has(guidance, "layerId", "layerTitle", "category", "featureId", "featureName", "overlapAreaM2", "overlapAreaMu", "overlapAreaHa", "distanceM", "noteZh");
        Assert.Equal("belt-1", guidance.GetProperty("featureId").GetString());
        var approval = root.GetProperty("approvals")[0];
        Assert.Equal("state-council", approval.GetProperty("authority").GetString());
        Assert.Equal("ecological-redline-layer", approval.GetProperty("items")[0].GetProperty("layerId").GetString());
        Assert.Equal("forest", root.GetProperty("notChecked")[0].GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("jurisdiction").ValueKind);

        var settings = root.GetProperty("settings");
        Assert.Equal(1.0, settings.GetProperty("sliverM2").GetDouble());
        Assert.Equal(500, settings.GetProperty("proximityM").GetProperty("ecological-redline-layer").GetDouble());
        Assert.Equal("road.geojson", settings.GetProperty("inputFile").GetString());
        Assert.Equal(RoadSha256, settings.GetProperty("inputSha256").GetString());
        Assert.Equal("2026-11-29T21:09+08:00", settings.GetProperty("checkedAt").GetString());
        Assert.Equal("engine-test-1", settings.GetProperty("policyVersion").GetString());
        Assert.Equal("abc123", settings.GetProperty("dataVersion").GetString());
    }

    [Fact]
    public void TheInputIsNamedWithoutItsFolderAndHashedLikeSha256sum()
    {
        var input = CheckInput.Of("uploads/road.geojson", "road"u8);

        Assert.Equal("road.geojson", input.FileName);
        Assert.Equal(RoadSha256, input.Sha256);
    }

    [Fact]
    public void CsvStartsWithAByteOrderMarkAndHasEverySection()
    {
        using var stream = new MemoryStream();
        CheckReportCsv.Write(Report(), stream);
        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("#SpatialPlan 核查结果 check,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("部分 section,图层ID layerId", lines[CheckReportCsv.HeaderLines - 1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("管控要素 zone,ecological-redline-layer", StringComparison.Ordinal) && l.Contains("approval-required", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("管控要素 zone,ecological-redline-layer", StringComparison.Ordinal) && l.Contains("eco-1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("规划衔接 guidance,", StringComparison.Ordinal) && l.Contains("belt-1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("审批与意见 approval,", StringComparison.Ordinal) && l.Contains("国务院", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("未核查 notChecked,", StringComparison.Ordinal) && l.Contains("林地", StringComparison.Ordinal));
        var boundary = Report().Zones.Single(z => z.Category == "urban-boundary");
        Assert.Contains(boundary.FiguresZh, text, StringComparison.Ordinal);
        Assert.DoesNotContain("缓冲", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvOpensWithAHeaderBlockOfProjectAreaVerdictTimeAndDataVersionThenAnEmptyLine()
    {
        var report = Report();
        var lines = CheckReportCsv.ToCsv(report).Split("\r\n");
        var block = lines.Take(CheckReportCsv.HeaderLines - 1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[1]);

        // Every header line is "#key,value"; then one empty line; then the table's header row.
        Assert.All(lines.Take(CheckReportCsv.HeaderLines - 1), l => Assert.StartsWith("#", l, StringComparison.Ordinal));
        Assert.Equal(string.Empty, lines[CheckReportCsv.HeaderLines - 1]);
        Assert.StartsWith("部分 section,", lines[CheckReportCsv.HeaderLines], StringComparison.Ordinal);
        Assert.DoesNotContain(lines.Skip(CheckReportCsv.HeaderLines), l => l.StartsWith('#'));

        Assert.Equal(report.Project.Name ?? report.Settings.InputFile, block["#项目 project"]);
        Assert.Equal(Math.Round(report.Footprint.AreaM2, 2), double.Parse(block["#总面积(平方米) totalAreaM2"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Math.Round(report.Footprint.AreaM2 / 666.6666666666666, 4), double.Parse(block["#总面积(亩) totalAreaMu"], System.Globalization.CultureInfo.InvariantCulture), 1e-9);
        Assert.Equal(Names.Of(report.Verdict), block["#总体结论 verdict"]);
        Assert.Equal(report.VerdictZh, block["#总体结论 verdictZh"]);
        Assert.Equal(report.ReportNumber, block["#报告编号 reportNumber"]);
        Assert.Equal(report.Settings.CheckedAtText, block["#核查时间 checkedAt"]);
        Assert.Matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d$", block["#核查时间 checkedAt"]);
        Assert.Equal(report.Settings.DataVersion ?? string.Empty, block["#数据版本 dataVersion"]);
        Assert.Equal(report.Settings.PolicyVersion, block["#规则版本 policyVersion"]);
    }

    private static JsonElement Zone(JsonElement root, string category) =>
        root.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("category").GetString() == category);

    private static void Has(JsonElement e, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(e.TryGetProperty(name, out _), name);
        }
    }
}
