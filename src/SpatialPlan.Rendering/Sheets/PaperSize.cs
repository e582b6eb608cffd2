using SkiaSharp;

namespace SpatialPlan.Rendering.Sheets;

/// <summary>Paper sizes in PDF points (1/72 inch).</summary>
public static class PaperSize
{
    private const float PointsPerMm = 72f / 25.4f;

    /// <summary>Width × height in points for a paper and orientation (A4 landscape ≈ 841.9 × 595.3).</summary>
    public static SKSize Points(Paper paper, PageOrientation orientation)
    {
        var (shortMm, longMm) = paper switch
        {
            Paper.A4 => (210f, 297f),
            Paper.A3 => (297f, 420f),
            _ => throw new ArgumentOutOfRangeException(nameof(paper), paper, "未知纸张 / unknown paper"),
        };
        return orientation == PageOrientation.Landscape
            ? new SKSize(longMm * PointsPerMm, shortMm * PointsPerMm)
            : new SKSize(shortMm * PointsPerMm, longMm * PointsPerMm);
    }
}
