using NetTopologySuite.Geometries;

namespace SpatialPlan.DataGen;

public static class FarmlandGenerator
{
    public static List<(Geometry Geometry, Props Props)> Generate(World w, int? parcels)
    {
        _ = w;
        _ = parcels;
        return [];
    }
}
