using NetTopologySuite.Geometries;

namespace SpatialPlan.DataGen;

public static class Topology
{
    public static void CheckFarmland(World w, List<(Geometry Geometry, Props Props)> farmland)
    {
        _ = w;
        _ = farmland;
    }
}
