namespace SpatialPlan.Core.Checks;

/// <summary>The part of the footprint that lies in one neighbouring county (outside the data's area).</summary>
/// <param name="Id">Feature id of the neighbour (e.g. its adcode).</param>
/// <param name="Name">Its name, e.g. 临河区.</param>
/// <param name="AreaM2">Area of the footprint inside it, m² scale-corrected.</param>
public sealed record NeighbourShare(string Id, string Name, double AreaM2);
