using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Rendering.Reports;

/// <summary>Resolves a Core <see cref="CheckReport"/> into what the report prints (texts, EPSG:4545 geometries).</summary>
internal static class CheckReportMapping
{
    private const int MaxNames = 3;

    public static ReportModel ToModel(CheckReport report, string projectName, DateOnly date)
    {
        var fp = report.Footprint;
        var crs = $"输入 {Epsg.Name(fp.SourceEpsg)}" + (fp.AxesSwapped ? "（X/Y 坐标已对调）" : string.Empty)
            + (string.IsNullOrWhiteSpace(fp.CrsReasonZh) ? string.Empty : $"：{fp.CrsReasonZh}")
            + "；核查与量算在 EPSG:4545（CGCS2000 高斯-克吕格 3 度带，中央经线 108°E）中进行";
        var type = Names.Zh(report.Options.Type) + fp.Kind switch
        {
            FootprintKind.Line when fp.WidthM is { } w => $"（线状，按宽 {w:0.#} m 计算占地）",
            FootprintKind.Point when fp.RadiusM is { } r => $"（点状，按半径 {r:0.#} m 计算占地）",
            _ => string.Empty,
        };
        return new ReportModel
        {
            ProjectName = projectName,
            ProjectTypeZh = type,
            NationalMajor = report.Options.NationalMajor,
            Verdict = report.Verdict,
            AreaM2 = fp.AreaM2,
            Footprint4545 = fp.Gk,
            CrsNoteZh = crs,
            Zones = [.. report.Zones.Select(z => Zone(z, fp.AreaM2))],
            Repairs = [.. fp.Repairs.Select(r => new ReportRepair(r.FeatureIndex, r.Problem, r.Action, r.AreaChangeM2))],
            Schematic = report.SchematicData,
            DataNoteZh = report.DataNoteZh,
            Date = date,
        };
    }

    // For a contain zone (城镇开发边界) the conflict is the part OUTSIDE the zone, so its row shows that part.
    private static ReportZone Zone(ZoneResult z, double footprintAreaM2) => new()
    {
        LayerId = z.LayerId,
        LayerTitleZh = z.LayerTitleZh,
        RelationZh = Names.RelationZh(z),
        Verdict = z.Verdict,
        OverlapAreaM2 = z.Mode == ZoneMode.Contain ? z.OutsideAreaM2 ?? 0 : z.OverlapAreaM2,
        OverlapPercent = z.Mode == ZoneMode.Contain
            ? (footprintAreaM2 > 0 ? 100 * (z.OutsideAreaM2 ?? 0) / footprintAreaM2 : 0)
            : z.OverlapPercent,
        FeaturesZh = FeatureNames(z),
        DistanceM = z.DistanceM,
        Highlight4545 = z.HighlightGeographic is { IsEmpty: false } h ? CrsTransformer.Transform(h, Epsg.Cgcs2000, Epsg.GaussKruger108) : null,
        RuleZh = z.RuleZh,
        BasisZh = z.BasisZh,
        Schematic = z.Schematic,
    };

    private static string FeatureNames(ZoneResult z)
    {
        // A contain zone's features are the boundaries the footprint lies in (their area is the part inside).
        var prefix = z.Mode == ZoneMode.Contain && z.Features.Count > 0 ? "位于：" : string.Empty;
        var names = z.Features.Count > 0
            ? z.Features.Select(f => $"{f.Name}（{ReportFormat.Mu(f.OverlapAreaM2)} 亩）").ToList()
            : z.NearbyFeatures.Select(f => $"附近：{f.Name}（{ReportFormat.Metres(f.DistanceM)}）").ToList();
        var shown = string.Join("、", names.Take(MaxNames));
        return names.Count > MaxNames ? $"{prefix}{shown} 等 {names.Count} 处" : prefix + shown;
    }
}
