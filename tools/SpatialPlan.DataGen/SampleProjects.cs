namespace SpatialPlan.DataGen;

public static class SampleProjects
{
    public static void Write(World w, string dir)
    {
        _ = w;
        _ = dir;
    }
}
