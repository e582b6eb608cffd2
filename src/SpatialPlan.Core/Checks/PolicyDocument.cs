namespace SpatialPlan.Core.Checks;

/// <summary>A document policy.json cites (an entry of <c>documents</c>).</summary>
/// <param name="Id">Stable id, e.g. <c>LAL-2019</c>.</param>
/// <param name="TitleZh">Chinese title with number and date.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="ReadAt">Where the policy author read the text (a repository path or an address).</param>
public sealed record PolicyDocument(string Id, string TitleZh, string TitleEn, string ReadAt);
