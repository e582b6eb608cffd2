using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// Turns what <see cref="ZoneEvaluator"/> measured into a zone result (docs/rules-model.md §4): per level the
/// situation and the first matching rule; the zone verdict is the most severe over its levels, its conditions the
/// union over the levels the footprint meets.
/// </summary>
internal sealed class ZoneDecider(ZoneEvaluator evaluator, ProjectIdentity project, double sliverM2)
{
    private double FootprintM2 => evaluator.Footprint.AreaM2;

    public ZoneResult Avoid(LayerContact contact, ZonePolicy zone, double proximityM)
    {
        var hasMajor = zone.MajorList is { } list && project.Majors.Any(m => m.List == list);
        var decisions = zone.LevelIds.Select(level =>
        {
            var pieces = contact.Overlaps.Where(p => LevelOf(zone, p.Feature) == level).ToList();
            var area = ZoneEvaluator.AreaOf(pieces, zone.FeaturesDisjoint);
            var near = contact.Nearby.Where(n => LevelOf(zone, n.Feature) == level).ToList();
            var situation = area > sliverM2 ? (hasMajor ? Situation.InsideMajor : Situation.Inside)
                : area > 0 ? Situation.Sliver
                : near.Any(n => n.DistanceM == 0) ? Situation.Touches
                : near.Count > 0 ? Situation.Near
                : Situation.None;
            return new Decision(level, area, situation, zone.RuleFor(project.Kind.Id, level, situation));
        }).ToList();

        var union = ZoneEvaluator.Union(contact.Overlaps.Select(p => p.Geometry), zone.FeaturesDisjoint);
        var total = zone.FeaturesDisjoint ? contact.Overlaps.Sum(p => p.AreaM2) : union is null ? 0 : Measurement.PlanarMeasure.AreaM2(union);
        var distance = contact.Overlaps.Count > 0 ? 0
            : contact.Nearby.Count > 0 ? contact.Nearby.Min(n => n.DistanceM)
            : evaluator.NearestDistance(contact.Layer);
        var levels = LevelResults(zone, decisions);
        var situationOfZone = Deciding(decisions).Situation;
        var figures = Figures.AvoidFiguresZh(situationOfZone, total, FootprintM2, levels, distance, proximityM, sliverM2);
        var figuresEn = Figures.AvoidFiguresEn(situationOfZone, total, FootprintM2, levels, distance, proximityM, sliverM2);
        return Build(contact, zone, proximityM, decisions, levels, new Measures(total, null, null, distance, union, figures, figuresEn));
    }

    public ZoneResult Contain(LayerContact contact, ZonePolicy zone)
    {
        var union = ZoneEvaluator.Union(contact.Overlaps.Select(p => p.Geometry), false);
        var inside = union is null ? 0 : Measurement.PlanarMeasure.AreaM2(union);
        var outsideGeometry = evaluator.Outside(union);
        var outside = outsideGeometry.IsEmpty ? 0 : Measurement.PlanarMeasure.AreaM2(outsideGeometry);
        var situation = outside > sliverM2 ? Situation.Outside : outside > 0 ? Situation.OutsideSliver : Situation.Within;
        var decisions = new List<Decision> { new(ZoneLevel.Any, inside, situation, zone.RuleFor(project.Kind.Id, ZoneLevel.Any, situation)) };
        var distance = contact.Overlaps.Count > 0 ? 0 : evaluator.NearestDistance(contact.Layer);
        var figures = Figures.ContainFiguresZh(inside, outside, FootprintM2, distance);
        var figuresEn = Figures.ContainFiguresEn(inside, outside, FootprintM2, distance);
        var highlight = situation == Situation.Within ? null : outsideGeometry;
        return Build(contact, zone, 0, decisions, [], new Measures(inside, inside, outside, distance, highlight, figures, figuresEn));
    }

    private ZoneResult Build(LayerContact contact, ZonePolicy zone, double proximityM, List<Decision> decisions,
        IReadOnlyList<LevelResult> levels, Measures m)
    {
        var deciding = Deciding(decisions);
        var layer = contact.Layer;
        var (highlight, workingCrs) = (m.Highlight, evaluator.Footprint.WorkingCrs);
        return new ZoneResult
        {
            LayerId = layer.LayerId,
            LayerTitleZh = layer.TitleZh,
            LayerTitleEn = layer.TitleEn,
            Category = layer.Category,
            Mode = zone.Mode,
            Situation = deciding.Situation,
            RelationZh = Figures.RelationZh(zone.Mode, deciding.Situation, m.InsideM2 ?? m.AreaM2),
            RelationEn = Figures.RelationEn(zone.Mode, deciding.Situation, m.InsideM2 ?? m.AreaM2),
            FiguresZh = m.FiguresZh,
            FiguresEn = m.FiguresEn,
            OverlapAreaM2 = m.AreaM2,
            OverlapPercent = Figures.PercentOf(m.AreaM2, FootprintM2),
            InsideAreaM2 = m.InsideM2,
            InsidePercent = m.InsideM2 is { } i ? Figures.PercentOf(i, FootprintM2) : null,
            OutsideAreaM2 = m.OutsideM2,
            OutsidePercent = m.OutsideM2 is { } o ? Figures.PercentOf(o, FootprintM2) : null,
            Levels = levels,
            Features = [.. contact.Overlaps.OrderByDescending(p => p.AreaM2)
                .Select(p => new FeatureOverlap(p.Feature.Id, p.Feature.Name, LevelOf(zone, p.Feature), p.AreaM2, p.Feature.LandClass)
                {
                    FeatureAreaM2 = p.Feature.AreaM2,
                    Piece = p.Geometry,
                })],
            NearbyFeatures = [.. contact.Nearby.OrderBy(n => n.DistanceM)
                .Select(n => new NearbyFeature(n.Feature.Id, n.Feature.Name, LevelOf(zone, n.Feature), n.DistanceM) { Geometry = n.Feature.Geometry })],
            DistanceM = m.DistanceM,
            ProximityM = proximityM,
            Highlight = highlight is { IsEmpty: false } ? highlight : null,
            Geographic = () => ZoneEvaluator.Geographic(highlight, workingCrs),
            Verdict = deciding.Rule.Verdict,
            InPrinciple = deciding.Rule.Verdict == Verdict.Prohibited && deciding.Rule.InPrinciple,
            RuleIndex = deciding.Rule.Index,
            RuleZh = deciding.Rule.RuleZh,
            RuleEn = deciding.Rule.RuleEn,
            Conditions = [.. decisions.Where(d => d.Situation is not (Situation.None or Situation.Within))
                .SelectMany(d => d.Rule.Conditions).DistinctBy(c => (c.Authority.Id, c.RequirementZh))],
            Basis = [.. deciding.Rule.Basis.Concat(zone.Basis).DistinctBy(b => (b.Doc, b.Article))],
            Schematic = layer.Schematic,
        };
    }

    /// <summary>The level that decides: most severe verdict, a plain prohibition before 原则上禁止, then the heavier situation.</summary>
    private static Decision Deciding(IEnumerable<Decision> decisions) => decisions
        .OrderByDescending(d => d.Rule.Verdict).ThenBy(d => d.Rule.InPrinciple).ThenByDescending(d => d.Situation).First();

    private static List<LevelResult> LevelResults(ZonePolicy zone, IEnumerable<Decision> decisions) => zone.Levels is null ? []
        : [.. decisions.Select(d => new LevelResult(d.Level, zone.Level(d.Level)?.NameZh ?? d.Level, d.AreaM2, d.Situation, d.Rule.Verdict,
            d.Rule.Verdict == Verdict.Prohibited && d.Rule.InPrinciple) { LevelEn = zone.Level(d.Level)?.NameEn ?? d.Level })];

    private static string LevelOf(ZonePolicy zone, ZoneFeature feature) => zone.Levels is null ? ZoneLevel.Any : feature.Level ?? ZoneLevel.Any;

    private sealed record Decision(string Level, double AreaM2, Situation Situation, ZoneRule Rule);

    private sealed record Measures(double AreaM2, double? InsideM2, double? OutsideM2, double? DistanceM,
        NetTopologySuite.Geometries.Geometry? Highlight, string FiguresZh, string FiguresEn);
}
