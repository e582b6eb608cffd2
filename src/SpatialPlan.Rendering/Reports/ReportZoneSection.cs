using SpatialPlan.Core.Checks;

namespace SpatialPlan.Rendering.Reports;

/// <summary>
/// 二、逐要素核查结果: one row per zone with Core's relation, figures (inside and outside for the urban boundary,
/// distances as 距最近… X m) and verdict; then per zone the conclusion with its rule, what is owed and the basis.
/// </summary>
internal sealed class ReportZoneSection(ReportContext context, ReportBlocks b)
{
    private static readonly float[] Columns = [118, 74, 223, 80];

    public IEnumerable<ReportBlock> Blocks()
    {
        var zones = context.Report.Zones;
        yield return b.Heading("二、逐要素核查结果", newPage: true);
        if (zones.Count == 0)
        {
            yield return b.Paragraph("数据目录中没有管控要素图层，未作核查。");
            yield break;
        }

        var rows = zones.Select(z => b.TableRow(
            [ReportText.ZoneTitle(z), z.RelationZh, z.FiguresZh, z.VerdictZh], Columns,
            colors: [null, null, null, VerdictColors.Of(z.Verdict, z.InPrinciple)]));
        foreach (var block in b.Table(["管控要素", "空间关系", "面积与距离", "结论"], Columns, rows))
        {
            yield return block;
        }

        yield return ReportBlocks.Space(4);
        yield return b.Paragraph(
            $"面积在 {Core.Crs.Epsg.Name(ReportText.WorkingEpsg(context.Report.Footprint))} 中量算并按投影长度变形改正（1 亩 = 666.67 平方米）；占比为占项目用地面积的比例。城镇开发边界给出边界内、边界外两部分；" +
            "“邻近”按邻近提示距离（系统设置，非法定）判断。被占用图斑的完整清单见附表 2。", ReportBlocks.Small);
        yield return ReportBlocks.Space(6);
        yield return b.Paragraph("各管控要素的结论、规则与依据", ReportBlocks.BodyBold, keepWithNext: true);
        foreach (var z in zones)
        {
            foreach (var block in Conclusion(z))
            {
                yield return block;
            }
        }
    }

    private IEnumerable<ReportBlock> Conclusion(ZoneResult z)
    {
        var color = VerdictColors.Of(z.Verdict, z.InPrinciple);
        yield return b.Paragraph($"【{ReportText.ZoneTitle(z)}】结论：{z.VerdictZh}（{z.RelationZh}；{z.FiguresZh}）",
            ReportBlocks.BodyBold with { Color = z.Verdict >= Verdict.ApprovalRequired ? color : ReportBlocks.Ink }, keepWithNext: true);
        foreach (var level in z.Levels.Where(l => l.Situation != Situation.None))
        {
            var area = level.AreaM2 > 0 ? $" {Figures.Mu(level.AreaM2)} 亩" : string.Empty;
            yield return b.Paragraph($"分级：{level.LevelZh} {Names.Zh(level.Situation)}{area} → {Names.Zh(level.Verdict, level.InPrinciple)}", indent: 12);
        }

        yield return b.Paragraph("规则：" + z.RuleZh, indent: 12);
        foreach (var c in z.Conditions)
        {
            yield return b.Paragraph("须办理：" + ReportText.Condition(c), indent: 12);
        }

        if (z.BasisText.Length > 0)
        {
            yield return b.Paragraph("依据：" + z.BasisText, ReportBlocks.Small, indent: 12);
        }

        yield return ReportBlocks.Space(3);
    }
}
