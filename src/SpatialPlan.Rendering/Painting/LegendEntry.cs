using SpatialPlan.Core.Styles;

namespace SpatialPlan.Rendering.Painting;

/// <summary>One line of the legend: a swatch drawn with <see cref="Style"/> and its Chinese label.</summary>
internal sealed record LegendEntry(string Label, LayerStyle Style, LegendSwatch Swatch);
