using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// The site check's rules, read from <c>gis-data/policy.json</c> version 2 (docs/rules-model.md §5): documents,
/// authorities, project kinds (with aliases and ambiguous names), major-project categories, what is not checked,
/// plan guidance, and per zone category its mode, proximity distance, levels and ordered rules. No rule lives in
/// code; this type reads, validates (<see cref="PolicyReader"/>) and answers look-ups.
/// </summary>
public sealed class CheckPolicy
{
    /// <summary>The file name inside a data directory.</summary>
    public const string FileName = "policy.json";

    /// <summary>The schema version this code reads.</summary>
    public const int SchemaVersion = 2;

    internal CheckPolicy()
    {
    }

    /// <summary>The policy's own version label (<c>policyVersion</c>, e.g. a date).</summary>
    public string PolicyVersion { get; internal init; } = string.Empty;

    /// <summary>Overlaps (and parts outside a contain zone) up to this area in m² are slivers (微小重叠，需核实).</summary>
    public double SliverM2 { get; internal init; } = 1.0;

    public IReadOnlyDictionary<string, PolicyDocument> Documents { get; internal init; } = new Dictionary<string, PolicyDocument>();

    public IReadOnlyDictionary<string, Authority> Authorities { get; internal init; } = new Dictionary<string, Authority>();

    /// <summary>The project kinds, in policy order.</summary>
    public IReadOnlyList<ProjectKind> Kinds { get; internal init; } = [];

    /// <summary>Names that do not say which kind is meant (e.g. <c>agriculture</c>), with the kind ids that replace them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AmbiguousKinds { get; internal init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The major-project categories of every list, in policy order.</summary>
    public IReadOnlyList<MajorCategory> MajorCategories { get; internal init; } = [];

    /// <summary>Categories the law cares about that a check can test only with a layer for them.</summary>
    public IReadOnlyList<NotCheckedCategory> NotChecked { get; internal init; } = [];

    /// <summary>Plan elements that are guidance, not control, by catalog category.</summary>
    public IReadOnlyDictionary<string, GuidanceNote> Guidance { get; internal init; } = new Dictionary<string, GuidanceNote>();

    /// <summary>Zone policies by key (e.g. <c>ecological-redline</c>), in policy order.</summary>
    public IReadOnlyDictionary<string, ZonePolicy> Zones { get; internal init; } = new Dictionary<string, ZonePolicy>();

    /// <summary>Loads <c>policy.json</c> from a data directory.</summary>
    /// <exception cref="InputException">The file is missing, malformed or incomplete; the message says where.</exception>
    public static CheckPolicy LoadFromDirectory(string dataDir) => Load(Path.Combine(dataDir, FileName));

    /// <summary>Loads a policy file.</summary>
    /// <exception cref="InputException">The file is missing, malformed or incomplete; the message says where.</exception>
    public static CheckPolicy Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"找不到规则文件 {path}（File not found）。",
                "用 --data 指向含 policy.json 的 gis-data 目录。Point --data at a gis-data folder that holds policy.json.", Path.GetFileName(path));
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Parses and validates policy JSON text.</summary>
    /// <exception cref="InputException">
    /// Malformed JSON, an unknown kind/level/authority/document id, an approval-required rule without a condition, a
    /// number that is NaN, infinite or negative, or a hole (a kind × level × situation that no rule matches).
    /// </exception>
    public static CheckPolicy Parse(string json, string fileName = FileName) => PolicyReader.Read(json, fileName);

    /// <summary>The kind with this id, or null.</summary>
    public ProjectKind? FindKind(string id) => Kinds.FirstOrDefault(k => k.Id == id);

    /// <summary>The major category with this id, or null.</summary>
    public MajorCategory? FindMajor(string id) => MajorCategories.FirstOrDefault(m => m.Id == id);

    /// <summary>
    /// The kind a planner named: an id, or an old alias (then <c>Alias</c> is what was written). Case-insensitive.
    /// </summary>
    /// <param name="text">What was given; null or blank means nothing was given.</param>
    /// <param name="where">How the planner gave it, for the message (e.g. <c>--type / type</c>).</param>
    /// <param name="file">The footprint file when the value came from it.</param>
    /// <exception cref="InputException">Nothing given (项目类型必填), an ambiguous name (lists the kinds that replace it) or an unknown one.</exception>
    public (ProjectKind Kind, string? Alias) ResolveKind(string? text, string where, string? file = null)
    {
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new InputException("项目类型必填（the project kind is required）：没有给出项目类型，规则按类型而定，不作默认。",
                $"用 --type（网页与 API：type；文件：第一个要素的 projectType 属性）给出以下之一：{KindList(Kinds.Select(k => k.Id))}。" +
                "Give the kind with --type (API: type; file: projectType); spatialplan kinds lists them.", file, file is null ? null : 0);
        }

        if (Kinds.FirstOrDefault(k => string.Equals(k.Id, name, StringComparison.OrdinalIgnoreCase)) is { } kind)
        {
            return (kind, null);
        }

        if (Kinds.FirstOrDefault(k => k.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase)) is { } aliased)
        {
            return (aliased, aliased.Aliases.First(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));
        }

        if (AmbiguousKinds.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } ambiguous)
        {
            var replacing = ambiguous.Value.Contains(ZoneLevel.Any) ? Kinds.Select(k => k.Id) : ambiguous.Value;
            throw new InputException(
                $"{where} 的项目类型“{name}”含义不明（ambiguous kind）：法律对它可能指的各类项目规定不同，须选其一。",
                $"改用以下之一：{KindList(replacing)}。Use one of: {string.Join(", ", replacing)}.", file, file is null ? null : 0);
        }

        throw new InputException($"{where} 的项目类型“{name}”不是已知的类型（unknown kind）。",
            $"可用：{KindList(Kinds.Select(k => k.Id))}；旧名 {string.Join("、", Kinds.SelectMany(k => k.Aliases.Select(a => $"{a}→{k.Id}")))}。" +
            "Use one of the kind ids (spatialplan kinds lists them).", file, file is null ? null : 0);
    }

    /// <summary>The major categories a planner named (ids, case-insensitive, duplicates dropped), in the order given.</summary>
    /// <exception cref="InputException">An unknown id; the message lists the ids per list.</exception>
    public IReadOnlyList<MajorCategory> ResolveMajors(IEnumerable<string> ids, string where, string? file = null)
    {
        var result = new List<MajorCategory>();
        foreach (var raw in ids.Select(i => i.Trim()).Where(i => i.Length > 0))
        {
            var major = MajorCategories.FirstOrDefault(m => string.Equals(m.Id, raw, StringComparison.OrdinalIgnoreCase))
                ?? throw new InputException($"{where} 的重大项目类别“{raw}”不存在（unknown major-project category）。",
                    $"可用：{MajorList()}。Use the ids that spatialplan kinds lists.", file, file is null ? null : 0);
            if (!result.Contains(major))
            {
                result.Add(major);
            }
        }

        return result;
    }

    /// <summary>The refusal of a yes/no national-major flag, pointing to the per-list categories.</summary>
    public InputException NationalMajorRefused(string where, string? file = null) => new(
        $"{where} 已不再接受（no longer accepted）：法律有三份不同的重大项目清单——永久基本农田（自然资规〔2018〕3号）、生态保护红线（国家重大项目范围）、" +
        "湿地（湿地保护法第十九条）——一个“是/否”无法说明项目属于哪一份清单的哪一类，而每一类只解除它自己清单对应的管控区。",
        $"用 --major 逐项给出类别（可重复；API：major；文件：majors 数组）：{MajorList()}。" +
        "Name each category with --major (repeatable; API: major; file: majors); spatialplan kinds lists them.", file, file is null ? null : 0);

    private string KindList(IEnumerable<string> ids) =>
        string.Join("、", ids.Select(id => FindKind(id) is { } k ? $"{k.Id}（{k.NameZh}）" : id));

    private string MajorList() => string.Join("；", MajorCategories.GroupBy(m => m.List)
        .Select(g => $"{MajorCategory.ListNamesZh.GetValueOrDefault(g.Key, g.Key)}：{string.Join("、", g.Select(m => m.Id))}"));
}
