namespace SpatialPlan.Core.Checks;

/// <summary>What the planner's file held before it became a footprint polygon.</summary>
public enum FootprintKind
{
    /// <summary>Polygon or MultiPolygon, used as drawn (union of all features).</summary>
    Polygon = 0,

    /// <summary>LineString(s) buffered by half the declared width, flat caps.</summary>
    Line,

    /// <summary>Point(s) buffered by the declared radius.</summary>
    Point,
}
