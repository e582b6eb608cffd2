namespace SpatialPlan.Rendering;

/// <summary>Placeholder until the renderer lands.</summary>
public static class RenderingInfo
{
    public const string Name = "SpatialPlan.Rendering";
}
