using NetTopologySuite.Geometries;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Export;

/// <summary>The kind of value a field of an exported layer holds.</summary>
public enum ExportFieldType
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A double.</summary>
    Real,
}

/// <summary>One field of an exported layer: an ASCII name of at most 10 characters, so that a Shapefile keeps it as it is.</summary>
public sealed record ExportField(string Name, ExportFieldType Type, string TitleZh);

/// <summary>One feature of an exported layer: its geometry in the working CRS (always a MultiPolygon) and its values in field order.</summary>
public sealed record ExportFeature(MultiPolygon Geometry, IReadOnlyList<object?> Values);

/// <summary>One exported layer.</summary>
public sealed record ExportLayer(string Name, string TitleZh, IReadOnlyList<ExportField> Fields, IReadOnlyList<ExportFeature> Features);

/// <summary>
/// A check's result as three GIS layers (issue 9 §3), taken from the report model and nothing else, so that every area is
/// the one the report prints:
/// <list type="bullet">
/// <item><c>footprint</c>: the footprint as checked, with the project, kind, area and overall verdict;</item>
/// <item><c>overlaps</c>: one piece per overlapped feature (图斑) of every avoid-mode zone (footprint ∩ feature, the
/// geometry its area was measured on), with zone, feature id, name, level, area in m² and 亩, its share of the feature, and
/// the verdict of its level; and for a contain-mode zone (城镇开发边界) the part of the footprint outside it;</item>
/// <item><c>nearby</c>: the features within the proximity distance that are not overlapped, with their distance.</item>
/// </list>
/// Geometries are in the working CRS (<see cref="Footprint.WorkingCrs"/>).
/// </summary>
public static class CheckLayers
{
    /// <summary>The fields of the footprint layer.</summary>
    public static IReadOnlyList<ExportField> FootprintFields { get; } =
    [
        new("project", ExportFieldType.Text, "项目名称"),
        new("kind", ExportFieldType.Text, "项目类型"),
        new("kind_zh", ExportFieldType.Text, "项目类型（中文）"),
        new("area_m2", ExportFieldType.Real, "面积（平方米）"),
        new("area_mu", ExportFieldType.Real, "面积（亩）"),
        new("verdict", ExportFieldType.Text, "结论"),
        new("verdict_zh", ExportFieldType.Text, "结论（中文）"),
        new("report_no", ExportFieldType.Text, "报告编号"),
        new("checked", ExportFieldType.Text, "核查时间"),
        new("data_ver", ExportFieldType.Text, "数据版本"),
    ];

    /// <summary>The fields of the overlaps layer.</summary>
    public static IReadOnlyList<ExportField> OverlapFields { get; } =
    [
        new("layer_id", ExportFieldType.Text, "图层ID"),
        new("zone", ExportFieldType.Text, "管控要素"),
        new("category", ExportFieldType.Text, "类别"),
        new("feature_id", ExportFieldType.Text, "图斑编号"),
        new("name", ExportFieldType.Text, "名称"),
        new("level", ExportFieldType.Text, "级别"),
        new("land_class", ExportFieldType.Text, "地类"),
        new("relation", ExportFieldType.Text, "关系"),
        new("area_m2", ExportFieldType.Real, "占用面积（平方米）"),
        new("area_mu", ExportFieldType.Real, "占用面积（亩）"),
        new("share_pct", ExportFieldType.Real, "占图斑比例（%）"),
        new("verdict", ExportFieldType.Text, "结论"),
        new("verdict_zh", ExportFieldType.Text, "结论（中文）"),
    ];

    /// <summary>The fields of the nearby layer.</summary>
    public static IReadOnlyList<ExportField> NearbyFields { get; } =
    [
        new("layer_id", ExportFieldType.Text, "图层ID"),
        new("zone", ExportFieldType.Text, "管控要素"),
        new("category", ExportFieldType.Text, "类别"),
        new("feature_id", ExportFieldType.Text, "图斑编号"),
        new("name", ExportFieldType.Text, "名称"),
        new("level", ExportFieldType.Text, "级别"),
        new("distance_m", ExportFieldType.Real, "距离（米）"),
    ];

    /// <summary>The three layers of a report, in the order footprint, overlaps, nearby.</summary>
    public static IReadOnlyList<ExportLayer> Of(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [Footprint(report), Overlaps(report), Nearby(report)];
    }

    private static ExportLayer Footprint(CheckReport report)
    {
        var fp = report.Footprint;
        var p = report.Project;
        object?[] values =
        [
            p.Name ?? report.Settings.InputFile ?? string.Empty, p.Kind.Id, p.Kind.NameZh, fp.AreaM2, AreaUnits.ToMu(fp.AreaM2),
            Names.Of(report.Verdict), report.VerdictZh, report.ReportNumber, report.Settings.CheckedAtText, report.Settings.DataVersion ?? string.Empty,
        ];
        return new ExportLayer("footprint", "项目占地范围", FootprintFields, [new ExportFeature(Multi(fp.Gk)!, values)]);
    }

    private static ExportLayer Overlaps(CheckReport report)
    {
        var features = new List<ExportFeature>();
        foreach (var z in report.Zones)
        {
            if (z.Mode == ZoneMode.Contain)
            {
                // The part of the footprint outside the boundary is what the zone's verdict is about.
                if (z.OutsideAreaM2 is > 0 && Multi(z.Highlight) is { } outside)
                {
                    var a = z.OutsideAreaM2.Value;
                    features.Add(new ExportFeature(outside,
                    [
                        z.LayerId, z.LayerTitleZh, z.Category, string.Empty, $"{z.LayerTitleZh}外", string.Empty, string.Empty,
                        Names.Of(z.Situation), a, AreaUnits.ToMu(a), null, Names.Of(z.Verdict), z.VerdictZh,
                    ]));
                }

                continue;
            }

            foreach (var f in z.Features)
            {
                if (Multi(f.Piece) is not { } piece)
                {
                    continue;
                }

                var level = z.Levels.FirstOrDefault(l => l.Level == f.Level);
                var verdict = level?.Verdict ?? z.Verdict;
                var inPrinciple = level?.InPrinciple ?? z.InPrinciple;
                var situation = level?.Situation ?? z.Situation;
                features.Add(new ExportFeature(piece,
                [
                    z.LayerId, z.LayerTitleZh, z.Category, f.Id, f.Name, f.Level == ZoneLevel.Any ? string.Empty : f.Level, f.LandClass,
                    Names.Of(situation), f.OverlapAreaM2, AreaUnits.ToMu(f.OverlapAreaM2), f.SharePercent,
                    Names.Of(verdict), Names.Zh(verdict, inPrinciple),
                ]));
            }
        }

        return new ExportLayer("overlaps", "占用图斑", OverlapFields, features);
    }

    private static ExportLayer Nearby(CheckReport report)
    {
        var features = new List<ExportFeature>();
        foreach (var z in report.Zones)
        {
            foreach (var n in z.NearbyFeatures)
            {
                if (Multi(n.Geometry) is { } g)
                {
                    features.Add(new ExportFeature(g,
                        [z.LayerId, z.LayerTitleZh, z.Category, n.Id, n.Name, n.Level == ZoneLevel.Any ? string.Empty : n.Level, n.DistanceM]));
                }
            }
        }

        return new ExportLayer("nearby", "邻近要素", NearbyFields, features);
    }

    /// <summary>The polygonal part of a geometry as a MultiPolygon (one type per layer, as a Shapefile needs); null when it has none.</summary>
    internal static MultiPolygon? Multi(Geometry? geometry)
    {
        if (geometry is null || geometry.IsEmpty)
        {
            return null;
        }

        var polygons = new List<Polygon>();
        Collect(geometry, polygons);
        return polygons.Count == 0 ? null : geometry.Factory.CreateMultiPolygon([.. polygons]);
    }

    private static void Collect(Geometry g, List<Polygon> polygons)
    {
        switch (g)
        {
            case Polygon p when !p.IsEmpty:
                polygons.Add(p);
                break;
            case GeometryCollection c:
                for (var i = 0; i < c.NumGeometries; i++)
                {
                    Collect(c.GetGeometryN(i), polygons);
                }

                break;
        }
    }
}
