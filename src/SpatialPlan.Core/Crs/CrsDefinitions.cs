using System.Collections.Concurrent;
using System.Globalization;
using ProjNet.CoordinateSystems;

namespace SpatialPlan.Core.Crs;

/// <summary>
/// WKT1 definitions of the CRSs SpatialPlan supports, written here because ProjNet ships no EPSG database.
/// The Gauss-Kruger definitions are generated per zone from the EPSG registry's parameters (transverse Mercator,
/// latitude of origin 0, CM 3n°E, k0 = 1, false easting 500 000 m or n × 1 000 000 + 500 000 m, false northing 0, on
/// the CGCS2000 ellipsoid), which <c>projinfo EPSG:4513 … EPSG:4554 -o PROJ</c> prints for every code.
/// Axis order is always x = east (longitude), y = north (latitude), whatever the registry says,
/// because GIS files (GeoJSON, Shapefile) store coordinates that way.
/// </summary>
internal static class CrsDefinitions
{
    /// <summary>CGCS2000 geographic. Its ellipsoid differs from WGS84 by 0.1 mm in b; we treat the two as one datum.</summary>
    public const string Cgcs2000Wkt =
        "GEOGCS[\"China Geodetic Coordinate System 2000\"," +
        "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]]," +
        "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]," +
        "AXIS[\"Lon\",EAST],AXIS[\"Lat\",NORTH],AUTHORITY[\"EPSG\",\"4490\"]]";

    private static readonly Lazy<GeographicCoordinateSystem> _cgcs2000 =
        new(() => (GeographicCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(Cgcs2000Wkt));

    private static readonly ConcurrentDictionary<int, ProjectedCoordinateSystem> _gk = new();

    /// <summary>The CGCS2000 geographic system (EPSG:4490).</summary>
    public static GeographicCoordinateSystem Cgcs2000 => _cgcs2000.Value;

    /// <summary>The projected system for a Gauss-Kruger code (EPSG:4513–4554).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a Gauss-Kruger code.</exception>
    public static ProjectedCoordinateSystem GaussKruger(int epsg) => _gk.GetOrAdd(epsg, static code =>
        (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(GaussKrugerWkt(code)));

    /// <summary>The WKT1 of a Gauss-Kruger code (EPSG:4513–4554).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a Gauss-Kruger code.</exception>
    public static string GaussKrugerWkt(int epsg)
    {
        var zone = GaussKrugerZone.FromEpsg(epsg)
            ?? throw new ArgumentOutOfRangeException(nameof(epsg), epsg, "not a CGCS2000 3-degree Gauss-Kruger code (4513–4554)");
        var zoned = GaussKrugerZone.IsZoned(epsg);
        var name = zoned
            ? string.Create(CultureInfo.InvariantCulture, $"CGCS2000 / 3-degree Gauss-Kruger zone {zone.Zone}")
            : zone.RegistryName;
        var falseEasting = zoned ? zone.ZonedFalseEasting : GaussKrugerZone.FalseEasting;
        var parameters = string.Create(CultureInfo.InvariantCulture,
            $"PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{zone.CentralMeridian}],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",{falseEasting}],PARAMETER[\"false_northing\",0],");
        return $"PROJCS[\"{name}\",{Cgcs2000Wkt},PROJECTION[\"Transverse_Mercator\"],{parameters}" +
               $"UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"{epsg}\"]]";
    }
}
