namespace SpatialPlan.DataGen;

public static class ZoneLayers
{
    public static void Build(World w, Prng rng)
    {
        _ = w;
        _ = rng;
    }
}
