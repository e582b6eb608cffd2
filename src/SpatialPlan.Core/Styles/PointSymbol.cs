namespace SpatialPlan.Core.Styles;

/// <summary>
/// Marker for point features. Shapes: circle, square, star, triangle. The defaults are constructor parameters' defaults
/// (see <see cref="HatchStyle"/> for why).
/// </summary>
/// <param name="Shape">One of <see cref="Shapes"/>.</param>
/// <param name="Radius">Radius in CSS px at 96 dpi.</param>
/// <param name="Fill">Fill colour, or null.</param>
/// <param name="Stroke">Outline colour, or null.</param>
/// <param name="StrokeWidth">Outline width in CSS px at 96 dpi.</param>
public sealed record PointSymbol(string Shape = "circle", double Radius = 5, string? Fill = null, string? Stroke = null, double StrokeWidth = 1)
{
    /// <summary>The shapes a renderer must be able to draw; anything else is an error, not a silent skip.</summary>
    public static IReadOnlyList<string> Shapes { get; } = ["circle", "square", "star", "triangle"];
}
