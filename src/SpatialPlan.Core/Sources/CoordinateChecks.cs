using System.Globalization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace SpatialPlan.Core.Sources;

/// <summary>
/// What every format gets after reading: non-finite x/y refused with the feature and vertex named, Z and M dropped
/// (the check is planar; OverlayNG's elevation model would otherwise write Z into the zones' 2D coordinates and throw)
/// with a <see cref="Repair"/> saying so.
/// </summary>
internal static class CoordinateChecks
{
    /// <summary>Throws <see cref="InputException"/> at the first NaN or infinite x or y.</summary>
    public static void RequireFinite(Geometry geometry, int featureIndex, string file)
    {
        var vertex = 0;
        foreach (var c in geometry.Coordinates)
        {
            vertex++;
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
            {
                throw new InputException(
                    string.Create(CultureInfo.InvariantCulture, $"第 {vertex} 个顶点的坐标（{c.X}, {c.Y}）不是有效数字（NaN 或无穷大）（vertex {vertex} is NaN or infinite）。"),
                    "请在 GIS 软件中检查并改正该要素的坐标（常见于导出时的空值或除零），或删除该要素。", file, featureIndex);
            }
        }
    }

    /// <summary>Returns the geometry with x/y only, and adds a repair when Z or M values were dropped.</summary>
    /// <param name="geometry">As read.</param>
    /// <param name="featureIndex">For the repair.</param>
    /// <param name="repairs">Where the repair goes.</param>
    /// <param name="ordinatesInFile">How many ordinates the file's positions had, when the reader knows (3 = Z, 4 = Z and M).</param>
    public static Geometry Flatten(Geometry geometry, int featureIndex, List<Repair> repairs, int ordinatesInFile = 2)
    {
        var (hasZ, hasM) = (ordinatesInFile >= 3, ordinatesInFile >= 4);
        geometry.Apply(new Probe((z, m) => (hasZ, hasM) = (hasZ || z, hasM || m)));
        if (!hasZ && !hasM && Is2D(geometry))
        {
            return geometry;
        }

        var flat = new Flattener().Transform(geometry);
        flat.SRID = geometry.SRID;
        if (hasZ || hasM)
        {
            var (zh, en) = (hasZ, hasM) switch
            {
                (true, true) => ("Z（高程）和 M（量测）值", "Z and M dropped"),
                (true, false) => ("Z（高程）值", "Z dropped"),
                _ => ("M（量测）值", "M dropped"),
            };
            repairs.Add(new Repair(featureIndex, $"坐标带有 {zh}（{en}）。",
                "已忽略，按二维（x, y）计算面积与重叠；高程不影响平面上的占地判断（read as 2D）。"));
        }

        return flat;
    }

    /// <summary>Attributes stay as read; only geometries change.</summary>
    public static IFeature WithGeometry(IFeature feature, Geometry geometry) =>
        ReferenceEquals(feature.Geometry, geometry) ? feature : new Feature(geometry, feature.Attributes);

    private static bool Is2D(Geometry geometry)
    {
        var flat = true;
        geometry.Apply(new Probe((_, _) => { }, seq => flat &= seq.Dimension == 2 && seq.Measures == 0));
        return flat;
    }

    private sealed class Probe(Action<bool, bool> seen, Action<CoordinateSequence>? sequence = null) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => false;

        public void Filter(CoordinateSequence seq)
        {
            sequence?.Invoke(seq);
            var (z, m) = (false, false);
            for (var i = 0; i < seq.Count && !(z && m); i++)
            {
                z |= seq.HasZ && !double.IsNaN(seq.GetZ(i));
                m |= seq.HasM && !double.IsNaN(seq.GetM(i));
            }

            seen(z, m);
        }
    }

    private sealed class Flattener : GeometryTransformer
    {
        protected override CoordinateSequence TransformCoordinates(CoordinateSequence coords, Geometry parent)
        {
            var xy = new Coordinate[coords.Count];
            for (var i = 0; i < xy.Length; i++)
            {
                xy[i] = new Coordinate(coords.GetX(i), coords.GetY(i));
            }

            return Factory.CoordinateSequenceFactory.Create(xy);
        }
    }
}
