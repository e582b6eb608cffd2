namespace SpatialPlan.Core.Checks;

/// <summary>
/// The project settings a check runs with, resolved: build them with <see cref="ProjectSettings.Resolve"/> so that
/// a footprint file's own project properties apply where the planner gave no option (the CLI and the web API do).
/// </summary>
/// <param name="Type">Project type; decides which rule of each zone applies.</param>
/// <param name="NationalMajor">A national major (国家重大) project: applies <c>insideNationalMajor</c> where the policy has it.</param>
/// <param name="WidthM">Full width in metres for a line footprint (buffered by half on each side, flat caps).</param>
/// <param name="RadiusM">Radius in metres for a point footprint.</param>
/// <param name="DeclaredEpsg">The footprint file's CRS when the planner knows it; otherwise it is guessed.</param>
/// <param name="BufferOverrideM">Replaces every zone's <c>bufferM</c> (metres) when set.</param>
public sealed record CheckOptions(
    ProjectType Type = ProjectType.Urban,
    bool NationalMajor = false,
    double? WidthM = null,
    double? RadiusM = null,
    int? DeclaredEpsg = null,
    double? BufferOverrideM = null)
{
    /// <summary>Origin of a value given as an option (CLI, API query).</summary>
    public const string FromOption = "option";

    /// <summary>Origin of a value read from the footprint file's properties.</summary>
    public const string FromFile = "file";

    /// <summary>Origin of a value nobody gave (urban, not national major, no width/radius).</summary>
    public const string FromDefault = "default";

    /// <summary>
    /// Where <c>type</c>, <c>nationalMajor</c>, <c>width</c> and <c>radius</c> came from (<see cref="FromOption"/>,
    /// <see cref="FromFile"/>, <see cref="FromDefault"/>); null when the options were built directly.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Origins { get; init; }
}
