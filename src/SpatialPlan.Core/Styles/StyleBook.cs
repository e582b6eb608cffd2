using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Styles;

/// <summary>All layer styles of a data directory, read from <c>styles.json</c> (a map from style key to <see cref="LayerStyle"/>).</summary>
public sealed class StyleBook
{
    /// <summary>The styles file name inside a data directory.</summary>
    public const string FileName = "styles.json";

    private readonly IReadOnlyDictionary<string, LayerStyle> _styles;

    private StyleBook(IReadOnlyDictionary<string, LayerStyle> styles) => _styles = styles;

    /// <summary>Style keys in file order.</summary>
    public IEnumerable<string> Keys => _styles.Keys;

    /// <summary>Loads styles.json from a data directory.</summary>
    /// <exception cref="InputException">Missing or malformed file, or a point shape no renderer can draw.</exception>
    public static StyleBook Load(string dataDirectory)
    {
        var styles = DataFileJson.Read(dataDirectory, FileName, CoreJson.Default.DictionaryStringLayerStyle, "图层样式",
            "把 styles.json 放进数据目录，格式见 docs/architecture.md。", "检查 styles.json 的括号、逗号和取值类型。");
        var book = new StyleBook(styles ?? []);
        book.ValidateShapes();
        return book;
    }

    /// <summary>The style with this key.</summary>
    /// <exception cref="InputException">No such style.</exception>
    public LayerStyle Get(string key) => _styles.TryGetValue(key, out var style)
        ? style
        : throw new InputException($"样式“{key}”在 {FileName} 中不存在。", "在 styles.json 中补上该样式，或修改 catalog.json 中图层的 style。", FileName);

    private void ValidateShapes()
    {
        foreach (var (key, style) in _styles)
        {
            var points = new[] { style.Point }.Concat(style.Rules?.Select(r => r.Style.Point) ?? []);
            foreach (var point in points.OfType<PointSymbol>())
            {
                if (!PointSymbol.Shapes.Contains(point.Shape))
                {
                    throw new InputException(
                        $"样式“{key}”的点符号形状“{point.Shape}”无法绘制。",
                        $"shape 只能是 {string.Join("、", PointSymbol.Shapes)} 之一。",
                        FileName);
                }
            }
        }
    }
}
