namespace SpatialPlan.Core.Styles;

/// <summary>Marker for point features. Shapes: circle, square, star, triangle.</summary>
public sealed record PointSymbol
{
    /// <summary>The shapes a renderer must be able to draw; anything else is an error, not a silent skip.</summary>
    public static IReadOnlyList<string> Shapes { get; } = ["circle", "square", "star", "triangle"];

    public string Shape { get; init; } = "circle";

    /// <summary>Radius in CSS px at 96 dpi.</summary>
    public double Radius { get; init; } = 5;

    public string? Fill { get; init; }

    public string? Stroke { get; init; }

    public double StrokeWidth { get; init; } = 1;
}
