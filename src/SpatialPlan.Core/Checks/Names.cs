namespace SpatialPlan.Core.Checks;

/// <summary>The JSON/CLI names of verdicts, project types, modes and relations, and their Chinese labels.</summary>
public static class Names
{
    private static readonly string[] VerdictNames = ["clear", "advisory", "approval-required", "prohibited"];
    private static readonly string[] VerdictZh = ["无冲突", "提示", "需审批", "禁止"];

    /// <summary>JSON name of a verdict: clear, advisory, approval-required, prohibited.</summary>
    public static string Of(Verdict verdict) => VerdictNames[(int)verdict];

    /// <summary>Chinese label of a verdict (无冲突/提示/需审批/禁止).</summary>
    public static string Zh(Verdict verdict) => VerdictZh[(int)verdict];

    /// <summary>JSON/CLI name of a project type (lower case).</summary>
    public static string Of(ProjectType type) => type.ToString().ToLowerInvariant();

    /// <summary>Chinese label of a project type (城镇建设/线性工程/农业/生态建设/旅游/其他).</summary>
    public static string Zh(ProjectType type) => type switch
    {
        ProjectType.Urban => "城镇建设",
        ProjectType.Linear => "线性工程",
        ProjectType.Agriculture => "农业",
        ProjectType.Ecological => "生态建设",
        ProjectType.Tourism => "旅游",
        _ => "其他",
    };

    /// <summary>JSON name of a zone mode.</summary>
    public static string Of(ZoneMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>JSON name of a relation.</summary>
    public static string Of(ZoneRelation relation) => relation.ToString().ToLowerInvariant();

    /// <summary>Chinese label of a relation.</summary>
    /// <summary>
    /// The Chinese relation word for a zone result as a planner reads it: a footprint inside an urban development
    /// boundary (a contain zone) is 边界内, not 占用 (occupying), which is the word for avoid zones.
    /// </summary>
    public static string RelationZh(ZoneResult zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.Mode == ZoneMode.Contain && zone.Relation == ZoneRelation.Inside ? "边界内" : Zh(zone.Relation);
    }

    public static string Zh(ZoneRelation relation) => relation switch
    {
        ZoneRelation.Inside => "占用",
        ZoneRelation.Touches => "相接",
        ZoneRelation.Sliver => "碎片重叠",
        ZoneRelation.Nearby => "缓冲区内",
        ZoneRelation.Outside => "超出边界",
        _ => "无关",
    };

    /// <summary>Parses a verdict name; null when it is not one.</summary>
    public static Verdict? ParseVerdict(string? name)
    {
        var i = Array.IndexOf(VerdictNames, name);
        return i < 0 ? null : (Verdict)i;
    }

    /// <summary>Parses a project type name (case-insensitive); null when it is not one.</summary>
    public static ProjectType? ParseProjectType(string? name) =>
        Enum.GetValues<ProjectType>().Cast<ProjectType?>()
            .FirstOrDefault(t => string.Equals(Of(t!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>All project type names, for help texts.</summary>
    public static IReadOnlyList<string> ProjectTypeNames { get; } = Enum.GetValues<ProjectType>().Select(Of).ToArray();
}
