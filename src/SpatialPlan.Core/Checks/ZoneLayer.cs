using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SpatialPlan.Core.Layers;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// A catalog layer the check runs against: its identity, the policy key it names, its provenance, and its features
/// in the data area's working CRS behind a spatial index that is built once (by <see cref="LayerStore"/>) and shared by every check.
/// </summary>
public sealed class ZoneLayer
{
    private readonly Func<Envelope, IList<int>> _query;

    private ZoneLayer(LayerProvenance provenance, string category, string policyKey, IReadOnlyList<ZoneFeature> features, Func<Envelope, IList<int>> query)
    {
        Provenance = provenance;
        Category = category;
        PolicyKey = policyKey;
        Features = features;
        _query = query;
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

    /// <summary>The file the features came from (for messages), or null for ad-hoc layers.</summary>
    public string? FileName { get; private init; }

    /// <summary>The features, geometry in the working CRS.</summary>
    public IReadOnlyList<ZoneFeature> Features { get; }

    /// <summary>Number of features.</summary>
    public int Count => Features.Count;

    /// <summary>Wraps a loaded catalog layer, reusing its working-CRS geometries and STR-tree.</summary>
    /// <param name="data">The loaded layer.</param>
    /// <param name="role"><c>zone</c>, <c>guidance</c>, <c>area</c> or <c>neighbours</c>.</param>
    public static ZoneLayer From(LayerData data, string role = "zone")
    {
        var d = data.Definition;
        var features = data.Features.Select((f, i) => ZoneFeature.From(f.Attributes, data.Projected[i], i)).ToList();
        var provenance = new LayerProvenance(d.Id, d.TitleZh, d.TitleEn, role, d.Schematic, d.Version, d.Date, d.ApprovalNumber, d.Source);
        return new ZoneLayer(provenance, d.Category, d.Policy ?? d.Category, features, data.Query) { FileName = d.File };
    }

    /// <summary>Builds a layer and its own index from features already in a working CRS (tests, ad-hoc layers).</summary>
    public static ZoneLayer Create(string layerId, string titleZh, string titleEn, string category, string policyKey,
        bool schematic, IEnumerable<ZoneFeature> features)
    {
        var list = features.Where(f => f.Geometry is { IsEmpty: false }).ToList();
        var tree = new STRtree<int>();
        for (var i = 0; i < list.Count; i++)
        {
            tree.Insert(list[i].Geometry.EnvelopeInternal, i);
        }

        tree.Build();
        var provenance = new LayerProvenance(layerId, titleZh, titleEn, "zone", schematic, string.Empty, string.Empty, string.Empty, string.Empty);
        return new ZoneLayer(provenance, category, policyKey, list, tree.Query);
    }

    /// <summary>The same layer in another role (a base layer used as the data's area, say).</summary>
    public ZoneLayer As(string role) => new(Provenance with { Role = role }, Category, PolicyKey, Features, _query) { FileName = FileName };

    /// <summary>Features whose envelope intersects <paramref name="envelope4545"/>.</summary>
    public IEnumerable<ZoneFeature> Query(Envelope envelope4545) => _query(envelope4545).Select(i => Features[i]);

    /// <summary>The feature nearest to <paramref name="gk4545"/> (grid distance), or null for an empty layer.</summary>
    public ZoneFeature? Nearest(Geometry gk4545)
    {
        if (Count == 0)
        {
            return null;
        }

        // Widen the window until something is in it; the nearest feature then lies within that first hit's distance.
        var window = new Envelope(gk4545.EnvelopeInternal);
        var radius = 500.0;
        IList<int> hits;
        while ((hits = _query(Expanded(window, radius))).Count == 0)
        {
            radius *= 4;
        }

        var bound = hits.Min(i => gk4545.Distance(Features[i].Geometry));
        return Query(Expanded(window, bound + 1e-6)).MinBy(f => gk4545.Distance(f.Geometry));
    }

    private static Envelope Expanded(Envelope e, double by)
    {
        var copy = new Envelope(e);
        copy.ExpandBy(by);
        return copy;
    }
}
