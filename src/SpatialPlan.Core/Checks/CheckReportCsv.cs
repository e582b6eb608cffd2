using System.Globalization;
using System.Text;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// Writes a <see cref="CheckReport"/> as CSV. It opens with a header block (issue 9 §2): one <c>#key,value</c> line each
/// for the project, its total area (m² and 亩), the overall verdict (id and Chinese), the 报告编号, the check time and the
/// data and policy versions; every header line starts with <c>#</c> and the block ends with one empty line
/// (<see cref="HeaderLines"/> lines in all), so a reader skips lines starting with <c>#</c> and the empty one, or the
/// first <see cref="HeaderLines"/> lines. Then one table with a section column: first the project (kind, footprint area
/// and the overall verdict) and the footprint (the working CRS it was measured in), then per zone a summary row and one row per
/// overlapped or nearby feature; then the plan guidance, the jurisdiction (and each neighbouring county), the approvals
/// owed and what was not checked. UTF-8 with BOM so that Excel opens the Chinese correctly. Areas in m², 亩, 公顷;
/// distances in m; the words and figures are the report model's.
/// </summary>
public static class CheckReportCsv
{
    private static readonly string[] Header =
    [
        "部分 section", "图层ID layerId", "图层 layer", "类别 category", "级别 level", "情形 situation", "关系 relation",
        "要素ID featureId", "要素名称 featureName", "地类 landClass", "面积(平方米) areaM2", "面积(亩) areaMu", "面积(公顷) areaHa",
        "占项目% percent", "距离(米) distanceM", "结论 verdict", "结论 verdictZh", "数字 figures", "规则或说明 rule",
        "条件 conditions", "依据 basis",
    ];

    /// <summary>Lines before the table's header row: the <c>#</c> lines of the header block and the empty line after them.</summary>
    public const int HeaderLines = 11;

    /// <summary>The CSV text (without BOM; <see cref="Write"/> adds it).</summary>
    public static string ToCsv(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        HeaderBlock(sb, report);
        Line(sb, Header);
        var p = report.Project;
        Line(sb, Row("项目 project", layer: p.Name ?? report.Settings.InputFile ?? string.Empty, category: p.Kind.Id, featureName: p.Kind.NameZh,
            area: report.Footprint.AreaM2, percent: 100, verdict: Names.Of(report.Verdict), verdictZh: report.VerdictZh,
            figures: report.FootprintFiguresZh, rule: string.Join("；", p.Majors.Select(m => $"{m.Id} {m.NameZh}"))));
        var fp = report.Footprint;
        Line(sb, Row("占地范围 footprint", layer: report.Project.Name ?? string.Empty, area: fp.AreaM2,
            rule: $"核查与量算坐标系 {fp.WorkingCrs.Name}：{fp.WorkingCrs.DescribeZh}（working CRS）"));
        foreach (var z in report.Zones)
        {
            ZoneRows(sb, z);
        }

        foreach (var g in report.Guidance)
        {
            Line(sb, Row("规划衔接 guidance", layerId: g.LayerId, layer: g.LayerTitleZh, category: g.Category, featureId: g.FeatureId,
                featureName: g.FeatureName, area: g.OverlapAreaM2, distance: g.DistanceM, rule: g.NoteZh));
        }

        if (report.Jurisdiction is { } j)
        {
            Line(sb, Row("数据范围 jurisdiction", layerId: j.AreaLayerId, layer: j.AreaName, area: j.OutsideAreaM2,
                percent: 100 * (1 - j.InsideShare), verdict: Names.Of(j.Verdict), verdictZh: Names.Zh(j.Verdict), figures: j.FiguresZh, rule: j.NoteZh ?? string.Empty));
            foreach (var n in j.Neighbours)
            {
                Line(sb, Row("数据范围 jurisdiction", layerId: j.AreaLayerId, layer: j.AreaName, featureId: n.Id, featureName: n.Name, area: n.AreaM2));
            }
        }

        foreach (var a in report.Approvals)
        {
            foreach (var i in a.Items)
            {
                Line(sb, Row("审批与意见 approval", layerId: i.LayerId, layer: i.LayerTitleZh, category: a.Authority.Id,
                    featureName: a.Authority.NameZh, rule: i.RequirementZh, basis: i.Basis?.TextZh ?? string.Empty));
            }
        }

        foreach (var n in report.NotChecked)
        {
            Line(sb, Row("未核查 notChecked", layer: n.NameZh, category: n.Category, rule: n.Reason));
        }

        return sb.ToString();
    }

    /// <summary>The header block: project, total area, overall verdict, 报告编号, check time, data and policy versions.</summary>
    private static void HeaderBlock(StringBuilder sb, CheckReport report)
    {
        var s = report.Settings;
        var area = report.Footprint.AreaM2;
        (string Key, string Value)[] block =
        [
            ("#SpatialPlan 核查结果 check", "spatialplan-check-csv/1"),
            ("#项目 project", report.Project.Name ?? s.InputFile ?? string.Empty),
            ("#总面积(平方米) totalAreaM2", Num(area, 2)),
            ("#总面积(亩) totalAreaMu", Num(AreaUnits.ToMu(area), 4)),
            ("#总体结论 verdict", Names.Of(report.Verdict)),
            ("#总体结论 verdictZh", report.VerdictZh),
            ("#报告编号 reportNumber", report.ReportNumber),
            ("#核查时间 checkedAt", s.CheckedAtText),
            ("#数据版本 dataVersion", s.DataVersion ?? string.Empty),
            ("#规则版本 policyVersion", s.PolicyVersion),
        ];
        foreach (var (key, value) in block)
        {
            Line(sb, [key, value]);
        }

        sb.Append("\r\n");
    }

    /// <summary>Writes the CSV as UTF-8 with a byte-order mark.</summary>
    public static void Write(CheckReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        stream.Write(bytes.GetPreamble());
        stream.Write(bytes.GetBytes(ToCsv(report)));
    }

    private static void ZoneRows(StringBuilder sb, ZoneResult z)
    {
        const string Section = "管控要素 zone";
        var situation = Names.Of(z.Situation);
        Line(sb, Row(Section, z.LayerId, z.LayerTitleZh, z.Category, string.Empty, situation, z.RelationZh, area: z.OverlapAreaM2,
            percent: z.OverlapPercent, distance: z.DistanceM, verdict: Names.Of(z.Verdict), verdictZh: z.VerdictZh, figures: z.FiguresZh,
            rule: z.RuleZh, conditions: string.Join("；", z.Conditions.Select(c => $"{c.Authority.NameZh}：{c.RequirementZh}")), basis: z.BasisText));
        foreach (var l in z.Levels.Where(l => l.Situation != Situation.None))
        {
            Line(sb, Row(Section, z.LayerId, z.LayerTitleZh, z.Category, l.Level, Names.Of(l.Situation), l.LevelZh, area: l.AreaM2,
                verdict: Names.Of(l.Verdict), verdictZh: Names.Zh(l.Verdict, l.InPrinciple)));
        }

        foreach (var f in z.Features)
        {
            Line(sb, Row(Section, z.LayerId, z.LayerTitleZh, z.Category, f.Level, situation, z.RelationZh, f.Id, f.Name, f.LandClass, f.OverlapAreaM2));
        }

        foreach (var n in z.NearbyFeatures)
        {
            Line(sb, Row(Section, z.LayerId, z.LayerTitleZh, z.Category, n.Level, situation, z.RelationZh, n.Id, n.Name, distance: n.DistanceM));
        }
    }

    private static string[] Row(string section, string layerId = "", string layer = "", string category = "", string level = "",
        string situation = "", string relation = "", string featureId = "", string featureName = "", string landClass = "",
        double? area = null, double? percent = null, double? distance = null, string verdict = "", string verdictZh = "",
        string figures = "", string rule = "", string conditions = "", string basis = "") =>
    [
        section, layerId, layer, category, level, situation, relation, featureId, featureName, landClass,
        Num(area, 2), Num(area is { } a ? AreaUnits.ToMu(a) : null, 4), Num(area is { } h ? AreaUnits.ToHectares(h) : null, 5),
        Num(percent, 2), Num(distance, 2), verdict, verdictZh, figures, rule, conditions, basis,
    ];

    private static void Line(StringBuilder sb, IEnumerable<string> cells) => sb.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");

    private static string Num(double? value, int digits) =>
        value is { } v ? Math.Round(v, digits).ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
