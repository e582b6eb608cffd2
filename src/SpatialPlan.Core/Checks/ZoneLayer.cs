using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SpatialPlan.Core.Layers;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// A catalog layer the check runs against: its identity, the policy key it names, and its features in
/// EPSG:4545 behind a spatial index that is built once (by <see cref="LayerStore"/>) and shared by every check.
/// </summary>
public sealed class ZoneLayer
{
    private readonly Func<Envelope, IList<int>> _query;

    private ZoneLayer(string layerId, string titleZh, string titleEn, string category, string policyKey, bool schematic,
        IReadOnlyList<ZoneFeature> features, Func<Envelope, IList<int>> query)
    {
        LayerId = layerId;
        TitleZh = titleZh;
        TitleEn = titleEn;
        Category = category;
        PolicyKey = policyKey;
        Schematic = schematic;
        Features = features;
        _query = query;
    }

    /// <summary>Catalog id, e.g. <c>eco-redline</c>.</summary>
    public string LayerId { get; }

    /// <summary>Chinese title.</summary>
    public string TitleZh { get; }

    /// <summary>English title.</summary>
    public string TitleEn { get; }

    /// <summary>Catalog category, e.g. <c>ecological-redline</c>.</summary>
    public string Category { get; }

    /// <summary>Key of <c>policy.json#/zones</c> that applies.</summary>
    public string PolicyKey { get; }

    /// <summary>True when the layer is our schematic reading of the plan, not official data.</summary>
    public bool Schematic { get; }

    /// <summary>The features, geometry in EPSG:4545.</summary>
    public IReadOnlyList<ZoneFeature> Features { get; }

    /// <summary>Number of features.</summary>
    public int Count => Features.Count;

    /// <summary>Wraps a loaded catalog layer, reusing its EPSG:4545 geometries and STR-tree.</summary>
    public static ZoneLayer From(LayerData data)
    {
        var d = data.Definition;
        var features = data.Features.Select((f, i) => ZoneFeature.From(f.Attributes, data.Projected[i], i)).ToList();
        return new ZoneLayer(d.Id, d.TitleZh, d.TitleEn, d.Category, d.Policy ?? d.Category, d.Schematic, features, data.Query);
    }

    /// <summary>Builds a layer and its own index from features already in EPSG:4545 (tests, ad-hoc layers).</summary>
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
        return new ZoneLayer(layerId, titleZh, titleEn, category, policyKey, schematic, list, tree.Query);
    }

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
