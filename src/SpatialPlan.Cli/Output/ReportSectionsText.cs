using SpatialPlan.Core.Checks;

namespace SpatialPlan.Cli.Output;

/// <summary>The report's sections after the zones, as text: jurisdiction, guidance, approvals, not checked, settings.</summary>
internal static class ReportSectionsText
{
    public static void Write(CheckReport report, TextWriter o, Words t)
    {
        if (report.Jurisdiction is { } j)
        {
            o.WriteLine();
            o.WriteLine(t[$"二、数据范围：{j.FiguresZh}（{Names.Zh(j.Verdict)}）", $"2. Data area: {j.FiguresEn} ({Names.En(j.Verdict)})"]);
            if (t.Pick(j.NoteZh, j.NoteEn) is { } note)
            {
                o.WriteLine($"  {note}");
            }
        }

        o.WriteLine();
        o.WriteLine(t["三、规划衔接（规划引导要素，非管控，不影响结论）", "3. Plan guidance (not control zones; no effect on the verdict)"]);
        if (report.Guidance.Count == 0)
        {
            o.WriteLine(t["  无。", "  None."]);
        }

        foreach (var g in report.Guidance.GroupBy(g => (g.LayerId, g.LayerTitleZh, g.NoteZh, g.NoteEn)))
        {
            var features = g.Select(x => x.OverlapAreaM2 > 0 ? t[$"{x.FeatureName}（重叠 {Figures.Mu(x.OverlapAreaM2)} 亩）", $"{x.FeatureName} (overlap {Figures.Mu(x.OverlapAreaM2)} mu)"]
                : x.DistanceM > 0 ? t[$"{x.FeatureName}（距 {Figures.Metres(x.DistanceM)}）", $"{x.FeatureName} ({Figures.Metres(x.DistanceM)} away)"]
                : t[$"{x.FeatureName}（相交）", $"{x.FeatureName} (meets)"]);
            o.WriteLine($"  · {t[g.Key.LayerTitleZh, TitleEn(report, g.Key.LayerId, g.Key.LayerTitleZh)]}{t["：", ": "]}{t.Join(features, major: false)}");
            o.WriteLine($"    {t[g.Key.NoteZh, g.Key.NoteEn]}");
        }

        o.WriteLine();
        o.WriteLine(t["四、尚需办理的审批与意见", "4. Approvals and opinions still owed"]);
        if (report.Approvals.Count == 0)
        {
            o.WriteLine(t["  无。", "  None."]);
        }

        foreach (var a in report.Approvals)
        {
            o.WriteLine($"  {t[a.Authority.NameZh, a.Authority.NameEn]}{t["：", ":"]}");
            foreach (var i in a.Items)
            {
                o.WriteLine(t[$"    · {i.LayerTitleZh}：{i.RequirementZh}{(i.Basis is { } b ? $"（{b.TextZh}）" : string.Empty)}",
                    $"    · {TitleEn(report, i.LayerId, i.LayerTitleZh)}: {i.RequirementEn}{(i.Basis is { } be ? $" ({be.TextEn})" : string.Empty)}"]);
            }
        }

        o.WriteLine();
        o.WriteLine(t["五、未核查的内容（数据目录中没有相应图层；“不涉及”不代表已全面合规）",
            "5. Not checked (the data folder has no layer for these; \"Clear\" does not mean full compliance)"]);
        if (report.NotChecked.Count == 0)
        {
            o.WriteLine(t["  无。", "  None."]);
        }

        foreach (var n in report.NotChecked)
        {
            o.WriteLine(t[$"  · {n.NameZh}：{n.Reason}", $"  · {n.NameEn}: {(n.ReasonEn.Length > 0 ? n.ReasonEn : n.Reason)}"]);
        }

        var s = report.Settings;
        o.WriteLine();
        o.WriteLine(t["六、核查设置", "6. Check settings"]);
        o.WriteLine(t[$"  微小重叠容差：{Figures.SmallM2(s.SliverM2)} 平方米", $"  Sliver tolerance: {Figures.SmallM2(s.SliverM2)} m²"]);
        var proximity = s.ProximityM.Select(p => $"{(report.Zones.FirstOrDefault(z => z.LayerId == p.Key) is { } z ? t[z.LayerTitleZh, z.LayerTitleEn] : p.Key)} {Figures.Metres(p.Value)}");
        o.WriteLine(t["  邻近提示距离（系统设置，非法定）：", "  Proximity alerts (system settings, not law): "] + t.Join(proximity, major: false));
        o.WriteLine(t[$"  输入文件：{s.InputFile ?? "—"}（SHA-256 {s.InputSha256 ?? "—"}）", $"  Input file: {s.InputFile ?? "—"} (SHA-256 {s.InputSha256 ?? "—"})"]);
        o.WriteLine(t[$"  核查时间：{s.CheckedAtText}；规则版本：{s.PolicyVersion}；数据版本：{s.DataVersion ?? "—"}",
            $"  Checked at: {s.CheckedAtText}; policy version: {s.PolicyVersion}; data version: {s.DataVersion ?? "—"}"]);
        o.WriteLine(t["  数据来源（版本｜日期｜批复文号；示意图层均为空）：", "  Data sources (version | date | approval number; empty for schematic layers):"]);
        foreach (var l in report.Layers)
        {
            o.WriteLine(t[$"    · {l.TitleZh}{(l.Schematic ? "（示意）" : string.Empty)}：{Or(l.Version)}｜{Or(l.Date)}｜{Or(l.ApprovalNumber)}",
                $"    · {l.TitleEn}{(l.Schematic ? " (schematic)" : string.Empty)}: {Or(l.Version)} | {Or(l.Date)} | {Or(l.ApprovalNumber)}"]);
        }
    }

    /// <summary>A layer's English title from the report's provenance list.</summary>
    private static string TitleEn(CheckReport report, string layerId, string fallback) =>
        report.Layers.FirstOrDefault(l => l.LayerId == layerId)?.TitleEn is { Length: > 0 } en ? en : fallback;

    private static string Or(string value) => value.Length > 0 ? value : "—";
}
