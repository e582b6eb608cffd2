using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Checks;

/// <summary>A zone feature within the proximity distance that the footprint does not overlap.</summary>
/// <param name="Id">Feature id.</param>
/// <param name="Name">Feature name (Chinese).</param>
/// <param name="Level">The feature's level id, or <c>*</c>.</param>
/// <param name="DistanceM">Shortest distance to the footprint in metres (scale-corrected; 0 when touching).</param>
public sealed record NearbyFeature(string Id, string Name, string Level, double DistanceM)
{
    /// <summary>The feature's geometry in the working CRS (written as a GIS layer by <c>Export.CheckLayers</c>), or null.</summary>
    public Geometry? Geometry { get; init; }
}
