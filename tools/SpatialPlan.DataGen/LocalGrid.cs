using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace SpatialPlan.DataGen;

/// <summary>
/// An affine local grid in metres around (107.0 E, 40.85 N): x = (lon - 107.0) * mx, y = (lat - 40.85) * my.
/// Being affine, it maps straight edges to straight edges, so overlaps, gaps and containment computed in
/// metres hold exactly in EPSG:4490 degrees too. Scale error over the banner is below 0.5 %, which is fine for
/// schematic geometry (the site check measures in EPSG:4545 itself).
/// </summary>
public static class LocalGrid
{
    public const double Lon0 = 107.0;
    public const double Lat0 = 40.85;

    private static readonly double Phi = Lat0 * Math.PI / 180.0;

    /// <summary>Metres per degree of longitude at Lat0 (WGS84/CGCS2000 ellipsoid series).</summary>
    public static readonly double MetresPerDegLon = 111412.84 * Math.Cos(Phi) - 93.5 * Math.Cos(3 * Phi);

    /// <summary>Metres per degree of latitude at Lat0.</summary>
    public static readonly double MetresPerDegLat =
        111132.92 - 559.82 * Math.Cos(2 * Phi) + 1.175 * Math.Cos(4 * Phi);

    private static readonly AffineTransformation ToMetres = new(
        MetresPerDegLon, 0, -Lon0 * MetresPerDegLon, 0, MetresPerDegLat, -Lat0 * MetresPerDegLat);

    private static readonly AffineTransformation ToDegrees = ToMetres.GetInverse();

    public static Geometry Metres(Geometry lonLat) => ToMetres.Transform(lonLat);

    public static Geometry Degrees(Geometry metres) => ToDegrees.Transform(metres);

    public static Coordinate Metres(double lon, double lat) =>
        new((lon - Lon0) * MetresPerDegLon, (lat - Lat0) * MetresPerDegLat);
}
