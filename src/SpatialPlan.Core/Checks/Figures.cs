using System.Globalization;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// How every output writes figures, so the CLI table, the CSV, the PDF and the web panel print the same strings:
/// 亩 with two decimals and thousands separators, percentages with one decimal, metres whole.
/// </summary>
public static class Figures
{
    /// <summary>"1,234.56" (亩).</summary>
    public static string Mu(double m2) => AreaUnits.ToMu(m2).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>"12.3456" (公顷).</summary>
    public static string Ha(double m2) => AreaUnits.ToHectares(m2).ToString("#,0.0000", CultureInfo.InvariantCulture);

    /// <summary>"12,345.6" (m²).</summary>
    public static string M2(double m2) => m2.ToString("#,0.0", CultureInfo.InvariantCulture);

    /// <summary>An area as the outputs print a footprint: "1,439.70 亩（95.9798 公顷，959,798.3 平方米）".</summary>
    public static string AreaZh(double m2) => $"{Mu(m2)} 亩（{Ha(m2)} 公顷，{M2(m2)} 平方米）";

    /// <summary>The English of <see cref="AreaZh"/>: "1,439.70 mu (95.9798 ha, 959,798.3 m²)".</summary>
    public static string AreaEn(double m2) => $"{Mu(m2)} mu ({Ha(m2)} ha, {M2(m2)} m²)";

    /// <summary>"37.0%".</summary>
    public static string Percent(double percent) => percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"7,413 m".</summary>
    public static string Metres(double metres) => metres.ToString("#,0", CultureInfo.InvariantCulture) + " m";

    /// <summary>"0.50" (small areas, m²).</summary>
    public static string SmallM2(double m2) => m2.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A share 0–1 as a percentage of the footprint.</summary>
    public static double PercentOf(double part, double whole) => whole > 0 ? 100 * part / whole : 0;

    /// <summary>The relation word of a zone result (avoid or contain).</summary>
    public static string RelationZh(ZoneMode mode, Situation situation, double insideM2) => situation switch
    {
        Situation.Inside => "占用",
        Situation.InsideMajor => "占用（所列重大项目）",
        Situation.Sliver => "微小重叠（需核实）",
        Situation.Touches => "边界相邻",
        Situation.Near => "邻近",
        Situation.Within => "边界内",
        Situation.OutsideSliver => "边界外微小部分（需核实）",
        Situation.Outside => insideM2 > 0 ? "部分在边界外" : "边界外",
        _ => mode == ZoneMode.Contain ? "边界内" : "不相交",
    };

    /// <summary>The figures of an avoid zone, e.g. 占用 34.00 亩（4.4%）：国家重要湿地 10.00 亩、一般湿地 24.00 亩.</summary>
    public static string AvoidFiguresZh(Situation situation, double areaM2, double footprintM2, IReadOnlyList<LevelResult> levels,
        double? distanceM, double proximityM, double sliverM2)
    {
        switch (situation)
        {
            case Situation.Inside or Situation.InsideMajor:
                var perLevel = levels.Where(l => l.AreaM2 > 0).Select(l => $"{l.LevelZh} {Mu(l.AreaM2)} 亩").ToList();
                var detail = levels.Count > 0 && perLevel.Count > 0 ? "：" + string.Join("、", perLevel) : string.Empty;
                return $"占用 {Mu(areaM2)} 亩（{Percent(PercentOf(areaM2, footprintM2))}）{detail}";
            case Situation.Sliver:
                return $"微小重叠 {SmallM2(areaM2)} 平方米（不超过 {SmallM2(sliverM2)} 平方米），疑为数据精度，需核实";
            case Situation.Touches:
                return "边界相邻，重叠面积为 0";
            case Situation.Near when distanceM is { } near:
                return $"距最近要素 {Metres(near)}（邻近提示距离 {Metres(proximityM)}，系统设置，非法定）";
            default:
                return distanceM is { } d ? $"距最近要素 {Metres(d)}" : "图层中没有要素";
        }
    }

    /// <summary>The figures of a contain zone: 边界内 532.95 亩（37.0%）｜边界外 906.75 亩（63.0%），and the distance when nothing is inside.</summary>
    public static string ContainFiguresZh(double insideM2, double outsideM2, double footprintM2, double? distanceM)
    {
        var text = $"边界内 {Mu(insideM2)} 亩（{Percent(PercentOf(insideM2, footprintM2))}）｜边界外 {Mu(outsideM2)} 亩（{Percent(PercentOf(outsideM2, footprintM2))}）";
        return insideM2 <= 0 && distanceM is { } d and > 0 ? $"{text}；距最近边界 {Metres(d)}" : text;
    }

    /// <summary>The English of <see cref="RelationZh"/>.</summary>
    public static string RelationEn(ZoneMode mode, Situation situation, double insideM2) => situation switch
    {
        Situation.Inside => "Occupies",
        Situation.InsideMajor => "Occupies (listed major project)",
        Situation.Sliver => "Sliver overlap (to verify)",
        Situation.Touches => "Shares a boundary",
        Situation.Near => "Nearby",
        Situation.Within => "Inside",
        Situation.OutsideSliver => "Sliver outside (to verify)",
        Situation.Outside => insideM2 > 0 ? "Partly outside" : "Outside",
        _ => mode == ZoneMode.Contain ? "Inside" : "No contact",
    };

    /// <summary>The English of <see cref="AvoidFiguresZh"/>, e.g. Occupies 34.00 mu (4.4%): National important wetland 10.00 mu.</summary>
    public static string AvoidFiguresEn(Situation situation, double areaM2, double footprintM2, IReadOnlyList<LevelResult> levels,
        double? distanceM, double proximityM, double sliverM2)
    {
        switch (situation)
        {
            case Situation.Inside or Situation.InsideMajor:
                var perLevel = levels.Where(l => l.AreaM2 > 0).Select(l => $"{l.LevelEn} {Mu(l.AreaM2)} mu").ToList();
                var detail = levels.Count > 0 && perLevel.Count > 0 ? ": " + string.Join(", ", perLevel) : string.Empty;
                return $"Occupies {Mu(areaM2)} mu ({Percent(PercentOf(areaM2, footprintM2))}){detail}";
            case Situation.Sliver:
                return $"Sliver overlap {SmallM2(areaM2)} m² (at most {SmallM2(sliverM2)} m²), probably data precision; to verify";
            case Situation.Touches:
                return "Shares a boundary; overlap area 0";
            case Situation.Near when distanceM is { } near:
                return $"{Metres(near)} to the nearest feature (proximity alert {Metres(proximityM)}, a system setting, not law)";
            default:
                return distanceM is { } d ? $"{Metres(d)} to the nearest feature" : "The layer has no features";
        }
    }

    /// <summary>The English of <see cref="ContainFiguresZh"/>.</summary>
    public static string ContainFiguresEn(double insideM2, double outsideM2, double footprintM2, double? distanceM)
    {
        var text = $"Inside {Mu(insideM2)} mu ({Percent(PercentOf(insideM2, footprintM2))}) | outside {Mu(outsideM2)} mu ({Percent(PercentOf(outsideM2, footprintM2))})";
        return insideM2 <= 0 && distanceM is { } d and > 0 ? $"{text}; {Metres(d)} to the nearest boundary" : text;
    }
}
