using SpatialPlan.Core.Checks;
using SpatialPlan.Rendering.CheckSheets;
using SpatialPlan.Rendering.Sheets;
using SpatialPlan.Rendering.Tests.Support;

namespace SpatialPlan.Rendering.Tests.CheckSheets;

/// <summary>Issue 9 §7: an English check sheet has an English title default, legend, stamp and notes; and portrait paper.</summary>
public class CheckSheetLanguageTests
{
    [Fact]
    public void AnEnglishSheetHasAnEnglishTitleLegendStampAndNotes()
    {
        var (report, name) = SampleChecks.Check("shanlin-expressway.geojson");
        var path = TestOutput.PathOf("check-sheet-shanlin-en.pdf");
        using (var pdf = File.Create(path))
        {
            new CheckSheetRenderer(SampleChecks.Store, SampleChecks.Styles)
                .Render(report, name, new CheckSheetRequest { Paper = Paper.A4, Language = SheetLanguage.En, Unit = "Planning Bureau" }, pdf);
        }

        var text = Poppler.Compact(path);
        Assert.Contains(Poppler.Squeeze("Site check map: " + name), text);
        Assert.Contains("Legend", text);
        Assert.Contains(Poppler.Squeeze(Names.En(report.Verdict, report.InPrinciple)), text);
        Assert.Contains(Poppler.Squeeze("Overlap: permanent basic farmland"), text);
        Assert.Contains(Poppler.Squeeze("Project footprint"), text);
        Assert.Contains(Poppler.Squeeze("Mapped by: Planning Bureau"), text);
        Assert.Contains("Scale", text);
        foreach (var chinese in new[] { "图例", "核查结论", "比例尺", "制图单位", "占用永久基本农田", "项目占地范围", "详图" })
        {
            Assert.DoesNotContain(chinese, text);
        }
    }

    [Fact]
    public void APortraitA4SheetIsPortraitWithTheSameParts()
    {
        var (report, name) = SampleChecks.Check("tushenze-visitor-centre.geojson");
        var path = TestOutput.PathOf("check-sheet-tushenze-a4-portrait.pdf");
        CheckSheetResult result;
        using (var pdf = File.Create(path))
        {
            result = new CheckSheetRenderer(SampleChecks.Store, SampleChecks.Styles)
                .Render(report, name, new CheckSheetRequest { Paper = Paper.A4, Orientation = PageOrientation.Portrait }, pdf);
        }

        var (width, height) = Poppler.PageSize(path);
        Assert.Equal(595.3, width, 0.5);
        Assert.Equal(841.9, height, 0.5);
        Assert.Equal(3, result.Frames.Count(f => f.Kind == "detail"));
        var text = Poppler.Compact(path);
        Assert.Contains(report.VerdictZh, text);
        Assert.Contains("位置示意", text);
        Assert.Contains("制图单位：", text);
    }

    [Fact]
    public void LongZoneNamesAreWholeInTheStampAndLoseOnlyTheirBracketsInACaption()
    {
        // 包银高铁 on A4 portrait: five conflicting zones, two with long names that used to be cut (沙化土地封禁…,
        // 水域管理范围（…) in the stamp, and 水域管理范围（河道、… in its detail frame's caption.
        var (report, name) = SampleChecks.Check("baoyin-hsr.geojson");
        var path = TestOutput.PathOf("check-sheet-baoyin-a4-portrait.pdf");
        using (var pdf = File.Create(path))
        {
            new CheckSheetRenderer(SampleChecks.Store, SampleChecks.Styles)
                .Render(report, name, new CheckSheetRequest { Paper = Paper.A4, Orientation = PageOrientation.Portrait }, pdf);
        }

        var text = Poppler.Compact(path);
        Assert.DoesNotContain("…", text);
        foreach (var zone in report.Zones.Where(z => z.Verdict >= Verdict.ApprovalRequired))
        {
            Assert.Contains(Poppler.Squeeze(zone.LayerTitleZh), text);
        }

        Assert.Contains(Poppler.Squeeze("详图 5 水域管理范围"), text);
    }

    [Fact]
    public void TheStampLaysOutTheSameInBothPassesOfAPdf()
    {
        // A PDF is painted twice: glyphs are collected with the full fonts, then drawn with fonts subset to them. The stamp
        // measures "：原则上禁止 34.55 亩" in bold, glyphs the bold subset lacks (they are drawn in regular); measured with the
        // subset, the room for the zone's name shrank, the second pass cut it with a … it had never collected, and the
        // render failed with a missing glyph (seen with this title, A4 portrait, through `check --sheet`).
        var (report, name) = SampleChecks.Check("shanlin-expressway.geojson");
        var path = TestOutput.PathOf("check-sheet-shanlin-a4-portrait.pdf");
        using (var pdf = File.Create(path))
        {
            new CheckSheetRenderer(SampleChecks.Store, SampleChecks.Styles).Render(report, name, new CheckSheetRequest
            {
                Paper = Paper.A4, Orientation = PageOrientation.Portrait, Title = "陕临快速通道选址（方案一）", Unit = "杭锦后旗自然资源局",
            }, pdf);
        }

        Assert.Contains("永久基本农田：原则上禁止34.55亩", Poppler.Compact(path));
    }
}
