namespace SpatialPlan.Core.Layers;

/// <summary>The only category names a catalog may use (issue 2 fixed them; issue 7 added the zones the law tells apart).</summary>
public static class LayerCategories
{
    public const string EcologicalRedline = "ecological-redline";
    public const string NatureReserve = "nature-reserve";
    public const string PermanentFarmland = "permanent-farmland";
    public const string GeneralFarmland = "general-farmland";
    public const string UrbanBoundary = "urban-boundary";
    public const string Wetland = "wetland";
    public const string WaterManagement = "water-management";
    public const string DesertificationClosure = "desertification-closure";
    public const string ShowcaseBelt = "showcase-belt";
    public const string TownStructure = "town-structure";
    public const string Base = "base";

    /// <summary>Every valid category.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        EcologicalRedline, NatureReserve, PermanentFarmland, GeneralFarmland, UrbanBoundary, Wetland, WaterManagement,
        DesertificationClosure, ShowcaseBelt, TownStructure, Base,
    ];

    /// <summary>Chinese names of the categories, for reports that name a category without a layer (e.g. 未核查).</summary>
    public static IReadOnlyDictionary<string, string> NamesZh { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EcologicalRedline] = "生态保护红线",
        [NatureReserve] = "自然保护地",
        [PermanentFarmland] = "永久基本农田",
        [GeneralFarmland] = "一般耕地",
        [UrbanBoundary] = "城镇开发边界",
        [Wetland] = "湿地",
        [WaterManagement] = "河湖及渠道管理范围",
        [DesertificationClosure] = "沙化土地封禁保护区",
        [ShowcaseBelt] = "乡村振兴示范带",
        [TownStructure] = "城镇体系（一心一带三轴）",
        [Base] = "基础地理",
    };
}
