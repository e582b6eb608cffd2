namespace SpatialPlan.Core.Crs;

/// <summary>Provincial capitals and a few other cities, to say in messages where misplaced coordinates land ("北京附近").</summary>
internal static class KnownPlaces
{
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

    /// <summary>The name of the listed city within 150 km of the point, the nearest first; null when none is.</summary>
    public static string? Near(double lon, double lat)
    {
        var nearest = _places.MinBy(p => DistanceKm(p.Lon, p.Lat, lon, lat));
        return DistanceKm(nearest.Lon, nearest.Lat, lon, lat) <= 150 ? nearest.Name : null;
    }

    /// <summary>Great-circle distance in km on a sphere of R = 6371 km.</summary>
    public static double DistanceKm(double lon1, double lat1, double lon2, double lat2)
    {
        const double r = Math.PI / 180;
        var dLat = (lat2 - lat1) * r;
        var dLon = (lon2 - lon1) * r;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
                (Math.Cos(lat1 * r) * Math.Cos(lat2 * r) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * 6371 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
