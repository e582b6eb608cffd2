using System.Globalization;
using System.Text.Json;

namespace SpatialPlan.Core.Sources;

/// <summary>
/// Checks a GeoJSON geometry object's shape before GeoJSON4STJ reads it, because GeoJSON4STJ either throws
/// without saying where (unknown type, unclosed ring) or silently reads an empty polygon. Each problem gets
/// a message a planner can act on. Counts parts and vertices against the budget before anything is built, and
/// names the vertex (1-based, in file order within the feature) of a bad number.
/// </summary>
internal static class GeoJsonGeometryChecker
{
    private static readonly Dictionary<string, int> _depths = new(StringComparer.Ordinal)
    {
        ["Point"] = 1, ["MultiPoint"] = 2, ["LineString"] = 2, ["MultiLineString"] = 3,
        ["Polygon"] = 3, ["MultiPolygon"] = 4,
    };

    /// <summary>Throws <see cref="InputException"/> describing the first problem in <paramref name="geometry"/>.</summary>
    /// <returns>The most ordinates any position has (2 for x/y, 3 with Z, 4 with Z and M), so a dropped M can be reported
    /// even though GeoJSON4STJ ignores it.</returns>
    public static int Check(JsonElement geometry, string file, int index, InputBudget budget)
    {
        var vertex = 0;
        var ordinates = 2;
        Check(geometry, file, index, budget, ref vertex, ref ordinates);
        return ordinates;
    }

    private static void Check(JsonElement geometry, string file, int index, InputBudget budget, ref int vertex, ref int ordinates)
    {
        if (geometry.ValueKind != JsonValueKind.Object)
        {
            throw Fail("geometry 不是 JSON 对象（geometry is not an object）。", "geometry 应为 {\"type\": \"Polygon\", \"coordinates\": [...]} 的形式。", file, index);
        }

        var type = geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
        if (type == "GeometryCollection")
        {
            CheckCollection(geometry, file, index, budget, ref vertex, ref ordinates);
            return;
        }

        if (type is null || !_depths.TryGetValue(type, out var depth))
        {
            throw Fail($"未知的几何类型 \"{type ?? "(缺少 type)"}\"（unknown geometry type）。",
                "几何类型应为 Point、LineString、Polygon、MultiPoint、MultiLineString、MultiPolygon 或 GeometryCollection（区分大小写）。", file, index);
        }

        if (!geometry.TryGetProperty("coordinates", out var coords) || coords.ValueKind != JsonValueKind.Array || coords.GetArrayLength() == 0)
        {
            throw Fail($"{type} 的坐标为空或缺少 coordinates（empty coordinates）。", "请写入几何的坐标，或删除这个要素。", file, index);
        }

        CheckNesting(coords, depth, type, file, index, budget, ref vertex, ref ordinates);
    }

    private static void CheckCollection(JsonElement geometry, string file, int index, InputBudget budget, ref int vertex, ref int ordinates)
    {
        if (!geometry.TryGetProperty("geometries", out var parts) || parts.ValueKind != JsonValueKind.Array || parts.GetArrayLength() == 0)
        {
            throw Fail("GeometryCollection 没有 geometries（empty GeometryCollection）。", "请写入成员几何，或删除这个要素。", file, index);
        }

        budget.Parts(parts.GetArrayLength(), index);
        foreach (var part in parts.EnumerateArray())
        {
            Check(part, file, index, budget, ref vertex, ref ordinates);
        }
    }

    private static void CheckNesting(JsonElement coords, int depth, string type, string file, int index, InputBudget budget, ref int vertex, ref int ordinates)
    {
        switch (depth)
        {
            case 1:
                budget.Parts(1, index);
                budget.Vertices(1, index);
                CheckPosition(coords, file, index, ++vertex);
                ordinates = Math.Max(ordinates, coords.GetArrayLength());
                return;
            case 2 when type == "MultiPoint":
                // Count the points up front, so that the refusal says how many there are.
                budget.Parts(coords.GetArrayLength(), index);
                budget.Vertices(coords.GetArrayLength(), index);
                foreach (var point in coords.EnumerateArray())
                {
                    CheckPosition(point, file, index, ++vertex);
                    ordinates = Math.Max(ordinates, point.ValueKind == JsonValueKind.Array ? point.GetArrayLength() : 0);
                }

                return;
            case 2 when type is "LineString" or "Polygon" or "MultiLineString" or "MultiPolygon":
                budget.Parts(1, index);
                budget.Vertices(coords.GetArrayLength(), index);
                CheckLine(coords, type, file, index, ref vertex, ref ordinates);
                return;
        }

        foreach (var child in coords.EnumerateArray())
        {
            if (child.ValueKind != JsonValueKind.Array || (depth > 2 && child.GetArrayLength() == 0))
            {
                throw Fail($"{type} 的坐标嵌套层次不对或有空的部分（coordinates nesting does not match {type}）。",
                    $"{type} 的 coordinates 应有 {depth} 层数组，例如 Polygon 为 [[[x,y],[x,y],…]]。", file, index);
            }

            CheckNesting(child, depth - 1, type, file, index, budget, ref vertex, ref ordinates);
        }
    }

    private static void CheckLine(JsonElement line, string type, string file, int index, ref int vertex, ref int ordinates)
    {
        var positions = line.EnumerateArray().ToList();
        foreach (var p in positions)
        {
            CheckPosition(p, file, index, ++vertex);
            ordinates = Math.Max(ordinates, p.GetArrayLength());
        }

        var isRing = type is "Polygon" or "MultiPolygon";
        if (!isRing)
        {
            if (positions.Count < 2)
            {
                throw Fail($"{type} 只有 {positions.Count} 个点，线至少需要 2 个点（too few points）。", "请补全线的坐标。", file, index);
            }

            return;
        }

        if (positions.Count < 4)
        {
            throw Fail($"多边形的环只有 {positions.Count} 个坐标，至少需要 4 个（3 个不同的点再加上与起点相同的终点）（ring has fewer than 4 positions）。",
                "请补全多边形的顶点，并让最后一个坐标与第一个相同。", file, index);
        }

        if (!SamePosition(positions[0], positions[^1]))
        {
            throw Fail($"多边形的环没有闭合：第一个坐标 {Show(positions[0])} 与最后一个坐标 {Show(positions[^1])} 不同（unclosed ring）。",
                "把第一个坐标复制到环的末尾，使首尾坐标相同。", file, index);
        }
    }

    private static void CheckPosition(JsonElement p, string file, int index, int vertex)
    {
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 2)
        {
            throw Fail($"坐标 {Raw(p)} 不是 [x, y] 形式的数组（a position must be [x, y]）。", "每个坐标应写成 [经度, 纬度] 或 [东坐标, 北坐标] 这样的数字数组。", file, index);
        }

        foreach (var v in p.EnumerateArray().Take(2))
        {
            if (v.ValueKind == JsonValueKind.String)
            {
                throw Fail($"坐标值 {v.GetRawText()} 是字符串，应为数字（coordinate is a string）。", "去掉坐标数字两边的引号，例如把 \"107.1\" 写成 107.1。", file, index);
            }

            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var value) || !double.IsFinite(value))
            {
                throw Fail($"第 {vertex} 个顶点的坐标值 {Raw(v)} 不是有效数字或超出范围（vertex {vertex}: not a finite number）。",
                    "请把坐标写成正常的数字（如 107.123456 或 4528378.741）。", file, index);
            }

            if (value == 0 && Underflows(v.GetRawText()))
            {
                throw Fail($"第 {vertex} 个顶点的坐标值 {Raw(v)} 太小，读取时下溢为 0（vertex {vertex}: underflows to 0）。",
                    "这不是有效的坐标：请检查该顶点的数值（经纬度或米坐标），改正后再上传。", file, index);
            }
        }
    }

    /// <summary>A literal like <c>1e-400</c>: a non-zero digit before the exponent, yet the double is 0.</summary>
    private static bool Underflows(string literal)
    {
        var mantissa = literal.Split('e', 'E')[0];
        return mantissa.Any(c => c is >= '1' and <= '9');
    }

    private static bool SamePosition(JsonElement a, JsonElement b) =>
        a[0].GetDouble() == b[0].GetDouble() && a[1].GetDouble() == b[1].GetDouble();

    private static string Show(JsonElement p) => string.Create(CultureInfo.InvariantCulture, $"[{p[0].GetDouble()}, {p[1].GetDouble()}]");

    private static string Raw(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    private static InputException Fail(string problem, string fix, string file, int index) => new(problem, fix, file, index);
}
