using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Checks;

/// <summary>Measures one footprint against zone layers. Everything here is in EPSG:4545; areas/distances scale-corrected.</summary>
internal sealed class ZoneEvaluator
{
    private const int CellsPerSide = 64;

    private readonly Footprint _footprint;
    private readonly CheckOptions _options;
    private readonly double _sliverM2;
    private readonly IPreparedGeometry _prepared;
    private readonly double _k;
    private readonly IndexedFacetDistance _facets;

    public ZoneEvaluator(Footprint footprint, CheckOptions options, double sliverM2)
    {
        _footprint = footprint;
        _options = options;
        _sliverM2 = sliverM2;
        _prepared = PreparedGeometryFactory.Prepare(footprint.Gk);
        _facets = new IndexedFacetDistance(footprint.Gk);

        // Grid metres per true metre near the footprint, to turn a true buffer distance into an envelope margin.
        var boundary = footprint.Gk.Boundary;
        _k = boundary.Length > 0 ? boundary.Length / PlanarMeasure.LengthM(boundary) : 1;
    }

    public ZoneResult Evaluate(ZoneLayer layer, ZonePolicy zone)
    {
        var bufferM = _options.BufferOverrideM ?? zone.BufferM;
        var margin = (bufferM * _k * 1.001) + 1e-6;
        var overlaps = new List<(ZoneFeature Feature, Geometry Piece, double AreaM2)>();
        var nearby = new List<NearbyFeature>();
        var touches = false;
        foreach (var candidate in Candidates(layer, margin))
        {
            // The prepared test is cheap and rejects most envelope hits before any overlay is built.
            if (_prepared.Intersects(candidate.Geometry))
            {
                var piece = _prepared.ContainsProperly(candidate.Geometry)
                    ? candidate.Geometry
                    : OverlayNGRobust.Overlay(_footprint.Gk, candidate.Geometry, SpatialFunction.Intersection);
                var area = piece is IPolygonal || piece is GeometryCollection ? PlanarMeasure.AreaM2(piece) : 0;
                if (area > 0)
                {
                    overlaps.Add((candidate, piece, area));
                }
                else
                {
                    touches = true;
                    nearby.Add(new NearbyFeature(candidate.Id, candidate.Name, 0));
                }
            }
            else if (bufferM > 0 && _facets.IsWithinDistance(candidate.Geometry, margin))
            {
                var d = PlanarMeasure.DistanceM(_footprint.Gk, candidate.Geometry);
                if (d <= bufferM)
                {
                    nearby.Add(new NearbyFeature(candidate.Id, candidate.Name, d));
                }
            }
        }

        return zone.Mode == ZoneMode.Contain
            ? Contain(layer, zone, bufferM, overlaps, nearby)
            : Avoid(layer, zone, bufferM, overlaps, nearby, touches);
    }

    private ZoneResult Avoid(ZoneLayer layer, ZonePolicy zone, double bufferM,
        List<(ZoneFeature Feature, Geometry Piece, double AreaM2)> overlaps, List<NearbyFeature> nearby, bool touches)
    {
        var union = Union(overlaps.Select(o => o.Piece), zone.FeaturesDisjoint);
        var area = zone.FeaturesDisjoint ? overlaps.Sum(o => o.AreaM2) : union is null ? 0 : PlanarMeasure.AreaM2(union);
        var relation = area > _sliverM2 ? ZoneRelation.Inside
            : area > 0 ? ZoneRelation.Sliver
            : touches ? ZoneRelation.Touches
            : nearby.Count > 0 ? ZoneRelation.Nearby
            : ZoneRelation.None;
        var (verdict, ruleZh, ruleEn) = VerdictRules.Decide(zone, _options, relation, overlaps.Any(o => o.Feature.Important));
        return Result(layer, zone, bufferM, overlaps, nearby, relation, area, null, union, verdict, ruleZh, ruleEn);
    }

    private ZoneResult Contain(ZoneLayer layer, ZonePolicy zone, double bufferM,
        List<(ZoneFeature Feature, Geometry Piece, double AreaM2)> overlaps, List<NearbyFeature> nearby)
    {
        var union = Union(overlaps.Select(o => o.Piece), false);
        var inside = union is null ? 0 : PlanarMeasure.AreaM2(union);
        var outsideGeometry = union is null ? _footprint.Gk : OverlayNGRobust.Overlay(_footprint.Gk, union, SpatialFunction.Difference);
        var outside = outsideGeometry.IsEmpty ? 0 : PlanarMeasure.AreaM2(outsideGeometry);
        var relation = outside > _sliverM2 ? ZoneRelation.Outside : ZoneRelation.Inside;
        var (verdict, ruleZh, ruleEn) = VerdictRules.Decide(zone, _options, relation, false);
        var highlight = relation == ZoneRelation.Outside ? outsideGeometry : null;
        return Result(layer, zone, bufferM, overlaps, nearby, relation, inside, outside, highlight, verdict, ruleZh, ruleEn);
    }

    private ZoneResult Result(ZoneLayer layer, ZonePolicy zone, double bufferM,
        List<(ZoneFeature Feature, Geometry Piece, double AreaM2)> overlaps, List<NearbyFeature> nearby,
        ZoneRelation relation, double areaM2, double? outsideM2, Geometry? highlight, Verdict verdict, string ruleZh, string ruleEn) => new()
        {
            LayerId = layer.LayerId,
            LayerTitleZh = layer.TitleZh,
            LayerTitleEn = layer.TitleEn,
            Category = layer.Category,
            Mode = zone.Mode,
            Relation = relation,
            OverlapAreaM2 = areaM2,
            OverlapPercent = _footprint.AreaM2 > 0 ? 100 * areaM2 / _footprint.AreaM2 : 0,
            OutsideAreaM2 = outsideM2,
            Features = overlaps.OrderByDescending(o => o.AreaM2)
                .Select(o => new FeatureOverlap(o.Feature.Id, o.Feature.Name, o.AreaM2, o.Feature.Important)).ToList(),
            NearbyFeatures = nearby.OrderBy(n => n.DistanceM).ToList(),
            DistanceM = overlaps.Count > 0 ? 0 : NearestDistance(layer, nearby),
            BufferM = bufferM,
            HighlightGeographic = highlight is { IsEmpty: false } ? CrsTransformer.Transform(highlight, Epsg.GaussKruger108, Epsg.Cgcs2000) : null,
            Verdict = verdict,
            RuleZh = ruleZh,
            RuleEn = ruleEn,
            BasisZh = zone.BasisZh,
            BasisEn = zone.BasisEn,
            Schematic = layer.Schematic,
        };

    /// <summary>
    /// Zone features whose envelope comes within <paramref name="margin"/> (grid m) of the footprint. A compact
    /// footprint queries its envelope once; a thin or diagonal one (a road, a pipeline) would drag in every feature
    /// under its envelope, so its envelope is cut into cells and only cells near the footprint are queried.
    /// </summary>
    private IEnumerable<ZoneFeature> Candidates(ZoneLayer layer, double margin)
    {
        var env = _footprint.Gk.EnvelopeInternal;
        var whole = new Envelope(env);
        whole.ExpandBy(margin);
        if (_footprint.Gk.Area >= 0.25 * env.Area)
        {
            return layer.Query(whole);
        }

        var cell = Math.Max(Math.Max(env.Width, env.Height) / CellsPerSide, Math.Max(margin, 100));
        var seen = new HashSet<ZoneFeature>(ReferenceEqualityComparer.Instance);
        for (var x = env.MinX; x < env.MaxX; x += cell)
        {
            for (var y = env.MinY; y < env.MaxY; y += cell)
            {
                var window = new Envelope(x - margin, Math.Min(x + cell, env.MaxX) + margin, y - margin, Math.Min(y + cell, env.MaxY) + margin);
                if (_prepared.Intersects(_footprint.Gk.Factory.ToGeometry(window)))
                {
                    seen.UnionWith(layer.Query(window));
                }
            }
        }

        return seen;
    }

    private double? NearestDistance(ZoneLayer layer, List<NearbyFeature> nearby)
    {
        if (nearby.Count > 0)
        {
            return nearby.Min(n => n.DistanceM);
        }

        var nearest = layer.Nearest(_footprint.Gk);
        return nearest is null ? null : PlanarMeasure.DistanceM(_footprint.Gk, nearest.Geometry);
    }

    /// <summary>The pieces as one geometry: a plain collection when they cannot overlap, else their union.</summary>
    private static Geometry? Union(IEnumerable<Geometry> pieces, bool disjoint)
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

    private static IEnumerable<Geometry> Polygons(Geometry g) =>
        Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN);
}
