using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.HPRtree;
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
/// overlap's area. A packed Hilbert R-tree over the envelopes (<see cref="HPRtree{T}"/>: its node bounds are one array of
/// doubles, which a million queries walk about twice as fast as an STR-tree's node objects) gives the candidate pairs; pairs whose envelopes
/// only touch, and pairs a line separates (<see cref="GeometryChecks.Separated"/> — all convex neighbours), are settled
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

    /// <param name="geometries">The layer's geometries in the working CRS, by position (null or non-polygonal ones are skipped).</param>
    /// <param name="progress">Called now and then with the share done, 0–1.</param>
    /// <param name="cancellationToken">Stops the join.</param>
    public static List<Overlap> Find(IReadOnlyList<Geometry?> geometries, Action<double>? progress, CancellationToken cancellationToken)
    {
        // An array, not the list: the join reads it a dozen times per feature, and an interface call each time shows.
        var all = geometries as Geometry?[] ?? [.. geometries];
        var tree = new HPRtree<int>(16);
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i] is { IsEmpty: false } g && g is Polygon or MultiPolygon)
            {
                tree.Insert(g.EnvelopeInternal, i);
            }
        }

        tree.Build();
        var found = new List<Overlap>();
        var done = 0L;
        const int Block = 4096;
        var blocks = (all.Length + Block - 1) / Block;
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, () => new Worker(all, tree), (block, _, worker) =>
        {
            var end = Math.Min(all.Length, (block + 1) * Block);
            for (var i = block * Block; i < end; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                worker.Visit(i);
            }

            var total = Interlocked.Add(ref done, end - (block * Block));
            progress?.Invoke((double)total / all.Length);
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

    private sealed class Worker(Geometry?[] geometries, HPRtree<int> tree) : IItemVisitor<int>
    {
        private int _i;
        private Geometry _a = null!;
        private Envelope _e = null!;

        public List<Overlap> Found { get; } = [];

        public void Visit(int i)
        {
            if (geometries[i] is not { IsEmpty: false } a || a is not (Polygon or MultiPolygon))
            {
                return;
            }

            _i = i;
            _a = a;
            _e = a.EnvelopeInternal;
            tree.Query(_e, this);
        }

        public void VisitItem(int j)
        {
            if (j <= _i)
            {
                return;
            }

            var b = geometries[j]!;
            var f = b.EnvelopeInternal;
            // Envelopes that only touch (or meet within the tolerance) cannot hold an overlap of any width.
            if (f.MinX >= _e.MaxX - Tolerance || _e.MinX >= f.MaxX - Tolerance || f.MinY >= _e.MaxY - Tolerance || _e.MinY >= f.MaxY - Tolerance)
            {
                return;
            }

            if (GeometryChecks.Separated(_a, b, Tolerance) || !InteriorsOverlap(_a, b))
            {
                return;
            }

            var overlap = OverlayNGRobust.Overlay(_a, b, SpatialFunction.Intersection);
            var perimeter = overlap.Length;
            if (perimeter <= 0 || 2 * overlap.Area / perimeter <= Tolerance)
            {
                return;
            }

            Found.Add(new Overlap(_i, j, PlanarMeasure.AreaM2(overlap)));
        }
    }
}
