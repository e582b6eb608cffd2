namespace SpatialPlan.Core.Styles;

/// <summary>
/// Parallel hatch lines laid over a polygon's fill (e.g. the ecological red line). Drawn in screen/paper
/// space, not map space: the pattern keeps its spacing at every zoom.
/// </summary>
public sealed record HatchStyle
{
    /// <summary>Direction of the lines in degrees, counter-clockwise from the page's x axis (east); 45 rises to the right.</summary>
    public double Angle { get; init; } = 45;

    /// <summary>Distance between neighbouring lines, measured perpendicular to them, in CSS px at 96 dpi.</summary>
    public double Spacing { get; init; } = 6;

    /// <summary>Line colour as a CSS string (<c>#rrggbb</c> or <c>rgba(r,g,b,a)</c>).</summary>
    public string Color { get; init; } = "#000000";

    /// <summary>Line width in CSS px at 96 dpi (a PDF renderer multiplies by 72/96 for points).</summary>
    public double Width { get; init; } = 1;
}
