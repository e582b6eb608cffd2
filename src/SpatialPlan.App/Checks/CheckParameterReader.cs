using System.Globalization;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.App.Checks;

/// <summary>
/// Reads the request's project settings and CRS from query or form values, with a planner-readable error for each
/// bad value. A value the request omits stays null, so the footprint file's own project properties can apply.
/// </summary>
public static class CheckParameterReader
{
    private static readonly string TypeNames = string.Join("、", Names.ProjectTypeNames);

    public static (ProjectSettings Given, int? DeclaredEpsg) Read(Func<string, string?> value) => (
        new ProjectSettings(
            ReadType(value("type")),
            ReadBool(value("nationalMajor")),
            ReadMetres(value("width"), "width", "线状项目的宽度 width"),
            ReadMetres(value("radius"), "radius", "点状项目的半径 radius")),
        ReadCrs(value("crs")));

    private static ProjectType? ReadType(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Core's parser, as the CLI and footprint files use: Enum.TryParse would OR a comma list ("linear,agriculture").
        return Names.ParseProjectType(text.Trim())
            ?? throw new InputException($"项目类型“{text}”无法识别（unknown project type）。", $"type 请填写 {TypeNames} 之一。 Use one of {TypeNames}.");
    }

    private static bool? ReadBool(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "false" or "0" or "off" or "no" => false,
        "true" or "1" or "on" or "yes" => true,
        _ => throw new InputException($"nationalMajor 的值“{text}”无法识别（not a yes/no value）。", "请填写 true 或 false。 Use true or false."),
    };

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
            : throw new InputException($"坐标系“{text}”无法识别（unknown CRS）。", "请填写 EPSG 代码，例如 EPSG:4490、EPSG:4545、EPSG:4524，或留空自动识别。 Give an EPSG code such as EPSG:4545, or leave it empty to detect.");
    }
}
