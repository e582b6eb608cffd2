using System.Globalization;
using System.Text.Json.Nodes;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>
/// The catalog entry of an imported layer (docs/data-sources.md §1): id, titles, the group its category belongs to,
/// the category, the policy (the category's key of policy.json, when the folder's policy has one), a style (that of
/// another layer of the category, else the category's default), the GeoPackage source, provenance, not schematic.
/// </summary>
internal static class LayerEntry
{
    /// <summary>Per category: the group (id, titles), the default style key of the embedded styles.json, the English name.</summary>
    private static readonly Dictionary<string, (string Group, string GroupZh, string GroupEn, string Style, string En)> Defaults = new(StringComparer.Ordinal)
    {
        [LayerCategories.EcologicalRedline] = ("control-lines", "三条控制线", "Three control lines", "eco-redline", "Ecological protection red line"),
        [LayerCategories.PermanentFarmland] = ("control-lines", "三条控制线", "Three control lines", "farmland", "Permanent basic farmland"),
        [LayerCategories.UrbanBoundary] = ("control-lines", "三条控制线", "Three control lines", "urban-boundary", "Urban development boundary"),
        [LayerCategories.NatureReserve] = ("nature-reserves", "自然保护地", "Protected areas", "nature-reserves", "Protected areas"),
        [LayerCategories.Wetland] = ("wetlands", "湿地", "Wetlands", "wetlands", "Wetlands"),
        [LayerCategories.GeneralFarmland] = ("cultivated-land", "耕地", "Cultivated land", "general-farmland", "General farmland"),
        [LayerCategories.WaterManagement] = ("water-management", "水域管理", "Water management", "water-management", "Water management zones"),
        [LayerCategories.DesertificationClosure] = ("sand-control", "防沙治沙", "Sand control", "desertification-closures", "Desertification closure areas"),
        [LayerCategories.ShowcaseBelt] = ("showcase-belts", "乡村振兴示范带", "Rural-revival showcase belts", "showcase-belts", "Rural-revival showcase belts"),
        [LayerCategories.TownStructure] = ("town-structure", "城镇体系（一心一带三轴）", "Town structure (one core, one belt, three axes)", "town-structure", "Town structure"),
        [LayerCategories.Base] = ("base", "基础地理", "Base geography", "neighbours", "Base geography"),
    };

    /// <summary>True when the category's layers are checked zones (policy.json#/zones): they must be polygons.</summary>
    public static bool NeedsPolygons(string category) => category is not (LayerCategories.Base or LayerCategories.TownStructure or LayerCategories.ShowcaseBelt);

    /// <exception cref="InputException">Not a category.</exception>
    public static void RequireCategory(string category)
    {
        if (!LayerCategories.All.Contains(category))
        {
            throw new InputException($"--category “{category}” 不是有效的类别（unknown category）。",
                $"类别只能是：{string.Join("、", LayerCategories.All.Select(c => $"{c}（{LayerCategories.NamesZh[c]}）"))}。");
        }
    }

    /// <summary>The default Chinese title: the category's name.</summary>
    public static string DefaultTitle(string category) => LayerCategories.NamesZh[category];

    /// <summary>Builds the entry and makes sure its group exists in the catalog.</summary>
    public static JsonObject Build(ImportRequest request, ImportTarget target, string titleZh, string file, IImportSource source,
        ResolvedCrs crs, long features, List<string> notes)
    {
        var d = Defaults[request.Category];
        var catalog = target.Catalog;
        var sameCategory = catalog.Layers.OfType<JsonObject>()
            .Where(l => (string?)l["category"] == request.Category && (string?)l["id"] != request.LayerId).ToList();
        var group = sameCategory.Select(l => (string?)l["group"]).FirstOrDefault(g => g is not null) ?? d.Group;
        catalog.EnsureGroup(group, d.GroupZh, d.GroupEn);

        var style = catalog.Find(request.LayerId) is { } old && (string?)old["style"] is { } kept && target.StyleKeys.Contains(kept) ? kept
            : sameCategory.Select(l => (string?)l["style"]).FirstOrDefault(s => s is not null && target.StyleKeys.Contains(s))
            ?? (target.StyleKeys.Contains(d.Style) ? d.Style : null);
        if (style is null)
        {
            throw new InputException($"styles.json 中没有可用于“{LayerCategories.NamesZh[request.Category]}”的样式（需要键 {d.Style}）（no style for the category）。",
                $"在 styles.json 中加入键 “{d.Style}” 的样式（可从仓库 gis-data/styles.json 复制），或先导入时用同类已有图层的数据文件夹。", "styles.json");
        }

        string? policy = target.PolicyKeys.Contains(request.Category) ? request.Category : null;
        if (policy is null && request.Category is not LayerCategories.Base)
        {
            notes.Add($"policy.json 中没有“{request.Category}”的规则，该图层只作显示，不参与选址检查（no policy for the category: shown, not checked）。");
        }

        var date = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var crsName = Crs.Epsg.Name(crs.SourceEpsg);
        var entry = new JsonObject
        {
            ["id"] = request.LayerId,
            ["titleZh"] = titleZh,
            ["titleEn"] = d.En,
            ["group"] = group,
            ["category"] = request.Category,
        };
        if (policy is not null)
        {
            entry["policy"] = policy;
        }

        entry["source"] = new JsonObject { ["type"] = "gpkg", ["file"] = file, ["table"] = request.LayerId };
        entry["style"] = style;
        entry["schematic"] = false;
        entry["visible"] = true;
        entry["labelField"] = null;
        entry["provenanceZh"] = string.Create(CultureInfo.InvariantCulture,
            $"官方数据：{date} 由 spatialplan import 自 {source.Name}（{source.Format}，{crsName}）导入 {features} 个要素，存为 {file}（{Crs.Epsg.Name(target.WorkingEpsg)}，R-tree 索引）。数据版本、日期和批复文号请在 catalog.json 的 version、date、approvalNumber 中补填。");
        entry["provenanceEn"] = string.Create(CultureInfo.InvariantCulture,
            $"Official data: imported by spatialplan import on {date} from {source.Name} ({source.Format}, {crsName}), {features} features, stored as {file} ({Crs.Epsg.Name(target.WorkingEpsg)}, R-tree index). Fill in version, date and approvalNumber in catalog.json.");
        entry["version"] = string.Empty;
        entry["date"] = string.Empty;
        entry["approvalNumber"] = string.Empty;
        entry["imported"] = new JsonObject
        {
            ["from"] = source.Name,
            ["format"] = source.Format,
            ["sourceCrs"] = crsName,
            ["features"] = features,
            ["on"] = date,
        };
        return entry;
    }
}
