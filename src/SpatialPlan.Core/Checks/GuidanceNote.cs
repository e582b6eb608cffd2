namespace SpatialPlan.Core.Checks;

/// <summary>
/// What the report says about a plan element that is guidance, not control (policy.json <c>guidance.&lt;category&gt;</c>),
/// e.g. the rural-revival showcase belts. Guidance never gives a verdict.
/// </summary>
/// <param name="Category">Catalog category, e.g. <c>showcase-belt</c>.</param>
/// <param name="NoteZh">The note (规划衔接，非管控).</param>
/// <param name="NoteEn">English of <paramref name="NoteZh"/>.</param>
/// <param name="ProximityM">Features this close (true metres) are listed too; 0 lists only what the footprint meets.</param>
public sealed record GuidanceNote(string Category, string NoteZh, string NoteEn, double ProximityM);
