using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Checks;

/// <summary>One feature of a zone layer as the check sees it.</summary>
/// <param name="Id">The feature's id (the <c>id</c> property, or the field the catalog maps; its key when it has none).</param>
/// <param name="Name">The feature's name (Chinese), or empty.</param>
/// <param name="Level">The feature's level (a level id of its zone), or null.</param>
/// <param name="Geometry">The geometry in the working CRS (GK metres, not scale-corrected).</param>
public sealed record ZoneFeature(string Id, string Name, string? Level, Geometry Geometry)
{
    /// <summary>The feature's <c>landClass</c> (地类), or empty.</summary>
    public string LandClass { get; init; } = string.Empty;

    /// <summary>Unique in its layer (the source's key): the same feature read twice has the same key.</summary>
    public long Key { get; init; }

    /// <summary>The source's feature this one was made from (its measures are kept there), or null for one built ad hoc.</summary>
    internal LayerFeature? Source { get; init; }

    /// <summary>The geometry's true area in m² (the source feature's, computed once).</summary>
    internal double AreaM2 => Source?.AreaM2 ?? PlanarMeasure.AreaM2(Geometry);

    /// <summary>The geometry's envelope (the source feature's, shared: never change it).</summary>
    internal Envelope Envelope => Source?.Envelope ?? Geometry.EnvelopeInternal;

    /// <summary>Builds a zone feature from a feature whose geometry is already in the working CRS.</summary>
    public static ZoneFeature From(IFeature feature4545, int index) => From(feature4545.Attributes, feature4545.Geometry, index);

    /// <summary>Builds a zone feature from a feature's attributes and its geometry in the working CRS.</summary>
    public static ZoneFeature From(IAttributesTable? a, Geometry gk4545, int index) =>
        From(new LayerFeature(index, gk4545, a ?? new AttributesTable(), FieldMap.Default));

    /// <summary>Builds a zone feature from a feature as a layer source gives it.</summary>
    public static ZoneFeature From(LayerFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var id = feature.Id ?? feature.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ZoneFeature(id, feature.Name ?? string.Empty, feature.Level, feature.Geometry) { LandClass = feature.LandClass ?? string.Empty, Key = feature.Key, Source = feature };
    }
}
