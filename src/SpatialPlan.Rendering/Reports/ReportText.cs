using System.Globalization;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Rendering.Reports;

/// <summary>The report's own wording around Core's words and figures (never a figure of its own).</summary>
internal static class ReportText
{
    public const string Unfilled = "未填写";
    public const string NoMajors = "未声明重大项目类别";
    public const string SchematicNoApproval = "示意数据，无批复文号";
    public const string NotGiven = "未提供";

    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>The check time to the minute, e.g. 2026年11月29日 21:09（UTC+08:00）.</summary>
    public static string Time(DateTimeOffset t) =>
        $"{t.Year}年{t.Month}月{t.Day}日 {t.ToString("HH:mm", CultureInfo.InvariantCulture)}（UTC{(t.Offset < TimeSpan.Zero ? "-" : "+")}{t.Offset.ToString("hh\\:mm", CultureInfo.InvariantCulture)}）";

    public static string OrUnfilled(string? value) => string.IsNullOrWhiteSpace(value) ? Unfilled : value;

    /// <summary>The kind in Core's words, its id, the alias used and the footprint's shape.</summary>
    public static string Kind(CheckReport report)
    {
        var p = report.Project;
        var fp = report.Footprint;
        var alias = p.KindAlias is { } a ? $"；按旧类型名 {a} 理解" : string.Empty;
        var shape = fp.Kind switch
        {
            FootprintKind.Line when fp.WidthM is { } w => $"；线状工程，按宽 {w.ToString("0.##", CultureInfo.InvariantCulture)} m 计算占地",
            FootprintKind.Point when fp.RadiusM is { } r => $"；点状工程，按半径 {r.ToString("0.##", CultureInfo.InvariantCulture)} m 计算占地",
            _ => string.Empty,
        };
        return $"{p.Kind.NameZh}（{p.Kind.Id}{alias}）{shape}";
    }

    /// <summary>One line per major-project category: its list, its name and the document (or 未声明重大项目类别).</summary>
    public static string Majors(CheckReport report) => report.Project.Majors.Count == 0
        ? NoMajors
        : string.Join("\n", report.Project.Majors.Select(m =>
            $"{MajorCategory.ListNamesZh.GetValueOrDefault(m.List, m.List)}：{m.NameZh}（{m.Id}{(m.Basis is { } b ? "；" + b.TextZh : string.Empty)}）"));

    /// <summary>
    /// The CRS the footprint was measured in and its 界址点 are given in, e.g. EPSG:4545（CGCS2000 高斯-克吕格 3 度带，中央经线
    /// 108°E）. Every line of the report that names the working CRS takes it from here and <see cref="WorkingEpsg"/>.
    /// </summary>
    public static string WorkingCrsZh(Footprint fp) => $"{fp.WorkingCrs.Name}（{fp.WorkingCrs.DescribeZh}）";

    /// <summary>EPSG code of the footprint's working CRS (<see cref="Footprint.Gk"/>).</summary>
    public static int WorkingEpsg(Footprint fp) => fp.WorkingCrs.Epsg;

    /// <summary>How the input's CRS was found and where the check measured.</summary>
    public static string Crs(Footprint fp) =>
        $"输入 {Epsg.Name(fp.SourceEpsg)}" + (fp.AxesSwapped ? "（X/Y 坐标已对调）" : string.Empty)
        + (string.IsNullOrWhiteSpace(fp.CrsReasonZh) ? string.Empty : $"：{fp.CrsReasonZh}")
        + $"\n核查与量算：{WorkingCrsZh(fp)}，面积按投影长度变形改正";

    /// <summary>The cover's one line: the input CRS and the working CRS (the full reason is in 八、核查设置).</summary>
    public static string CrsShort(Footprint fp) =>
        $"输入 {Epsg.Name(fp.SourceEpsg)}{(fp.AxesSwapped ? "（X/Y 坐标已对调）" : string.Empty)}；核查与量算 {WorkingCrsZh(fp)}";

    /// <summary>A zone's title as the report prints it, marked when its layer is schematic.</summary>
    public static string ZoneTitle(ZoneResult z) => z.LayerTitleZh + (z.Schematic ? "（示意）" : string.Empty);

    /// <summary>A level's Chinese name within a zone, or empty for a zone without levels.</summary>
    public static string LevelZh(ZoneResult z, string level) =>
        z.Levels.FirstOrDefault(l => l.Level == level)?.LevelZh ?? string.Empty;

    /// <summary>A condition as one line: authority, requirement, basis.</summary>
    public static string Condition(PolicyCondition c) =>
        $"{c.Authority.NameZh}：{c.RequirementZh}{(c.Basis is { } b ? $"（{b.TextZh}）" : string.Empty)}";
}
