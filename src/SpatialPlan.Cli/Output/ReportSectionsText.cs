using SpatialPlan.Core.Checks;

namespace SpatialPlan.Cli.Output;

/// <summary>The report's sections after the zones, as text: jurisdiction, guidance, approvals, not checked, settings.</summary>
internal static class ReportSectionsText
{
    public static void Write(CheckReport report, TextWriter o)
    {
        if (report.Jurisdiction is { } j)
        {
            o.WriteLine();
            o.WriteLine($"二、数据范围：{j.FiguresZh}（{Names.Zh(j.Verdict)}）");
            if (j.NoteZh is { } note)
            {
                o.WriteLine($"  {note}");
            }
        }

        o.WriteLine();
        o.WriteLine("三、规划衔接（规划引导要素，非管控，不影响结论）");
        if (report.Guidance.Count == 0)
        {
            o.WriteLine("  无。");
        }

        foreach (var g in report.Guidance.GroupBy(g => (g.LayerTitleZh, g.NoteZh)))
        {
            var features = g.Select(x => x.OverlapAreaM2 > 0 ? $"{x.FeatureName}（重叠 {Figures.Mu(x.OverlapAreaM2)} 亩）"
                : x.DistanceM > 0 ? $"{x.FeatureName}（距 {Figures.Metres(x.DistanceM)}）" : $"{x.FeatureName}（相交）");
            o.WriteLine($"  · {g.Key.LayerTitleZh}：{string.Join("、", features)}");
            o.WriteLine($"    {g.Key.NoteZh}");
        }

        o.WriteLine();
        o.WriteLine("四、尚需办理的审批与意见");
        if (report.Approvals.Count == 0)
        {
            o.WriteLine("  无。");
        }

        foreach (var a in report.Approvals)
        {
            o.WriteLine($"  {a.Authority.NameZh}：");
            foreach (var i in a.Items)
            {
                o.WriteLine($"    · {i.LayerTitleZh}：{i.RequirementZh}{(i.Basis is { } b ? $"（{b.TextZh}）" : string.Empty)}");
            }
        }

        o.WriteLine();
        o.WriteLine("五、未核查的内容（数据目录中没有相应图层；“不涉及”不代表已全面合规）");
        if (report.NotChecked.Count == 0)
        {
            o.WriteLine("  无。");
        }

        foreach (var n in report.NotChecked)
        {
            o.WriteLine($"  · {n.NameZh}：{n.Reason}");
        }

        var s = report.Settings;
        o.WriteLine();
        o.WriteLine("六、核查设置");
        o.WriteLine($"  微小重叠容差：{Figures.SmallM2(s.SliverM2)} 平方米");
        var proximity = s.ProximityM.Select(p => $"{report.Zones.FirstOrDefault(z => z.LayerId == p.Key)?.LayerTitleZh ?? p.Key} {Figures.Metres(p.Value)}");
        o.WriteLine($"  邻近提示距离（系统设置，非法定）：{string.Join("、", proximity)}");
        o.WriteLine($"  输入文件：{s.InputFile ?? "—"}（SHA-256 {s.InputSha256 ?? "—"}）");
        o.WriteLine($"  核查时间：{s.CheckedAtText}；规则版本：{s.PolicyVersion}；数据版本：{s.DataVersion ?? "—"}");
        o.WriteLine("  数据来源（版本｜日期｜批复文号；示意图层均为空）：");
        foreach (var l in report.Layers)
        {
            o.WriteLine($"    · {l.TitleZh}{(l.Schematic ? "（示意）" : string.Empty)}：{Or(l.Version)}｜{Or(l.Date)}｜{Or(l.ApprovalNumber)}");
        }
    }

    private static string Or(string value) => value.Length > 0 ? value : "—";
}
