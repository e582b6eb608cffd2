using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// What the check found for one zone layer, with every figure and word the outputs print. Areas in m² and distances
/// in metres, scale-corrected in the working CRS.
/// </summary>
public sealed class ZoneResult
{
    /// <summary>Catalog layer id.</summary>
    public required string LayerId { get; init; }

    public required string LayerTitleZh { get; init; }

    public required string LayerTitleEn { get; init; }

    /// <summary>Catalog category (= the policy zone key for the embedded data).</summary>
    public required string Category { get; init; }

    public required ZoneMode Mode { get; init; }

    /// <summary>The situation of the level that decided the verdict (docs/rules-model.md §4).</summary>
    public required Situation Situation { get; init; }

    /// <summary>The relation in a planner's words: 占用, 微小重叠（需核实）, 边界相邻, 邻近, 不相交, 边界内, 部分在边界外 ….</summary>
    public required string RelationZh { get; init; }

    /// <summary>
    /// The figures as one line, e.g. 占用 34.00 亩（4.4%）, 边界内 532.95 亩（37.0%）｜边界外 906.75 亩（63.0%）, 距最近边界 7,413 m.
    /// </summary>
    public required string FiguresZh { get; init; }

    /// <summary>The English of <see cref="RelationZh"/> (web panel and CLI in English).</summary>
    public required string RelationEn { get; init; }

    /// <summary>The English of <see cref="FiguresZh"/>, the same numbers: Occupies 34.00 mu (4.4%).</summary>
    public required string FiguresEn { get; init; }

    /// <summary>Avoid: area of footprint ∩ zone. Contain: the part inside (as <see cref="InsideAreaM2"/>).</summary>
    public required double OverlapAreaM2 { get; init; }

    /// <summary><see cref="OverlapAreaM2"/> as a percentage (0–100) of the footprint.</summary>
    public required double OverlapPercent { get; init; }

    /// <summary>Contain mode: the part of the footprint inside the zone; null for avoid mode.</summary>
    public double? InsideAreaM2 { get; init; }

    public double? InsidePercent { get; init; }

    /// <summary>Contain mode: the part of the footprint outside the zone; null for avoid mode.</summary>
    public double? OutsideAreaM2 { get; init; }

    public double? OutsidePercent { get; init; }

    /// <summary>Per level (zones with levels); empty for a zone without levels.</summary>
    public required IReadOnlyList<LevelResult> Levels { get; init; }

    /// <summary>Overlapped features (图斑), largest overlap first: the complete list.</summary>
    public required IReadOnlyList<FeatureOverlap> Features { get; init; }

    /// <summary>Features within <see cref="ProximityM"/> that are not overlapped, nearest first.</summary>
    public required IReadOnlyList<NearbyFeature> NearbyFeatures { get; init; }

    /// <summary>Distance to the nearest feature (avoid) or boundary (contain) when nothing overlaps, 0 when something does, null for an empty layer.</summary>
    public required double? DistanceM { get; init; }

    /// <summary>邻近提示距离 used, metres: a system setting, not law.</summary>
    public required double ProximityM { get; init; }

    private readonly Lazy<Geometry?>? _highlightGeographic;

    /// <summary>
    /// The overlap (avoid) or the part outside (contain) in EPSG:4490, for highlighting; null when empty. Made from
    /// <see cref="Highlight"/> when first asked for (by the JSON writer, the map, the sheets), once: the CLI's table and
    /// CSV never ask, and projecting every piece's vertices was a sixth of a warm check.
    /// </summary>
    public Geometry? HighlightGeographic => _highlightGeographic?.Value;

    /// <summary><see cref="HighlightGeographic"/> in the working CRS, as measured (written as a GIS layer by <c>Export.CheckLayers</c>).</summary>
    public Geometry? Highlight { get; init; }

    /// <summary>How <see cref="HighlightGeographic"/> is made: <see cref="Highlight"/> projected to EPSG:4490 (thread-safe, once).</summary>
    internal Func<Geometry?> Geographic
    {
        init => _highlightGeographic = new Lazy<Geometry?>(value, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public required Verdict Verdict { get; init; }

    /// <summary>The deciding rule is 原则上禁止 (a prohibited rule with an exception path).</summary>
    public required bool InPrinciple { get; init; }

    /// <summary>不涉及 / 提示关注 / 有条件准入 / 禁止 / 原则上禁止.</summary>
    public string VerdictZh => Names.Zh(Verdict, InPrinciple);

    /// <summary>Clear / Advisory / Approval required / Prohibited / Prohibited in principle.</summary>
    public string VerdictEn => Names.En(Verdict, InPrinciple);

    /// <summary>The deciding rule's index in <c>zones.&lt;key&gt;.rules</c>, for audits.</summary>
    public required int RuleIndex { get; init; }

    public required string RuleZh { get; init; }

    public required string RuleEn { get; init; }

    /// <summary>What is owed: the union of the conditions of every level the footprint meets.</summary>
    public required IReadOnlyList<PolicyCondition> Conditions { get; init; }

    /// <summary>The deciding rule's basis, then the zone's.</summary>
    public required IReadOnlyList<Citation> Basis { get; init; }

    /// <summary>The basis as one Chinese line.</summary>
    public string BasisText => string.Join("；", Basis.Select(b => b.TextZh).Distinct());

    /// <summary>The basis as one English line.</summary>
    public string BasisTextEn => string.Join("; ", Basis.Select(b => b.TextEn).Distinct());

    public required bool Schematic { get; init; }
}
