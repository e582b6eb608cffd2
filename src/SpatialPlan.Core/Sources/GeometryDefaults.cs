using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Sources;

/// <summary>The geometry services the readers build with: floating precision, OverlayNG (no TopologyException on near-coincident edges).</summary>
internal static class GeometryDefaults
{
    public static NtsGeometryServices Services { get; } = new(GeometryOverlay.NG);

    public static GeometryFactory Factory { get; } = Services.CreateGeometryFactory();
}
