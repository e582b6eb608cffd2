namespace SpatialPlan.Core.Measurement;

/// <summary>Converts areas in m² to the units planners report: 亩 (mu) and 公顷 (hectares).</summary>
public static class AreaUnits
{
    /// <summary>Square metres in one 亩 (mu): 10 000 / 15 ≈ 666.667 m².</summary>
    public const double SquareMetresPerMu = 10_000.0 / 15.0;

    /// <summary>Square metres in one 公顷 (hectare).</summary>
    public const double SquareMetresPerHectare = 10_000.0;

    /// <summary>m² → 亩.</summary>
    public static double ToMu(double m2) => m2 / SquareMetresPerMu;

    /// <summary>m² → 公顷 (ha).</summary>
    public static double ToHectares(double m2) => m2 / SquareMetresPerHectare;

    /// <summary>亩 → m².</summary>
    public static double MuToM2(double mu) => mu * SquareMetresPerMu;
}
