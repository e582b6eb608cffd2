namespace SpatialPlan.Core.Crs;

/// <summary>
/// The EPSG codes SpatialPlan understands. All are CGCS2000 or WGS84 based (equal to centimetres here): lon/lat, the 21
/// CGCS2000 3-degree Gauss-Kruger zones of China in both forms (<see cref="GaussKrugerZone"/>), and Web Mercator.
/// The working CRS of a data folder is one of the zones without prefix; it comes from the data area
/// (<see cref="DataArea.WorkingCrs"/>), never from a constant.
/// </summary>
public static class Epsg
{
    /// <summary>WGS 84 geographic, x = longitude, y = latitude, degrees.</summary>
    public const int Wgs84 = 4326;

    /// <summary>CGCS2000 geographic, x = longitude, y = latitude, degrees. The canonical CRS of gis-data.</summary>
    public const int Cgcs2000 = 4490;

    /// <summary>CGCS2000 3-degree Gauss-Kruger CM 108°E (the embedded data's working CRS). For tests and data tools only:
    /// Core takes the working CRS from the data area.</summary>
    [Obsolete("EPSG:4545 is the embedded data's working CRS, not Core's: use the data area's WorkingCrs (tests may keep it).")]
    public const int GaussKruger108 = 4545;

    /// <summary>CGCS2000 3-degree Gauss-Kruger zone 36 (CM 108°E), zone-prefixed. For tests and data tools only.</summary>
    [Obsolete("EPSG:4524 is one zone among 21: use GaussKrugerZone (tests may keep it).")]
    public const int GaussKruger108Zoned = 4524;

    /// <summary>Web Mercator, metres. For display only: areas in it are ~75% too large at 41°N.</summary>
    public const int WebMercator = 3857;

    /// <summary>Every supported code: 4490, 4326, 4513–4554 and 3857.</summary>
    public static IReadOnlyList<int> Supported { get; } =
        [Cgcs2000, Wgs84, .. GaussKrugerZone.All.Select(z => z.Epsg), .. GaussKrugerZone.All.Select(z => z.ZonedEpsg), WebMercator];

    /// <summary>The supported codes in words, for messages.</summary>
    public const string SupportedZh =
        "EPSG:4490（CGCS2000 经纬度）、EPSG:4326（WGS84 经纬度）、EPSG:4534–4554（CGCS2000 高斯-克吕格 3 度带，中央经线 75°E–135°E，东坐标不带带号）、" +
        "EPSG:4513–4533（同上，东坐标带带号）、EPSG:3857（Web 墨卡托）";

    /// <summary>True for a code in <see cref="Supported"/>.</summary>
    public static bool IsSupported(int code) =>
        code is Cgcs2000 or Wgs84 or WebMercator || GaussKrugerZone.IsGaussKruger(code);

    /// <summary>Formats a code as <c>EPSG:n</c>.</summary>
    public static string Name(int code) => $"EPSG:{code}";
}
