using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Crs;

/// <summary>Applies an in-place operation on the x and y arrays of every coordinate sequence of a geometry.</summary>
internal sealed class SequenceFilter(SequenceFilter.XyAction action) : ICoordinateSequenceFilter
{
    public delegate void XyAction(Span<double> xs, Span<double> ys);

    public bool Done => false;

    public bool GeometryChanged => true;

    public void Filter(CoordinateSequence seq, int i)
    {
        // NTS calls Filter once per coordinate; the whole sequence is done at i == 0 so ProjNet's
        // span path can run over it in one call.
        if (i != 0)
        {
            return;
        }

        var n = seq.Count;
        var xs = new double[n];
        var ys = new double[n];
        for (var k = 0; k < n; k++)
        {
            xs[k] = seq.GetX(k);
            ys[k] = seq.GetY(k);
        }

        action(xs, ys);
        for (var k = 0; k < n; k++)
        {
            seq.SetX(k, xs[k]);
            seq.SetY(k, ys[k]);
        }
    }
}
