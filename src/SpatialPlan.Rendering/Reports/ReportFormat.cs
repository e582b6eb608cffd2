using System.Globalization;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Rendering.Reports;

/// <summary>How the report prints numbers: m² with grouping, 亩 (1 亩 = 10 000/15 m²) and 公顷 (10 000 m²).</summary>
internal static class ReportFormat
{
    public static string M2(double m2) => m2.ToString("#,0.0", CultureInfo.InvariantCulture);

    public static string Mu(double m2) => AreaUnits.ToMu(m2).ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Ha(double m2) => AreaUnits.ToHectares(m2).ToString("#,0.0000", CultureInfo.InvariantCulture);

    public static string Percent(double percent) => percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Metres(double? m) => m is { } d ? d.ToString("#,0", CultureInfo.InvariantCulture) + " m" : "—";

    /// <summary>"12,345.6 m²（18.52 亩，1.2346 公顷）".</summary>
    public static string Area(double m2) => $"{M2(m2)} m²（{Mu(m2)} 亩，{Ha(m2)} 公顷）";

    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
