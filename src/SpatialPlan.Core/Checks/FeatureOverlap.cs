using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Checks;

/// <summary>One zone feature (图斑) the footprint overlaps.</summary>
/// <param name="Id">Feature id (图斑编号).</param>
/// <param name="Name">Feature name (Chinese).</param>
/// <param name="Level">The feature's level id, or <c>*</c> in a zone without levels.</param>
/// <param name="OverlapAreaM2">Overlap area in m² (working CRS, scale-corrected).</param>
/// <param name="LandClass">The feature's <c>landClass</c> (地类), or empty.</param>
public sealed record FeatureOverlap(string Id, string Name, string Level, double OverlapAreaM2, string LandClass)
{
    /// <summary>The whole feature's area in m² (scale-corrected), or null when not measured.</summary>
    public double? FeatureAreaM2 { get; init; }

    /// <summary>The overlap as a percentage (0–100) of the feature (图斑) itself, or null when its area is unknown.</summary>
    public double? SharePercent => FeatureAreaM2 is { } a and > 0 ? Figures.PercentOf(OverlapAreaM2, a) : null;

    /// <summary>
    /// The overlap piece itself (footprint ∩ feature) in the working CRS, the geometry <see cref="OverlapAreaM2"/> was
    /// measured on; written as a GIS layer by <c>Export.CheckLayers</c>. Null for overlaps built without geometry (tests).
    /// </summary>
    public Geometry? Piece { get; init; }
}
