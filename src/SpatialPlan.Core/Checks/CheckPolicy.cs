using System.Text.Json;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// The site check's rules, read from <c>gis-data/policy.json</c>: per zone category its mode, buffer (m),
/// legal basis and the verdict per project type. No rule lives in code; this type only reads and validates.
/// </summary>
public sealed class CheckPolicy
{
    /// <summary>The file name inside a data directory.</summary>
    public const string FileName = "policy.json";

    private CheckPolicy(double sliverM2, IReadOnlyDictionary<string, ZonePolicy> zones)
    {
        SliverM2 = sliverM2;
        Zones = zones;
    }

    /// <summary>Overlaps (and parts outside a contain zone) up to this area in m² are slivers, not conflicts.</summary>
    public double SliverM2 { get; }

    /// <summary>Zone policies by key (e.g. <c>ecological-redline</c>).</summary>
    public IReadOnlyDictionary<string, ZonePolicy> Zones { get; }

    /// <summary>Loads <c>policy.json</c> from a data directory.</summary>
    /// <exception cref="InputException">The file is missing or malformed; the message says where.</exception>
    public static CheckPolicy LoadFromDirectory(string dataDir) => Load(Path.Combine(dataDir, FileName));

    /// <summary>Loads a policy file.</summary>
    /// <exception cref="InputException">The file is missing or malformed; the message says where.</exception>
    public static CheckPolicy Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"找不到规则文件 {path}（File not found）。",
                "用 --data 指向含 policy.json 的 gis-data 目录。Point --data at a gis-data folder that holds policy.json.", Path.GetFileName(path));
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Parses policy JSON text.</summary>
    /// <exception cref="InputException">The JSON is malformed or names an unknown verdict, mode or project type.</exception>
    public static CheckPolicy Parse(string json, string fileName = FileName)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var sliver = root.TryGetProperty("tolerances", out var tol) && tol.TryGetProperty("sliverM2", out var s) ? s.GetDouble() : 1.0;
            var zones = new Dictionary<string, ZonePolicy>(StringComparer.Ordinal);
            foreach (var zone in Required(root, "zones", fileName).EnumerateObject())
            {
                zones[zone.Name] = ReadZone(zone.Name, zone.Value, fileName);
            }

            return new CheckPolicy(sliver, zones);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new InputException($"规则文件格式错误（malformed policy）：{e.Message}",
                "对照 docs/architecture.md 中 policy.json 的格式修正。Fix it against the policy.json shape in docs/architecture.md.", fileName, inner: e);
        }
    }

    private static ZonePolicy ReadZone(string key, JsonElement z, string fileName)
    {
        var modeName = Text(z, "mode");
        var mode = modeName switch
        {
            "avoid" => ZoneMode.Avoid,
            "contain" => ZoneMode.Contain,
            _ => throw Bad(fileName, $"zones.{key}.mode 为“{modeName}”，应为 avoid 或 contain"),
        };
        var rules = new Dictionary<ProjectType, ZoneRule>();
        foreach (var r in Required(z, "rules", fileName).EnumerateObject())
        {
            var type = Names.ParseProjectType(r.Name) ?? throw Bad(fileName, $"zones.{key}.rules 中的项目类型“{r.Name}”未知");
            rules[type] = new ZoneRule(
                VerdictOf(r.Value, "inside", key, fileName), VerdictOf(r.Value, "insideNationalMajor", key, fileName),
                VerdictOf(r.Value, "insideImportant", key, fileName), VerdictOf(r.Value, "outside", key, fileName),
                VerdictOf(r.Value, "nearby", key, fileName), Text(r.Value, "ruleZh"), Text(r.Value, "ruleEn"));
        }

        var buffer = z.TryGetProperty("bufferM", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetDouble() : 0;
        if (buffer < 0)
        {
            throw Bad(fileName, $"zones.{key}.bufferM 为负数");
        }

        return new ZonePolicy(key, mode, buffer, Text(z, "basisZh"), Text(z, "basisEn"), Text(z, "nearbyRuleZh"),
            Text(z, "nearbyRuleEn"), Text(z, "clearRuleZh"), Text(z, "clearRuleEn"), rules,
            z.TryGetProperty("featuresDisjoint", out var disjoint) && disjoint.ValueKind == JsonValueKind.True);
    }

    private static Verdict? VerdictOf(JsonElement rule, string name, string key, string fileName)
    {
        if (!rule.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return Names.ParseVerdict(v.GetString()) ?? throw Bad(fileName, $"zones.{key} 中 {name} 的结论“{v}”未知（应为 clear/advisory/approval-required/prohibited）");
    }

    private static JsonElement Required(JsonElement e, string name, string fileName) =>
        e.TryGetProperty(name, out var v) ? v : throw Bad(fileName, $"缺少“{name}”");

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;

    private static InputException Bad(string fileName, string problem) =>
        new($"规则文件格式错误：{problem}。", "对照 docs/architecture.md 中 policy.json 的格式修正。Fix it against the policy.json shape in docs/architecture.md.", fileName);
}
