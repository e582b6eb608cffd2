namespace SpatialPlan.Core.Layers;

/// <summary>The only category names a catalog may use (issue 2 fixed them; issue 7 adds the four zone categories of docs/rules-model.md §3).</summary>
public static class LayerCategories
{
    public const string EcologicalRedline = "ecological-redline";
    public const string PermanentFarmland = "permanent-farmland";
    public const string UrbanBoundary = "urban-boundary";
    public const string Wetland = "wetland";
    public const string NatureReserve = "nature-reserve";
    public const string GeneralFarmland = "general-farmland";
    public const string WaterManagement = "water-management";
    public const string DesertificationClosure = "desertification-closure";
    public const string ShowcaseBelt = "showcase-belt";
    public const string TownStructure = "town-structure";
    public const string Base = "base";

    /// <summary>Every valid category.</summary>
    public static IReadOnlyList<string> All { get; } =
        [
            EcologicalRedline, PermanentFarmland, UrbanBoundary, Wetland, NatureReserve, GeneralFarmland, WaterManagement,
            DesertificationClosure, ShowcaseBelt, TownStructure, Base,
        ];
}
