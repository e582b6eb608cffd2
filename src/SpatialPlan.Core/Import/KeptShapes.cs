using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace SpatialPlan.Core.Import;

/// <summary>
/// The written polygons an import keeps for its overlap pass (<see cref="OverlapFinder"/>), out of the collector's way.
/// A million 图斑 kept as NTS polygons were five objects each (polygon, ring, sequence, coordinate array, envelope), and
/// even as one coordinate array each they were a quarter of a gigabyte of small objects that every young-generation
/// collection copied on towards the old one (the pauses were 2–3 s of a 13–15 s import). A polygon without holes whose
/// shell is a packed XY sequence (what every import source makes) has its coordinates copied into large shared blocks
/// (8 MB each, which the collector never moves), its place and length into flat lists, its envelope into four more; the
/// polygon is made again only for the few pairs that need an overlay. Anything else is kept as it is.
/// </summary>
internal sealed class KeptShapes
{
    // Doubles per block: 8 MB, in the large-object heap (never copied by a collection). A longer shell gets a block of its own.
    private const int BlockLength = 1 << 20;

    private readonly List<double[]> _blocks = [];
    private int _used = BlockLength; // doubles used in the last block (full: the next shape starts a block)
    private readonly List<long> _at = []; // block index << 32 | offset of a kept shell; -1 for none
    private readonly List<int> _length = []; // doubles in the kept shell (x y pairs)
    private readonly Dictionary<int, Geometry> _others = []; // shapes kept as they are (holes, several parts, other sequences)
    private readonly List<double> _minX = [];
    private readonly List<double> _minY = [];
    private readonly List<double> _maxX = [];
    private readonly List<double> _maxY = [];

    public int Count => _at.Count;

    /// <summary>Keeps <paramref name="geometry"/> (null, or a non-polygonal geometry, keeps a place with no shape).</summary>
    public void Add(Geometry? geometry)
    {
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            _at.Add(-1);
            _length.Add(0);
            _minX.Add(double.NaN);
            _minY.Add(double.NaN);
            _maxX.Add(double.NaN);
            _maxY.Add(double.NaN);
            return;
        }

        if (geometry is Polygon { NumInteriorRings: 0 } polygon
            && polygon.ExteriorRing.CoordinateSequence is PackedDoubleCoordinateSequence { Dimension: 2, Measures: 0 } shell)
        {
            var xy = shell.GetRawCoordinates();
            if (_used + xy.Length > BlockLength)
            {
                _blocks.Add(new double[Math.Max(BlockLength, xy.Length)]);
                _used = 0;
            }

            xy.CopyTo(_blocks[^1], _used);
            _at.Add(((long)(_blocks.Count - 1) << 32) | (uint)_used);
            _length.Add(xy.Length);
            _used += xy.Length;
        }
        else
        {
            _others[_at.Count] = geometry;
            _at.Add(-1);
            _length.Add(0);
        }

        var e = geometry.EnvelopeInternal;
        _minX.Add(e.MinX);
        _minY.Add(e.MinY);
        _maxX.Add(e.MaxX);
        _maxY.Add(e.MaxY);
    }

    /// <summary>The envelopes as four arrays (NaN where there is no shape).</summary>
    public (double[] MinX, double[] MinY, double[] MaxX, double[] MaxY) Envelopes() => ([.. _minX], [.. _minY], [.. _maxX], [.. _maxY]);

    /// <summary>The shells of shape <paramref name="i"/>, for <see cref="GeometryChecks.Separated(CoordinateSequence[], Coordinate, CoordinateSequence[], Coordinate, double)"/>; null when it has none.</summary>
    public CoordinateSequence[]? Shells(int i) => _at[i] >= 0
        ? [new SliceSequence(_blocks[(int)(_at[i] >> 32)], (int)(_at[i] & uint.MaxValue), _length[i] / 2)]
        : _others.TryGetValue(i, out var g) ? GeometryChecks.Shells(g) : null;

    /// <summary>Shape <paramref name="i"/> as a geometry (a simple polygon is made again around a copy of its kept coordinates).</summary>
    public Geometry? Geometry(int i) => _at[i] >= 0
        ? ImportGeometry.Factory.CreatePolygon(new PackedDoubleCoordinateSequence(
            _blocks[(int)(_at[i] >> 32)].AsSpan((int)(_at[i] & uint.MaxValue), _length[i]).ToArray(), 2, 0))
        : _others.GetValueOrDefault(i);

    /// <summary>A read-only XY sequence over part of a block: what the separation test reads, without a copy.</summary>
    private sealed class SliceSequence(double[] block, int offset, int count) : CoordinateSequence(count, 2, 0)
    {
        public override double GetX(int index) => block[offset + (2 * index)];

        public override double GetY(int index) => block[offset + (2 * index) + 1];

        public override double GetOrdinate(int index, int ordinateIndex) => ordinateIndex switch
        {
            0 => GetX(index),
            1 => GetY(index),
            _ => double.NaN,
        };

        public override void SetOrdinate(int index, int ordinateIndex, double value) =>
            throw new NotSupportedException("A kept shape is read-only.");

        public override CoordinateSequence Copy() => new PackedDoubleCoordinateSequence(block.AsSpan(offset, 2 * Count).ToArray(), 2, 0);
    }
}
