using System.Security.Cryptography;
using System.Text.Json;
using static SpatialPlan.Cli.Tests.TestDataDirectory;

namespace SpatialPlan.Cli.Tests;

/// <summary>
/// <c>spatialplan check</c> in-process against a small data directory: red line at x 430–431 km, farmland at
/// 433–434 km, urban boundary at 435–437 km (EPSG:4545, y 4527–4528/4529 km), the data's area up to x 440 km and
/// 临河区 beyond it; the tests' own policy (a copy of the interim translation of the version-1 rules).
/// </summary>
public sealed class CheckCommandTests : IClassFixture<TestDataDirectory>
{
    private readonly TestDataDirectory _data;

    public CheckCommandTests(TestDataDirectory data) => _data = data;

    private CliRun Check(string footprint, params string[] extra) =>
        CliRun.Of(["check", footprint, "--data", _data.Root, .. extra]);

    private static JsonElement Json(CliRun run) => JsonDocument.Parse(run.Stdout).RootElement;

    [Fact]
    public void UrbanProjectInsideTheBoundaryAndAwayFromZonesExitsZero()
    {
        var run = Check(_data.Footprint("clear", Box(435500, 4527500, 435600, 4527600)), "--type", "urban-construction");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("总体结论：不涉及", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void AFootprintWithoutAKindIsRefusedBecauseTheKindIsRequired()
    {
        var run = Check(_data.Footprint("no-kind", Box(435500, 4527500, 435600, 4527600)));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("项目类型必填", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("linear-infrastructure", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("agriculture", "facility-agriculture")]
    [InlineData("other", "monitoring-relief")]
    public void AnAmbiguousOldTypeExitsTwoListingTheKindsThatReplaceIt(string type, string listed)
    {
        var run = Check(_data.Footprint("ambiguous-" + type, Box(435500, 4527500, 435600, 4527600)), "--type", type);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("含义不明", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(listed, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOldIdIsAcceptedAndTheReportSaysTheAliasWasUsed()
    {
        var footprint = _data.Footprint("alias", Box(435500, 4527500, 435600, 4527600));

        var json = Check(footprint, "--type", "urban", "--format", "json");
        var table = Check(footprint, "--type", "urban");

        var project = Json(json).GetProperty("project");
        Assert.Equal("urban-construction", project.GetProperty("kind").GetString());
        Assert.Equal("urban", project.GetProperty("kindAlias").GetString());
        Assert.Contains("按旧类型名 urban 理解", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void NumbersAreWrittenTheSameWayOnAGermanLocaleMachine()
    {
        // de-DE would write 10.000,00 for 10 000 m²; a report must read the same on every planner's PC.
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var footprint = _data.Footprint("clear-de", Box(435500, 4527500, 435600, 4527600), "urban-construction");
            var check = Check(footprint);
            var validate = CliRun.Of("validate", footprint);

            Assert.Equal(0, check.ExitCode);
            Assert.Matches(@"^占地面积：15\.00 亩（0\.9999 公顷，9,999\.0 平方米）", check.Stdout.Split('\n').First(l => l.StartsWith("占地面积", StringComparison.Ordinal)));
            Assert.Matches(@"^面积：15\.00 亩 = 0\.9999 公顷 = 9,999\.0 平方米", validate.Stdout.Split('\n').First(l => l.StartsWith("面积", StringComparison.Ordinal)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void AdvisoryVerdictAlsoExitsZero()
    {
        // Ecological restoration 300 m east of the red line: near → advisory.
        var run = Check(_data.Footprint("advisory", Box(431300, 4527500, 431400, 4527600)), "--type", "ecological-restoration");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("总体结论：提示关注", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("邻近提示距离 500 m（系统设置，非法定）", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("缓冲", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void UrbanProjectOutsideTheUrbanBoundaryExitsTenAndSaysWhoApproves()
    {
        var run = Check(_data.Footprint("outside", Box(438000, 4527500, 438100, 4527600)), "--type", "urban-construction");
        Assert.Equal(10, run.ExitCode);
        Assert.Contains("总体结论：有条件准入", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("四、尚需办理的审批与意见", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("市级以上自然资源主管部门：", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("边界内 0.00 亩（0.0%）｜边界外 15.00 亩（100.0%）；距最近边界 1,000 m", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void UrbanProjectOnTheRedLineExitsTwenty()
    {
        var run = Check(_data.Footprint("redline", Box(430400, 4527400, 430500, 4527500)), "--type", "urban-construction");
        Assert.Equal(20, run.ExitCode);
        Assert.Contains("总体结论：原则上禁止", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("示意数据", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("占用 15.00 亩（100.0%）", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void WithLangEnTheTableIsEnglishWithTheReportsOwnEnglishFigures()
    {
        var footprint = _data.Footprint("outside-en", Box(438000, 4527500, 438100, 4527600));
        var run = Check(footprint, "--type", "urban-construction", "--lang", "en");
        var json = Json(Check(footprint, "--type", "urban-construction", "--format", "json"));

        Assert.Equal(10, run.ExitCode);
        Assert.Contains("Overall verdict: Approval required", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("4. Approvals and opinions still owed", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Inside 0.00 mu (0.0%) | outside 15.00 mu (100.0%); 1,000 m to the nearest boundary", run.Stdout, StringComparison.Ordinal);
        foreach (var zone in json.GetProperty("zones").EnumerateArray())
        {
            Assert.Contains(zone.GetProperty("figuresEn").GetString()!, run.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains(json.GetProperty("footprint").GetProperty("figuresEn").GetString()!, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("5. Not checked", run.Stdout, StringComparison.Ordinal);
        foreach (var chinese in new[] { "总体结论", "管控图层", "规则：", "亩", "公顷", "核查设置", "五、未核查" })
        {
            Assert.DoesNotContain(chinese, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void InChineseTheTableHasNoEnglishVerdictsOrCrsSentence()
    {
        var run = Check(_data.Footprint("redline-zh", Box(430400, 4527400, 430500, 4527500)), "--type", "urban-construction");

        Assert.Equal(20, run.ExitCode);
        foreach (var english in new[] { "prohibited", "Prohibited", "Approval required", "CRS", "Occupies", " mu " })
        {
            Assert.DoesNotContain(english, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnUnknownLanguageExitsTwoBeforeTheCheckRuns()
    {
        var run = Check(_data.Footprint("lang-fr", Box(435500, 4527500, 435600, 4527600)), "--type", "urban-construction", "--lang", "fr");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--lang", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("en", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void AMajorCategoryLiftsOnlyItsOwnListsZone()
    {
        var footprint = _data.Footprint("farm-major", Box(433400, 4527400, 433500, 4527500));

        Assert.Equal(20, Check(footprint, "--type", "linear-infrastructure").ExitCode);
        Assert.Equal(10, Check(footprint, "--type", "linear-infrastructure", "--major", "farmland-transport").ExitCode);
        Assert.Equal(20, Check(footprint, "--type", "linear-infrastructure", "--major", "redline-transport-water").ExitCode);
        var both = Json(Check(footprint, "--type", "linear-infrastructure", "--major", "redline-transport-water", "--major", "farmland-transport", "--format", "json"));
        Assert.Equal(["redline-transport-water", "farmland-transport"], both.GetProperty("project").GetProperty("majors").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal("inside-major", both.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("layerId").GetString() == "farm").GetProperty("situation").GetString());
    }

    [Theory]
    [InlineData("--national-major")]
    [InlineData("--national-major", "false")]
    public void TheNationalMajorFlagExitsTwoPointingToMajor(params string[] flag)
    {
        var run = Check(_data.Footprint("national", Box(433400, 4527400, 433500, 4527500)), ["--type", "linear-infrastructure", .. flag]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--major", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("farmland-transport", run.Stderr, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.Stderr);
    }

    [Fact]
    public void AnUnknownMajorCategoryExitsTwoListingTheIds()
    {
        var run = Check(_data.Footprint("bad-major", Box(433400, 4527400, 433500, 4527500)), "--type", "linear-infrastructure", "--major", "national");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("national", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("redline-energy-mining", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFormatPrintsExactlyOneObjectWithTheContractFields()
    {
        var path = _data.Footprint("json", Box(430900, 4527400, 431100, 4527500), "urban-construction");
        var run = Check(path, "--format", "json", "--name", "测试项目", "--builder", "某某公司", "--project-code", "2025-150826-48-01-000001");
        Assert.Equal(20, run.ExitCode);
        var root = Json(run); // throws on anything before or after the object
        Assert.Equal("prohibited", root.GetProperty("verdict").GetString());
        var footprint = root.GetProperty("footprint");
        Assert.Equal(20000, footprint.GetProperty("areaM2").GetDouble(), 20000 * 3e-4);
        Assert.Equal(footprint.GetProperty("areaM2").GetDouble() * 0.0015, footprint.GetProperty("areaMu").GetDouble(), 3);
        Assert.Equal("EPSG:4545", footprint.GetProperty("crs").GetString());
        var eco = root.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("layerId").GetString() == "eco");
        Assert.Equal("ecological-redline", eco.GetProperty("category").GetString());
        Assert.Equal(50, eco.GetProperty("overlapPercent").GetDouble(), 0.1);
        Assert.Equal("eco-1", eco.GetProperty("features")[0].GetProperty("id").GetString());
        Assert.Contains("142号", eco.GetProperty("basisText").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, eco.GetProperty("distanceM").GetDouble());
        var project = root.GetProperty("project");
        Assert.Equal("测试项目", project.GetProperty("name").GetString());
        Assert.Equal("某某公司", project.GetProperty("builder").GetString());
        Assert.Equal("2025-150826-48-01-000001", project.GetProperty("projectCode").GetString());
        var settings = root.GetProperty("settings");
        Assert.Equal("json.geojson", settings.GetProperty("inputFile").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), settings.GetProperty("inputSha256").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d[+-]\d\d:\d\d$", settings.GetProperty("checkedAt").GetString()!);
        Assert.Equal(64, settings.GetProperty("dataVersion").GetString()!.Length);
    }

    [Fact]
    public void ASiteReachingIntoTheNeighbourIsNeverClearAndNamesTheCounty()
    {
        // 100 m × 100 m, half east of x = 440 km: in the test's 临河区, where the data folder has no zones.
        var run = Check(_data.Footprint("linhe", Box(439950, 4527500, 440050, 4527600), "linear-infrastructure"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var root = Json(run);
        Assert.Equal("advisory", root.GetProperty("verdict").GetString());
        var j = root.GetProperty("jurisdiction");
        Assert.Equal(0.5, j.GetProperty("insideShare").GetDouble(), 3);
        Assert.Equal("临河区", j.GetProperty("neighbours")[0].GetProperty("name").GetString());
        Assert.Contains("数据范围外，未核查", j.GetProperty("noteZh").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheTableHasEverySectionOfTheReport()
    {
        var run = Check(_data.Footprint("sections", Box(433400, 4527400, 433500, 4527500), "linear-infrastructure"), "--major", "farmland-transport");

        foreach (var heading in new[] { "一、管控要素", "二、数据范围", "三、规划衔接", "四、尚需办理的审批与意见", "五、未核查的内容", "六、核查设置" })
        {
            Assert.Contains(heading, run.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("国务院：", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("· 旗界：2024｜2024-06-30｜—", run.Stdout, StringComparison.Ordinal); // the catalog's provenance fields
        Assert.Contains("· 生态保护红线（示意）：—｜—｜—", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("林地", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("重大项目类别：永久基本农田重大建设项目：", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("缓冲", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvFormatStartsWithAByteOrderMarkAndCarriesTheSections()
    {
        var run = Check(_data.Footprint("csv", Box(430400, 4527400, 430500, 4527500), "urban-construction"), "--format", "csv");
        Assert.Equal(20, run.ExitCode);
        Assert.StartsWith("\uFEFF#SpatialPlan 核查结果 check,", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\r\n#总体结论 verdict,prohibited\r\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\r\n\r\n部分 section,图层ID layerId", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("eco-1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("数据范围 jurisdiction,banner", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("未核查 notChecked", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void LineWithWidthIsChecked()
    {
        var line = _data.Write("line.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
             "geometry":{"type":"LineString","coordinates":[[107.10,40.89],[107.13,40.89]]}}]}
            """);
        var run = Check(line, "--type", "linear", "--width", "30", "--format", "json");
        Assert.Contains(run.ExitCode, new[] { 0, 10, 20 });
        Assert.Equal("line", Json(run).GetProperty("footprint").GetProperty("kind").GetString());
    }
}
