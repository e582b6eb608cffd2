using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers;

/// <summary>
/// Reads one JSON file of a data directory (catalog.json, styles.json) the same lenient way — comments and
/// trailing commas allowed, names case-insensitive — and turns a missing or malformed file into an
/// <see cref="InputException"/> that names the file and the line.
/// </summary>
internal static class DataFileJson
{
    /// <summary>The lenient reading by reflection, for the files <see cref="CoreJson"/> does not cover (catalog.json).</summary>
    public static readonly JsonSerializerOptions Lenient = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="fileName">The file's name inside it.</param>
    /// <param name="type">The file's type: from <see cref="CoreJson"/>, or <see cref="Lenient"/>'s reflection-made one.</param>
    /// <param name="whatZh">What the file is, in Chinese (e.g. 图层目录), for the messages.</param>
    /// <param name="missingFix">How to fix a missing file.</param>
    /// <param name="malformedFix">How to fix malformed JSON.</param>
    public static T? Read<T>(string dataDirectory, string fileName, JsonTypeInfo<T> type, string whatZh, string missingFix, string malformedFix)
    {
        var path = Path.Combine(dataDirectory, fileName);
        if (!File.Exists(path))
        {
            throw new InputException($"数据目录 {dataDirectory} 中没有 {fileName}（{whatZh}）。", missingFix, fileName);
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), type);
        }
        catch (JsonException ex)
        {
            // A value of the wrong kind (a number where a source object belongs) also names where it is.
            var at = ex.Path is { Length: > 1 } jsonPath ? $"，{jsonPath}" : string.Empty;
            throw new InputException($"{whatZh}不是有效的 JSON（第 {ex.LineNumber + 1} 行附近{at}）。", malformedFix, fileName, inner: ex);
        }
    }
}
