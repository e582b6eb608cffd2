using System.Globalization;
using NetTopologySuite.Features;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;
using SpatialPlan.Core.Sources;
using SpatialPlan.Rendering.Tests.Support;

namespace SpatialPlan.Rendering.Tests.Reports;

public class CheckReportFromSiteCheckTests
{
    [Fact]
    public void ARealSiteCheckReportPrintsItsVerdictAreasInMuAndHectaresAndTheBasis()
    {
        var eco = FixtureSheet.ReadFeatures(Path.Combine(FixtureSheet.Directory, "layers", "eco.geojson"));
        // The policy in gis-data is the law's; an urban-construction project inside the red line is prohibited under any of its versions.
        var layer = ZoneLayer.Create("eco-redline", "生态保护红线", "Eco red line", "ecological-redline", "ecological-redline", true,
            eco.Select(ZoneFeature.From));
        var policy = CheckPolicy.LoadFromDirectory(TestPaths.GisData);
        var options = new CheckOptions("urban-construction");
        var footprint = Footprint.FromGk([FixtureReport.Footprint], SpatialPlan.Core.Crs.GaussKrugerZone.FromEpsg(4545)!, options);
        var report = new SiteCheck(policy, [layer]).Run(footprint, options);
        Assert.Equal(Verdict.Prohibited, report.Verdict);

        var path = TestOutput.PathOf("sitecheck-report.pdf");
        using (var file = File.Create(path))
        {
            Assert.Equal(3, FixtureReport.Renderer().Render(report, "测试项目", file, FixtureSheet.Date));
        }

        var text = Poppler.Text(path);
        Assert.Contains("总体结论：" + report.VerdictZh, text);
        Assert.Contains("禁止", report.VerdictZh);
        Assert.Contains(AreaUnits.ToMu(footprint.AreaM2).ToString("#,0.00", CultureInfo.InvariantCulture) + " 亩", text);
        Assert.Contains(AreaUnits.ToHectares(footprint.AreaM2).ToString("#,0.0000", CultureInfo.InvariantCulture) + " 公顷", text);
        Assert.Contains("142号", text);
        Assert.Contains("示意数据", text);
    }

    [Fact]
    public void RepairsFromTheReaderReachTheLastPage()
    {
        var geographic = CrsTransformer.Transform(FixtureReport.Footprint, Epsg.GaussKruger108, Epsg.Cgcs2000);
        var load = new FeatureLoadResult
        {
            Features = [new Feature(geographic, new AttributesTable { { "name", "修复测试" } })],
            SourceEpsg = Epsg.Cgcs2000, AxesSwapped = false, CrsReasonZh = "文件声明", FileName = "t.geojson",
            Repairs = [new Repair(0, "自相交（蝴蝶结形）", "GeometryFixer 拆分为两个面", 3.5)],
        };
        var options = new CheckOptions("urban-construction");
        var report = new SiteCheck(CheckPolicy.LoadFromDirectory(TestPaths.GisData), []).Run(Footprint.From(load, options), options);

        var path = TestOutput.PathOf("sitecheck-report-repairs.pdf");
        using (var file = File.Create(path))
        {
            FixtureReport.Renderer().Render(report, "修复测试", file, FixtureSheet.Date);
        }

        var lastPage = Poppler.Text(path).Split('\f', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Contains("自相交（蝴蝶结形）", lastPage);
        Assert.Contains("GeometryFixer 拆分为两个面", lastPage);
    }
}
