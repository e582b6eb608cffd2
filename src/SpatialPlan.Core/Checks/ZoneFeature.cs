using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Checks;

/// <summary>One feature of a zone layer as the check sees it.</summary>
/// <param name="Id">The feature's <c>id</c> property (or its index when it has none).</param>
/// <param name="Name">The feature's <c>name</c> property (Chinese), or empty.</param>
/// <param name="Important">True when the feature has <c>important: true</c> (e.g. a provincial wetland park).</param>
/// <param name="Geometry">The geometry in EPSG:4545 (GK metres, not scale-corrected).</param>
public sealed record ZoneFeature(string Id, string Name, bool Important, Geometry Geometry)
{
    /// <summary>Builds a zone feature from a feature whose geometry is already in EPSG:4545.</summary>
    public static ZoneFeature From(IFeature feature4545, int index) => From(feature4545.Attributes, feature4545.Geometry, index);

    /// <summary>Builds a zone feature from a feature's attributes and its geometry in EPSG:4545.</summary>
    public static ZoneFeature From(IAttributesTable? a, Geometry gk4545, int index)
    {
        var id = Get(a, "id")?.ToString() ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = Get(a, "name")?.ToString() ?? string.Empty;
        var important = Get(a, "important") switch
        {
            bool b => b,
            string s => bool.TryParse(s, out var b) && b,
            _ => false,
        };
        return new ZoneFeature(id, name, important, gk4545);
    }

    private static object? Get(IAttributesTable? a, string name) =>
        a is not null && a.Exists(name) ? a[name] : null;
}
