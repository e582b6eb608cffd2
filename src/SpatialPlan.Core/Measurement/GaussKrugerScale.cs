using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Core.Measurement;

/// <summary>
/// The point scale factor of the EPSG:4545 transverse Mercator (k0 = 1, CM 108°E) as a function of the
/// easting offset u = x − 500 000 m: k(u) = 1 + u²/(2ρν) + u⁴/(24ρ²ν²), with ρν (the product of the
/// meridian and prime-vertical radii) taken at the geometry's latitude. The next term is ~1e-10 at the banner.
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

    /// <summary>The scale for a geometry in EPSG:4545, with ρν at the latitude of its envelope centre.</summary>
    public static GaussKrugerScale For(Geometry gk4545)
    {
        var centre = gk4545.EnvelopeInternal.Centre;
        var lat = CrsTransformer.Transform(centre, Epsg.GaussKruger108, Epsg.Cgcs2000).Y;
        return AtLatitude(double.IsFinite(lat) ? lat : 40.85);
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

    /// <summary>Point scale factor k at easting <paramref name="x"/> (metres, EPSG:4545).</summary>
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
