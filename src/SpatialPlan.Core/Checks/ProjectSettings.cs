using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// What is said about a project besides its geometry, each value null when not given: by the planner (CLI
/// options, API query) or by the footprint file (properties of its first feature: <c>projectName</c>,
/// <c>projectType</c>, <c>nationalMajor</c>, <c>widthM</c>, <c>radiusM</c>). <see cref="Resolve"/> merges
/// them: an explicit option wins over the file, the defaults (urban, not national major) apply only when neither gives a value.
/// </summary>
/// <param name="Type">Project type.</param>
/// <param name="NationalMajor">A national major (国家重大) project.</param>
/// <param name="WidthM">Full width in metres of a line footprint.</param>
/// <param name="RadiusM">Radius in metres of a point footprint.</param>
/// <param name="Name">The project's name.</param>
public sealed record ProjectSettings(ProjectType? Type = null, bool? NationalMajor = null, double? WidthM = null, double? RadiusM = null, string? Name = null)
{
    /// <summary>Nothing given.</summary>
    public static ProjectSettings None { get; } = new();

    /// <summary>Reads the project properties of the first feature (a 界址点 list has none: <see cref="None"/>).</summary>
    /// <exception cref="InputException">A property has a value of the wrong kind (unknown type, width ≤ 0…).</exception>
    public static ProjectSettings FromFile(FeatureLoadResult load, string? fileName = null)
    {
        if (load.Features.Count == 0 || load.Features[0].Attributes is not { } a)
        {
            return None;
        }

        var typeText = Text(a, "projectType", fileName);
        ProjectType? type = typeText is null ? null : Names.ParseProjectType(typeText) ?? throw Bad("projectType", typeText,
            $"填写 {string.Join("、", Names.ProjectTypeNames)} 之一。Use one of {string.Join(", ", Names.ProjectTypeNames)}.", fileName);
        return new ProjectSettings(type, Bool(a, "nationalMajor", fileName), Metres(a, "widthM", fileName), Metres(a, "radiusM", fileName),
            Text(a, "projectName", fileName));
    }

    /// <summary>
    /// The check options from what the planner gave (<paramref name="given"/>, wins), what the file says and the
    /// defaults, with where each value came from in <see cref="CheckOptions.Origins"/>.
    /// </summary>
    public static CheckOptions Resolve(ProjectSettings given, ProjectSettings file, int? declaredEpsg = null, double? bufferOverrideM = null)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(file);
        var origins = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["type"] = Origin(given.Type, file.Type),
            ["nationalMajor"] = Origin(given.NationalMajor, file.NationalMajor),
            ["width"] = Origin(given.WidthM, file.WidthM),
            ["radius"] = Origin(given.RadiusM, file.RadiusM),
        };
        return new CheckOptions(
            given.Type ?? file.Type ?? ProjectType.Urban,
            given.NationalMajor ?? file.NationalMajor ?? false,
            given.WidthM ?? file.WidthM,
            given.RadiusM ?? file.RadiusM,
            declaredEpsg,
            bufferOverrideM)
        { Origins = origins };
    }

    private static string Origin<T>(T? given, T? file)
        where T : struct => given.HasValue ? CheckOptions.FromOption : file.HasValue ? CheckOptions.FromFile : CheckOptions.FromDefault;

    private static object? Value(IAttributesTable a, string key) => a.Exists(key) ? a[key] switch
    {
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        JsonElement e => e.GetRawText(),
        var v => v,
    } : null;

    private static string? Text(IAttributesTable a, string key, string? fileName) => Value(a, key) switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        var v => throw Bad(key, v, "填写文字。Use a string.", fileName),
    };

    private static bool? Bool(IAttributesTable a, string key, string? fileName) => Value(a, key) switch
    {
        null => null,
        bool b => b,
        var v => throw Bad(key, v, "填写 true 或 false（不加引号）。Use true or false.", fileName),
    };

    private static double? Metres(IAttributesTable a, string key, string? fileName)
    {
        var value = Value(a, key);
        double? metres = value switch
        {
            null => null,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            IConvertible c and not string and not bool => c.ToDouble(CultureInfo.InvariantCulture),
            _ => double.NaN,
        };
        return metres is null or (> 0 and < double.PositiveInfinity) ? metres
            : throw Bad(key, value, $"填写以米为单位的正数，例如 \"{key}\": 30。Give a positive number of metres.", fileName);
    }

    private static InputException Bad(string key, object? value, string fix, string? fileName) =>
        new($"第一个要素的项目属性 {key} 的值“{value}”无效（bad project property {key}）。", fix, fileName, 0);
}
