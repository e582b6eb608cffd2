using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Core.Sources;

/// <summary>Swaps x and y of every coordinate (for files written latitude- or northing-first).</summary>
internal static class AxisSwapper
{
    public static Geometry Swap(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new SequenceFilter(static (xs, ys) =>
        {
            for (var i = 0; i < xs.Length; i++)
            {
                (xs[i], ys[i]) = (ys[i], xs[i]);
            }
        }));
        return copy;
    }
}
