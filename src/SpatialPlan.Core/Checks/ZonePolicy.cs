namespace SpatialPlan.Core.Checks;

/// <summary>The policy of one zone category (a <c>zones.&lt;key&gt;</c> entry of policy.json).</summary>
/// <param name="Key">The key, e.g. <c>ecological-redline</c>; catalog layers name it in their <c>policy</c>.</param>
/// <param name="Mode">Avoid or contain.</param>
/// <param name="BufferM">Buffer distance in metres (true ground metres, EPSG:4545 scale-corrected).</param>
/// <param name="BasisZh">Legal basis in Chinese, with article numbers.</param>
/// <param name="BasisEn">Legal basis in English.</param>
/// <param name="NearbyRuleZh">Rule text for a touch, sliver or buffer hit (may be empty).</param>
/// <param name="NearbyRuleEn">English of <paramref name="NearbyRuleZh"/>.</param>
/// <param name="ClearRuleZh">Rule text when nothing applies.</param>
/// <param name="ClearRuleEn">English of <paramref name="ClearRuleZh"/>.</param>
/// <param name="Rules">The rule per project type; a missing type is always clear.</param>
/// <param name="FeaturesDisjoint">
/// True when the layer's features never overlap one another (a coverage, e.g. farmland parcels): the zone's overlap
/// area is then the sum of the per-feature overlaps and no union is built, which keeps a long road across 100 000
/// parcels fast. Leave false when features may overlap (e.g. a wetland core inside a red-line zone).
/// </param>
public sealed record ZonePolicy(
    string Key,
    ZoneMode Mode,
    double BufferM,
    string BasisZh,
    string BasisEn,
    string NearbyRuleZh,
    string NearbyRuleEn,
    string ClearRuleZh,
    string ClearRuleEn,
    IReadOnlyDictionary<ProjectType, ZoneRule> Rules,
    bool FeaturesDisjoint = false);
