using System.Globalization;

namespace SpatialPlan.Core.Crs;

/// <summary>
/// One CGCS2000 3-degree Gauss-Kruger zone (GB/T 17798 numbering: zone n has its central meridian at 3n°E). China
/// spans zones 25–45 (CM 75°E–135°E). Each zone has two EPSG codes: the working form without the zone prefix
/// (false easting 500 000 m, EPSG:4534–4554) and the zone-prefixed form written on many official lists (false easting
/// n × 1 000 000 + 500 000 m, EPSG:4513–4533). Both are transverse Mercator, k0 = 1, on the CGCS2000 ellipsoid.
/// </summary>
public sealed class GaussKrugerZone : IEquatable<GaussKrugerZone>
{
    /// <summary>Zone 25, CM 75°E: the westernmost zone of China.</summary>
    public const int FirstZone = 25;

    /// <summary>Zone 45, CM 135°E: the easternmost zone of China.</summary>
    public const int LastZone = 45;

    /// <summary>EPSG code of zone 25 without the zone prefix (CGCS2000 / 3-degree Gauss-Kruger CM 75E).</summary>
    public const int FirstEpsg = 4534;

    /// <summary>EPSG code of zone 45 without the zone prefix (CM 135E).</summary>
    public const int LastEpsg = 4554;

    /// <summary>EPSG code of zone 25 with the zone prefix (CGCS2000 / 3-degree Gauss-Kruger zone 25).</summary>
    public const int FirstZonedEpsg = 4513;

    /// <summary>EPSG code of zone 45 with the zone prefix.</summary>
    public const int LastZonedEpsg = 4533;

    /// <summary>False easting of the working form, in metres.</summary>
    public const double FalseEasting = 500_000;

    private static readonly GaussKrugerZone[] _zones =
        [.. Enumerable.Range(FirstZone, LastZone - FirstZone + 1).Select(z => new GaussKrugerZone(z))];

    private GaussKrugerZone(int zone) => Zone = zone;

    /// <summary>Every zone of China, west to east.</summary>
    public static IReadOnlyList<GaussKrugerZone> All => _zones;

    /// <summary>The zone number (25–45).</summary>
    public int Zone { get; }

    /// <summary>Central meridian in degrees east (75–135).</summary>
    public int CentralMeridian => Zone * 3;

    /// <summary>EPSG code without the zone prefix (4534–4554): the working CRS form.</summary>
    public int Epsg => FirstEpsg + (Zone - FirstZone);

    /// <summary>EPSG code with the zone prefix (4513–4533): accepted for input, never the working CRS.</summary>
    public int ZonedEpsg => FirstZonedEpsg + (Zone - FirstZone);

    /// <summary>False easting of the zone-prefixed form: zone × 1 000 000 + 500 000 m.</summary>
    public double ZonedFalseEasting => (Zone * 1_000_000.0) + FalseEasting;

    /// <summary><c>EPSG:n</c> of the working form.</summary>
    public string Name => Crs.Epsg.Name(Epsg);

    /// <summary>The EPSG registry's name, e.g. <c>CGCS2000 / 3-degree Gauss-Kruger CM 108E</c>.</summary>
    public string RegistryName => string.Create(CultureInfo.InvariantCulture, $"CGCS2000 / 3-degree Gauss-Kruger CM {CentralMeridian}E");

    /// <summary>Chinese name as printed on sheets: <c>2000国家大地坐标系（CGCS2000），3度带高斯-克吕格投影，中央经线n°E（EPSG:n）</c>.</summary>
    public string TitleZh => string.Create(CultureInfo.InvariantCulture,
        $"2000国家大地坐标系（CGCS2000），3度带高斯-克吕格投影，中央经线{CentralMeridian}°E（{Name}）");

    /// <summary>Short Chinese description, e.g. <c>CGCS2000 高斯-克吕格 3 度带，中央经线 108°E</c>.</summary>
    public string DescribeZh => string.Create(CultureInfo.InvariantCulture, $"CGCS2000 高斯-克吕格 3 度带，中央经线 {CentralMeridian}°E");

    /// <summary>The English of <see cref="DescribeZh"/>.</summary>
    public string DescribeEn => string.Create(CultureInfo.InvariantCulture, $"CGCS2000 Gauss-Krüger 3-degree zone, central meridian {CentralMeridian}°E");

    /// <summary>The proj4 definition of the working form, as <c>projinfo EPSG:n -o PROJ</c> prints it.</summary>
    public string Proj4 => Proj4For(FalseEasting);

    /// <summary>The proj4 definition of the zone-prefixed form.</summary>
    public string ZonedProj4 => Proj4For(ZonedFalseEasting);

    /// <summary>The WKT1 of the working form (for GeoPackage <c>gpkg_spatial_ref_sys</c> and ProjNet).</summary>
    public string Wkt => CrsDefinitions.GaussKrugerWkt(Epsg);

    /// <summary>The WKT1 of the zone-prefixed form.</summary>
    public string ZonedWkt => CrsDefinitions.GaussKrugerWkt(ZonedEpsg);

    /// <summary>The zone with this number (25–45).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a zone of China.</exception>
    public static GaussKrugerZone Of(int zone) => zone is >= FirstZone and <= LastZone
        ? _zones[zone - FirstZone]
        : throw new ArgumentOutOfRangeException(nameof(zone), zone, "3-degree zones of China are 25–45");

    /// <summary>The zone of an EPSG code of either form (4513–4554), or null for any other code.</summary>
    public static GaussKrugerZone? FromEpsg(int epsg) => epsg switch
    {
        >= FirstEpsg and <= LastEpsg => _zones[epsg - FirstEpsg],
        >= FirstZonedEpsg and <= LastZonedEpsg => _zones[epsg - FirstZonedEpsg],
        _ => null,
    };

    /// <summary>True for the zone-prefixed codes EPSG:4513–4533.</summary>
    public static bool IsZoned(int epsg) => epsg is >= FirstZonedEpsg and <= LastZonedEpsg;

    /// <summary>True for either form (EPSG:4513–4554).</summary>
    public static bool IsGaussKruger(int epsg) => epsg is >= FirstZonedEpsg and <= LastEpsg;

    /// <summary>The zone whose central meridian is nearest <paramref name="longitude"/>: CM = 3 × round(lon / 3), a half
    /// rounding east; null outside 73.5°E–136.5°E (no CGCS2000 3-degree zone of China there) or for NaN.</summary>
    public static GaussKrugerZone? ForLongitude(double longitude)
    {
        if (!double.IsFinite(longitude))
        {
            return null;
        }

        var zone = (int)Math.Floor((longitude / 3) + 0.5);
        return zone is >= FirstZone and <= LastZone ? _zones[zone - FirstZone] : null;
    }

    /// <summary>As <see cref="ForLongitude"/>, but a longitude west or east of China takes the first or last zone.</summary>
    public static GaussKrugerZone NearestTo(double longitude) =>
        ForLongitude(longitude) ?? (longitude < 105 || !double.IsFinite(longitude) ? _zones[0] : _zones[^1]);

    /// <summary>Parses <c>EPSG:n</c>, <c>epsg:n</c> or <c>n</c>: a code of either form (4513–4554); null when it is not one.</summary>
    public static GaussKrugerZone? Parse(string? text)
    {
        var t = text?.Trim() ?? string.Empty;
        if (t.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase))
        {
            t = t[5..];
        }

        return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? FromEpsg(code) : null;
    }

    public bool Equals(GaussKrugerZone? other) => other is not null && other.Zone == Zone;

    public override bool Equals(object? obj) => Equals(obj as GaussKrugerZone);

    public override int GetHashCode() => Zone;

    public override string ToString() => Name;

    public static bool operator ==(GaussKrugerZone? a, GaussKrugerZone? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(GaussKrugerZone? a, GaussKrugerZone? b) => !(a == b);

    private string Proj4For(double falseEasting) => string.Create(CultureInfo.InvariantCulture,
        $"+proj=tmerc +lat_0=0 +lon_0={CentralMeridian} +k=1 +x_0={falseEasting:0} +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs");
}
