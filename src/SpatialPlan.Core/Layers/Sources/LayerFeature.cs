using System.Globalization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// One feature of a layer as every source gives it: a key unique in the layer, the geometry in the working CRS, the
/// attributes as stored, and the mapped fields (<see cref="FieldMap"/>) read once. It is a read-only
/// <see cref="IFeature"/>, so the renderers draw a source's features as they come, with no wrapper per 图斑.
/// </summary>
public sealed class LayerFeature : IFeature
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

    private LayerFeature(LayerFeature full, IAttributesTable attributes)
    {
        Key = full.Key;
        Geometry = full.Geometry;
        Attributes = attributes;
        Id = full.Id;
        Name = full.Name;
        LandClass = full.LandClass;
        Level = full.Level;
        AreaMu = full.AreaMu;
        _area = full._area;
        _areaM2 = full._areaM2;
        _length = full._length;
        _envelope = full._envelope;
    }

    // Computed on first use and kept: a million parcels are measured on every small-scale tile and whole-area sheet,
    // and reading their coordinates again each time costs more than the measuring (a benign race: both threads store
    // the same value).
    private double _area = double.NaN;
    private double _areaM2 = double.NaN;
    private double _length = double.NaN;

    /// <summary>The geometry's area in the working CRS (m² planar), computed once.</summary>
    public double Area => double.IsNaN(_area) ? _area = Geometry.Area : _area;

    /// <summary>
    /// The geometry's true area (m², <see cref="Measurement.PlanarMeasure.AreaM2"/>), computed once: a warm check reports
    /// every overlapped 图斑's own area, and the same 图斑 come up check after check.
    /// </summary>
    public double AreaM2 => double.IsNaN(_areaM2) ? _areaM2 = Measurement.PlanarMeasure.AreaM2(Geometry) : _areaM2;

    /// <summary>The geometry's length in the working CRS (a polygon's perimeter, holes included), computed once.</summary>
    public double Length => double.IsNaN(_length) ? _length = Geometry.Length : _length;

    private Envelope? _envelope;

    /// <summary>The geometry's envelope, taken once and shared: NTS's <see cref="Geometry.EnvelopeInternal"/> answers a new
    /// copy (48 bytes) at each call, which a whole-area sheet or a small-scale tile of a million 图斑 paid several times
    /// per 图斑. Never change it. A null envelope for an empty geometry.</summary>
    public Envelope Envelope => _envelope ??= Geometry.EnvelopeInternal;

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

    // IFeature, read-only: a source's features are shared by every check, tile and sheet reading them at once.
    Geometry IFeature.Geometry { get => Geometry; set => throw ReadOnly(); }

    IAttributesTable IFeature.Attributes { get => Attributes; set => throw ReadOnly(); }

    Envelope IFeature.BoundingBox { get => null!; set => throw ReadOnly(); }

    private static NotSupportedException ReadOnly() => new("A layer source's features are read-only.");

    /// <summary>
    /// The same feature without its attribute row, keeping the mapped fields (id, name, land class, level, area): what a
    /// warm copy of a large layer keeps in memory for checks (a parcel's full row can outweigh its geometry). Its
    /// <see cref="Attributes"/> are the mapped fields under their default names, read-only.
    /// </summary>
    public LayerFeature Slim() => new(this, new MappedAttributes(this));

    private static string? Text(IAttributesTable a, string name) =>
        a.Exists(name) && a[name] is { } v && Convert.ToString(v, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null;
}

/// <summary>A read-only attribute view of a slim feature's mapped fields, under their default names.</summary>
internal sealed class MappedAttributes(LayerFeature feature) : IAttributesTable
{
    private static readonly string[] Names = ["id", "name", "landClass", "level", "areaMu"];

    public int Count => GetNames().Length;

    public object this[string attributeName]
    {
        get => Value(attributeName) ?? throw new ArgumentOutOfRangeException(nameof(attributeName), attributeName, "no such attribute");
        set => throw new NotSupportedException("a slim feature's attributes are read-only");
    }

    public void Add(string attributeName, object value) => throw new NotSupportedException("a slim feature's attributes are read-only");

    public void DeleteAttribute(string attributeName) => throw new NotSupportedException("a slim feature's attributes are read-only");

    public bool Exists(string attributeName) => Value(attributeName) is not null;

    public string[] GetNames() => [.. Names.Where(Exists)];

    public object? GetOptionalValue(string attributeName) => Value(attributeName);

    public Type GetType(string attributeName) => Value(attributeName)?.GetType() ?? throw new ArgumentOutOfRangeException(nameof(attributeName), attributeName, "no such attribute");

    public object[] GetValues() => [.. GetNames().Select(n => Value(n)!)];

    private object? Value(string name) => name switch
    {
        "id" => feature.Id,
        "name" => feature.Name,
        "landClass" => feature.LandClass,
        "level" => feature.Level,
        "areaMu" => feature.AreaMu,
        _ => null,
    };
}
