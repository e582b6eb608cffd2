namespace SpatialPlan.Core.Styles;

/// <summary>
/// Parallel hatch lines laid over a polygon's fill (e.g. the ecological red line). Drawn in screen/paper
/// space, not map space: the pattern keeps its spacing at every zoom.
/// The defaults are constructor parameters' defaults, not property initialisers: styles.json is read through
/// source-generated metadata (CoreJson), which keeps a parameter's default for a value the file leaves out but would set
/// an init-only property it leaves out to zero.
/// </summary>
/// <param name="Angle">Direction of the lines in degrees, counter-clockwise from the page's x axis (east); 45 rises to the right.</param>
/// <param name="Spacing">Distance between neighbouring lines, measured perpendicular to them, in CSS px at 96 dpi.</param>
/// <param name="Color">Line colour as a CSS string (<c>#rrggbb</c> or <c>rgba(r,g,b,a)</c>).</param>
/// <param name="Width">Line width in CSS px at 96 dpi (a PDF renderer multiplies by 72/96 for points).</param>
public sealed record HatchStyle(double Angle = 45, double Spacing = 6, string Color = "#000000", double Width = 1);
