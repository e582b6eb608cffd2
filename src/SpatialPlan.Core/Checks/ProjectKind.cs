namespace SpatialPlan.Core.Checks;

/// <summary>A project kind (docs/rules-model.md §1): the law tells kinds apart, so every zone rule is per kind.</summary>
/// <param name="Id">Fixed id, e.g. <c>linear-infrastructure</c>.</param>
/// <param name="Group">Panel group: construction, infrastructure, agriculture, ecology or special.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Aliases">Old ids that still name this kind (e.g. <c>linear</c>); a report says when one was used.</param>
public sealed record ProjectKind(string Id, string Group, string NameZh, string NameEn, IReadOnlyList<string> Aliases);
