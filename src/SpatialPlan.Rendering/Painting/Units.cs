namespace SpatialPlan.Rendering.Painting;

/// <summary>styles.json sizes are CSS px at 96 dpi; pages are in points (1/72 inch).</summary>
internal static class Units
{
    public const float PointsPerCssPixel = 72f / 96f;

    public static float Pt(double cssPx) => (float)(cssPx * PointsPerCssPixel);
}
