namespace SpatialPlan.Core.Checks;

/// <summary>The groups the check panel offers kinds in (docs/rules-model.md §1): 建设 / 基础设施 / 农业 / 生态 / 特殊.</summary>
/// <param name="Id">construction, infrastructure, agriculture, ecology or special.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="NameEn">English name.</param>
public sealed record KindGroup(string Id, string NameZh, string NameEn)
{
    /// <summary>Every group, in panel order.</summary>
    public static IReadOnlyList<KindGroup> All { get; } =
    [
        new("construction", "建设", "Construction"),
        new("infrastructure", "基础设施", "Infrastructure"),
        new("agriculture", "农业", "Agriculture"),
        new("ecology", "生态", "Ecology"),
        new("special", "特殊", "Special"),
    ];
}
