namespace SpatialPlan.Core.Checks;

/// <summary>
/// How a footprint lies relative to one zone layer (or one level of it), as docs/rules-model.md §4 names it.
/// JSON: <c>inside</c>, <c>inside-major</c>, <c>sliver</c>, <c>touches</c>, <c>near</c>, <c>none</c> (avoid zones) and
/// <c>outside</c>, <c>outside-sliver</c>, <c>within</c> (contain zones). Members are ordered by weight within each
/// mode, so that of two levels with the same verdict the heavier situation describes the zone.
/// </summary>
public enum Situation
{
    /// <summary>Avoid mode: no overlap, no shared boundary, nothing within the proximity distance.</summary>
    None = 0,

    /// <summary>Avoid mode: no overlap, but a feature lies within the zone's proximity distance (a system setting, not law).</summary>
    Near,

    /// <summary>Avoid mode: shares only a boundary (an intersection of zero area).</summary>
    Touches,

    /// <summary>Avoid mode: 0 &lt; overlap ≤ sliverM2 (微小重叠，需核实).</summary>
    Sliver,

    /// <summary>Avoid mode: overlap &gt; sliverM2.</summary>
    Inside,

    /// <summary>Avoid mode: overlap &gt; sliverM2 and the project carries a category of the zone's major-project list.</summary>
    InsideMajor,

    /// <summary>Contain mode: wholly inside the zone.</summary>
    Within,

    /// <summary>Contain mode: 0 &lt; part outside ≤ sliverM2.</summary>
    OutsideSliver,

    /// <summary>Contain mode: part outside &gt; sliverM2.</summary>
    Outside,
}
