namespace SpatialPlan.Core.Checks;

/// <summary>
/// One legal basis as policy.json cites it (<c>{"doc","article","paraphraseZh","verified"}</c>), with the document's
/// titles resolved from <c>documents</c> at load time.
/// </summary>
/// <param name="Doc">Document id (a key of <c>documents</c>), e.g. <c>LAL-2019</c>.</param>
/// <param name="TitleZh">The document's Chinese title with its number, e.g. 《中华人民共和国土地管理法》（2019年修正）.</param>
/// <param name="TitleEn">The document's English title.</param>
/// <param name="Article">Article or item, e.g. 第三十五条; may be empty.</param>
/// <param name="ParaphraseZh">A short paraphrase in Chinese; may be empty.</param>
/// <param name="Verified">Whether the policy author checked the citation against the text itself; null when not said.</param>
public sealed record Citation(string Doc, string TitleZh, string TitleEn, string Article, string ParaphraseZh, bool? Verified)
{
    /// <summary>Title and article as one Chinese phrase, e.g. 《中华人民共和国土地管理法》（2019年修正）第三十五条.</summary>
    public string TextZh => TitleZh + Article;

    /// <summary>English title and article.</summary>
    public string TextEn => string.IsNullOrEmpty(Article) ? TitleEn : $"{TitleEn}, {Article}";
}
