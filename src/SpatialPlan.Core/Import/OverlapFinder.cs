using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.RelateNG;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Import;

/// <summary>Two features whose interiors overlap, and the overlap's true area.</summary>
/// <param name="A">0-based position of the first feature (the smaller one).</param>
/// <param name="B">0-based position of the second.</param>
/// <param name="AreaM2">Area of the overlap in m² (scale-corrected, <see cref="PlanarMeasure"/>).</param>
internal readonly record struct Overlap(int A, int B, double AreaM2);

/// <summary>
/// The self-join of a layer: every pair of polygonal features whose interiors overlap by more than a sliver (a shared
/// edge or corner is not an overlap; nor is an overlap at most <see cref="Tolerance"/> wide on average), with the
/// overlap's area. A flat grid over the envelopes (<see cref="EnvelopeGrid"/>) gives the candidate pairs, each once; pairs whose envelopes
/// only touch, and pairs a line separates (<see cref="GeometryChecks.Separated(Geometry, Geometry, double)"/> — all convex neighbours), are settled
/// without overlay; the rest go to RelateNG (interiors intersect?) and, when they do, OverlayNG for the area. Runs on
/// every core.
/// </summary>
internal static class OverlapFinder
{
    /// <summary>
    /// An overlap whose mean width (2 × area / perimeter) is at most this (m) is not counted: 1 mm, the default XY
    /// tolerance of ArcGIS, under which two digitised boundaries count as the same line. Shared boundaries whose vertices
    /// were rounded (to 0.1 mm, 1 mm…) leave slivers this thin between neighbours; they are not overlapping 图斑.
    /// </summary>
    public const double Tolerance = 1e-3;

    private const string InteriorsIntersect = "T********";

    /// <param name="shapes">The layer's kept geometries in the working CRS, by position (places without a polygonal shape are skipped).</param>
    /// <param name="progress">Called now and then with the share done, 0–1.</param>
    /// <param name="cancellationToken">Stops the join.</param>
    public static List<Overlap> Find(KeptShapes shapes, Action<double>? progress, CancellationToken cancellationToken)
    {
        var n = shapes.Count;
        var (minX, minY, maxX, maxY) = shapes.Envelopes();
        var grid = new EnvelopeGrid(minX, minY, maxX, maxY);
        var found = new List<Overlap>();
        var done = 0L;
        const int Block = 4096;
        var blocks = (n + Block - 1) / Block;
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, () => new Worker(shapes, grid, minX, minY, maxX, maxY), (block, _, worker) =>
        {
            var end = Math.Min(n, (block + 1) * Block);
            for (var i = block * Block; i < end; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                worker.Visit(i);
            }

            var total = Interlocked.Add(ref done, end - (block * Block));
            progress?.Invoke((double)total / n);
            return worker;
        }, worker =>
        {
            lock (found)
            {
                found.AddRange(worker.Found);
            }
        });

        found.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return found;
    }

    /// <summary>Whether the interiors of two polygonal geometries overlap (RelateNG).</summary>
    public static bool InteriorsOverlap(Geometry a, Geometry b) => RelateNG.Relate(a, b, RelatePredicate.Matches(InteriorsIntersect));

    private sealed class Worker
    {
        private readonly KeptShapes _shapes;
        private readonly EnvelopeGrid _grid;
        private readonly double[] _minX, _minY, _maxX, _maxY;
        private readonly Action<int, int> _pair;

        public Worker(KeptShapes shapes, EnvelopeGrid grid, double[] minX, double[] minY, double[] maxX, double[] maxY)
        {
            (_shapes, _grid, _minX, _minY, _maxX, _maxY) = (shapes, grid, minX, minY, maxX, maxY);
            _pair = Pair;
        }

        public List<Overlap> Found { get; } = [];

        public void Visit(int i) => _grid.PairsOf(i, _pair);

        private void Pair(int i, int j)
        {
            if (j < i)
            {
                (i, j) = (j, i);
            }

            // Envelopes that overlap by no more than the tolerance: no overlap to count.
            if (_minX[j] >= _maxX[i] - Tolerance || _minX[i] >= _maxX[j] - Tolerance || _minY[j] >= _maxY[i] - Tolerance || _minY[i] >= _maxY[j] - Tolerance)
            {
                return;
            }

            var ca = new Coordinate((_minX[i] + _maxX[i]) / 2, (_minY[i] + _maxY[i]) / 2);
            var cb = new Coordinate((_minX[j] + _maxX[j]) / 2, (_minY[j] + _maxY[j]) / 2);
            if (_shapes.Shells(i) is { } sa && _shapes.Shells(j) is { } sb && GeometryChecks.Separated(sa, ca, sb, cb, Tolerance))
            {
                return;
            }

            var a = _shapes.Geometry(i)!;
            var b = _shapes.Geometry(j)!;
            if (!InteriorsOverlap(a, b))
            {
                return;
            }

            var overlap = OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection);
            var perimeter = overlap.Length;
            if (perimeter <= 0 || 2 * overlap.Area / perimeter <= Tolerance)
            {
                return;
            }

            Found.Add(new Overlap(i, j, PlanarMeasure.AreaM2(overlap)));
        }
    }
}
