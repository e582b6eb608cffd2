using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using SpatialPlan.Core.Layers.GeoPackage;
using SpatialPlan.Core.Limits;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>
/// Decodes one GeoJSON feature (its own bytes, cut out of a FeatureCollection or a GeoJSON Lines file) with the upload
/// readers' checks (<see cref="GeoJsonGeometryChecker"/>, <see cref="JsonAttributes"/>) and GeoJSON4STJ, and learns a
/// file's columns from a sample of its first features.
/// </summary>
internal static class GeoJsonRecords
{
    /// <summary>How many features the columns are learned from.</summary>
    public const int SampleSize = 1000;

    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>The feature's attributes (names as written), for learning columns.</summary>
    public static IAttributesTable Attributes(byte[] json, long index, string file)
    {
        using var doc = Parse(json, index, file);
        return JsonAttributes.From(RequireFeature(doc.RootElement, index, file), file, Index(index));
    }

    /// <summary>The geometry (null when the feature has none) and the values of <paramref name="columns"/>.</summary>
    public static (Geometry? Geometry, object?[] Values) Decode(byte[] json, long index, string file, IReadOnlyList<SourceColumn> columns)
    {
        using var doc = Parse(json, index, file);
        var feature = RequireFeature(doc.RootElement, index, file);
        var attributes = JsonAttributes.From(feature, file, Index(index));
        var values = new object?[columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = attributes.Exists(columns[i].Name) ? Plain(attributes[columns[i].Name]) : null;
        }

        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind == JsonValueKind.Null)
        {
            return (null, values);
        }

        GeoJsonGeometryChecker.Check(geometry, file, Index(index), new InputBudget(InputLimits.DataLayer, file, CancellationToken.None));
        try
        {
            return (geometry.Deserialize<Geometry>(Options), values);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new InputException($"无法读取几何：{e.Message.ReplaceLineEndings(" ")}（geometry could not be read）。",
                "请用 GIS 软件检查并重新导出该要素。", file, Index(index), e);
        }
    }

    /// <summary>
    /// Columns from the sample: in order of first appearance; numbers are REAL (a GeoJSON number says nothing about a
    /// later one being whole), true/false BOOLEAN, anything else TEXT; a name whose values disagree in kind is TEXT.
    /// </summary>
    public static List<SourceColumn> Learn(IEnumerable<IAttributesTable> sample)
    {
        var order = new List<string>();
        var kinds = new Dictionary<string, GpkgColumnType?>(StringComparer.Ordinal);
        foreach (var table in sample)
        {
            foreach (var name in table.GetNames())
            {
                var kind = Kind(table[name]);
                if (!kinds.TryGetValue(name, out var known))
                {
                    order.Add(name);
                    kinds[name] = kind;
                }
                else if (known is null)
                {
                    kinds[name] = kind;
                }
                else if (kind is not null && kind != known)
                {
                    kinds[name] = GpkgColumnType.Text;
                }
            }
        }

        return order.Select(n => new SourceColumn(n, kinds[n] ?? GpkgColumnType.Text)).ToList();
    }

    private static GpkgColumnType? Kind(object? value) => value switch
    {
        null => null,
        bool => GpkgColumnType.Boolean,
        decimal or double or float or int or long => GpkgColumnType.Real,
        _ => GpkgColumnType.Text,
    };

    /// <summary>GeoJSON4STJ-style values as plain ones: numbers as double, nested JSON as its text.</summary>
    private static object? Plain(object? value) => value switch
    {
        decimal d => (double)d,
        JsonElement e => e.GetRawText(),
        _ => value,
    };

    private static JsonDocument Parse(byte[] json, long index, string file)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = InputLimits.DataLayer.MaxJsonDepth });
        }
        catch (JsonException e)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"不是有效的 JSON：{e.Message.ReplaceLineEndings(" ")}（invalid JSON）。"),
                "请用 GIS 软件重新导出该图层，或用文本编辑器检查这个要素的括号、逗号和引号。", file, Index(index), e);
        }
    }

    private static JsonElement RequireFeature(JsonElement element, long index, string file)
    {
        if (element.ValueKind != JsonValueKind.Object ||
            !(element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "Feature"))
        {
            throw new InputException("这一项不是 GeoJSON 要素（应有 \"type\": \"Feature\"）（not a Feature）。",
                "每个要素都应是 {\"type\":\"Feature\",\"geometry\":…,\"properties\":…}。", file, Index(index));
        }

        return element;
    }

    private static int Index(long index) => (int)Math.Min(index, int.MaxValue);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { MaxDepth = InputLimits.DataLayer.MaxJsonDepth };
        options.Converters.Add(new GeoJsonConverterFactory(ImportGeometry.Factory));
        return options;
    }
}

/// <summary>A GeoJSON feature read as bytes; parsed on a worker thread.</summary>
internal sealed class GeoJsonRecord(long index, byte[] json, string file, IReadOnlyList<SourceColumn> columns) : PendingRecord(index)
{
    public override (Geometry? Geometry, object?[] Values) Decode() => GeoJsonRecords.Decode(json, Index, file, columns);
}
