using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// Measures one footprint against a layer: which features it overlaps (and by how much), touches or comes near.
/// Everything here is in the footprint's working CRS; areas and distances are scale-corrected. Deciding is <see cref="ZoneDecider"/>'s job.
/// </summary>
internal sealed class ZoneEvaluator
{
    private const int CellsPerSide = 64;

    // The nearby search's pre-filter is the footprint buffered by the grid margin × this factor, 8 segments per quarter
    // circle (NTS's default). Its arcs are chords whose vertices lie on the circle, so they dip inside it by at most
    // 1 − cos(π/32) ≈ 0.5 % of the radius, and the buffer's input simplification moves the outline by at most 1 % of it
    // (outwards); 1.02 leaves every point within the margin inside the buffer. It only pre-filters: the distance that
    // decides is measured exactly (PlanarMeasure.DistanceM), as before.
    private const double NearbyBufferFactor = 1.02;

    // Buffering costs grow fast with the footprint's complexity: a footprint of 1 000 small squares took 25 s and 500 MB
    // to buffer once per zone margin (the CLI hostile corpus caught it). Beyond this many vertices the pre-filter is the
    // facet-distance search per candidate instead; both only pre-filter, the exact distance decides either way.
    private const int MaxBufferedVertices = 2_000;

    // Up to this many vertices, each candidate is first walked segment by segment against the footprint (SegmentSet, the
    // footprint segments whose boxes are far from the candidate's skipped), which tells most candidates apart, rejects the
    // far ones and gives the near ones' nearest points in one pass: cheaper than the prepared intersection test, a buffer
    // and DistanceOp. For a road of 40 vertices against 图斑 of 15 it is a few segment pairs per candidate; beyond this
    // the prepared buffer rejects faster.
    private const int MaxDirectVertices = 64;

    // Boundaries farther apart than this (grid metres) are apart for certain: the segment walk's doubles err by about a
    // nanometre at coordinates of millions of metres.
    private const double ApartGridM = 1e-6;

    private readonly Footprint _footprint;
    private readonly IPreparedGeometry _prepared;
    private readonly double _k;
    private readonly Envelope _footprintBox;
    private readonly CancellationToken _cancellation;
    private (double Margin, IPreparedGeometry Zone) _nearby;
    private IndexedFacetDistance? _facets;
    private SegmentSet? _segments;
    private bool? _footprintIsConvex;
    private IndexedPointInAreaLocator? _locator;

    public ZoneEvaluator(Footprint footprint, CancellationToken cancellation)
    {
        _footprint = footprint;
        _cancellation = cancellation;
        _prepared = PreparedGeometryFactory.Prepare(footprint.Gk);
        _footprintBox = footprint.Gk.EnvelopeInternal;

        // Grid metres per true metre near the footprint, to turn a true distance into an envelope margin.
        var boundary = footprint.Gk.Boundary;
        _k = boundary.Length > 0 ? boundary.Length / PlanarMeasure.LengthM(boundary) : 1;
    }

    public Footprint Footprint => _footprint;

    /// <summary>Overlaps, touches and features within <paramref name="proximityM"/> (true metres) of the footprint.</summary>
    public LayerContact Measure(ZoneLayer layer, double proximityM)
    {
        var margin = (proximityM * _k * 1.001) + 1e-6;
        var contact = new LayerContact(layer);

        foreach (var candidate in Candidates(layer, margin))
        {
            _cancellation.ThrowIfCancellationRequested();

            // A small footprint's segment walk tells most candidates apart (no boundary within a micrometre) in one pass,
            // and finds a near one's nearest points on the way; those need no intersection test.
            if (ApartByWalk(candidate, margin, out var near, out var crosses) is { } apart)
            {
                if (apart == Apartness.Inside)
                {
                    contact.Overlaps.Add(new Piece(candidate, candidate.Geometry, candidate.AreaM2));
                }
                else if (proximityM > 0 && near is { } points && PlanarMeasure.DistanceM(points.Here, points.There) is var d && d <= proximityM)
                {
                    contact.Nearby.Add((candidate, d));
                }

                continue;
            }

            // The prepared test is cheap and rejects most envelope hits before any overlay is built. Boundaries that the walk
            // saw cross intersect, and neither contains the other properly: the piece is measured straight away.
            if (crosses || _prepared.Intersects(candidate.Geometry))
            {
                var piece = !crosses && _prepared.ContainsProperly(candidate.Geometry) ? candidate.Geometry : Intersection(candidate.Geometry);
                var area = ReferenceEquals(piece, candidate.Geometry) ? candidate.AreaM2
                    : piece is IPolygonal || piece is GeometryCollection ? PlanarMeasure.AreaM2(piece) : 0;
                if (area > 0)
                {
                    contact.Overlaps.Add(new Piece(candidate, piece, area));
                }
                else
                {
                    contact.Nearby.Add((candidate, 0));
                }
            }
            else if (proximityM > 0 && NearDistanceM(candidate.Geometry, margin) is { } d && d <= proximityM)
            {
                contact.Nearby.Add((candidate, d));
            }
        }

        // In id order: sources return candidates in their own order (an STR-tree's, a table's), and the report lists ties
        // and builds unions in this order, so it is the same through every source. Only what was kept is sorted (most
        // candidates are neither overlaps nor nearby); the order among the kept is as if every candidate had been.
        contact.Overlaps.Sort(static (a, b) => ById(a.Feature, b.Feature));
        contact.Nearby.Sort(static (a, b) => ById(a.Feature, b.Feature));
        return contact;
    }

    private enum Apartness
    {
        /// <summary>The candidate lies outside the footprint, its boundary more than <see cref="ApartGridM"/> away.</summary>
        Outside,

        /// <summary>The candidate lies inside the footprint, its boundary more than <see cref="ApartGridM"/> away (contained properly).</summary>
        Inside,
    }

    /// <summary>
    /// For a polygonal footprint of up to <see cref="MaxDirectVertices"/> vertices and a polygon candidate: whether the
    /// segment walk shows the two boundaries apart by more than <see cref="ApartGridM"/> (and then whether the candidate is
    /// inside or outside the footprint), with the nearest points when the candidate is within <paramref name="margin"/>.
    /// Null when the boundaries come closer (touch, cross or nearly so) or the footprint may lie inside the candidate:
    /// those go through the robust prepared predicates as before. The walk's arithmetic is plain doubles, exact to about a
    /// nanometre at these coordinates; a micrometre apart is apart for certain. <paramref name="crosses"/>: the walk found
    /// the boundaries certainly crossing (<see cref="SegmentSet.NearestPoints(Geometry, Envelope, double, out double, out bool)"/>).
    /// </summary>
    private Apartness? ApartByWalk(ZoneFeature feature, double margin, out (Coordinate Here, Coordinate There)? near, out bool crosses)
    {
        near = null;
        crosses = false;
        var candidate = feature.Geometry;

        // One polygon without holes: then boundaries apart mean one inside the other or both apart, told by one vertex (a
        // hole, or a second part, could lie inside the candidate while the candidate lies outside the rest).
        if (_footprint.Gk is not Polygon { NumInteriorRings: 0 } || candidate is not Polygon polygon || _footprint.Gk.NumPoints > MaxDirectVertices)
        {
            return null;
        }

        _segments ??= SegmentSet.Of(_footprint.Gk);
        var footprintBox = _footprintBox;
        var candidateBox = feature.Envelope;

        // A candidate with a vertex inside the footprint is inside when no boundary comes within ApartGridM: a walk with
        // that limit passes over nearly every segment pair by its box alone.
        if (footprintBox.Covers(candidateBox)
            && (_locator ??= new IndexedPointInAreaLocator(_footprint.Gk)).Locate(polygon.ExteriorRing.GetCoordinateN(0)) == Location.Interior)
        {
            return _segments.NearestPoints(candidate, candidateBox, ApartGridM, out _, out crosses) is null ? Apartness.Inside : null;
        }

        // Otherwise it is outside when the boundaries are apart, unless the footprint may lie inside it (the overlay's case).
        near = _segments.NearestPoints(candidate, candidateBox, margin, out var distance, out crosses);
        if (distance <= ApartGridM || candidateBox.Covers(footprintBox))
        {
            near = null;
            return null;
        }

        return Apartness.Outside;
    }

    private static int ById(ZoneFeature a, ZoneFeature b)
    {
        var byId = string.CompareOrdinal(a.Id, b.Id);
        return byId != 0 ? byId : a.Key.CompareTo(b.Key);
    }

    /// <summary>
    /// The footprint's overlap with a feature: the convex clip when one of the two is a convex polygon and the clip is
    /// certainly right (most 图斑 are convex strips, most footprints too); else the crossing walk when the two boundaries
    /// only cross (a road over strips); else the general overlay. All give the same piece (ConvexClipTests,
    /// CrossingClipTests).
    /// </summary>
    private Geometry Intersection(Geometry candidate) =>
        (_footprint.Gk is Polygon footprint && candidate is Polygon polygon
            ? ConvexClip.TryIntersection(footprint, polygon, _footprintIsConvex ??= ConvexClip.IsConvex(footprint)) ?? CrossingClip.TryIntersection(footprint, polygon)
            : null)
        ?? OverlayNGRobust.Overlay(_footprint.Gk, candidate, SpatialFunction.Intersection);

    /// <summary>
    /// Distance in true metres from the footprint to a candidate that does not intersect it, or null when the candidate is
    /// certainly farther than <paramref name="margin"/> grid metres. A small footprint finds the nearest points segment by
    /// segment, in one pass that also rejects (<see cref="SegmentSet"/>, the points DistanceOp would find); a larger one
    /// pre-filters with the prepared buffer, then walks the segments for the near ones; a very complex one pre-filters with
    /// the facet-distance search and asks DistanceOp.
    /// </summary>
    private double? NearDistanceM(Geometry candidate, double margin)
    {
        if (_footprint.Gk.NumPoints <= MaxDirectVertices)
        {
            _segments ??= SegmentSet.Of(_footprint.Gk);
            return _segments.NearestPoints(candidate, margin) is { } nearest ? PlanarMeasure.DistanceM(nearest.Here, nearest.There) : null;
        }

        if (_footprint.Gk.NumPoints <= MaxBufferedVertices)
        {
            if (!NearbyZone(margin).Intersects(candidate))
            {
                return null;
            }

            // The same nearest points DistanceOp finds, with the segment pairs whose boxes are apart passed over.
            _segments ??= SegmentSet.Of(_footprint.Gk);
            return _segments.NearestPoints(candidate) is { } near ? PlanarMeasure.DistanceM(near.Here, near.There) : null;
        }

        return (_facets ??= new IndexedFacetDistance(_footprint.Gk)).IsWithinDistance(candidate, margin) ? PlanarMeasure.DistanceM(_footprint.Gk, candidate) : null;
    }

    /// <summary>
    /// Everything within <paramref name="margin"/> grid metres of the footprint, and a little more: a prepared buffer, made
    /// once per margin, that rejects the candidates beyond the margin with one cheap predicate instead of a facet-distance
    /// search per candidate. Not shared between threads (one evaluator per check).
    /// </summary>
    private IPreparedGeometry NearbyZone(double margin)
    {
        if (_nearby.Zone is null || _nearby.Margin != margin)
        {
            _nearby = (margin, PreparedGeometryFactory.Prepare(_footprint.Gk.Buffer((margin * NearbyBufferFactor) + 0.01)));
        }

        return _nearby.Zone;
    }

    /// <summary>Area (m²) of the pieces' union; the plain sum when the layer's features never overlap.</summary>
    public static double AreaOf(IReadOnlyCollection<Piece> pieces, bool disjoint) =>
        pieces.Count == 0 ? 0 : disjoint ? pieces.Sum(p => p.AreaM2) : Union(pieces.Select(p => p.Geometry), false) is { } u ? PlanarMeasure.AreaM2(u) : 0;

    /// <summary>The pieces as one geometry: a plain collection when they cannot overlap, else their union.</summary>
    public static Geometry? Union(IEnumerable<Geometry> pieces, bool disjoint)
    {
        var list = pieces.Where(p => p is IPolygonal).ToList();
        return list.Count switch
        {
            0 => null,
            1 => list[0],
            _ when disjoint => list[0].Factory.BuildGeometry(list.SelectMany(Polygons)),
            _ => OverlayNGRobust.Union(list[0].Factory.BuildGeometry(list)),
        };
    }

    /// <summary>The footprint minus a geometry (or the whole footprint when it is null).</summary>
    public Geometry Outside(Geometry? inside) =>
        inside is null ? _footprint.Gk : OverlayNGRobust.Overlay(_footprint.Gk, inside, SpatialFunction.Difference);

    /// <summary>Distance in metres to the layer's nearest feature, or null for an empty layer.</summary>
    public double? NearestDistance(ZoneLayer layer)
    {
        var nearest = layer.Nearest(_footprint.Gk, _cancellation);
        return nearest is null ? null : PlanarMeasure.DistanceM(_footprint.Gk, nearest.Geometry);
    }

    /// <summary>Working CRS → EPSG:4490 for highlighting; null for nothing.</summary>
    public static Geometry? Geographic(Geometry? gk, GaussKrugerZone workingCrs) =>
        gk is null || gk.IsEmpty ? null : CrsTransformer.Transform(gk, workingCrs.Epsg, Epsg.Cgcs2000);

    /// <summary>
    /// Features whose envelopes come within <paramref name="margin"/> of the footprint. For a long thin footprint (a road)
    /// its envelope is cut into cells and only cells near the footprint are queried.
    /// </summary>
    private IEnumerable<ZoneFeature> Candidates(ZoneLayer layer, double margin)
    {
        var env = _footprint.Gk.EnvelopeInternal;
        var whole = new Envelope(env);
        whole.ExpandBy(margin);
        if (_footprint.Gk.Area >= 0.25 * env.Area)
        {
            return layer.Query(whole, _cancellation);
        }

        // Cells that tile the footprint's box grown by the margin, without overlapping (a feature is read from each cell
        // its box meets, once or a few times, not from nine overlapping windows); a cell is queried when the footprint's
        // boundary may come within the margin of it (SegmentSet's lower bound, each segment marking the cells round it),
        // or when it lies inside the footprint. A feature within the margin has a point within it, in some cell, and that
        // cell is inside the footprint or within the margin of its boundary.
        // Cells next to each other in a column are one window (their union exactly): a road's column has a few, and every
        // window is a box test at each index node the query enters.
        var cell = Math.Max(Math.Max(env.Width, env.Height) / CellsPerSide, Math.Max(margin, 100));
        var nx = Math.Max(1, (int)Math.Ceiling(whole.Width / cell));
        var ny = Math.Max(1, (int)Math.Ceiling(whole.Height / cell));
        var marked = new bool[nx * ny];
        (_segments ??= SegmentSet.Of(_footprint.Gk)).MarkCellsWithin(whole.MinX, whole.MinY, cell, nx, ny, whole.MaxX, whole.MaxY, margin, marked);
        var windows = new List<Envelope>();
        for (var i = 0; i < nx; i++)
        {
            _cancellation.ThrowIfCancellationRequested();
            double left = whole.MinX + (i * cell), right = Math.Min(whole.MinX + ((i + 1) * cell), whole.MaxX);
            var start = -1;
            for (var j = 0; j <= ny; j++)
            {
                // A cell no boundary comes near lies wholly inside or wholly outside: its centre tells which.
                var take = j < ny && (marked[(i * ny) + j]
                    || (_locator ??= new IndexedPointInAreaLocator(_footprint.Gk)).Locate(
                        new Coordinate((left + right) / 2, (whole.MinY + (j * cell) + Math.Min(whole.MinY + ((j + 1) * cell), whole.MaxY)) / 2)) != Location.Exterior);
                if (take && start < 0)
                {
                    start = j;
                }
                else if (!take && start >= 0)
                {
                    windows.Add(new Envelope(left, right, whole.MinY + (start * cell), Math.Min(whole.MinY + (j * cell), whole.MaxY)));
                    start = -1;
                }
            }
        }

        // One call for every cell: the source gives each feature once (an indexed source reads it once).
        return layer.Query(windows, _cancellation);
    }

    private static IEnumerable<Geometry> Polygons(Geometry g) =>
        Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN);
}
