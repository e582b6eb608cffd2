using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Cli.Output;

/// <summary>
/// The check report as readable Chinese text, from Core's report model: the project, one row per zone with its
/// figures, the details, then the sections every output has — jurisdiction, plan guidance, the approvals owed, what
/// was not checked and the check settings — and the overall verdict.
/// </summary>
internal static partial class CheckReportTable
{
    private const int MaxListed = 8;

    public static void Write(CheckReport report, string fileName, TextWriter o)
    {
        WriteHeader(report, fileName, o);
        WriteZoneTable(report, o);
        foreach (var z in report.Zones.Where(z => z.Verdict != Verdict.Clear || z.Features.Count > 0 || z.NearbyFeatures.Count > 0))
        {
            WriteDetails(z, o);
        }

        ReportSectionsText.Write(report, o);
        o.WriteLine();
        o.WriteLine($"总体结论：{report.VerdictZh}");
        if (report.DataNoteZh is { } note)
        {
            o.WriteLine();
            o.WriteLine(note);
        }
    }

    private static string From(CheckReport report, string key) => report.Project.Origins?.GetValueOrDefault(key) switch
    {
        CheckOptions.FromFile => "［取自文件属性］",
        _ => string.Empty,
    };

    private static void WriteHeader(CheckReport report, string fileName, TextWriter o)
    {
        var fp = report.Footprint;
        var p = report.Project;
        o.WriteLine($"{(report.Jurisdiction?.AreaName is { Length: > 0 } area ? area + " " : string.Empty)}项目选址冲突检查");
        o.WriteLine($"项目：{p.Name ?? fileName}（{fileName}）");
        o.WriteLine($"建设单位：{p.Builder ?? "（未填）"}  项目代码：{p.ProjectCode ?? "（未填）"}");
        var alias = p.KindAlias is { } a ? $"［按旧类型名 {a} 理解］" : string.Empty;
        o.WriteLine($"项目类型：{p.Kind.NameZh}（{p.Kind.Id}）{alias}{From(report, "kind")}");
        var majors = p.Majors.Count == 0 ? "无"
            : string.Join("；", p.Majors.Select(m => $"{MajorCategory.ListNamesZh.GetValueOrDefault(m.List, m.List)}：{m.NameZh}（{m.Id}{(m.Basis is { } b ? "，" + b.TextZh : string.Empty)}）"));
        o.WriteLine($"重大项目类别：{majors}{From(report, "majors")}");
        o.WriteLine($"占地面积：{report.FootprintFiguresZh}{Shape(fp)}");
        o.WriteLine($"坐标系：文件 {Epsg.Name(fp.SourceEpsg)}（{ChineseOnly(fp.CrsReasonZh)}）{(fp.AxesSwapped ? "，X/Y 坐标轴已交换" : string.Empty)}；计算 {fp.WorkingCrs.Name}（{fp.WorkingCrs.DescribeZh}）");
        foreach (var r in fp.Repairs)
        {
            o.WriteLine($"已修复：第 {r.FeatureIndex + 1} 个要素 {r.Problem} → {r.Action}");
        }
    }

    private static void WriteZoneTable(CheckReport report, TextWriter o)
    {
        var fp = report.Footprint;
        o.WriteLine();
        o.WriteLine("一、管控要素");
        var table = new TextTable(["管控图层", "关系", "面积与距离", "结论"], [false, false, false, false]);
        foreach (var z in report.Zones)
        {
            table.Add(z.LayerTitleZh, z.RelationZh, z.FiguresZh, z.VerdictZh);
        }

        var occupied = report.Zones.Where(z => z.Mode == ZoneMode.Avoid && z.Situation is Situation.Inside or Situation.InsideMajor).ToList();
        var total = occupied.Sum(z => z.OverlapAreaM2);
        table.Add("合计（占用避让类管控区）", string.Empty, $"占用 {Figures.Mu(total)} 亩（{Figures.Percent(Figures.PercentOf(total, fp.AreaM2))}）", string.Empty);
        table.WriteTo(o);
        if (occupied.Count > 1)
        {
            o.WriteLine("  （合计为各图层占用面积之和；不同管控区可能相互重叠。）");
        }
    }

    private static void WriteDetails(ZoneResult z, TextWriter o)
    {
        o.WriteLine();
        var proximity = z.Mode == ZoneMode.Avoid ? $"；邻近提示距离 {Figures.Metres(z.ProximityM)}（系统设置，非法定）" : string.Empty;
        o.WriteLine($"■ {z.LayerTitleZh}：{z.VerdictZh}（{Names.Zh(z.Situation)}）{proximity}");
        o.WriteLine($"  {z.FiguresZh}");
        foreach (var l in z.Levels.Where(l => l.Situation != Situation.None))
        {
            o.WriteLine($"  · {l.LevelZh}：{Names.Zh(l.Situation)}{(l.AreaM2 > 0 ? $" {Figures.Mu(l.AreaM2)} 亩" : string.Empty)} → {Names.Zh(l.Verdict, l.InPrinciple)}");
        }

        o.WriteLine($"  规则：{z.RuleZh}");
        foreach (var c in z.Conditions)
        {
            o.WriteLine($"  条件：{c.Authority.NameZh}——{c.RequirementZh}");
        }

        if (z.Verdict != Verdict.Clear && z.BasisText.Length > 0)
        {
            o.WriteLine($"  依据：{z.BasisText}");
        }

        var verb = z.Mode == ZoneMode.Contain ? "位于" : "占用";
        foreach (var f in z.Features.Take(MaxListed))
        {
            o.WriteLine($"  · {verb} {Label(f.Id, f.Name)}：{Area(f.OverlapAreaM2)}{(f.LandClass.Length > 0 ? $"（{f.LandClass}）" : string.Empty)}");
        }

        if (z.Features.Count > MaxListed)
        {
            o.WriteLine($"  · ……另有 {z.Features.Count - MaxListed} 个图斑（完整清单见 --format csv 或 json）");
        }

        foreach (var n in z.NearbyFeatures.Take(MaxListed))
        {
            o.WriteLine($"  · 邻近 {Label(n.Id, n.Name)}：距离 {Figures.Metres(n.DistanceM)}");
        }

        if (z.NearbyFeatures.Count > MaxListed)
        {
            o.WriteLine($"  · ……另有 {z.NearbyFeatures.Count - MaxListed} 个邻近要素");
        }
    }

    /// <summary>
    /// Core's CRS reason is Chinese then an English sentence in ASCII parentheses, for the web panel and the JSON; the
    /// Chinese table keeps the Chinese.
    /// </summary>
    internal static string ChineseOnly(string text) => EnglishTail().Replace(text, string.Empty);

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\([A-Z][\x20-\x7E]*\)\s*$")]
    private static partial System.Text.RegularExpressions.Regex EnglishTail();

    private static string Label(string id, string name) => string.IsNullOrEmpty(name) ? id : $"{name}（{id}）";

    internal static string Area(double m2) =>
        $"{TextTable.Num(AreaUnits.ToMu(m2), 2)} 亩 = {TextTable.Num(AreaUnits.ToHectares(m2), 4)} 公顷 = {TextTable.Num(m2, 1)} 平方米";

    private static string Shape(Footprint fp) => fp.Kind switch
    {
        FootprintKind.Line => $"（线状，宽 {fp.WidthM} 米）",
        FootprintKind.Point => $"（点状，半径 {fp.RadiusM} 米）",
        _ => string.Empty,
    };
}
