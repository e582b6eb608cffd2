namespace SpatialPlan.Rendering.Sheets;

/// <summary>Round map scales and scale-bar lengths.</summary>
public static class MapScale
{
    /// <summary>Metres per PDF point on paper.</summary>
    public const double MetresPerPoint = 0.0254 / 72;

    private static readonly double[] s_steps = [1, 2, 2.5, 5];

    // 1:750 000 is added to the overview range because a whole-banner A4 sheet needs about 1:515 000: the next
    // 1/2/2.5/5 step, 1:1 000 000, left the banner filling half the frame. 1:300 000 and 1:350 000 are added (issue 9)
    // because the whole-banner A3 sheet needs about 1:290 000: the jump from 1:250 000 to 1:500 000 left the banner
    // filling under half of the A3 frame. Below 1:100 000 the series stays the usual one.
    private static readonly double[] s_overviewSteps = [1, 2, 2.5, 3, 3.5, 5, 7.5];

    /// <summary>The smallest round scale denominator (1, 2, 2.5, 5 × 10ⁿ; 3, 3.5 and 7.5 × 10ⁿ from 1:100 000 up) at which an extent of
    /// <paramref name="widthM"/> × <paramref name="heightM"/> ground metres fits a frame of the given size in points.</summary>
    public static double FitDenominator(double widthM, double heightM, double frameWidthPt, double frameHeightPt)
    {
        double needed = Math.Max(widthM / (frameWidthPt * MetresPerPoint), heightM / (frameHeightPt * MetresPerPoint));
        return RoundUp(Math.Max(needed, 1));
    }

    /// <summary>The smallest 1/2/2.5/5 × 10ⁿ value not below <paramref name="value"/>, with 3, 3.5 and 7.5 × 10ⁿ too from 1:100 000 up (1:300 000, 1:350 000, 1:750 000).</summary>
    public static double RoundUp(double value)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in (magnitude >= 100_000 ? s_overviewSteps : s_steps).Append(10))
        {
            if (step * magnitude >= value * (1 - 1e-12))
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    /// <summary>The largest 1/2/5 × 10ⁿ ground length (m) whose bar is at most <paramref name="maxPt"/> long.</summary>
    public static double BarLengthM(double denominator, double maxPt)
    {
        double maxM = maxPt * MetresPerPoint * denominator;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(maxM)));
        foreach (var step in new double[] { 5, 2, 1 })
        {
            if (step * magnitude <= maxM)
            {
                return step * magnitude;
            }
        }

        return magnitude;
    }

    /// <summary>"1:250 000" with a thin space grouping as Chinese maps print it.</summary>
    public static string Format(double denominator) =>
        "1:" + ((long)Math.Round(denominator)).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', ' ');
}
