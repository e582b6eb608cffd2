using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Reports;

namespace SpatialPlan.Rendering.Tests.Support;

/// <summary>A report model over the sheet fixture: a footprint (EPSG:4545) cutting into the fixture's red line.</summary>
internal static class FixtureReport
{
    // The red-line polygon of Fixtures/sheet/layers/eco.geojson starts at (403000, 4524000); this box
    // straddles its east edge.
    public static readonly Geometry Footprint = new WKTReader().Read(
        "POLYGON ((413500 4527000, 416500 4527000, 416500 4529000, 413500 4529000, 413500 4527000))");

    public static CheckReportRenderer Renderer()
    {
        var catalog = LayerCatalog.Load(FixtureSheet.Directory);
        return new CheckReportRenderer(catalog, StyleBook.Load(FixtureSheet.Directory), l => FixtureSheet.ReadFeatures(catalog.FullPath(l)));
    }

    public static ReportModel Model(IReadOnlyList<ReportRepair>? repairs = null)
    {
        var eco = FixtureSheet.ReadFeatures(Path.Combine(FixtureSheet.Directory, "layers", "eco.geojson"))[0].Geometry;
        var overlap = Footprint.Intersection(eco);
        return new ReportModel
        {
            ProjectName = "乌兰布和沙漠综合治理“生光互补”项目（测试）",
            ProjectTypeZh = "城镇建设",
            Verdict = Verdict.Prohibited,
            AreaM2 = Footprint.Area,
            Footprint4545 = Footprint,
            CrsNoteZh = "EPSG:4545（由坐标范围判定）",
            Date = FixtureSheet.Date,
            Schematic = true,
            DataNoteZh = "示意数据：生态保护红线为依据规划文本绘制的示意图层。",
            Repairs = repairs ?? [],
            Zones =
            [
                new ReportZone
                {
                    LayerId = "eco-redline", LayerTitleZh = "生态保护红线", RelationZh = "占用", Verdict = Verdict.Prohibited,
                    OverlapAreaM2 = overlap.Area, OverlapPercent = 100 * overlap.Area / Footprint.Area, FeaturesZh = "乌兰布和沙区",
                    DistanceM = 0, Highlight4545 = overlap, Schematic = true,
                    RuleZh = "生态保护红线内禁止开发性、生产性建设活动。", BasisZh = "《关于加强生态保护红线管理的通知（试行）》（自然资发〔2022〕142号）",
                },
                new ReportZone
                {
                    LayerId = "wetlands", LayerTitleZh = "湿地", RelationZh = "无关", Verdict = Verdict.Clear,
                    OverlapAreaM2 = 0, OverlapPercent = 0, FeaturesZh = string.Empty, DistanceM = 9123, Schematic = true,
                    RuleZh = "未占用湿地。", BasisZh = "《中华人民共和国湿地保护法》第十九条",
                },
            ],
        };
    }
}
