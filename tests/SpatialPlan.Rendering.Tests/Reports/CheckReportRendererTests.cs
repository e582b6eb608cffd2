using SpatialPlan.Core.Checks;
using SpatialPlan.Rendering.Tests.Support;

namespace SpatialPlan.Rendering.Tests.Reports;

/// <summary>The signable report (issue 7 §9): every section a reviewer signs, read back with poppler's pdftotext.</summary>
public class CheckReportRendererTests
{
    [Fact]
    public void TheReportHasEverySectionAReviewerSigns()
    {
        var report = FixtureReport.Report();
        var (path, pages) = FixtureReport.Render(report, "report-sections.pdf");

        Assert.Equal(pages, Poppler.PageCount(path));
        var (w, h) = Poppler.PageSize(path);
        Assert.Equal(595, w, 0);
        Assert.Equal(842, h, 0);
        var text = Poppler.Text(path);
        var compact = Poppler.Compact(path);
        string[] expected =
        [
            "建设项目选址与“三区三线”等管控要素初步核查报告", "不代替用地预审与选址意见书",
            "报告编号：SP-20261129-2EC29F", "出具日期：2026年11月29日",
            "项目名称", "测试项目", "建设单位", "项目代码", "未填写", "城镇建设（居住、商业服务、公共服务）（urban-construction）", "未声明重大项目类别",
            "总体结论：" + report.VerdictZh, "不涉及", "提示关注", "有条件准入", "原则上禁止",
            "二、逐要素核查结果", "三、尚需办理的审批与意见", "四、规划衔接（非管控，不影响核查结论）", "五、数据范围",
            "六、未核查事项", "七、数据来源", "示意数据，无批复文号", "八、核查设置", "邻近提示距离", "系统设置，非法定", "微小重叠容差",
            "road.geojson", "362a284952d3a7250e4bdd72a659ea78e8ec79804e0e6a2053dfe4c10e7d79f1", "2026年11月29日 21:09（UTC+08:00）",
            "policy.json " + report.Settings.PolicyVersion, "九、输入数据修复记录", "十、说明与签署",
            "编制：", "审核：", "审定：", "编制单位（盖章）：", "附表 1 界址点坐标表", "附表 2 占用图斑清单", $"第 1 页 / 共 {pages} 页", "示意数据",
        ];
        Assert.All(expected, e => Assert.Contains(Poppler.Squeeze(e), compact, StringComparison.Ordinal));
        Assert.Equal(pages, text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Count(p => p.Contains("SP-20261129-2EC29F", StringComparison.Ordinal)));
        Assert.DoesNotContain("缓冲", text, StringComparison.Ordinal);
        Assert.True(new FileInfo(path).Length < 3_000_000, $"{new FileInfo(path).Length} bytes");
    }

    [Fact]
    public void EveryZoneRowPrintsCoresFiguresAndVerdictWord()
    {
        var report = FixtureReport.Report();
        var (path, _) = FixtureReport.Render(report, "report-zones.pdf");
        var compact = Poppler.Compact(path);

        var zone = Assert.Single(report.Zones);
        Assert.Equal(Verdict.Prohibited, zone.Verdict);
        // The row reads 管控要素 | 空间关系 | 面积与距离 | 结论, each cell's wrapped lines in order.
        Assert.Contains(Poppler.Squeeze($"{zone.LayerTitleZh}（示意）{zone.RelationZh}{zone.FiguresZh}{zone.VerdictZh}"), compact, StringComparison.Ordinal);
        Assert.Contains(Poppler.Squeeze("规则：" + zone.RuleZh), compact, StringComparison.Ordinal);
        Assert.Contains(Poppler.Squeeze(zone.BasisText), compact, StringComparison.Ordinal);
        Assert.Contains(Poppler.Squeeze(report.FootprintFiguresZh), compact, StringComparison.Ordinal);
    }

    [Fact]
    public void TheIdentityAndMajorCategoriesArePrintedWhenGiven()
    {
        var options = new CheckOptions("linear-infrastructure", ["farmland-transport", "redline-transport-water"])
        {
            Builder = "某某铁路建设指挥部", ProjectCode = "2025-150826-48-01-000001", KindAlias = "linear",
        };
        var report = FixtureReport.Report(options);
        var (path, _) = FixtureReport.Render(report, "report-identity.pdf");
        var compact = Poppler.Compact(path);

        Assert.Contains("某某铁路建设指挥部", compact, StringComparison.Ordinal);
        Assert.Contains("2025-150826-48-01-000001", compact, StringComparison.Ordinal);
        Assert.Contains(Poppler.Squeeze("按旧类型名 linear 理解"), compact, StringComparison.Ordinal);
        foreach (var major in report.Project.Majors)
        {
            Assert.Contains(Poppler.Squeeze($"{MajorCategory.ListNamesZh[major.List]}：{major.NameZh}（{major.Id}；{major.Basis!.TextZh}）"), compact, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("未声明重大项目类别", compact, StringComparison.Ordinal);
        Assert.DoesNotContain("未填写", compact, StringComparison.Ordinal);
    }

    [Fact]
    public void ConditionsAreGroupedByAuthorityAndRepeatedUnderTheirZone()
    {
        var options = new CheckOptions("linear-infrastructure", ["redline-transport-water"]);
        var report = FixtureReport.Report(options);
        Assert.Equal(Verdict.ApprovalRequired, report.Verdict);
        var (path, _) = FixtureReport.Render(report, "report-approvals.pdf");
        var compact = Poppler.Compact(path);

        Assert.NotEmpty(report.Approvals);
        var section = compact[compact.IndexOf("三、尚需办理的审批与意见", StringComparison.Ordinal)..compact.IndexOf("四、规划衔接", StringComparison.Ordinal)];
        foreach (var group in report.Approvals)
        {
            Assert.Contains(Poppler.Squeeze(group.Authority.NameZh), section, StringComparison.Ordinal);
            Assert.All(group.Items, i => Assert.Contains(Poppler.Squeeze(i.RequirementZh), section, StringComparison.Ordinal));
        }

        Assert.All(report.Zones.SelectMany(z => z.Conditions), c =>
            Assert.Contains(Poppler.Squeeze("须办理：" + c.Authority.NameZh + "：" + c.RequirementZh), compact, StringComparison.Ordinal));
    }

    [Fact]
    public void RepairsFromTheReaderAreListed()
    {
        var geographic = Core.Crs.CrsTransformer.Transform(FixtureReport.Footprint, Core.Crs.Epsg.GaussKruger108, Core.Crs.Epsg.Cgcs2000);
        var load = new Core.Sources.FeatureLoadResult
        {
            Features = [new NetTopologySuite.Features.Feature(geographic, new NetTopologySuite.Features.AttributesTable { { "name", "修复测试" } })],
            SourceEpsg = Core.Crs.Epsg.Cgcs2000, AxesSwapped = false, CrsReasonZh = "文件声明", FileName = "t.geojson",
            Repairs = [new Core.Sources.Repair(0, "自相交（蝴蝶结形）", "GeometryFixer 拆分为两个面", 3.5)],
        };
        var options = new CheckOptions("urban-construction");
        var report = new SiteCheck(CheckPolicy.LoadFromDirectory(TestPaths.GisData), []).Run(Footprint.From(load, options), options);
        var (path, _) = FixtureReport.Render(report, "report-repairs.pdf", "修复测试");
        var compact = Poppler.Compact(path);

        var repairs = compact[compact.IndexOf("九、输入数据修复记录", StringComparison.Ordinal)..];
        Assert.Contains("自相交（蝴蝶结形）", repairs, StringComparison.Ordinal);
        Assert.Contains("GeometryFixer拆分为两个面", repairs, StringComparison.Ordinal);
        Assert.DoesNotContain("无。输入的占地范围未作任何修改", compact, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameCheckPrintsTheSameReportNumberAndDate()
    {
        var a = FixtureReport.Report();
        var b = FixtureReport.Report();

        Assert.Equal(a.ReportNumber, b.ReportNumber);
        var (path, _) = FixtureReport.Render(a, "report-number.pdf");
        var text = Poppler.Text(path);
        Assert.Contains($"报告编号：{a.ReportNumber}", text, StringComparison.Ordinal);
        Assert.Contains("出具日期：2026年11月29日", text, StringComparison.Ordinal);
    }
}
