using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Core.Measurement;

/// <summary>
/// The point scale factor of a CGCS2000 3-degree Gauss-Kruger zone (transverse Mercator, k0 = 1, false easting
/// 500 000 m, any central meridian) as a function of the easting offset u = x − 500 000 m:
/// k(u) = 1 + u²/(2ρν) + u⁴/(24ρ²ν²), with ρν (the product of the meridian and prime-vertical radii) taken at the
/// geometry's latitude. The next term is below 1e-9 anywhere in a 3-degree zone (|u| ≤ 170 km).
/// <para>
/// Nothing here depends on the zone: in transverse Mercator the latitude of a grid point (x, y) and k are functions of
/// x − FE and y alone; the central meridian only shifts longitudes. So one formula serves every working CRS, and the
/// latitude is found by inverting any zone (<see cref="LatitudeOf"/>).
/// </para>
/// </summary>
internal readonly struct GaussKrugerScale
{
    private const double SemiMajor = 6_378_137.0;
    private const double InverseFlattening = 298.257222101;
    private const double FalseEasting = 500_000.0;

    private readonly double _a;
    private readonly double _b;

    private GaussKrugerScale(double rhoNu)
    {
        _a = 1.0 / (2.0 * rhoNu);
        _b = 1.0 / (24.0 * rhoNu * rhoNu);
    }

    /// <summary>The scale for a geometry in a Gauss-Kruger working CRS, with ρν at the latitude of its envelope centre.</summary>
    public static GaussKrugerScale For(Geometry gk) => AtLatitude(LatitudeOf(gk.EnvelopeInternal.Centre));

    /// <summary>
    /// The latitude (degrees) of a grid point of any CGCS2000 3-degree zone without prefix. Inverting the first zone gives
    /// the same latitude as inverting the point's own zone (the central meridian does not enter it). A point the inverse
    /// cannot place falls back to the meridian-arc estimate y / 110.95 km.
    /// </summary>
    public static double LatitudeOf(Coordinate gk)
    {
        var lat = CrsTransformer.Transform(gk, GaussKrugerZone.All[0].Epsg, Epsg.Cgcs2000).Y;
        return double.IsFinite(lat) ? lat : Math.Clamp(gk.Y / 110_950.0, -89, 89);
    }

    /// <summary>The scale with ρν at <paramref name="latitudeDeg"/>.</summary>
    public static GaussKrugerScale AtLatitude(double latitudeDeg)
    {
        var f = 1.0 / InverseFlattening;
        var e2 = f * (2 - f);
        var s = Math.Sin(latitudeDeg * Math.PI / 180);
        var w = 1 - (e2 * s * s);
        var nu = SemiMajor / Math.Sqrt(w);
        var rho = SemiMajor * (1 - e2) / (w * Math.Sqrt(w));
        return new GaussKrugerScale(rho * nu);
    }

    /// <summary>Point scale factor k at easting <paramref name="x"/> (metres, false easting 500 000 m).</summary>
    public double K(double x)
    {
        var u2 = Sq(x - FalseEasting);
        return 1 + (_a * u2) + (_b * u2 * u2);
    }

    /// <summary>
    /// ∫ du / k(u)² from 0 to u = x − 500 000, so that ∮ G dy over a ring is its true (ellipsoidal) area:
    /// TM is conformal, so a grid area element dA maps to dA/k² on the ellipsoid.
    /// 1/k² = 1 − 2a·u² + (3a² − 2b)·u⁴ + O(u⁶).
    /// </summary>
    public double AreaPrimitive(double x)
    {
        var u = x - FalseEasting;
        var u2 = u * u;
        var c4 = (3 * _a * _a) - (2 * _b);
        return u * (1 - (2 * _a / 3 * u2) + (c4 / 5 * u2 * u2));
    }

    private static double Sq(double v) => v * v;
}
