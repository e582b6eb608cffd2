namespace SpatialPlan.Core.Checks;

/// <summary>A body whose approval or opinion a condition requires (an entry of policy.json <c>authorities</c>).</summary>
/// <param name="Id">Stable id, e.g. <c>state-council</c>.</param>
/// <param name="NameZh">Chinese name, e.g. 国务院.</param>
/// <param name="NameEn">English name.</param>
public sealed record Authority(string Id, string NameZh, string NameEn);
