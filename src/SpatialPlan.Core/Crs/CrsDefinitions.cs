using ProjNet.CoordinateSystems;

namespace SpatialPlan.Core.Crs;

/// <summary>
/// WKT1 definitions of the CRSs SpatialPlan supports, written here because ProjNet ships no EPSG database.
/// Parameters are those of the EPSG registry (checked against PROJ's <c>projinfo EPSG:4545</c>).
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

    /// <summary>CGCS2000 3-degree Gauss-Kruger CM 108°E, false easting 500 000 m (EPSG:4545).</summary>
    public static readonly string GaussKruger108Wkt = GaussKrugerWkt("CGCS2000 / 3-degree Gauss-Kruger CM 108E", 500_000, Epsg.GaussKruger108);

    /// <summary>CGCS2000 3-degree Gauss-Kruger zone 36, false easting 36 500 000 m (EPSG:4524).</summary>
    public static readonly string GaussKruger108ZonedWkt = GaussKrugerWkt("CGCS2000 / 3-degree Gauss-Kruger zone 36", 36_500_000, Epsg.GaussKruger108Zoned);

    private static readonly Lazy<GeographicCoordinateSystem> _cgcs2000 =
        new(() => (GeographicCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(Cgcs2000Wkt));

    private static readonly Lazy<ProjectedCoordinateSystem> _gk =
        new(() => (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(GaussKruger108Wkt));

    private static readonly Lazy<ProjectedCoordinateSystem> _gkZoned =
        new(() => (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(GaussKruger108ZonedWkt));

    /// <summary>The CGCS2000 geographic system (EPSG:4490).</summary>
    public static GeographicCoordinateSystem Cgcs2000 => _cgcs2000.Value;

    /// <summary>The projected system for a Gauss-Kruger code (4545 or 4524).</summary>
    public static ProjectedCoordinateSystem GaussKruger(int epsg) => epsg switch
    {
        Epsg.GaussKruger108 => _gk.Value,
        Epsg.GaussKruger108Zoned => _gkZoned.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(epsg), epsg, "not a Gauss-Kruger code"),
    };

    private static string GaussKrugerWkt(string name, double falseEasting, int epsg) =>
        $"PROJCS[\"{name}\",{Cgcs2000Wkt}," +
        "PROJECTION[\"Transverse_Mercator\"]," +
        "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",108]," +
        "PARAMETER[\"scale_factor\",1]," +
        FormattableString.Invariant($"PARAMETER[\"false_easting\",{falseEasting}],PARAMETER[\"false_northing\",0],") +
        "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]]," +
        $"AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"{epsg}\"]]";
}
