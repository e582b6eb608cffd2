using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Sources;

/// <summary>
/// Makes geometries valid with <see cref="GeometryFixer"/> (which keeps both lobes of a bow-tie, unlike Buffer(0))
/// and records each repair with the validation error, its location and the area change.
/// </summary>
internal static class GeometryRepairer
{
    public static Geometry Repair(Geometry lonLat, int index, string file, List<Repair> repairs)
    {
        var op = new IsValidOp(lonLat);
        if (op.IsValid)
        {
            return lonLat;
        }

        var error = op.ValidationError;
        var fixedGeometry = GeometryFixer.Fix(lonLat);
        fixedGeometry.SRID = lonLat.SRID;
        if (fixedGeometry.IsEmpty)
        {
            throw new InputException($"几何无效（{Describe(error)}），修复后为空，没有可用的范围（geometry collapses when repaired）。",
                "请在 GIS 软件中检查并重画该要素。", file, index);
        }

        // Both in the zone of the input's own centre: a reader may not know the data area's working CRS.
        var zone = GaussKrugerZone.NearestTo(lonLat.EnvelopeInternal.Centre.X);
        var before = PlanarMeasure.AreaOfLonLatM2(lonLat, zone);
        var after = PlanarMeasure.AreaOfLonLatM2(fixedGeometry, zone);
        var action = string.Create(CultureInfo.InvariantCulture,
            $"已用 GeometryFixer 修复：{lonLat.GeometryType} → {fixedGeometry.GeometryType}（{fixedGeometry.NumGeometries} 个部分），" +
            $"面积 {before:0.##} → {after:0.##} m²（repaired with GeometryFixer）。");
        repairs.Add(new Repair(index, $"几何无效：{Describe(error)}（invalid geometry: {error.Message}）。", action, after - before));
        return fixedGeometry;
    }

    private static string Describe(TopologyValidationError error)
    {
        var what = ErrorNameZh(error);
        var at = error.Coordinate is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"，位置 {c.X:0.######}E, {c.Y:0.######}N")
            : string.Empty;
        return what + at;
    }

    /// <summary>What is wrong with a geometry, in Chinese (NTS's own message when the type has no name here).</summary>
    internal static string ErrorNameZh(TopologyValidationError error) => error.ErrorType switch
    {
        TopologyValidationErrors.SelfIntersection => "自相交",
        TopologyValidationErrors.RingSelfIntersection => "环自相交",
        TopologyValidationErrors.HoleOutsideShell => "洞位于外环之外",
        TopologyValidationErrors.NestedHoles => "洞互相嵌套",
        TopologyValidationErrors.DisconnectedInteriors => "内部不连通",
        TopologyValidationErrors.NestedShells => "多边形互相嵌套（重叠）",
        TopologyValidationErrors.DuplicateRings => "重复的环",
        TopologyValidationErrors.TooFewPoints => "点数太少",
        TopologyValidationErrors.RingNotClosed => "环未闭合",
        TopologyValidationErrors.InvalidCoordinate => "无效坐标",
        _ => error.Message,
    };
}
