namespace SpatialPlan.Core.Checks;

/// <summary>
/// How a footprint lies relative to one zone layer. JSON: the lower-case member name.
/// Only <see cref="Inside"/> (avoid mode) and <see cref="Outside"/> (contain mode) can be conflicts;
/// a touch or a sliver is reported as what it is and handled like <see cref="Nearby"/>.
/// </summary>
public enum ZoneRelation
{
    /// <summary>Overlaps the zone by more than the sliver tolerance (avoid), or lies inside it (contain).</summary>
    Inside = 0,

    /// <summary>Shares only a boundary with the zone: intersection of zero area.</summary>
    Touches,

    /// <summary>Overlaps by a positive area no larger than the sliver tolerance (m²).</summary>
    Sliver,

    /// <summary>No overlap, but a feature lies within the zone's buffer distance.</summary>
    Nearby,

    /// <summary>No overlap and nothing within the buffer.</summary>
    None,

    /// <summary>Contain mode only: the part outside the zone exceeds the sliver tolerance.</summary>
    Outside,
}
