namespace SpatialPlan.Core.Checks;

/// <summary>A category the law cares about but the check cannot test without a layer (policy.json <c>notChecked</c>).</summary>
/// <param name="Category">Category id, e.g. <c>forest</c>.</param>
/// <param name="NameZh">Chinese name, e.g. 林地.</param>
/// <param name="Reason">Why it matters and why it was not checked.</param>
public sealed record NotCheckedCategory(string Category, string NameZh, string Reason)
{
    /// <summary>English name (policy.json <c>nameEn</c>); the category id when none is given.</summary>
    public string NameEn { get; init; } = Category;

    /// <summary>English of <see cref="Reason"/> (policy.json <c>reasonEn</c>); empty when none is given.</summary>
    public string ReasonEn { get; init; } = string.Empty;
}
