using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace SpatialPlan.Core.Import;

/// <summary>
/// The written polygons an import keeps for its overlap pass (<see cref="OverlapFinder"/>), in as few objects as they
/// allow. A million 图斑 kept as NTS polygons were five objects each (polygon, ring, sequence, coordinate array,
/// envelope) that every young-generation collection copied on towards the old one: 3.5 s of the 1M import's 13 s were
/// collection pauses, nearly all of them gen-1. A polygon without holes whose shell is a packed XY sequence (what every
/// import source makes) is kept as that sequence's own coordinate array, one object; its envelope goes into four flat
/// arrays; the polygon is made again only for the few pairs that need an overlay. Anything else is kept as it is.
/// </summary>
internal sealed class KeptShapes
{
    private readonly List<object?> _shapes = []; // double[] (a simple polygon's shell, x y pairs), a Geometry, or null
    private readonly List<double> _minX = [];
    private readonly List<double> _minY = [];
    private readonly List<double> _maxX = [];
    private readonly List<double> _maxY = [];

    public int Count => _shapes.Count;

    /// <summary>Keeps <paramref name="geometry"/> (null, or a non-polygonal geometry, keeps a place with no shape).</summary>
    public void Add(Geometry? geometry)
    {
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            _shapes.Add(null);
            _minX.Add(double.NaN);
            _minY.Add(double.NaN);
            _maxX.Add(double.NaN);
            _maxY.Add(double.NaN);
            return;
        }

        _shapes.Add(geometry is Polygon { NumInteriorRings: 0 } polygon
            && polygon.ExteriorRing.CoordinateSequence is PackedDoubleCoordinateSequence { Dimension: 2, Measures: 0 } shell
            ? shell.GetRawCoordinates()
            : geometry);
        var e = geometry.EnvelopeInternal;
        _minX.Add(e.MinX);
        _minY.Add(e.MinY);
        _maxX.Add(e.MaxX);
        _maxY.Add(e.MaxY);
    }

    /// <summary>The envelopes as four arrays (NaN where there is no shape).</summary>
    public (double[] MinX, double[] MinY, double[] MaxX, double[] MaxY) Envelopes() => ([.. _minX], [.. _minY], [.. _maxX], [.. _maxY]);

    /// <summary>The shells of shape <paramref name="i"/>, for <see cref="GeometryChecks.Separated(CoordinateSequence[], Coordinate, CoordinateSequence[], Coordinate, double)"/>; null when it has none.</summary>
    public CoordinateSequence[]? Shells(int i) => _shapes[i] switch
    {
        double[] xy => [new PackedDoubleCoordinateSequence(xy, 2, 0)],
        Geometry g => GeometryChecks.Shells(g),
        _ => null,
    };

    /// <summary>Shape <paramref name="i"/> as a geometry (a simple polygon is made again around its kept coordinates).</summary>
    public Geometry? Geometry(int i) => _shapes[i] switch
    {
        double[] xy => ImportGeometry.Factory.CreatePolygon(new PackedDoubleCoordinateSequence(xy, 2, 0)),
        Geometry g => g,
        _ => null,
    };
}
