using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Cli.Output;

/// <summary>The check report as readable Chinese text: the footprint, one aligned row per zone, details, totals and the verdict.</summary>
internal static class CheckReportTable
{
    private const int MaxListed = 8;

    public static void Write(CheckReport report, string fileName, TextWriter o)
    {
        WriteHeader(report, fileName, o);
        WriteZoneTable(report, o);

        // Details only where there is something to read: a verdict, an overlap or a neighbour.
        foreach (var z in report.Zones.Where(z => z.Verdict != Verdict.Clear || z.Features.Count > 0 || z.NearbyFeatures.Count > 0))
        {
            WriteDetails(z, o);
        }

        o.WriteLine();
        o.WriteLine($"总体结论：{Names.Zh(report.Verdict)}（{Names.Of(report.Verdict)}）");
        if (report.DataNoteZh is { } note)
        {
            o.WriteLine();
            o.WriteLine(note);
        }
    }

    private static string From(CheckReport report, string key) => report.Options.Origins?.GetValueOrDefault(key) switch
    {
        CheckOptions.FromFile => "［取自文件属性 from file］",
        CheckOptions.FromDefault => "［默认 default］",
        _ => string.Empty,
    };

    private static void WriteHeader(CheckReport report, string fileName, TextWriter o)
    {
        var fp = report.Footprint;
        o.WriteLine("杭锦后旗 项目选址冲突检查（SpatialPlan site check）");
        o.WriteLine($"项目：{fp.Name ?? fileName}（{fileName}）");
        o.WriteLine($"类型：{Names.Zh(report.Options.Type)}（{Names.Of(report.Options.Type)}）{From(report, "type")}  " +
            $"国家重大项目：{(report.Options.NationalMajor ? "是" : "否")}{From(report, "nationalMajor")}");
        o.WriteLine($"占地面积：{Area(fp.AreaM2)}{Shape(fp)}");
        o.WriteLine($"坐标系：文件 {Epsg.Name(fp.SourceEpsg)}（{fp.CrsReasonZh}）{(fp.AxesSwapped ? "，X/Y 坐标轴已交换" : string.Empty)}；计算 {Epsg.Name(Epsg.GaussKruger108)}");
        foreach (var r in fp.Repairs)
        {
            o.WriteLine($"已修复：第 {r.FeatureIndex + 1} 个要素 {r.Problem} → {r.Action}");
        }
    }

    private static void WriteZoneTable(CheckReport report, TextWriter o)
    {
        var fp = report.Footprint;
        o.WriteLine();
        var table = new TextTable(
            ["管控图层", "关系", "占用(亩)", "占用(公顷)", "占项目%", "距离(米)", "结论"],
            [false, false, true, true, true, true, false]);
        foreach (var z in report.Zones)
        {
            table.Add(z.LayerTitleZh, Names.RelationZh(z), TextTable.Num(AreaUnits.ToMu(z.OverlapAreaM2), 2),
                TextTable.Num(AreaUnits.ToHectares(z.OverlapAreaM2), 4), TextTable.Num(z.OverlapPercent, 2),
                z.DistanceM is { } d ? TextTable.Num(d, 1) : "—", Names.Zh(z.Verdict));
        }

        var conflicts = report.Zones.Where(z => z.Mode == ZoneMode.Avoid && z.Relation == ZoneRelation.Inside).ToList();
        var total = conflicts.Sum(z => z.OverlapAreaM2);
        table.Add("合计（占用管控区）", string.Empty, TextTable.Num(AreaUnits.ToMu(total), 2), TextTable.Num(AreaUnits.ToHectares(total), 4),
            TextTable.Num(fp.AreaM2 > 0 ? 100 * total / fp.AreaM2 : 0, 2), string.Empty, Names.Zh(report.Verdict));
        table.WriteTo(o);
        if (conflicts.Count > 1)
        {
            o.WriteLine("  （合计为各图层占用面积之和；不同管控区可能相互重叠。）");
        }
    }

    private static void WriteDetails(ZoneResult z, TextWriter o)
    {
        o.WriteLine();
        var extra = z.OutsideAreaM2 is { } outside ? $"，超出边界 {Area(outside)}" : string.Empty;
        o.WriteLine($"■ {z.LayerTitleZh}：{Names.Zh(z.Verdict)}（{Names.Of(z.Relation)}{extra}，缓冲区 {z.BufferM:0.#} 米）");
        o.WriteLine($"  规则：{z.RuleZh}");
        if (z.Verdict != Verdict.Clear)
        {
            o.WriteLine($"  依据：{z.BasisZh}");
        }

        var verb = z.Mode == ZoneMode.Contain ? "位于" : "占用";
        foreach (var f in z.Features.Take(MaxListed))
        {
            o.WriteLine($"  · {verb} {Label(f.Id, f.Name)}：{Area(f.OverlapAreaM2)}{(f.Important ? "（重要湿地）" : string.Empty)}");
        }

        if (z.Features.Count > MaxListed)
        {
            o.WriteLine($"  · ……另有 {z.Features.Count - MaxListed} 个要素（完整清单见 --format csv）");
        }

        foreach (var n in z.NearbyFeatures.Take(MaxListed))
        {
            o.WriteLine($"  · 邻近 {Label(n.Id, n.Name)}：距离 {n.DistanceM:0.0} 米");
        }

        if (z.NearbyFeatures.Count > MaxListed)
        {
            o.WriteLine($"  · ……另有 {z.NearbyFeatures.Count - MaxListed} 个邻近要素");
        }
    }

    private static string Label(string id, string name) => string.IsNullOrEmpty(name) ? id : $"{name}（{id}）";

    private static string Area(double m2) =>
        $"{TextTable.Num(AreaUnits.ToMu(m2), 2)} 亩 = {TextTable.Num(AreaUnits.ToHectares(m2), 4)} 公顷 = {TextTable.Num(m2, 1)} 平方米";

    private static string Shape(Footprint fp) => fp.Kind switch
    {
        FootprintKind.Line => $"（线状，宽 {fp.WidthM} 米）",
        FootprintKind.Point => $"（点状，半径 {fp.RadiusM} 米）",
        _ => string.Empty,
    };
}
