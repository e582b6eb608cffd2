using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace SpatialPlan.Core.Sources;

/// <summary>
/// Reads GeoJSON (FeatureCollection, Feature or a bare geometry) with GeoJSON4STJ, one feature at a time
/// so that every problem can be pinned to a feature index. Coordinates stay as stored; CRS handling is the caller's.
/// </summary>
internal static class GeoJsonFeatureReader
{
    private static readonly JsonSerializerOptions _options = CreateOptions();

    public static RawFeatures Read(byte[] bytes, string file, InputBudget budget)
    {
        // A UTF-8 BOM (Notepad, some exporters) is not JSON, but it is not the planner's mistake either.
        var json = bytes.AsMemory();
        if (json.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..];
        }

        try
        {
            return Read(json, file, budget);
        }
        catch (InvalidOperationException ex) when (UnicodeEscapes.HasLoneSurrogate(json.Span))
        {
            // JsonElement.GetString() on "\ud800": the text cannot become a .NET string.
            throw UnicodeEscapes.Refusal(file, null, null, ex);
        }
    }

    private static RawFeatures Read(ReadOnlyMemory<byte> bytes, string file, InputBudget budget)
    {
        using var doc = Parse(bytes, file, budget.Limits.MaxJsonDepth);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputException("GeoJSON 的最外层应是一个 JSON 对象（root is not an object）。",
                "文件应以 { \"type\": \"FeatureCollection\", \"features\": [...] } 开头。", file);
        }

        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var ordinates = new List<int>();
        var features = type switch
        {
            "FeatureCollection" => ReadCollection(root, file, budget, ordinates),
            "Feature" => [ReadFeature(root, file, 0, budget, ordinates)],
            "Point" or "MultiPoint" or "LineString" or "MultiLineString" or "Polygon" or "MultiPolygon" or "GeometryCollection" =>
                [new Feature(ReadGeometry(root, file, 0, budget, ordinates), new AttributesTable())],
            null => throw new InputException("GeoJSON 缺少 type 成员（missing \"type\"）。",
                "最外层应有 \"type\": \"FeatureCollection\"（或 Feature / 几何类型）。", file),
            _ => throw new InputException($"未知的 GeoJSON 类型 \"{type}\"（unknown GeoJSON type）。",
                "type 应为 FeatureCollection、Feature 或几何类型（Polygon 等），区分大小写。", file),
        };
        var (epsg, where) = GeoJsonCrsMember.Read(root, file);
        return new RawFeatures(features, epsg, where) { Ordinates = ordinates };
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> memory, string file, int maxDepth)
    {
        try
        {
            return JsonDocument.Parse(memory, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = maxDepth });
        }
        catch (JsonException ex) when (JsonDepth.Exceeds(memory.Span, maxDepth))
        {
            throw new InputException(
                $"JSON 的嵌套层数超过上限 {maxDepth} 层（第 {(ex.LineNumber ?? 0) + 1} 行附近），不是正常的 GeoJSON（nesting depth over {maxDepth}）。",
                "GeoJSON 的 FeatureCollection 最多约 7 层嵌套：请检查 properties 中是否嵌入了层层嵌套的数组或对象，删除它们或重新导出。", file, inner: ex);
        }
        catch (JsonException ex)
        {
            var bytes = memory.Span;
            var line = (ex.LineNumber ?? 0) + 1;
            var col = (ex.BytePositionInLine ?? 0) + 1;
            var truncated = FailedAtEnd(bytes, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            var problem = truncated
                ? $"JSON 在结尾处被截断（第 {line} 行），文件不完整（truncated JSON）。"
                : $"不是有效的 JSON：第 {line} 行第 {col} 列附近有语法错误（invalid JSON near line {line}, column {col}）。";
            var fix = truncated
                ? "文件可能没有下载或复制完整，请重新导出或重新下载。"
                : "请用文本编辑器或 GIS 软件检查该处的括号、逗号和引号，或重新导出 GeoJSON。";
            throw new InputException(problem, fix, file, inner: ex);
        }
    }

    /// <summary>JSON that starts like JSON and fails at (or just before) its last non-blank byte was cut off.</summary>
    private static bool FailedAtEnd(ReadOnlySpan<byte> bytes, long line, long byteInLine)
    {
        var offset = 0;
        for (var seen = 0L; seen < line && offset < bytes.Length; offset++)
        {
            if (bytes[offset] == (byte)'\n')
            {
                seen++;
            }
        }

        var end = bytes.Length;
        while (end > 0 && bytes[end - 1] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            end--;
        }

        var start = 0;
        while (start < end && bytes[start] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0xEF or 0xBB or 0xBF)
        {
            start++;
        }

        var looksLikeJson = start < end && bytes[start] is (byte)'{' or (byte)'[';
        return looksLikeJson && offset + byteInLine >= end - 1;
    }

    private static List<IFeature> ReadCollection(JsonElement root, string file, InputBudget budget, List<int> ordinates)
    {
        if (!root.TryGetProperty("features", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new InputException("FeatureCollection 缺少 features 数组（missing \"features\" array）。",
                "请加入 \"features\": [ … ]，其中每个要素为 {\"type\":\"Feature\",\"geometry\":…,\"properties\":…}。", file);
        }

        if (array.GetArrayLength() == 0)
        {
            throw new InputException("FeatureCollection 的 features 为空，文件中没有任何要素（empty \"features\"）。",
                "请确认导出时选中了要素，或换用包含项目范围的文件。", file);
        }

        budget.Features(array.GetArrayLength());
        return array.EnumerateArray().Select((f, i) => ReadFeature(f, file, i, budget, ordinates)).ToList();
    }

    private static IFeature ReadFeature(JsonElement element, string file, int index, InputBudget budget, List<int> ordinates)
    {
        budget.CancellationToken.ThrowIfCancellationRequested();
        if (element.ValueKind != JsonValueKind.Object ||
            !(element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "Feature"))
        {
            throw new InputException("这一项不是 GeoJSON 要素（应有 \"type\": \"Feature\"）（not a Feature）。",
                "features 数组中的每一项都应是 {\"type\":\"Feature\",\"geometry\":…,\"properties\":…}。", file, index);
        }

        if (!element.TryGetProperty("geometry", out var geometry) || geometry.ValueKind == JsonValueKind.Null)
        {
            throw new InputException("要素没有几何（geometry 为 null 或缺失）（feature has no geometry）。",
                "请为该要素补上几何，或从文件中删除它。", file, index);
        }

        var attributes = JsonAttributes.From(element, file, index);
        return new Feature(ReadGeometry(geometry, file, index, budget, ordinates), attributes);
    }

    private static Geometry ReadGeometry(JsonElement geometry, string file, int index, InputBudget budget, List<int> ordinates)
    {
        ordinates.Add(GeoJsonGeometryChecker.Check(geometry, file, index, budget));
        try
        {
            var g = geometry.Deserialize<Geometry>(_options);
            if (g is null || g.IsEmpty)
            {
                throw new InputException("几何为空（empty geometry）。", "请写入几何坐标，或删除这个要素。", file, index);
            }

            return g;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new InputException($"无法读取几何：{ex.Message}（geometry could not be read）。",
                "请用 GIS 软件检查并重新导出该要素。", file, index, ex);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(GeometryDefaults.Factory));
        return options;
    }
}
