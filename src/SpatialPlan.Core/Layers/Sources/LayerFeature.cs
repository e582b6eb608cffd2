using System.Globalization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// One feature of a layer as every source gives it: a key unique in the layer, the geometry in the working CRS, the
/// attributes as stored, and the mapped fields (<see cref="FieldMap"/>) read once.
/// </summary>
public sealed class LayerFeature
{
    /// <summary>Wraps a feature; the mapped fields are read from <paramref name="attributes"/> through <paramref name="fields"/>.</summary>
    /// <param name="key">Unique in the layer: the feature's index (GeoJSON), its fid (GeoPackage) or row key (PostGIS).</param>
    /// <param name="geometry">The geometry in the working CRS.</param>
    /// <param name="attributes">The attributes as stored.</param>
    /// <param name="fields">Which attribute is which.</param>
    public LayerFeature(long key, Geometry geometry, IAttributesTable attributes, FieldMap fields)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(fields);
        Key = key;
        Geometry = geometry;
        Attributes = attributes;
        Id = Text(attributes, fields.IdField);
        Name = Text(attributes, fields.NameField);
        LandClass = Text(attributes, fields.LandClassField);
        Level = Text(attributes, fields.LevelField);
        AreaMu = attributes.Exists(fields.AreaMuField) && attributes[fields.AreaMuField] is IConvertible c && c is not string
            ? c.ToDouble(CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Unique in the layer (the index, fid or row key): the same feature read twice has the same key.</summary>
    public long Key { get; }

    /// <summary>The geometry in the working CRS.</summary>
    public Geometry Geometry { get; }

    /// <summary>The attributes as stored (under their original names).</summary>
    public IAttributesTable Attributes { get; }

    /// <summary>The 图斑编号 / id, or null.</summary>
    public string? Id { get; }

    /// <summary>The name, or null.</summary>
    public string? Name { get; }

    /// <summary>The land class (地类), or null.</summary>
    public string? LandClass { get; }

    /// <summary>The level id, or null.</summary>
    public string? Level { get; }

    /// <summary>The area in 亩 the data states, or null.</summary>
    public double? AreaMu { get; }

    private static string? Text(IAttributesTable a, string name) =>
        a.Exists(name) && a[name] is { } v && Convert.ToString(v, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null;
}
