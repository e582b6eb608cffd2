using System.Globalization;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.App.Checks;

/// <summary>
/// Reads the request's project settings and CRS from query or form values, with a planner-readable error for each
/// bad value. A value the request omits stays null, so the footprint file's own project properties can apply.
/// Fields: <c>type</c> (kind id or old alias), <c>major</c> (repeated, or a comma list), <c>projectName</c>,
/// <c>builder</c>, <c>projectCode</c>, <c>width</c>, <c>radius</c>, <c>crs</c>; <c>nationalMajor</c> is refused by Core.
/// Repeated fields reach <paramref name="value"/>'s answer joined by commas (StringValues.ToString).
/// </summary>
public static class CheckParameterReader
{
    public static (ProjectSettings Given, int? DeclaredEpsg) Read(Func<string, string?> value) => (
        new ProjectSettings(
            ReadKind(value("type")),
            ReadMajors(value("major")),
            ReadRetiredFlag(value("nationalMajor")),
            ReadMetres(value("width"), "width", "线状项目的宽度 width"),
            ReadMetres(value("radius"), "radius", "点状项目的半径 radius"),
            ReadText(value("projectName")),
            ReadText(value("builder")),
            ReadText(value("projectCode"))),
        ReadCrs(value("crs")));

    // Core resolves the kind against the policy (ids, aliases, ambiguous names) with the same messages as the CLI.
    private static string? ReadKind(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : text.Trim();

    private static List<string>? ReadMajors(string? text)
    {
        var ids = text?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return ids is { Count: > 0 } ? ids : null;
    }

    // Any value, even false, is passed on so that Core refuses it with the message that points to `major`.
    private static bool? ReadRetiredFlag(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "false" or "0" or "off" or "no" => false,
        _ => true,
    };

    private static string? ReadText(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static double? ReadMetres(string? text, string name, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var metres) && metres > 0 && double.IsFinite(metres)
            ? metres
            : throw new InputException($"{what} 的值“{text}”不是正数（{name} must be a positive number of metres）。", $"请填写以米为单位的正数，例如 {name}=30。 Give metres, e.g. {name}=30.");
    }

    private static int? ReadCrs(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var digits = trimmed.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase) ? trimmed[5..] : trimmed;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var epsg)
            ? epsg
            : throw new InputException($"坐标系“{text}”无法识别（unknown CRS）。", "请填写 EPSG 代码，例如 EPSG:4490（经纬度）、EPSG:4534–4554（3 度带，不带带号）、EPSG:4513–4533（带带号），或留空自动识别。 Give an EPSG code such as EPSG:4490, or leave it empty to detect.");
    }
}
