using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// What is said about a project besides its geometry, each value null when not given: by the planner (CLI options,
/// API fields) or by the footprint file (properties of its first feature: <c>projectName</c>, <c>projectType</c>,
/// <c>majors</c>, <c>builder</c>, <c>projectCode</c>, <c>widthM</c>, <c>radiusM</c>). <see cref="Resolve"/> merges them:
/// an explicit option wins over the file; there is no default kind (项目类型必填).
/// </summary>
/// <param name="Kind">Project kind id or old alias, as written.</param>
/// <param name="Majors">Major-project category ids.</param>
/// <param name="NationalMajor">The retired yes/no flag; any value given is refused by <see cref="Resolve"/>.</param>
/// <param name="WidthM">Full width in metres of a line footprint.</param>
/// <param name="RadiusM">Radius in metres of a point footprint.</param>
/// <param name="Name">The project's name.</param>
/// <param name="Builder">建设单位.</param>
/// <param name="ProjectCode">项目代码.</param>
public sealed record ProjectSettings(
    string? Kind = null,
    IReadOnlyList<string>? Majors = null,
    bool? NationalMajor = null,
    double? WidthM = null,
    double? RadiusM = null,
    string? Name = null,
    string? Builder = null,
    string? ProjectCode = null)
{
    /// <summary>Nothing given.</summary>
    public static ProjectSettings None { get; } = new();

    /// <summary>Reads the project properties of the first feature (a 界址点 list has none: <see cref="None"/>).</summary>
    /// <exception cref="InputException">A property has a value of the wrong kind (width ≤ 0, majors not a list of ids…).</exception>
    public static ProjectSettings FromFile(FeatureLoadResult load, string? fileName = null)
    {
        if (load.Features.Count == 0 || load.Features[0].Attributes is not { } a)
        {
            return None;
        }

        return new ProjectSettings(Text(a, "projectType", fileName), Ids(a, "majors", fileName), Bool(a, "nationalMajor", fileName),
            Metres(a, "widthM", fileName), Metres(a, "radiusM", fileName), Text(a, "projectName", fileName),
            Text(a, "builder", fileName), Text(a, "projectCode", fileName));
    }

    /// <summary>
    /// The check options from what the planner gave (<paramref name="given"/>, wins) and what the file says, resolved
    /// against the policy (kind ids and aliases, major categories), with where each value came from in
    /// <see cref="CheckOptions.Origins"/>.
    /// </summary>
    /// <exception cref="InputException">
    /// No kind anywhere (项目类型必填), an ambiguous or unknown kind, an unknown major category, or a national-major flag.
    /// </exception>
    public static CheckOptions Resolve(ProjectSettings given, ProjectSettings file, CheckPolicy policy, int? declaredEpsg = null,
        double? proximityOverrideM = null, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(policy);
        if (given.NationalMajor is not null)
        {
            throw policy.NationalMajorRefused("--national-major（API：nationalMajor）");
        }

        if (file.NationalMajor is not null)
        {
            throw policy.NationalMajorRefused("文件属性 nationalMajor", fileName);
        }

        var (kind, alias) = given.Kind is not null
            ? policy.ResolveKind(given.Kind, "--type（API：type）")
            : policy.ResolveKind(file.Kind, "文件属性 projectType", file.Kind is null ? null : fileName);
        var majors = given.Majors is { Count: > 0 }
            ? policy.ResolveMajors(given.Majors, "--major（API：major）")
            : policy.ResolveMajors(file.Majors ?? [], "文件属性 majors", fileName);
        var origins = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kind"] = given.Kind is not null ? CheckOptions.FromOption : CheckOptions.FromFile,
            ["majors"] = given.Majors is { Count: > 0 } ? CheckOptions.FromOption : file.Majors is { Count: > 0 } ? CheckOptions.FromFile : CheckOptions.FromDefault,
            ["width"] = Origin(given.WidthM, file.WidthM),
            ["radius"] = Origin(given.RadiusM, file.RadiusM),
        };
        return new CheckOptions(kind.Id, [.. majors.Select(m => m.Id)], given.WidthM ?? file.WidthM, given.RadiusM ?? file.RadiusM,
            declaredEpsg, proximityOverrideM)
        {
            KindAlias = alias,
            Name = given.Name ?? file.Name,
            Builder = given.Builder ?? file.Builder,
            ProjectCode = given.ProjectCode ?? file.ProjectCode,
            Origins = origins,
        };
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
        JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : (object?)x).ToArray(),
        JsonElement e => e.GetRawText(),
        var v => v,
    } : null;

    private static string? Text(IAttributesTable a, string key, string? fileName) => Value(a, key) switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        var v => throw Bad(key, v, "填写文字。Use a string.", fileName),
    };

    private static IReadOnlyList<string>? Ids(IAttributesTable a, string key, string? fileName) => Value(a, key) switch
    {
        null => null,
        string s => [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        object?[] list when list.All(x => x is string) => [.. list.Cast<string>()],
        IEnumerable<object> list when list.All(x => x is string) => [.. list.Cast<string>()],
        var v => throw Bad(key, v is object?[] arr ? "[" + string.Join(",", arr) + "]" : v, "填写类别 id 的数组，例如 \"majors\": [\"farmland-transport\"]。Use an array of category ids.", fileName),
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
