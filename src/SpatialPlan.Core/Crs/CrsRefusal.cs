using System.Globalization;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Crs;

/// <summary>Says, in words, why coordinates cannot be in or near the data area in any supported CRS.</summary>
internal static class CrsRefusal
{
    public static string Problem(Envelope env, DataArea area, int? declaredEpsg = null)
    {
        var centre = env.Centre;
        var (x, y) = (centre.X, centre.Y);
        var ranges = CrsGuesser.Ranges(env);

        if (Math.Max(Math.Abs(env.MinX), Math.Abs(env.MaxX)) < 1 && Math.Max(Math.Abs(env.MinY), Math.Abs(env.MaxY)) < 1)
        {
            return $"坐标为 (0,0) 或接近 0（{ranges}），不是{area.NameZh}的坐标，可能是缺少坐标或占位值（coordinates are at (0,0)）。";
        }

        if (Math.Abs(x) <= 180 && Math.Abs(y) <= 180 && env.Width <= 360 && env.Height <= 360)
        {
            return Degrees(env, x, y, ranges, area);
        }

        if (ZonePrefix(env.MaxX) is { } zone)
        {
            return ZoneMessage(env.MaxX, zone, env.MaxX - env.Width / 2, env.Centre.Y, area);
        }

        if (ZonePrefix(env.MaxY) is { } zoneY && env.MaxX < 10_000_000)
        {
            return ZoneMessage(env.MaxY, zoneY, env.MaxY - env.Height / 2, env.Centre.X, area) + "（Y 列在前，X/Y 可能写反）";
        }

        // Northings start at the equator: China lies beyond 1 000 000 m, so smaller values are not GK here.
        var declaredZone = declaredEpsg is { } d && !GaussKrugerZone.IsZoned(d) ? GaussKrugerZone.FromEpsg(d) : null;
        if ((declaredZone ?? area.WorkingCrs) is { } working)
        {
            if ((AsGaussKruger(x, y, working) ?? AsGaussKruger(y, x, working)) is { } lonLat)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"按高斯-克吕格 {working.CentralMeridian}°E 带（{working.Name}）解读，{area.DescribePoint(lonLat.X, lonLat.Y)}，不在{area.NameZh}附近（{area.Describe()}）；坐标范围 {ranges}。");
            }
        }
        else if (LooksLikeGaussKruger(x, y) || LooksLikeGaussKruger(y, x))
        {
            return $"坐标（{ranges}）像不带带号的高斯-克吕格米坐标，但没有数据目录，无法判断属于哪个 3 度带（中央经线）" +
                   "（Gauss-Kruger eastings without a zone prefix, and no data folder to say the zone）。";
        }

        var expected = area.WorkingCrs is { } w ? FormattableString.Invariant($"、CGCS2000 高斯-克吕格 {w.CentralMeridian}°E 带的米坐标") : string.Empty;
        return $"坐标值（{ranges}）既不是{area.NameZh}附近的经纬度{expected}，也不是带带号的高斯-克吕格坐标或 Web 墨卡托坐标" +
               $"（coordinates fit no supported CRS near {area.NameEn}）。";
    }

    public static string Fix(Envelope env, DataArea area)
    {
        if (Math.Abs(env.MaxY) > 90 && Math.Abs(env.MaxY) <= 180 && Math.Abs(env.MaxX) <= 180)
        {
            return "检查经纬度的数值和顺序（经度在前、纬度在后，纬度不超过 90°）。";
        }

        var working = area.WorkingCrs is { } w
            ? FormattableString.Invariant($"{area.NameZh}的工作坐标系 {w.Name}（CGCS2000 高斯-克吕格 3 度带，中央经线 {w.CentralMeridian}°E，东坐标不带带号）、")
            : string.Empty;
        var noData = area.WorkingCrs is null
            ? "不带带号的高斯-克吕格坐标请用 --crs 指明带（EPSG:4534–4554，EPSG = 4534 + (中央经线 − 75) ÷ 3），或用 --data 指定数据目录；"
            : string.Empty;
        return $"请确认是否选错了文件或坐标系；{noData}SpatialPlan 接受 CGCS2000/WGS84 经纬度、{working}带带号的高斯-克吕格 3 度带（EPSG:4513–4533）、" +
               "声明了的其他 3 度带（EPSG:4534–4554）和 Web 墨卡托（EPSG:3857）。";
    }

    private static string Degrees(Envelope env, double x, double y, string ranges, DataArea area)
    {
        var latOk = Math.Max(Math.Abs(env.MinY), Math.Abs(env.MaxY)) <= 90;
        var swappedLatOk = Math.Max(Math.Abs(env.MinX), Math.Abs(env.MaxX)) <= 90;
        if (!latOk && !swappedLatOk)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"纬度 {Math.Max(Math.Abs(env.MinY), Math.Abs(env.MaxY)):0.######} 超过 90°，不是有效的经纬度（{ranges}；latitude beyond 90°）。");
        }

        // Describe the reading that lands nearer the area (lon/lat or lat/lon).
        var (lon, lat) = latOk ? (x, y) : (y, x);
        if (latOk && swappedLatOk && area.DistanceKm(y, x) < area.DistanceKm(x, y))
        {
            (lon, lat) = (y, x);
        }

        return $"{area.DescribePoint(lon, lat)}，不在{area.NameZh}附近（{area.Describe()}）。";
    }

    private static int? ZonePrefix(double value) =>
        value is >= 10_000_000 and < 100_000_000 ? (int)(value / 1_000_000) : null;

    private static string ZoneMessage(double easting, int zone, double eastingMid, double northing, DataArea area)
    {
        if (zone is >= GaussKrugerZone.FirstZone and <= GaussKrugerZone.LastZone)
        {
            var gk = GaussKrugerZone.Of(zone);
            var c = CrsTransformer.Transform(new Coordinate(eastingMid, northing), gk.ZonedEpsg, Epsg.Cgcs2000);
            var where = northing is > 1_000_000 and < 10_000_000 && double.IsFinite(c.X) && double.IsFinite(c.Y)
                ? $"按此带解读，{area.DescribePoint(c.X, c.Y)}，不在{area.NameZh}附近（{area.Describe()}）"
                : "北坐标不在中国的范围内（northing out of range）";
            var own = area.WorkingCrs is { } w && w != gk
                ? string.Create(CultureInfo.InvariantCulture, $"；而{area.NameZh}位于 3 度带第 {w.Zone} 带（中央经线 {w.CentralMeridian}°E）")
                : string.Empty;
            return string.Create(CultureInfo.InvariantCulture,
                $"东坐标 {easting:0.###} 带有带号前缀 {zone}，看起来是 3 度带第 {zone} 带（中央经线 {gk.CentralMeridian}°E，EPSG:{gk.ZonedEpsg}）；{where}{own}" +
                $"（zone-prefixed easting: zone {zone}）。");
        }

        var kind = zone is >= 13 and <= 23
            ? $"6 度带第 {zone} 带（中央经线 {(zone * 6) - 3}°E），SpatialPlan 只接受 3 度带"
            : $"带号 {zone}（不是中国的高斯-克吕格带号）";
        return string.Create(CultureInfo.InvariantCulture,
            $"东坐标 {easting:0.###} 带有带号前缀 {zone}，看起来是{kind}（zone-prefixed easting: zone {zone} is not a 3-degree zone of China）。");
    }

    private static bool LooksLikeGaussKruger(double x, double y) => x is > 0 and < 1_000_000 && y is >= 1_000_000 and < 10_000_000;

    private static Coordinate? AsGaussKruger(double x, double y, GaussKrugerZone zone)
    {
        if (!LooksLikeGaussKruger(x, y))
        {
            return null;
        }

        var c = CrsTransformer.Transform(new Coordinate(x, y), zone.Epsg, Epsg.Cgcs2000);
        return double.IsFinite(c.X) && double.IsFinite(c.Y) ? c : null;
    }
}
