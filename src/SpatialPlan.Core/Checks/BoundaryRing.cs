namespace SpatialPlan.Core.Checks;

/// <summary>One ring of the footprint's 界址点 table.</summary>
/// <param name="Part">1-based polygon number (a footprint may have several parts).</param>
/// <param name="Ring">0 for the outer boundary, 1, 2, … for the holes of that part.</param>
/// <param name="Points">The ring's points, starting at its north-west point, clockwise, closed (last = first).</param>
public sealed record BoundaryRing(int Part, int Ring, IReadOnlyList<BoundaryPoint> Points)
{
    /// <summary>True for a hole (内边界).</summary>
    public bool IsHole => Ring > 0;

    /// <summary>Chinese label, e.g. 第 1 地块 外边界 / 第 1 地块 内边界（洞）1.</summary>
    public string LabelZh => IsHole ? $"第 {Part} 地块 内边界（洞）{Ring}" : $"第 {Part} 地块 外边界";
}
