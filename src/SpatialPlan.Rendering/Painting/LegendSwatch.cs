namespace SpatialPlan.Rendering.Painting;

/// <summary>The kind of swatch a legend entry shows, from its features' geometry.</summary>
internal enum LegendSwatch
{
    Area,
    Line,
    Point,
}
