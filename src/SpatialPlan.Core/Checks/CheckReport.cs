namespace SpatialPlan.Core.Checks;

/// <summary>
/// The one report model of a site check: every figure and word the JSON, the CSV, the CLI table, the report PDF and
/// the web panel print (docs/rules-model.md §6). Built by <see cref="SiteCheck"/>; outputs only render it.
/// </summary>
public sealed class CheckReport
{
    public required Footprint Footprint { get; init; }

    /// <summary>The options it was checked with.</summary>
    public required CheckOptions Options { get; init; }

    public required ProjectIdentity Project { get; init; }

    /// <summary>The most severe control-zone verdict and the jurisdiction verdict; guidance never raises it.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Prohibited, and every prohibiting zone's rule has an exception path (原则上禁止).</summary>
    public required bool InPrinciple { get; init; }

    public string VerdictZh => Names.Zh(Verdict, InPrinciple);

    /// <summary>The English of <see cref="VerdictZh"/>.</summary>
    public string VerdictEn => Names.En(Verdict, InPrinciple);

    /// <summary>One result per zone layer, in catalog order.</summary>
    public required IReadOnlyList<ZoneResult> Zones { get; init; }

    /// <summary>Plan guidance (规划衔接，非管控).</summary>
    public required IReadOnlyList<GuidanceResult> Guidance { get; init; }

    /// <summary>What the law cares about and this data folder cannot check, so that 不涉及 never reads as full compliance.</summary>
    public required IReadOnlyList<NotCheckedCategory> NotChecked { get; init; }

    /// <summary>The share inside the data's area; null when the catalog names no area.</summary>
    public JurisdictionResult? Jurisdiction { get; init; }

    /// <summary>Every condition of every zone, grouped by authority.</summary>
    public required IReadOnlyList<ApprovalGroup> Approvals { get; init; }

    public required CheckSettings Settings { get; init; }

    /// <summary>Provenance of every layer the check used.</summary>
    public required IReadOnlyList<LayerProvenance> Layers { get; init; }

    /// <summary>报告编号, e.g. SP-20261129-1A2B3C (<see cref="ReportNumbers"/>): from the input's hash and the check time.</summary>
    public string ReportNumber => ReportNumbers.Of(Settings.InputSha256, Settings.CheckedAt, Settings.CheckedAtText, Footprint.Gk);

    /// <summary>The footprint's area as every output prints it, e.g. 1,439.70 亩（95.9798 公顷，959,798.3 平方米）.</summary>
    public string FootprintFiguresZh => Figures.AreaZh(Footprint.AreaM2);

    /// <summary>The English of <see cref="FootprintFiguresZh"/>: 1,439.70 mu (95.9798 ha, 959,798.3 m²).</summary>
    public string FootprintFiguresEn => Figures.AreaEn(Footprint.AreaM2);

    /// <summary>The footprint's 界址点 in EPSG:4545 (X = northing), per ring (<see cref="BoundaryPoints"/>).</summary>
    public IReadOnlyList<BoundaryRing> BoundaryRings => _boundaryRings ??= BoundaryPoints.Of(Footprint.Gk);

    private IReadOnlyList<BoundaryRing>? _boundaryRings;

    /// <summary>The sliver tolerance used (m²).</summary>
    public double SliverM2 => Settings.SliverM2;

    /// <summary>True when any checked layer is schematic, so the report must say 「示意数据」.</summary>
    public bool SchematicData => Layers.Any(l => l.Schematic && l.Role is "zone" or "guidance");

    /// <summary>The 示意数据 note naming the schematic layers, or null when none was used.</summary>
    public string? DataNoteZh => SchematicData
        ? $"示意数据：{string.Join("、", SchematicTitles(zh: true))}为依据规划文本绘制的示意图层，不是官方矢量数据，结论仅供演示与初筛；正式审查请使用自然资源部门的正式数据。"
        : null;

    /// <summary>English of <see cref="DataNoteZh"/>.</summary>
    public string? DataNoteEn => SchematicData
        ? $"Schematic data: {string.Join(", ", SchematicTitles(zh: false))} are drawn from the plan text, not official vector data; use the verdict for demonstration and screening only."
        : null;

    private IEnumerable<string> SchematicTitles(bool zh) => Zones.Where(z => z.Schematic).Select(z => zh ? z.LayerTitleZh : z.LayerTitleEn)
        .Concat(Layers.Where(l => l.Schematic && l.Role == "guidance").Select(l => zh ? l.TitleZh : l.TitleEn));
}
