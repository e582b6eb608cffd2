namespace SpatialPlan.Core.Sources;

/// <summary>One change made to the input so it could be used. Repairs are always reported, never silent.</summary>
/// <param name="FeatureIndex">Zero-based index of the feature in its file.</param>
/// <param name="Problem">What was wrong (e.g. 自相交 self-intersection at a coordinate).</param>
/// <param name="Action">What was done (e.g. GeometryFixer split the bow-tie into two polygons).</param>
/// <param name="AreaChangeM2">Area after minus area before, in m² (in the Gauss-Kruger zone of the feature's centre, scale-corrected), when it applies.</param>
public sealed record Repair(int FeatureIndex, string Problem, string Action, double? AreaChangeM2 = null);
