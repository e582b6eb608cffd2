namespace SpatialPlan.Core.Checks;

/// <summary>A level of a zone category (a feature's <c>level</c> attribute holds the id), e.g. 国家重要湿地.</summary>
/// <param name="Id">Level id, e.g. <c>national-important</c>; <c>*</c> stands for a zone without levels.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="NameEn">English name.</param>
public sealed record ZoneLevel(string Id, string NameZh, string NameEn)
{
    /// <summary>The id that stands for "every level" and for the one level of a zone without levels.</summary>
    public const string Any = "*";
}
