namespace SpatialPlan.Core.Checks;

/// <summary>What an approval-required rule asks for: whose approval or opinion, what, and on which basis.</summary>
/// <param name="Authority">The approving or consulted body.</param>
/// <param name="RequirementZh">What is required, e.g. 须报国务院批准（不可避让论证、补划方案）.</param>
/// <param name="RequirementEn">English of <paramref name="RequirementZh"/>.</param>
/// <param name="Basis">The citation the requirement rests on, if the policy gives one.</param>
public sealed record PolicyCondition(Authority Authority, string RequirementZh, string RequirementEn, Citation? Basis);
