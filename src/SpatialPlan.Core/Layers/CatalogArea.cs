namespace SpatialPlan.Core.Layers;

/// <summary>
/// The catalog's <c>area</c> entry (docs/data-sources.md §1): which layer is the data's area, which holds the neighbouring
/// counties, the area's names and its working CRS. <see cref="LayerCatalog.DataArea"/> resolves it into a
/// <see cref="Crs.DataArea"/>.
/// </summary>
/// <param name="Layer">Id of the area layer (e.g. <c>area-boundary</c>); its features together are the area.</param>
/// <param name="Neighbours">Id of the neighbouring counties' layer (a <c>name</c> per feature), or null.</param>
/// <param name="NameZh">The area's Chinese name; null takes the area layer's feature names, else its title.</param>
/// <param name="NameEn">The area's English name; null takes the features' <c>nameEn</c>, else the layer's English title.</param>
/// <param name="WorkingCrs">The working CRS, <c>EPSG:4534</c>–<c>EPSG:4554</c>; null derives it from the area's centre.</param>
public sealed record CatalogArea(string Layer, string? Neighbours, string? NameZh = null, string? NameEn = null, string? WorkingCrs = null);
