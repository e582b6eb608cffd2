using System.Globalization;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Rendering.Reports;

/// <summary>
/// The sections after the zones, each from Core's model: 三、尚需办理的审批与意见 (by authority), 四、规划衔接（非管控）,
/// 五、数据范围, 六、未核查事项, 七、数据来源, 八、核查设置, 九、输入数据修复记录.
/// </summary>
internal sealed class ReportSections(ReportContext context, ReportBlocks b)
{
    private CheckReport Report => context.Report;

    public IEnumerable<ReportBlock> Blocks() =>
        [.. Approvals(), .. Guidance(), .. Jurisdiction(), .. NotChecked(), .. Provenance(), .. Settings(), .. Repairs()];

    private IEnumerable<ReportBlock> Approvals()
    {
        yield return b.Heading("三、尚需办理的审批与意见");
        if (Report.Approvals.Count == 0)
        {
            var why = Report.Verdict == Verdict.Prohibited
                ? "无。结论为禁止的管控要素没有审批途径，须调整选址或项目类型。"
                : "无。所列管控要素均不需另行审批或征求意见。";
            yield return b.Paragraph(why);
            yield break;
        }

        yield return b.Paragraph("以下按审批或出具意见的机关分列（同一机关的多项要求合并列出）：", ReportBlocks.Small);
        int n = 1;
        foreach (var group in Report.Approvals)
        {
            yield return b.Paragraph($"（{n++}）{group.Authority.NameZh}", ReportBlocks.BodyBold, keepWithNext: true);
            for (int i = 0; i < group.Items.Count; i++)
            {
                var item = group.Items[i];
                var basis = item.Basis is { } c ? $"（{c.TextZh}）" : string.Empty;
                yield return b.Paragraph($"{i + 1}. [{item.LayerTitleZh}] {item.RequirementZh}{basis}", indent: 14);
            }
        }
    }

    private IEnumerable<ReportBlock> Guidance()
    {
        yield return b.Heading("四、规划衔接（非管控，不影响核查结论）");
        if (Report.Guidance.Count == 0)
        {
            yield return b.Paragraph("无。项目未涉及乡村振兴示范带、一心一带三轴等规划引导要素。");
            yield break;
        }

        foreach (var g in Report.Guidance.GroupBy(g => (g.LayerTitleZh, g.NoteZh)))
        {
            var features = g.Select(x => x.OverlapAreaM2 > 0 ? $"{x.FeatureName}（重叠 {Figures.Mu(x.OverlapAreaM2)} 亩）"
                : x.DistanceM > 0 ? $"{x.FeatureName}（距 {Figures.Metres(x.DistanceM)}）" : $"{x.FeatureName}（相交）");
            yield return b.Paragraph($"{g.Key.LayerTitleZh}：{string.Join("、", features)}", keepWithNext: true);
            yield return b.Paragraph(g.Key.NoteZh, ReportBlocks.Small, indent: 12);
        }
    }

    private IEnumerable<ReportBlock> Jurisdiction()
    {
        yield return b.Heading("五、数据范围");
        if (Report.Jurisdiction is not { } j)
        {
            yield return b.Paragraph("数据目录未指定数据范围图层，未核对项目是否位于数据范围内。");
            yield break;
        }

        yield return b.Paragraph($"{j.FiguresZh}（{Names.Zh(j.Verdict)}）");
        if (j.NoteZh is { } note)
        {
            yield return b.Paragraph(note, ReportBlocks.BodyBold with { Color = ReportBlocks.Warning });
        }

        if (j.Neighbours.Count > 0)
        {
            float[] widths = [200, 150, 145];
            var rows = j.Neighbours.Select(n => b.TableRow([n.Name, Figures.Mu(n.AreaM2), "数据范围外，未核查"], widths, align: [false, true, false]));
            foreach (var block in b.Table(["相邻旗县区", "范围外面积（亩）", "说明"], widths, rows))
            {
                yield return block;
            }
        }
    }

    private IEnumerable<ReportBlock> NotChecked()
    {
        yield return b.Heading("六、未核查事项（“不涉及”不代表已全面合规）");
        if (Report.NotChecked.Count == 0)
        {
            yield return b.Paragraph("无。");
            yield break;
        }

        yield return b.Paragraph("下列管控内容与选址有关，但数据目录中没有相应图层，本报告未作核查，须另行查询：", ReportBlocks.Small);
        for (int i = 0; i < Report.NotChecked.Count; i++)
        {
            var n = Report.NotChecked[i];
            yield return b.Paragraph($"{i + 1}. {n.NameZh}：{n.Reason}", ReportBlocks.Body with { Size = 8.5f }, indent: 4);
        }
    }

    private IEnumerable<ReportBlock> Provenance()
    {
        yield return b.Heading("七、数据来源");
        float[] widths = [112, 46, 96, 60, 181];
        var rows = Report.Layers.Select(l => b.TableRow(
            [l.TitleZh + (l.Schematic ? "（示意）" : string.Empty), RoleZh(l.Role), Or(l.Version, l.Schematic), Or(l.Date, l.Schematic), Approval(l)],
            widths, style: ReportBlocks.Cell with { Size = 8 }));
        foreach (var block in b.Table(["图层", "用途", "版本", "日期", "批复文号"], widths, rows))
        {
            yield return block;
        }

        if (Report.DataNoteZh is { } note)
        {
            yield return b.Paragraph(note, ReportBlocks.Small with { Color = ReportBlocks.Warning });
        }
    }

    private static string RoleZh(string role) => role switch
    {
        "zone" => "管控要素",
        "guidance" => "规划衔接",
        "area" => "数据范围",
        "neighbours" => "相邻旗县区",
        _ => role,
    };

    private static string Or(string value, bool schematic) => value.Length > 0 ? value : schematic ? "示意数据" : ReportText.NotGiven;

    private static string Approval(Core.Checks.LayerProvenance l) =>
        l.ApprovalNumber.Length > 0 ? l.ApprovalNumber : l.Schematic ? ReportText.SchematicNoApproval : ReportText.NotGiven;

    private IEnumerable<ReportBlock> Settings()
    {
        var s = Report.Settings;
        yield return b.Heading("八、核查设置");
        var proximity = string.Join("、", s.ProximityM.Select(p =>
            $"{Report.Zones.FirstOrDefault(z => z.LayerId == p.Key)?.LayerTitleZh ?? p.Key} {Figures.Metres(p.Value)}"));
        yield return b.KeyValue("邻近提示距离", $"{proximity}\n（系统设置，非法定；仅用于提示关注，不作为禁止或审批的依据）", keyWidth: 110);
        yield return b.KeyValue("微小重叠容差", $"{Figures.SmallM2(s.SliverM2)} 平方米（重叠面积大于 0 且不超过此值时记为“微小重叠，需核实”，不作为不涉及）", keyWidth: 110);
        yield return b.KeyValue("输入文件", s.InputFile ?? "（无文件：在地图上绘制）", keyWidth: 110);
        yield return b.KeyValue("坐标系", ReportText.Crs(Report.Footprint), ReportBlocks.Body with { Size = 8.5f }, keyWidth: 110);
        yield return b.KeyValue("输入文件 SHA-256", s.InputSha256 ?? "—", ReportBlocks.Body with { Size = 8.5f }, keyWidth: 110);
        yield return b.KeyValue("核查时间", ReportText.Time(s.CheckedAt), keyWidth: 110);
        yield return b.KeyValue("规则版本", $"policy.json {s.PolicyVersion}", keyWidth: 110);
        yield return b.KeyValue("数据版本", s.DataVersion ?? "—", ReportBlocks.Body with { Size = 8.5f }, keyWidth: 110);
        yield return b.KeyValue("报告编号", $"{Report.ReportNumber}（由输入文件 SHA-256 与核查时间生成；同一输入同一分钟核查得同一编号）", keyWidth: 110);
    }

    private IEnumerable<ReportBlock> Repairs()
    {
        var repairs = Report.Footprint.Repairs;
        yield return b.Heading("九、输入数据修复记录");
        if (repairs.Count == 0)
        {
            yield return b.Paragraph("无。输入的占地范围未作任何修改。");
            yield break;
        }

        float[] widths = [50, 175, 190, 80];
        var rows = repairs.Select(r => b.TableRow(
            [(r.FeatureIndex + 1).ToString(CultureInfo.InvariantCulture), r.Problem, r.Action, r.AreaChangeM2 is { } a ? Figures.M2(a) : "—"],
            widths, align: [false, false, false, true]));
        foreach (var block in b.Table(["要素序号", "问题", "处理", "面积变化（平方米）"], widths, rows))
        {
            yield return block;
        }
    }
}
