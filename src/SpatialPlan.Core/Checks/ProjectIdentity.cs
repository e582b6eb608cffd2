namespace SpatialPlan.Core.Checks;

/// <summary>Who and what the checked project is, resolved against the policy (the report's <c>project</c> block).</summary>
public sealed record ProjectIdentity
{
    public required ProjectKind Kind { get; init; }

    /// <summary>The old id the planner wrote (e.g. <c>urban</c>), or null.</summary>
    public string? KindAlias { get; init; }

    /// <summary>The major-project categories the project carries, with their lists and documents.</summary>
    public required IReadOnlyList<MajorCategory> Majors { get; init; }

    /// <summary>The project's name (option, else the file's <c>projectName</c>/<c>name</c>), or null.</summary>
    public string? Name { get; init; }

    /// <summary>建设单位, or null.</summary>
    public string? Builder { get; init; }

    /// <summary>项目代码, or null.</summary>
    public string? ProjectCode { get; init; }

    /// <summary>Where each setting came from (see <see cref="CheckOptions.Origins"/>), or null.</summary>
    public IReadOnlyDictionary<string, string>? Origins { get; init; }
}
