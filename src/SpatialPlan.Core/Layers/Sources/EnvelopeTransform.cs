using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>An envelope in one CRS as the envelope that contains it in another (edges sampled: they are curves there).</summary>
public static class EnvelopeTransform
{
    /// <summary>The envelope in <paramref name="toEpsg"/> that contains <paramref name="envelope"/> (in <paramref name="fromEpsg"/>).</summary>
    public static Envelope Transform(Envelope envelope, int fromEpsg, int toEpsg)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (fromEpsg == toEpsg || envelope.IsNull)
        {
            return new Envelope(envelope);
        }

        const int Steps = 16;
        var xs = new double[(Steps + 1) * 4];
        var ys = new double[xs.Length];
        for (int i = 0, n = 0; i <= Steps; i++)
        {
            double fx = envelope.MinX + (envelope.Width * i / Steps), fy = envelope.MinY + (envelope.Height * i / Steps);
            (xs[n], ys[n++]) = (fx, envelope.MinY);
            (xs[n], ys[n++]) = (fx, envelope.MaxY);
            (xs[n], ys[n++]) = (envelope.MinX, fy);
            (xs[n], ys[n++]) = (envelope.MaxX, fy);
        }

        CrsTransformer.TransformInPlace(xs, ys, fromEpsg, toEpsg);
        var result = new Envelope();
        for (var i = 0; i < xs.Length; i++)
        {
            result.ExpandToInclude(xs[i], ys[i]);
        }

        // A sampled curve can bulge between samples: widen by a part in a million of the size (≥ 1 cm or 1e-7°).
        result.ExpandBy(Math.Max(Math.Max(result.Width, result.Height) * 1e-6, CrsTransformer.IsGeographic(toEpsg) ? 1e-7 : 0.01));
        return result;
    }
}
