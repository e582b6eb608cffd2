using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// The data's area (the catalog's <c>area.layer</c>, e.g. the county boundary) and its neighbours: how much of a
/// footprint the data covers, and in which neighbouring county the rest lies. Built once per <see cref="SiteCheck"/>.
/// </summary>
public sealed class JurisdictionCheck
{
    private readonly ZoneLayer _area;
    private readonly ZoneLayer? _neighbours;
    private readonly Geometry _areaGk;
    private readonly IPreparedGeometry _areaPrepared;

    /// <param name="area">The area layer (its features together are the data's area).</param>
    /// <param name="neighbours">The neighbouring counties (name per feature), or null.</param>
    public JurisdictionCheck(ZoneLayer area, ZoneLayer? neighbours)
    {
        _area = area.As("area");
        _neighbours = neighbours?.As("neighbours");
        var parts = area.Features.Select(f => f.Geometry).Where(g => g is IPolygonal).ToList();
        _areaGk = parts.Count == 1 ? parts[0] : OverlayNGRobust.Union(parts.Count == 0 ? Geometry.DefaultFactory.CreatePolygon() : parts[0].Factory.BuildGeometry(parts));
        // Prepared once and shared by every check: NTS's prepared polygons are thread-safe (their indexes are built under a
        // lock); one Covers of a small square inside builds both (point locator, segment index) before any check runs.
        _areaPrepared = PreparedGeometryFactory.Prepare(_areaGk);
        if (!_areaGk.IsEmpty)
        {
            _areaPrepared.Covers(_areaGk.InteriorPoint.Buffer(1, 1));
        }
        AreaName = string.Join("、", area.Features.Select(f => f.Name).Where(n => n.Length > 0).Distinct());
        if (AreaName.Length == 0)
        {
            AreaName = area.TitleZh;
        }
    }

    /// <summary>The area's name: the area layer's feature names.</summary>
    public string AreaName { get; }

    /// <summary>The layers used, for the report's provenance list.</summary>
    public IEnumerable<LayerProvenance> Layers => _neighbours is null ? [_area.Provenance] : [_area.Provenance, _neighbours.Provenance];

    /// <summary>The footprint's share inside the area; a part outside over <paramref name="sliverM2"/> is advisory (数据范围外，未核查).</summary>
    public JurisdictionResult Evaluate(Footprint footprint, double sliverM2, CancellationToken cancellation = default)
    {
        var fp = footprint.Gk;
        var whollyInside = _areaPrepared.Covers(fp);
        var outsideGk = whollyInside ? null : OverlayNGRobust.Overlay(fp, _areaGk, SpatialFunction.Difference);
        var outside = outsideGk is null || outsideGk.IsEmpty ? 0 : PlanarMeasure.AreaM2(outsideGk);
        var inside = Math.Max(0, footprint.AreaM2 - outside);
        var neighbours = new List<NeighbourShare>();
        if (outside > 0 && _neighbours is not null)
        {
            var preparedOutside = PreparedGeometryFactory.Prepare(outsideGk);
            foreach (var n in _neighbours.Query(outsideGk!.EnvelopeInternal))
            {
                cancellation.ThrowIfCancellationRequested();
                if (!preparedOutside.Intersects(n.Geometry))
                {
                    continue;
                }

                var piece = OverlayNGRobust.Overlay(outsideGk, n.Geometry, SpatialFunction.Intersection);
                var area = piece.IsEmpty ? 0 : PlanarMeasure.AreaM2(piece);
                if (area > 0)
                {
                    neighbours.Add(new NeighbourShare(n.Id, n.Name.Length > 0 ? n.Name : n.Id, area));
                }
            }

            neighbours.Sort((a, b) => b.AreaM2.CompareTo(a.AreaM2));
        }

        var notChecked = outside > sliverM2;
        var shareText = $"数据范围（{AreaName}）内 {Figures.Percent(Figures.PercentOf(inside, footprint.AreaM2))}";
        var outsideText = outside > 0
            ? $"｜数据范围外 {Figures.Mu(outside)} 亩（{Figures.Percent(Figures.PercentOf(outside, footprint.AreaM2))}）" +
              (neighbours.Count > 0 ? "：" + string.Join("、", neighbours.Select(n => $"{n.Name} {Figures.Mu(n.AreaM2)} 亩")) : string.Empty)
            : string.Empty;
        return new JurisdictionResult
        {
            AreaLayerId = _area.LayerId,
            AreaName = AreaName,
            InsideShare = footprint.AreaM2 > 0 ? inside / footprint.AreaM2 : 1,
            InsideAreaM2 = inside,
            OutsideAreaM2 = outside,
            Neighbours = neighbours,
            Verdict = notChecked ? Verdict.Advisory : Verdict.Clear,
            FiguresZh = shareText + outsideText,
            FiguresEn = $"Inside the data area ({_area.TitleEn}) {Figures.Percent(Figures.PercentOf(inside, footprint.AreaM2))}" + (outside > 0
                ? $" | outside {Figures.Mu(outside)} mu ({Figures.Percent(Figures.PercentOf(outside, footprint.AreaM2))})" +
                  (neighbours.Count > 0 ? ": " + string.Join(", ", neighbours.Select(n => $"{n.Name} {Figures.Mu(n.AreaM2)} mu")) : string.Empty)
                : string.Empty),
            NoteZh = notChecked
                ? $"数据范围外，未核查：项目有 {Figures.Mu(outside)} 亩位于{AreaName}以外" +
                  (neighbours.Count > 0 ? $"（{string.Join("、", neighbours.Select(n => n.Name))}）" : string.Empty) +
                  "，本数据目录没有那里的管控要素，须向所在地自然资源主管部门核实。"
                : null,
            NoteEn = notChecked
                ? $"Outside the data area, not checked: {Figures.Mu(outside)} mu of the project lie outside {_area.TitleEn}" +
                  (neighbours.Count > 0 ? $" ({string.Join(", ", neighbours.Select(n => n.Name))})" : string.Empty) +
                  "; this data folder holds no control zones there: verify with that place's natural-resources authority."
                : null,
            OutsideGeographic = outside > 0 ? ZoneEvaluator.Geographic(outsideGk, footprint.WorkingCrs) : null,
        };
    }
}
