namespace SpatialPlan.DataGen;

/// <summary>
/// The level ids of docs/rules-model.md §3 and their Chinese names, as the features carry them (<c>level</c>,
/// <c>levelZh</c>). The engine refuses a feature whose level is missing or unknown, so these strings are a contract.
/// </summary>
public static class Levels
{
    public const string NationalImportant = "national-important";
    public const string RegionalImportant = "regional-important";
    public const string General = "general";

    public const string Core = "core";
    public const string GeneralControl = "general-control";

    public const string River = "river";
    public const string Canal = "canal";
    public const string Floodplain = "floodplain";

    public static readonly IReadOnlyDictionary<string, string> Zh = new Dictionary<string, string>
    {
        [NationalImportant] = "国家重要湿地",
        [RegionalImportant] = "自治区（省级）重要湿地",
        [General] = "一般湿地",
        [Core] = "核心保护区",
        [GeneralControl] = "一般控制区",
        [River] = "河道（河湖）管理范围",
        [Canal] = "灌区渠沟管理范围",
        [Floodplain] = "黄河滩区",
    };

    /// <summary>True for the wetland levels that 湿地保护法 Art 14 puts inside the ecological red line.</summary>
    public static bool IsImportantWetland(string level) => level is NationalImportant or RegionalImportant;
}
