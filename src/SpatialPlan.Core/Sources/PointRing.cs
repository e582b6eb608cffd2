using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Sources;

/// <summary>The points of one ring of a 界址点 list, in file order.</summary>
internal sealed class PointRing
{
    public List<BoundaryPoint> Points { get; } = [];

    /// <summary>The ring closed on itself (the first point repeated at the end unless it already is).</summary>
    /// <exception cref="InputException">Fewer than 3 distinct points.</exception>
    public Coordinate[] Closed(string file)
    {
        var coords = Points.Select(p => p.Coordinate).ToList();
        if (coords.Count > 1 && coords[0].Equals2D(coords[^1]))
        {
            coords.RemoveAt(coords.Count - 1);
        }

        if (coords.Distinct().Count() < 3)
        {
            var first = Points[0];
            throw new InputException(
                $"从第 {first.Line} 行（点 {first.Name}）开始的圈只有 {coords.Distinct().Count()} 个不同的点，至少需要 3 个才能围成面（ring with fewer than 3 points）。",
                "请补全该圈的界址点；若空行把一个圈断开了，请删除这个空行。", file);
        }

        coords.Add(coords[0].Copy());
        return [.. coords];
    }
}
