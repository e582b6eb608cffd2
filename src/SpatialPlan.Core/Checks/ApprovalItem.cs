namespace SpatialPlan.Core.Checks;

/// <summary>One approval or opinion still owed, and the zone that asks for it.</summary>
/// <param name="LayerId">The zone layer.</param>
/// <param name="LayerTitleZh">Its Chinese title.</param>
/// <param name="RequirementZh">What is required.</param>
/// <param name="RequirementEn">English of <paramref name="RequirementZh"/>.</param>
/// <param name="Basis">The citation it rests on, if any.</param>
public sealed record ApprovalItem(string LayerId, string LayerTitleZh, string RequirementZh, string RequirementEn, Citation? Basis);
