using NetTopologySuite.Features;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;

namespace SpatialPlan.Rendering.Painting;

/// <summary>A layer ready to paint: its catalog entry, its style and its features in the working CRS.</summary>
internal sealed record SheetLayer(LayerDefinition Definition, LayerStyle Style, IReadOnlyList<IFeature> WorkingFeatures)
{
    /// <summary>The style resolved for one feature (first matching rule laid over the layer style).</summary>
    public LayerStyle StyleFor(IFeature feature) => Style.Resolve(name => Property(feature, name));

    public static object? Property(IFeature feature, string name) =>
        feature.Attributes is { } a && a.Exists(name) ? a[name] : null;
}
