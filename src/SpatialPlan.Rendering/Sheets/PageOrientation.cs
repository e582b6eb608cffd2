namespace SpatialPlan.Rendering.Sheets;

/// <summary>Which way the paper is turned.</summary>
public enum PageOrientation
{
    /// <summary>Wider than tall (default for map sheets).</summary>
    Landscape = 0,

    /// <summary>Taller than wide.</summary>
    Portrait,
}
