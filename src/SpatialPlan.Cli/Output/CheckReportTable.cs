using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Cli.Output;

/// <summary>
/// The check report as readable text, from Core's report model: the project, one row per zone with its figures, the
/// details, then the sections every output has — jurisdiction, plan guidance, the approvals owed, what was not checked
/// and the check settings — and the overall verdict. Chinese by default; <c>--lang en</c> prints the same figures from
/// the model's English strings (<see cref="ZoneResult.FiguresEn"/> …), never a translation made here.
/// </summary>
internal static partial class CheckReportTable
{
    private const int MaxListed = 8;

    public static void Write(CheckReport report, string fileName, TextWriter o, bool english = false)
    {
        var t = new Words(english);
        WriteHeader(report, fileName, o, t);
        WriteZoneTable(report, o, t);
        foreach (var z in report.Zones.Where(z => z.Verdict != Verdict.Clear || z.Features.Count > 0 || z.NearbyFeatures.Count > 0))
        {
            WriteDetails(z, o, t);
        }

        ReportSectionsText.Write(report, o, t);
        o.WriteLine();
        o.WriteLine($"{t["总体结论：", "Overall verdict: "]}{t[report.VerdictZh, report.VerdictEn]}");
        if (t.Pick(report.DataNoteZh, report.DataNoteEn) is { } note)
        {
            o.WriteLine();
            o.WriteLine(note);
        }
    }

    private static string From(CheckReport report, string key, Words t) => report.Project.Origins?.GetValueOrDefault(key) switch
    {
        CheckOptions.FromFile => t["［取自文件属性］", " [from the file's properties]"],
        _ => string.Empty,
    };

    private static void WriteHeader(CheckReport report, string fileName, TextWriter o, Words t)
    {
        var fp = report.Footprint;
        var p = report.Project;
        var area = report.Jurisdiction?.AreaName is { Length: > 0 } name ? name + " " : string.Empty;
        o.WriteLine(t[$"{area}项目选址冲突检查", $"{area}Site conflict check"]);
        o.WriteLine(t[$"项目：{p.Name ?? fileName}（{fileName}）", $"Project: {p.Name ?? fileName} ({fileName})"]);
        o.WriteLine(t[$"建设单位：{p.Builder ?? "（未填）"}  项目代码：{p.ProjectCode ?? "（未填）"}",
            $"Builder: {p.Builder ?? "(not given)"}  Project code: {p.ProjectCode ?? "(not given)"}"]);
        var alias = p.KindAlias is { } a ? t[$"［按旧类型名 {a} 理解］", $" [read as the old kind name {a}]"] : string.Empty;
        o.WriteLine(t[$"项目类型：{p.Kind.NameZh}（{p.Kind.Id}）", $"Project kind: {p.Kind.NameEn} ({p.Kind.Id})"] + alias + From(report, "kind", t));
        var majors = p.Majors.Count == 0 ? t["无", "none"]
            : t.Join(p.Majors.Select(m => t[
                $"{MajorCategory.ListNamesZh.GetValueOrDefault(m.List, m.List)}：{m.NameZh}（{m.Id}{(m.Basis is { } b ? "，" + b.TextZh : string.Empty)}）",
                $"{MajorCategory.ListNamesEn.GetValueOrDefault(m.List, m.List)}: {m.NameEn} ({m.Id}{(m.Basis is { } be ? ", " + be.TextEn : string.Empty)})"]));
        o.WriteLine($"{t["重大项目类别：", "Major-project category: "]}{majors}{From(report, "majors", t)}");
        o.WriteLine($"{t["占地面积：", "Footprint area: "]}{t[report.FootprintFiguresZh, report.FootprintFiguresEn]}{Shape(fp, t)}");
        o.WriteLine(t[
            $"坐标系：文件 {Epsg.Name(fp.SourceEpsg)}（{ChineseOnly(fp.CrsReasonZh)}）{(fp.AxesSwapped ? "，X/Y 坐标轴已交换" : string.Empty)}；计算 {fp.WorkingCrs.Name}（{fp.WorkingCrs.DescribeZh}）",
            $"CRS: file {Epsg.Name(fp.SourceEpsg)} ({EnglishOnly(fp.CrsReasonZh)}){(fp.AxesSwapped ? ", X/Y axes swapped" : string.Empty)}; measured in {fp.WorkingCrs.Name} ({fp.WorkingCrs.DescribeEn})"]);
        foreach (var r in fp.Repairs)
        {
            o.WriteLine(t[$"已修复：第 {r.FeatureIndex + 1} 个要素 {r.Problem} → {r.Action}", $"Repaired: feature {r.FeatureIndex + 1} {r.Problem} → {r.Action}"]);
        }
    }

    private static void WriteZoneTable(CheckReport report, TextWriter o, Words t)
    {
        var fp = report.Footprint;
        o.WriteLine();
        o.WriteLine(t["一、管控要素", "1. Control zones"]);
        var table = new TextTable(t.English ? ["Control layer", "Relation", "Area and distance", "Verdict"] : ["管控图层", "关系", "面积与距离", "结论"], [false, false, false, false]);
        foreach (var z in report.Zones)
        {
            table.Add(t[z.LayerTitleZh, z.LayerTitleEn], t[z.RelationZh, z.RelationEn], t[z.FiguresZh, z.FiguresEn], t[z.VerdictZh, z.VerdictEn]);
        }

        var occupied = report.Zones.Where(z => z.Mode == ZoneMode.Avoid && z.Situation is Situation.Inside or Situation.InsideMajor).ToList();
        var total = occupied.Sum(z => z.OverlapAreaM2);
        var percent = Figures.Percent(Figures.PercentOf(total, fp.AreaM2));
        table.Add(t["合计（占用避让类管控区）", "Total (zones to avoid)"], string.Empty,
            t[$"占用 {Figures.Mu(total)} 亩（{percent}）", $"Occupies {Figures.Mu(total)} mu ({percent})"], string.Empty);
        table.WriteTo(o);
        if (occupied.Count > 1)
        {
            o.WriteLine(t["  （合计为各图层占用面积之和；不同管控区可能相互重叠。）", "  (The total adds each layer's overlap; zones may overlap one another.)"]);
        }
    }

    private static void WriteDetails(ZoneResult z, TextWriter o, Words t)
    {
        o.WriteLine();
        var proximity = z.Mode != ZoneMode.Avoid ? string.Empty
            : t[$"；邻近提示距离 {Figures.Metres(z.ProximityM)}（系统设置，非法定）", $"; proximity alert {Figures.Metres(z.ProximityM)} (a system setting, not law)"];
        o.WriteLine(t[$"■ {z.LayerTitleZh}：{z.VerdictZh}（{Names.Zh(z.Situation)}）", $"■ {z.LayerTitleEn}: {z.VerdictEn} ({Names.En(z.Situation)})"] + proximity);
        o.WriteLine($"  {t[z.FiguresZh, z.FiguresEn]}");
        foreach (var l in z.Levels.Where(l => l.Situation != Situation.None))
        {
            var area = l.AreaM2 > 0 ? $" {Figures.Mu(l.AreaM2)} {t["亩", "mu"]}" : string.Empty;
            o.WriteLine(t[$"  · {l.LevelZh}：{Names.Zh(l.Situation)}{area} → {Names.Zh(l.Verdict, l.InPrinciple)}",
                $"  · {l.LevelEn}: {Names.En(l.Situation)}{area} → {Names.En(l.Verdict, l.InPrinciple)}"]);
        }

        o.WriteLine($"  {t["规则：", "Rule: "]}{t[z.RuleZh, z.RuleEn]}");
        foreach (var c in z.Conditions)
        {
            o.WriteLine(t[$"  条件：{c.Authority.NameZh}——{c.RequirementZh}", $"  Condition: {c.Authority.NameEn} — {c.RequirementEn}"]);
        }

        if (z.Verdict != Verdict.Clear && z.BasisText.Length > 0)
        {
            o.WriteLine($"  {t["依据：", "Basis: "]}{t[z.BasisText, z.BasisTextEn]}");
        }

        var verb = z.Mode == ZoneMode.Contain ? t["位于", "inside"] : t["占用", "occupies"];
        foreach (var f in z.Features.Take(MaxListed))
        {
            var landClass = f.LandClass.Length > 0 ? t[$"（{f.LandClass}）", $" ({f.LandClass})"] : string.Empty;
            o.WriteLine($"  · {verb} {Label(f.Id, f.Name, t)}{t["：", ": "]}{Area(f.OverlapAreaM2, t)}{landClass}");
        }

        if (z.Features.Count > MaxListed)
        {
            o.WriteLine(t[$"  · ……另有 {z.Features.Count - MaxListed} 个图斑（完整清单见 --format csv 或 json）",
                $"  · … and {z.Features.Count - MaxListed} more parcels (the full list: --format csv or json)"]);
        }

        foreach (var n in z.NearbyFeatures.Take(MaxListed))
        {
            o.WriteLine(t[$"  · 邻近 {Label(n.Id, n.Name, t)}：距离 {Figures.Metres(n.DistanceM)}", $"  · near {Label(n.Id, n.Name, t)}: {Figures.Metres(n.DistanceM)} away"]);
        }

        if (z.NearbyFeatures.Count > MaxListed)
        {
            o.WriteLine(t[$"  · ……另有 {z.NearbyFeatures.Count - MaxListed} 个邻近要素", $"  · … and {z.NearbyFeatures.Count - MaxListed} more nearby features"]);
        }
    }

    /// <summary>
    /// Core's CRS reason is Chinese then an English sentence in ASCII parentheses, for the web panel and the JSON; the
    /// Chinese table keeps the Chinese.
    /// </summary>
    internal static string ChineseOnly(string text) => EnglishTail().Replace(text, string.Empty);

    /// <summary>The English sentence of such a reason (the Chinese when it has none).</summary>
    internal static string EnglishOnly(string text) => EnglishTail().Match(text) is { Success: true } m ? m.Groups["en"].Value : text;

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\((?<en>[A-Z][\x20-\x7E]*)\)\s*$")]
    private static partial System.Text.RegularExpressions.Regex EnglishTail();

    private static string Label(string id, string name, Words t) => string.IsNullOrEmpty(name) ? id : t[$"{name}（{id}）", $"{name} ({id})"];

    private static string Area(double m2, Words t) => t.English
        ? $"{TextTable.Num(AreaUnits.ToMu(m2), 2)} mu = {TextTable.Num(AreaUnits.ToHectares(m2), 4)} ha = {TextTable.Num(m2, 1)} m²"
        : $"{TextTable.Num(AreaUnits.ToMu(m2), 2)} 亩 = {TextTable.Num(AreaUnits.ToHectares(m2), 4)} 公顷 = {TextTable.Num(m2, 1)} 平方米";

    private static string Shape(Footprint fp, Words t) => fp.Kind switch
    {
        FootprintKind.Line => t[$"（线状，宽 {fp.WidthM} 米）", $" (a line, {fp.WidthM} m wide)"],
        FootprintKind.Point => t[$"（点状，半径 {fp.RadiusM} 米）", $" (a point, radius {fp.RadiusM} m)"],
        _ => string.Empty,
    };
}

/// <summary>The language of a text output: <c>t["中文", "English"]</c> picks one; the figures inside come from the report model.</summary>
internal sealed class Words(bool english)
{
    public bool English { get; } = english;

    public string this[string zh, string en] => English ? en : zh;

    /// <summary>As the indexer, for texts that may be absent.</summary>
    public string? Pick(string? zh, string? en) => English ? en : zh;

    /// <summary>A list joined as the language writes lists: 、/； in Chinese, ", "/"; " in English.</summary>
    public string Join(IEnumerable<string> items, bool major = true) => string.Join(English ? (major ? "; " : ", ") : (major ? "；" : "、"), items);
}
