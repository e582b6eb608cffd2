namespace SpatialPlan.Core.Layers;

/// <summary>A group of layers in the layer panel and the legend, as the plan groups them.</summary>
/// <param name="Id">Stable id, e.g. <c>control-lines</c>.</param>
/// <param name="TitleZh">Chinese title, e.g. 三条控制线.</param>
/// <param name="TitleEn">English title.</param>
public sealed record LayerGroup(string Id, string TitleZh, string TitleEn);
