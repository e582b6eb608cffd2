namespace SpatialPlan.Core.Checks;

/// <summary>The result of a site check: the footprint, one <see cref="ZoneResult"/> per zone layer, and the overall verdict (the maximum).</summary>
/// <param name="Footprint">The checked footprint.</param>
/// <param name="Options">The options it was checked with.</param>
/// <param name="Verdict">The most severe zone verdict.</param>
/// <param name="Zones">One result per zone layer, in catalog order.</param>
/// <param name="SliverM2">The sliver tolerance used (m²).</param>
public sealed record CheckReport(Footprint Footprint, CheckOptions Options, Verdict Verdict, IReadOnlyList<ZoneResult> Zones, double SliverM2)
{
    /// <summary>True when any checked layer is schematic, so the report must say 「示意数据」.</summary>
    public bool SchematicData => Zones.Any(z => z.Schematic);

    /// <summary>The 示意数据 note naming the schematic layers, or null when none was used.</summary>
    public string? DataNoteZh => SchematicData
        ? $"示意数据：{string.Join("、", Zones.Where(z => z.Schematic).Select(z => z.LayerTitleZh))}为依据规划文本绘制的示意图层，不是官方矢量数据，结论仅供演示与初筛；正式审查请使用自然资源部门的正式数据。"
        : null;

    /// <summary>English of <see cref="DataNoteZh"/>.</summary>
    public string? DataNoteEn => SchematicData
        ? $"Schematic data: {string.Join(", ", Zones.Where(z => z.Schematic).Select(z => z.LayerTitleEn))} are drawn from the plan text, not official vector data; use the verdict for demonstration and screening only."
        : null;
}
