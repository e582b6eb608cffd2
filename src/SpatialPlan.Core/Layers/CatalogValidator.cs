using System.Diagnostics.CodeAnalysis;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers;

/// <summary>
/// Checks a loaded catalog for the mistakes a hand-edited catalog.json tends to have: a null entry or field, a
/// duplicate id, an unknown group or category, and a layer file that is missing or lies outside the data folder.
/// Every message names catalog.json, the entry (<c>layers[i]（id）</c>), what is wrong and how to fix it.
/// </summary>
internal static class CatalogValidator
{
    public static void Validate(LayerCatalog catalog)
    {
        if (catalog.Layers.Count == 0)
        {
            Fail("图层目录里没有图层（layers 为空）。", "在 catalog.json 的 layers 数组里至少列出一个图层。");
        }

        var groupIds = ValidateGroups(catalog.Groups);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < catalog.Layers.Count; i++)
        {
            var layer = catalog.Layers[i];
            if (layer is null)
            {
                Fail($"layers[{i}] 是 null，不是图层（layers[{i}] is null）。", "删去这一项，或写成完整的图层对象（id、titleZh、titleEn、group、category、file、style）。");
            }

            string? id = layer.Id; // JSON null reaches a non-nullable property
            var where = $"layers[{i}]（{id ?? "null"}）";
            RequireFields(layer, where);
            if (!seen.Add(layer.Id))
            {
                Fail($"{where}：图层 id 重复（duplicate layer id）。", "每个图层的 id 必须唯一。");
            }

            if (!LayerCategories.All.Contains(layer.Category))
            {
                Fail(
                    $"{where}：类别“{layer.Category}”无效。",
                    $"category 只能是 {string.Join("、", LayerCategories.All)} 之一。");
            }

            if (!groupIds.Contains(layer.Group))
            {
                Fail($"{where}：分组“{layer.Group}”不在 groups 中。", "在 groups 里补上该分组，或改用已有的分组 id。");
            }

            ValidateSource(catalog, layer, where);
        }

        ValidateArea(catalog);
    }

    /// <summary>The <c>area</c> entry names layers of the catalog and, when it declares one, a working CRS of the right form.</summary>
    private static void ValidateArea(LayerCatalog catalog)
    {
        if (catalog.Area is not { } area)
        {
            return;
        }

        var ids = string.Join(", ", catalog.Layers.Select(l => l.Id));
        foreach (var (name, id) in new[] { ("area.layer", area.Layer), ("area.neighbours", area.Neighbours) })
        {
            if ((name == "area.layer" || id is not null) && (string.IsNullOrWhiteSpace(id) || catalog.Find(id) is null))
            {
                Fail($"{name}“{id ?? "null"}”不是 layers 中的图层（{name} names no layer）。", $"{name} 须为 layers 中的 id：{ids}。");
            }
        }

        if (area.WorkingCrs is not { } crs)
        {
            return;
        }

        var text = crs.Trim();
        var code = text.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase) &&
                   int.TryParse(text[5..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 0;
        if (code is < Crs.GaussKrugerZone.FirstEpsg or > Crs.GaussKrugerZone.LastEpsg)
        {
            var hint = Crs.GaussKrugerZone.IsZoned(code)
                ? $"{text} 是东坐标带带号的写法，工作坐标系须用不带带号的 {Crs.GaussKrugerZone.FromEpsg(code)!.Name}。"
                : string.Empty;
            Fail($"area.workingCrs“{crs}”不是 CGCS2000 3 度带高斯-克吕格工作坐标系（not a working CRS）。{hint}",
                "写成 EPSG:4534–EPSG:4554 之一（中央经线 75°E–135°E，东坐标不带带号）（EPSG = 4534 + (中央经线 − 75) ÷ 3）；或删去 workingCrs，按数据区中心推出。");
        }
    }

    private static HashSet<string> ValidateGroups(IReadOnlyList<LayerGroup> groups)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            if (group is null || string.IsNullOrWhiteSpace(group.Id))
            {
                Fail($"groups[{i}] 是 null 或没有 id（groups[{i}] is null or has no id）。", "每个分组写成 {\"id\": …, \"titleZh\": …, \"titleEn\": …}。");
            }

            if (!ids.Add(group.Id))
            {
                Fail($"groups[{i}]（{group.Id}）：分组 id 重复（duplicate group id）。", "每个分组的 id 必须唯一。");
            }
        }

        return ids;
    }

    /// <summary>The fields every layer needs; JSON null passes the deserializer, so each is checked here.</summary>
    private static void RequireFields(LayerDefinition layer, string where)
    {
        foreach (var (name, value) in new[]
        {
            ("id", layer.Id), ("titleZh", layer.TitleZh), ("titleEn", layer.TitleEn), ("group", layer.Group),
            ("category", layer.Category), ("style", layer.Style),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Fail($"{where}：缺少 {name}（{name} is null or empty）。", $"给该图层写上 {name}（见 docs/architecture.md 的 catalog.json）。");
            }
        }
    }

    /// <summary>
    /// The layer names one source (docs/data-sources.md §1): a known type, a file for GeoJSON and GeoPackage that exists,
    /// is a file and lies inside the data folder (a catalog cannot make the tools read, or the web app serve,
    /// <c>/etc/passwd</c> or <c>../../x</c>), a table and a connection for PostGIS. Nothing is opened here.
    /// </summary>
    private static void ValidateSource(LayerCatalog catalog, LayerDefinition layer, string where)
    {
        var spec = layer.SourceSpec;
        if (spec is null)
        {
            Fail($"{where}：缺少 file 或 source（the layer names no source）。",
                "写 \"file\": \"layers/x.geojson\"，或 \"source\": {\"type\": \"gpkg\", \"file\": \"layers/x.gpkg\", \"table\": \"x\"}（见 docs/data-sources.md）。");
        }

        if (!LayerSourceSpec.Types.Contains(spec.Type))
        {
            Fail($"{where}：source 的 type “{spec.Type}”无效。", $"type 只能是 {string.Join("、", LayerSourceSpec.Types)} 之一。");
        }

        if (layer.Origin is not null && layer.File is not null && spec.File != layer.File)
        {
            Fail($"{where}：同时写了 file（{layer.File}）和 source（{spec.Describe()}），两者不一致。", "只保留 source（或只保留 file）。");
        }

        if (spec.Type == LayerSourceSpec.PostgisType)
        {
            if (string.IsNullOrWhiteSpace(spec.Table) || string.IsNullOrWhiteSpace(spec.Connection))
            {
                Fail($"{where}：PostGIS 图层须写 table 与 connection。",
                    "例如 \"source\": {\"type\": \"postgis\", \"connection\": \"env:SPATIALPLAN_PG\", \"table\": \"public.farmland\"}。");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(spec.File))
        {
            Fail($"{where}：source 没有 file。", $"写 \"file\": 数据目录内的相对路径，例如 layers/{layer.Id}.{(spec.Type == LayerSourceSpec.GpkgType ? "gpkg" : "geojson")}。");
        }

        var path = catalog.FullPath(layer);
        if (!LayerCatalog.IsInside(catalog.DataDirectory, path))
        {
            Fail($"{where}：图层文件 {spec.File} 不在数据目录内（layer files must be inside the data folder）。",
                "把文件放进数据目录（例如 layers/ 下），file 写相对于数据目录的路径，不要用绝对路径或“..”。");
        }

        if (Directory.Exists(path))
        {
            Fail($"{where}：图层文件 {spec.File} 是文件夹，不是文件。", "file 应指向一个 GeoJSON 或 GeoPackage 文件，例如 layers/eco-redline.geojson。");
        }

        if (!File.Exists(path))
        {
            Fail($"{where}：找不到图层文件 {spec.File}。", "检查 file 路径（相对于数据目录）是否正确、文件是否存在。");
        }
    }

    [DoesNotReturn]
    private static void Fail(string problem, string fix) => throw new InputException(problem, fix, LayerCatalog.FileName);
}
