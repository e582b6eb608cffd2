using SpatialPlan.Rendering.Reports;
using SpatialPlan.Rendering.Tests.Support;

namespace SpatialPlan.Rendering.Tests.Reports;

public class CheckReportRendererTests
{
    [Fact]
    public void TheReportHasSummaryTableAndRepairPagesWithRealChineseText()
    {
        var path = TestOutput.PathOf("fixture-report.pdf");
        int pages;
        using (var file = File.Create(path))
        {
            pages = FixtureReport.Renderer().Render(FixtureReport.Model(), file);
        }

        Assert.Equal(3, pages);
        Assert.Equal(3, Poppler.PageCount(path));
        var (w, h) = Poppler.PageSize(path);
        Assert.Equal(595, w, 0);
        Assert.Equal(842, h, 0);
        var text = Poppler.Text(path);
        Assert.Contains("建设项目选址冲突核查报告", text);
        Assert.Contains("总体结论：禁止", text);
        Assert.Contains("示意数据", text);
        Assert.Contains("自然资发〔2022〕142号", text);
        Assert.Contains("经办人", text);
        Assert.Contains("审核人", text);
        Assert.True(new FileInfo(path).Length < 1_000_000, $"{new FileInfo(path).Length} bytes");
    }

    [Fact]
    public void TheAreaIsGivenInSquareMetresMuAndHectares()
    {
        // 3 000 m × 2 000 m = 6 000 000 m² = 9 000 亩 = 600 公顷.
        var path = TestOutput.PathOf("fixture-report-area.pdf");
        using (var file = File.Create(path))
        {
            FixtureReport.Renderer().Render(FixtureReport.Model(), file);
        }

        var text = Poppler.Text(path);
        Assert.Contains("6,000,000.0 m²（9,000.00 亩，600.0000 公顷）", text);
    }

    [Fact]
    public void RepairsAreListedOnTheLastPage()
    {
        var path = TestOutput.PathOf("fixture-report-repairs.pdf");
        using (var file = File.Create(path))
        {
            FixtureReport.Renderer().Render(FixtureReport.Model([new ReportRepair(0, "自相交（蝴蝶结形）", "GeometryFixer 拆分为两个面", 12.5)]), file);
        }

        var text = Poppler.Text(path);
        var lastPage = text.Split('\f', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Contains("输入数据修复记录", lastPage);
        Assert.Contains("自相交", lastPage);
        Assert.DoesNotContain("无。输入的占地范围未作任何修改", text);
    }

    [Fact]
    public void WithoutRepairsTheReportSaysNone()
    {
        var path = TestOutput.PathOf("fixture-report-none.pdf");
        using (var file = File.Create(path))
        {
            FixtureReport.Renderer().Render(FixtureReport.Model(), file);
        }

        Assert.Contains("无。输入的占地范围未作任何修改", Poppler.Text(path));
    }
}
