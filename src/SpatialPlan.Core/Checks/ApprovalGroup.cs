namespace SpatialPlan.Core.Checks;

/// <summary>Every approval or opinion owed to one authority (the report's 尚需办理的审批与意见).</summary>
/// <param name="Authority">The approving or consulted body.</param>
/// <param name="Items">What it must approve or give an opinion on, per zone.</param>
public sealed record ApprovalGroup(Authority Authority, IReadOnlyList<ApprovalItem> Items);
