namespace SpatialPlan.Core.Checks;

/// <summary>How a zone category constrains a footprint. JSON: <c>avoid</c> / <c>contain</c>.</summary>
public enum ZoneMode
{
    /// <summary>The footprint should stay out of the zone; the conflict is the overlap.</summary>
    Avoid = 0,

    /// <summary>The footprint should lie inside the zone; the conflict is the part outside.</summary>
    Contain,
}
