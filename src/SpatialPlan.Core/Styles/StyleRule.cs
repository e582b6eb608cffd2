namespace SpatialPlan.Core.Styles;

/// <summary>A feature-dependent variant of a layer style (OpenLayers flat-style rule: filter + style).</summary>
public sealed record StyleRule(StyleFilter Filter, LayerStyle Style);
