namespace SpatialPlan.Core.Checks;

/// <summary>
/// A category of one legal major-project list (docs/rules-model.md §2). It lifts only its own list's zone
/// (<see cref="Situation.InsideMajor"/> where the zone's <c>majorList</c> equals <see cref="List"/>).
/// </summary>
/// <param name="Id">Stable id, e.g. <c>farmland-transport</c>.</param>
/// <param name="List"><c>farmland</c>, <c>redline</c> or <c>wetland</c>.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Basis">The document and item the category rests on.</param>
public sealed record MajorCategory(string Id, string List, string NameZh, string NameEn, Citation? Basis)
{
    /// <summary>The lists and their Chinese names.</summary>
    public static IReadOnlyDictionary<string, string> ListNamesZh { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["farmland"] = "永久基本农田重大建设项目",
        ["redline"] = "生态保护红线国家重大项目",
        ["wetland"] = "湿地保护法第十九条除外项目",
    };

    /// <summary>The lists and their English names.</summary>
    public static IReadOnlyDictionary<string, string> ListNamesEn { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["farmland"] = "Major construction projects allowed on permanent basic farmland",
        ["redline"] = "National major projects allowed in the ecological red line",
        ["wetland"] = "Projects excepted by Article 19 of the Wetland Protection Law",
    };
}
