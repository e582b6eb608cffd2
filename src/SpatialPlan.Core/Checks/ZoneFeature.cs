using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Checks;

/// <summary>One feature of a zone layer as the check sees it.</summary>
/// <param name="Id">The feature's <c>id</c> property (or its index when it has none).</param>
/// <param name="Name">The feature's <c>name</c> property (Chinese), or empty.</param>
/// <param name="Level">The feature's <c>level</c> property (a level id of its zone), or null.</param>
/// <param name="Geometry">The geometry in the working CRS (GK metres, not scale-corrected).</param>
public sealed record ZoneFeature(string Id, string Name, string? Level, Geometry Geometry)
{
    /// <summary>The feature's <c>landClass</c> (地类), or empty.</summary>
    public string LandClass { get; init; } = string.Empty;

    /// <summary>Builds a zone feature from a feature whose geometry is already in the working CRS.</summary>
    public static ZoneFeature From(IFeature feature4545, int index) => From(feature4545.Attributes, feature4545.Geometry, index);

    /// <summary>Builds a zone feature from a feature's attributes and its geometry in the working CRS.</summary>
    public static ZoneFeature From(IAttributesTable? a, Geometry gk4545, int index)
    {
        var id = Text(a, "id") ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ZoneFeature(id, Text(a, "name") ?? string.Empty, Text(a, "level"), gk4545) { LandClass = Text(a, "landClass") ?? string.Empty };
    }

    private static string? Text(IAttributesTable? a, string name) =>
        a is not null && a.Exists(name) && a[name] is { } v && v.ToString() is { Length: > 0 } s ? s : null;
}
