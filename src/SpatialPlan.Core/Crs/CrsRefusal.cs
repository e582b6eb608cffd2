using System.Globalization;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Crs;

/// <summary>Says, in words, why coordinates cannot be in or near the banner in any supported CRS.</summary>
internal static class CrsRefusal
{
    private const string GenericFix = "请确认是否选错了文件或坐标系；SpatialPlan 接受 CGCS2000/WGS84 经纬度、CGCS2000 高斯-克吕格 108°E（EPSG:4545 或带号 36 的 EPSG:4524）和 Web 墨卡托（EPSG:3857）。";

    public static string Problem(Envelope env)
    {
        var centre = env.Centre;
        var (x, y) = (centre.X, centre.Y);
        var ranges = CrsGuesser.Ranges(env);

        if (Math.Max(Math.Abs(env.MinX), Math.Abs(env.MaxX)) < 1 && Math.Max(Math.Abs(env.MinY), Math.Abs(env.MaxY)) < 1)
        {
            return $"坐标为 (0,0) 或接近 0（{ranges}），不是杭锦后旗的坐标，可能是缺少坐标或占位值（coordinates are at (0,0)）。";
        }

        if (Math.Abs(x) <= 180 && Math.Abs(y) <= 180 && env.Width <= 360 && env.Height <= 360)
        {
            return Degrees(env, x, y, ranges);
        }

        if (ZonePrefix(env.MaxX) is { } zone && zone != 36)
        {
            return ZoneMessage(env.MaxX, zone);
        }

        if (ZonePrefix(env.MaxY) is { } zoneY && zoneY != 36 && env.MaxX < 10_000_000)
        {
            return ZoneMessage(env.MaxY, zoneY) + "（Y 列在前，X/Y 可能写反）";
        }

        if ((AsGaussKruger(x, y) ?? AsGaussKruger(y, x)) is { } lonLat)
        {
            // Northings start at the equator: China lies beyond 1 000 000 m, so smaller values are not GK here.
            return $"按高斯-克吕格 108°E 带解读，{BannerArea.Describe(lonLat.X, lonLat.Y)}；坐标范围 {ranges}。";
        }

        return $"坐标值（{ranges}）既不是杭锦后旗附近的经纬度，也不是 CGCS2000 高斯-克吕格 108°E 带的米坐标（东坐标约 25–58 万、北坐标约 431–474 万，或带 36 带号前缀），" +
               "也不是 Web 墨卡托坐标（coordinates fit no supported CRS near the banner）。";
    }

    public static string Fix(Envelope env) =>
        Math.Abs(env.MaxY) > 90 && Math.Abs(env.MaxY) <= 180 && Math.Abs(env.MaxX) <= 180
            ? "检查经纬度的数值和顺序（经度在前、纬度在后，纬度不超过 90°）。"
            : GenericFix;

    private static string Degrees(Envelope env, double x, double y, string ranges)
    {
        var latOk = Math.Max(Math.Abs(env.MinY), Math.Abs(env.MaxY)) <= 90;
        var swappedLatOk = Math.Max(Math.Abs(env.MinX), Math.Abs(env.MaxX)) <= 90;
        if (!latOk && !swappedLatOk)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"纬度 {Math.Max(Math.Abs(env.MinY), Math.Abs(env.MaxY)):0.######} 超过 90°，不是有效的经纬度（{ranges}；latitude beyond 90°）。");
        }

        // Describe the reading that lands nearer the banner (lon/lat or lat/lon).
        var (lon, lat) = latOk ? (x, y) : (y, x);
        if (latOk && swappedLatOk && BannerArea.DistanceFromSeatKm(y, x) < BannerArea.DistanceFromSeatKm(x, y))
        {
            (lon, lat) = (y, x);
        }

        return $"{BannerArea.Describe(lon, lat)}，不在杭锦后旗附近（106.59–107.39E，40.46–41.22N）。";
    }

    private static int? ZonePrefix(double value) =>
        value is >= 10_000_000 and < 100_000_000 ? (int)(value / 1_000_000) : null;

    private static string ZoneMessage(double easting, int zone)
    {
        var kind = zone switch
        {
            >= 25 and <= 45 => $"3 度带第 {zone} 带（中央经线 {zone * 3}°E）",
            >= 13 and <= 23 => $"6 度带第 {zone} 带（中央经线 {(zone * 6) - 3}°E）",
            _ => $"带号 {zone}（不是中国的高斯-克吕格带号）",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"东坐标 {easting:0.###} 带有带号前缀 {zone}，看起来是{kind}，而杭锦后旗位于 3 度带第 36 带（中央经线 108°E）" +
            $"（zone-prefixed easting: zone {zone} is not the banner's zone 36）。");
    }

    private static Coordinate? AsGaussKruger(double x, double y)
    {
        if (x is <= 0 or >= 1_000_000 || y is < 1_000_000 or >= 10_000_000)
        {
            return null;
        }

        var c = CrsTransformer.Transform(new Coordinate(x, y), Epsg.GaussKruger108, Epsg.Cgcs2000);
        return double.IsFinite(c.X) && double.IsFinite(c.Y) ? c : null;
    }
}
