using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers;

/// <summary>Checks a loaded catalog for the mistakes a hand-edited catalog.json tends to have.</summary>
internal static class CatalogValidator
{
    public static void Validate(LayerCatalog catalog)
    {
        if (catalog.Layers.Count == 0)
        {
            Fail("图层目录里没有图层（layers 为空）。", "在 catalog.json 的 layers 数组里至少列出一个图层。");
        }

        var groupIds = catalog.Groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < catalog.Layers.Count; i++)
        {
            var layer = catalog.Layers[i];
            var where = $"layers[{i}]（{layer.Id}）";
            if (!seen.Add(layer.Id))
            {
                Fail($"{where}：图层 id 重复。", "每个图层的 id 必须唯一。");
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

            if (!System.IO.File.Exists(catalog.FullPath(layer)))
            {
                Fail($"{where}：找不到图层文件 {layer.File}。", "检查 file 路径（相对于数据目录）是否正确、文件是否存在。");
            }
        }
    }

    private static void Fail(string problem, string fix) => throw new InputException(problem, fix, LayerCatalog.FileName);
}
