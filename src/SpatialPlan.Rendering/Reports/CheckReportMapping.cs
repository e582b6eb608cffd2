using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Rendering.Reports;

/// <summary>Resolves Core's <see cref="CheckReport"/> into what the PDF prints: Core's words and figures, working-CRS geometries.</summary>
internal static class CheckReportMapping
{
    private const int MaxNames = 3;

    public static ReportModel ToModel(CheckReport report, string projectName, DateOnly date)
    {
        var fp = report.Footprint;
        var crs = $"输入 {Epsg.Name(fp.SourceEpsg)}" + (fp.AxesSwapped ? "（X/Y 坐标已对调）" : string.Empty)
            + (string.IsNullOrWhiteSpace(fp.CrsReasonZh) ? string.Empty : $"：{fp.CrsReasonZh}")
            + $"；核查与量算在 {fp.WorkingCrs.Name}（{fp.WorkingCrs.DescribeZh}）中进行";
        var p = report.Project;
        var type = $"{p.Kind.NameZh}（{p.Kind.Id}）" + fp.Kind switch
        {
            FootprintKind.Line when fp.WidthM is { } w => $"（线状，按宽 {w:0.#} m 计算占地）",
            FootprintKind.Point when fp.RadiusM is { } r => $"（点状，按半径 {r:0.#} m 计算占地）",
            _ => string.Empty,
        };
        return new ReportModel
        {
            ProjectName = projectName,
            ProjectTypeZh = type,
            MajorsZh = string.Join("；", p.Majors.Select(m => $"{MajorCategory.ListNamesZh.GetValueOrDefault(m.List, m.List)}：{m.NameZh}{(m.Basis is { } b ? $"（{b.TextZh}）" : string.Empty)}")),
            IdentityZh = $"建设单位：{p.Builder ?? "（未填）"}；项目代码：{p.ProjectCode ?? "（未填）"}",
            Verdict = report.Verdict,
            VerdictText = report.VerdictZh,
            AreaM2 = fp.AreaM2,
            Footprint4545 = fp.Gk,
            CrsNoteZh = crs,
            WorkingCrsZh = $"CGCS2000 / 3 度带高斯-克吕格投影（{fp.WorkingCrs.Name}，中央经线 {fp.WorkingCrs.CentralMeridian}°E）",
            Zones = [.. report.Zones.Select(z => Zone(z, fp.WorkingCrs))],
            Repairs = [.. fp.Repairs.Select(r => new ReportRepair(r.FeatureIndex, r.Problem, r.Action, r.AreaChangeM2))],
            Sections = Sections(report),
            Schematic = report.SchematicData,
            DataNoteZh = report.DataNoteZh,
            Date = date,
        };
    }

    // The same figures as the JSON, the CSV and the CLI table: for a contain zone (城镇开发边界) the area columns are the
    // part inside, and Core's figures line gives inside and outside side by side.
    private static ReportZone Zone(ZoneResult z, GaussKrugerZone workingCrs) => new()
    {
        LayerId = z.LayerId,
        LayerTitleZh = z.LayerTitleZh,
        RelationZh = z.RelationZh,
        Verdict = z.Verdict,
        VerdictText = z.VerdictZh,
        OverlapAreaM2 = z.OverlapAreaM2,
        OverlapPercent = z.OverlapPercent,
        FeaturesZh = FeatureNames(z),
        DistanceM = z.DistanceM,
        Highlight4545 = z.HighlightGeographic is { IsEmpty: false } h ? CrsTransformer.Transform(h, Epsg.Cgcs2000, workingCrs.Epsg) : null,
        RuleZh = z.RuleZh,
        BasisZh = z.BasisText,
        ConditionsZh = [.. z.Conditions.Select(c => $"{c.Authority.NameZh}——{c.RequirementZh}")],
        Schematic = z.Schematic,
    };

    private static string FeatureNames(ZoneResult z)
    {
        var prefix = z.Mode == ZoneMode.Contain && z.Features.Count > 0 ? "位于：" : string.Empty;
        var names = z.Features.Count > 0
            ? z.Features.Select(f => $"{f.Name}（{Figures.Mu(f.OverlapAreaM2)} 亩）").ToList()
            : z.NearbyFeatures.Select(f => $"邻近：{f.Name}（{Figures.Metres(f.DistanceM)}）").ToList();
        var shown = string.Join("、", names.Take(MaxNames));
        var list = names.Count == 0 ? string.Empty : names.Count > MaxNames ? $"；{prefix}{shown} 等 {names.Count} 处" : $"；{prefix}{shown}";
        return z.FiguresZh + list;
    }

    private static List<(string, IReadOnlyList<string>)> Sections(CheckReport report)
    {
        var sections = new List<(string, IReadOnlyList<string>)>();
        if (report.Jurisdiction is { } j)
        {
            sections.Add(("数据范围", j.NoteZh is { } n ? [j.FiguresZh, n] : [j.FiguresZh]));
        }

        sections.Add(("规划衔接（非管控，不影响结论）", report.Guidance.Count == 0 ? ["无。"]
            : [.. report.Guidance.Select(g => $"{g.LayerTitleZh}：{g.FeatureName}{(g.OverlapAreaM2 > 0 ? $"（重叠 {Figures.Mu(g.OverlapAreaM2)} 亩）" : string.Empty)}。{g.NoteZh}")]));
        sections.Add(("尚需办理的审批与意见", report.Approvals.Count == 0 ? ["无。"]
            : [.. report.Approvals.SelectMany(a => a.Items.Select(i => $"{a.Authority.NameZh}：{i.LayerTitleZh}——{i.RequirementZh}"))]));
        sections.Add(("未核查的内容（“不涉及”不代表已全面合规）", report.NotChecked.Count == 0 ? ["无。"]
            : [string.Join("；", report.NotChecked.Select(n => n.NameZh)) + "：数据目录中没有相应图层，未核查。"]));
        var s = report.Settings;
        sections.Add(("核查设置",
        [
            $"微小重叠容差 {Figures.SmallM2(s.SliverM2)} 平方米；邻近提示距离（系统设置，非法定）：" +
                string.Join("、", s.ProximityM.Select(p => $"{report.Zones.FirstOrDefault(z => z.LayerId == p.Key)?.LayerTitleZh ?? p.Key} {Figures.Metres(p.Value)}")),
            $"输入文件：{s.InputFile ?? "—"}（SHA-256 {s.InputSha256 ?? "—"}）；核查时间 {s.CheckedAtText}；规则版本 {s.PolicyVersion}；数据版本 {s.DataVersion ?? "—"}",
        ]));
        return sections;
    }
}
