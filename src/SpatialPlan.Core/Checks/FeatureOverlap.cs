namespace SpatialPlan.Core.Checks;

/// <summary>One zone feature the footprint overlaps.</summary>
/// <param name="Id">Feature id.</param>
/// <param name="Name">Feature name (Chinese).</param>
/// <param name="OverlapAreaM2">Overlap area in m² (EPSG:4545, scale-corrected).</param>
/// <param name="Important">True when the feature is marked <c>important</c>.</param>
public sealed record FeatureOverlap(string Id, string Name, double OverlapAreaM2, bool Important);
