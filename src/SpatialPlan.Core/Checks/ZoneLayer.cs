using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.Sources;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// A catalog layer the check runs against: its identity, the policy key it names, its provenance, and its features in the
/// working CRS behind the layer's source (<see cref="ILayerSource"/>: an STR-tree in memory, a GeoPackage R-tree or a
/// PostGIS GiST index), opened once and shared by every check.
/// </summary>
public sealed class ZoneLayer
{
    private readonly ILayerSource _source;
    private Action<ZoneFeature>? _onRead;
    private IReadOnlyList<ZoneFeature>? _all;

    private ZoneLayer(LayerProvenance provenance, string category, string policyKey, ILayerSource source, string? fileName)
    {
        Provenance = provenance;
        Category = category;
        PolicyKey = policyKey;
        _source = source;
        FileName = fileName;
    }

    /// <summary>Catalog id, e.g. <c>eco-redline</c>.</summary>
    public string LayerId => Provenance.LayerId;

    /// <summary>Chinese title.</summary>
    public string TitleZh => Provenance.TitleZh;

    /// <summary>English title.</summary>
    public string TitleEn => Provenance.TitleEn;

    /// <summary>Catalog category, e.g. <c>ecological-redline</c>.</summary>
    public string Category { get; }

    /// <summary>Key of <c>policy.json#/zones</c> (or <c>#/guidance</c>) that applies.</summary>
    public string PolicyKey { get; }

    /// <summary>True when the layer is our schematic reading of the plan, not official data.</summary>
    public bool Schematic => Provenance.Schematic;

    /// <summary>Catalog provenance (version, date, 批复文号).</summary>
    public LayerProvenance Provenance { get; }

    /// <summary>Where the features come from (for messages): the source and catalog entry, or null for ad-hoc layers.</summary>
    public string? FileName { get; }

    /// <summary>The layer's source.</summary>
    public ILayerSource Source => _source;

    /// <summary>True when every feature is in memory, so that <see cref="Features"/> is cheap.</summary>
    public bool IsInMemory => _source.IsInMemory;

    /// <summary>Every feature, geometry in the working CRS (read whole on first use: meant for small layers such as the area).</summary>
    public IReadOnlyList<ZoneFeature> Features => _all ??= [.. _source.All().Select(Convert)];

    /// <summary>Number of features.</summary>
    public long Count => _source.Count;

    /// <summary>Wraps a catalog layer's source.</summary>
    /// <param name="source">The opened source.</param>
    /// <param name="role"><c>zone</c>, <c>guidance</c>, <c>area</c> or <c>neighbours</c>.</param>
    public static ZoneLayer From(ILayerSource source, string role = "zone")
    {
        ArgumentNullException.ThrowIfNull(source);
        var d = source.Definition;
        var provenance = new LayerProvenance(d.Id, d.TitleZh, d.TitleEn, role, d.Schematic, d.Version, d.Date, d.ApprovalNumber, d.Source);
        return new ZoneLayer(provenance, d.Category, d.Policy ?? d.Category, source, source is LayerSourceBase b ? b.Where : d.Id);
    }

    /// <summary>Wraps a loaded GeoJSON layer, reusing its working-CRS geometries and STR-tree.</summary>
    public static ZoneLayer From(LayerData data, string role = "zone")
    {
        ArgumentNullException.ThrowIfNull(data);
        return From(data.Source, role);
    }

    /// <summary>Builds a layer and its own index from features already in the working CRS (tests, ad-hoc layers).</summary>
    public static ZoneLayer Create(string layerId, string titleZh, string titleEn, string category, string policyKey,
        bool schematic, IEnumerable<ZoneFeature> features)
    {
        var definition = new LayerDefinition
        {
            Id = layerId, TitleZh = titleZh, TitleEn = titleEn, Group = "ad-hoc", Category = category, Style = layerId,
            Policy = policyKey, Schematic = schematic,
        };
        var items = features.Where(f => f.Geometry is { IsEmpty: false }).Select((f, i) =>
        {
            var attributes = new AttributesTable { { "id", f.Id }, { "name", f.Name }, { "landClass", f.LandClass } };
            if (f.Level is not null)
            {
                attributes.Add("level", f.Level);
            }

            return new LayerFeature(i, f.Geometry, attributes, FieldMap.Default);
        }).ToList();
        var provenance = new LayerProvenance(layerId, titleZh, titleEn, "zone", schematic, string.Empty, string.Empty, string.Empty, string.Empty);
        return new ZoneLayer(provenance, category, policyKey, new InMemoryLayerSource(definition, items.FirstOrDefault()?.Geometry.SRID ?? 0, layerId, items), null);
    }

    /// <summary>The same layer in another role (a base layer used as the data's area, say).</summary>
    public ZoneLayer As(string role) => new(Provenance with { Role = role }, Category, PolicyKey, _source, FileName) { _onRead = _onRead, _all = _all };

    /// <summary>Features whose envelope intersects <paramref name="envelope"/> (working CRS).</summary>
    public IEnumerable<ZoneFeature> Query(Envelope envelope, CancellationToken cancellationToken = default) =>
        _source.Query(envelope, cancellationToken).Select(Convert);

    /// <summary>Features whose envelope intersects any of <paramref name="envelopes"/>, each once.</summary>
    public IEnumerable<ZoneFeature> Query(IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken = default) =>
        _source.Query(envelopes, cancellationToken).Select(Convert);

    /// <summary>The feature nearest to <paramref name="geometry"/> (grid distance), or null for an empty layer.</summary>
    public ZoneFeature? Nearest(Geometry geometry, CancellationToken cancellationToken = default) =>
        _source.Nearest(geometry, double.PositiveInfinity, cancellationToken) is { } f ? Convert(f) : null;

    /// <summary>Runs <paramref name="check"/> on every feature as it is read (a lazily read layer cannot be checked whole up front).</summary>
    internal void CheckOnRead(Action<ZoneFeature> check) => _onRead = check;

    private ZoneFeature Convert(LayerFeature feature)
    {
        var zoneFeature = ZoneFeature.From(feature);
        _onRead?.Invoke(zoneFeature);
        return zoneFeature;
    }
}
