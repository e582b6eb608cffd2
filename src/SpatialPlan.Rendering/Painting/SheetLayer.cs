using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;

namespace SpatialPlan.Rendering.Painting;

/// <summary>A layer ready to paint: its catalog entry, its style, and where its features (working CRS) are read from —
/// each map frame asks for the features in its own extent only.</summary>
internal sealed record SheetLayer(LayerDefinition Definition, LayerStyle Style, SheetFeatures Source)
{
    private LayerStyle? _plain;

    /// <summary>The features whose envelope reaches <paramref name="box"/> (working CRS), in the layer's order.</summary>
    public IReadOnlyList<IFeature> InBox(Envelope box, CancellationToken cancellationToken) => Source.Query(Definition, box, cancellationToken);

    /// <summary>The extent of the whole layer (working CRS).</summary>
    public Envelope Extent => Source.Extent(Definition);

    /// <summary>The style resolved for one feature (first matching rule laid over the layer style).</summary>
    public LayerStyle StyleFor(IFeature feature) => Style.Rules is { Count: > 0 }
        ? ByRules(feature)
        : _plain ??= Style.Resolve(_ => null); // no rules: one style for every feature (a million features, one object)

    // Apart, so that the closure over the feature is allocated only when there are rules (C# allocates a lambda's
    // captures on entry to the method that holds it: 24 MB for a million 图斑 of a rule-less layer).
    private LayerStyle ByRules(IFeature feature) => Style.Resolve(name => Property(feature, name));

    public static object? Property(IFeature feature, string name) =>
        feature.Attributes is { } a && a.Exists(name) ? a[name] : null;
}
