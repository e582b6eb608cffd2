using System.Globalization;

namespace SpatialPlan.Core.Crs;

/// <summary>
/// Where 杭锦后旗 is (106.59–107.39°E, 40.46–41.22°N, PLAN-DIGEST §0) and the box, with a generous
/// 1.5° margin, within which coordinates are accepted as "in or near the banner".
/// </summary>
internal static class BannerArea
{
    public const double MinLon = 106.59, MaxLon = 107.39, MinLat = 40.46, MaxLat = 41.22;
    public const double Margin = 1.5;

    /// <summary>陕坝镇, the banner seat; distances in messages are measured from here.</summary>
    public const double SeatLon = 107.142, SeatLat = 40.887;

    private static readonly (string Name, double Lon, double Lat)[] _places =
    [
        ("北京", 116.40, 39.90), ("天津", 117.20, 39.13), ("呼和浩特", 111.75, 40.84), ("包头", 109.84, 40.66),
        ("鄂尔多斯", 109.78, 39.61), ("乌海", 106.79, 39.65), ("银川", 106.23, 38.49), ("兰州", 103.83, 36.06),
        ("西安", 108.94, 34.34), ("太原", 112.55, 37.87), ("石家庄", 114.51, 38.04), ("郑州", 113.62, 34.75),
        ("济南", 117.00, 36.65), ("沈阳", 123.43, 41.80), ("长春", 125.32, 43.82), ("哈尔滨", 126.53, 45.80),
        ("上海", 121.47, 31.23), ("南京", 118.80, 32.06), ("杭州", 120.15, 30.28), ("武汉", 114.30, 30.59),
        ("成都", 104.07, 30.57), ("重庆", 106.55, 29.56), ("广州", 113.26, 23.13), ("昆明", 102.83, 24.88),
        ("西宁", 101.78, 36.62), ("乌鲁木齐", 87.62, 43.83), ("拉萨", 91.11, 29.65), ("二连浩特", 111.98, 43.65),
    ];

    /// <summary>True when the point lies in the banner's box widened by <see cref="Margin"/>.</summary>
    public static bool IsNear(double lon, double lat) =>
        lon >= MinLon - Margin && lon <= MaxLon + Margin && lat >= MinLat - Margin && lat <= MaxLat + Margin;

    /// <summary>True when a lon/lat envelope reaches into the banner's box widened by <see cref="Margin"/>.</summary>
    public static bool Reaches(NetTopologySuite.Geometries.Envelope lonLat) =>
        lonLat.Intersects(new NetTopologySuite.Geometries.Envelope(MinLon - Margin, MaxLon + Margin, MinLat - Margin, MaxLat + Margin));

    /// <summary>Great-circle distance in km (sphere R = 6371 km) from 陕坝镇.</summary>
    public static double DistanceFromSeatKm(double lon, double lat) => Distance(SeatLon, SeatLat, lon, lat);

    /// <summary>"坐标位于北京附近（116.40E, 39.90N），距杭锦后旗约 800 km" — the nearest city is named when within 150 km.</summary>
    public static string Describe(double lon, double lat)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"（{lon:0.00}E, {lat:0.00}N）");
        var nearest = _places.MinBy(p => Distance(p.Lon, p.Lat, lon, lat));
        var place = Distance(nearest.Lon, nearest.Lat, lon, lat) <= 150 ? $"{nearest.Name}附近" : string.Empty;
        var km = DistanceFromSeatKm(lon, lat);
        var rounded = km >= 100 ? Math.Round(km / 10) * 10 : Math.Round(km);
        return string.Create(CultureInfo.InvariantCulture,
            $"坐标位于{place}{where}，距杭锦后旗约 {rounded:0} km（coordinates lie at {lon:0.00}E, {lat:0.00}N, about {rounded:0} km from the banner）");
    }

    private static double Distance(double lon1, double lat1, double lon2, double lat2)
    {
        const double r = Math.PI / 180;
        var dLat = (lat2 - lat1) * r;
        var dLon = (lon2 - lon1) * r;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
                (Math.Cos(lat1 * r) * Math.Cos(lat2 * r) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * 6371 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
