namespace SpatialPlan.Core.Layers;

/// <summary>The catalog's <c>area</c> entry: which layer is the data's area, and which holds the neighbouring counties.</summary>
/// <param name="Layer">Id of the area layer (e.g. <c>banner-boundary</c>); its features together are the area.</param>
/// <param name="Neighbours">Id of the neighbouring counties' layer (a <c>name</c> per feature), or null.</param>
public sealed record CatalogArea(string Layer, string? Neighbours);
