namespace SpatialPlan.Core.Crs;

/// <summary>The EPSG codes SpatialPlan understands. All are CGCS2000 or WGS84 based (equal to centimetres here).</summary>
public static class Epsg
{
    /// <summary>WGS 84 geographic, x = longitude, y = latitude, degrees.</summary>
    public const int Wgs84 = 4326;

    /// <summary>CGCS2000 geographic, x = longitude, y = latitude, degrees. The canonical CRS of gis-data.</summary>
    public const int Cgcs2000 = 4490;

    /// <summary>CGCS2000 3-degree Gauss-Kruger, central meridian 108°E, false easting 500 000 m. The working CRS of the site check.</summary>
    public const int GaussKruger108 = 4545;

    /// <summary>CGCS2000 3-degree Gauss-Kruger zone 36 (CM 108°E), zone-prefixed false easting 36 500 000 m.</summary>
    public const int GaussKruger108Zoned = 4524;

    /// <summary>Web Mercator, metres. For display only: areas in it are ~75% too large at 41°N.</summary>
    public const int WebMercator = 3857;

    /// <summary>Every code above.</summary>
    public static IReadOnlyList<int> Supported { get; } = [Cgcs2000, Wgs84, GaussKruger108, GaussKruger108Zoned, WebMercator];

    /// <summary>Formats a code as <c>EPSG:n</c>.</summary>
    public static string Name(int code) => $"EPSG:{code}";
}
