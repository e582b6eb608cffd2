namespace SpatialPlan.Core.Checks;

/// <summary>
/// The project settings a check runs with, resolved: build them with <see cref="ProjectSettings.Resolve"/> so that a
/// footprint file's own project properties apply where the planner gave no option (the CLI and the web API do).
/// </summary>
/// <param name="Kind">Project kind id (docs/rules-model.md §1), e.g. <c>linear-infrastructure</c>; decides which rules apply. Empty
/// (the default) is enough to build a footprint, but a check refuses it (项目类型必填).</param>
/// <param name="Majors">Major-project category ids (docs/rules-model.md §2); each lifts only its own list's zone.</param>
/// <param name="WidthM">Full width in metres for a line footprint (buffered by half on each side, flat caps).</param>
/// <param name="RadiusM">Radius in metres for a point footprint.</param>
/// <param name="DeclaredEpsg">The footprint file's CRS when the planner knows it; otherwise it is guessed.</param>
/// <param name="ProximityOverrideM">Replaces every zone's proximity distance (metres, a system setting) when set.</param>
public sealed record CheckOptions(
    string Kind = "",
    IReadOnlyList<string>? Majors = null,
    double? WidthM = null,
    double? RadiusM = null,
    int? DeclaredEpsg = null,
    double? ProximityOverrideM = null)
{
    /// <summary>Origin of a value given as an option (CLI, API field or query).</summary>
    public const string FromOption = "option";

    /// <summary>Origin of a value read from the footprint file's properties.</summary>
    public const string FromFile = "file";

    /// <summary>Origin of a value nobody gave (no majors, no width/radius).</summary>
    public const string FromDefault = "default";

    /// <summary>The old id the planner wrote for the kind (e.g. <c>linear</c>), or null when the kind id itself was given.</summary>
    public string? KindAlias { get; init; }

    /// <summary>The project's name as the planner gave it; null to use the footprint file's <c>projectName</c>/<c>name</c>.</summary>
    public string? Name { get; init; }

    /// <summary>建设单位 (the developer), or null.</summary>
    public string? Builder { get; init; }

    /// <summary>项目代码 (the code of the national investment-project platform), or null.</summary>
    public string? ProjectCode { get; init; }

    /// <summary>The checked file's name and SHA-256, for the report's settings block; null when not known.</summary>
    public CheckInput? Input { get; init; }

    /// <summary>
    /// Where <c>kind</c>, <c>majors</c>, <c>width</c> and <c>radius</c> came from (<see cref="FromOption"/>,
    /// <see cref="FromFile"/>, <see cref="FromDefault"/>); null when the options were built directly.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Origins { get; init; }
}
