namespace SpatialPlan.Rendering.Sheets;

/// <summary>ISO paper sizes a sheet can be printed on.</summary>
public enum Paper
{
    /// <summary>210 × 297 mm.</summary>
    A4 = 0,

    /// <summary>297 × 420 mm.</summary>
    A3,
}
