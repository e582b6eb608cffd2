namespace SpatialPlan.Core.Checks;

/// <summary>What the planner tells the check about the project.</summary>
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
    double? BufferOverrideM = null);
