using NetTopologySuite.Index.Strtree;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// A catalog layer the check runs against: its identity, the policy key it names, and its features in
/// EPSG:4545 behind an STRtree that is built once and shared by every check.
/// </summary>
public sealed class ZoneLayer
{
    private ZoneLayer(string layerId, string titleZh, string titleEn, string category, string policyKey, bool schematic, STRtree<ZoneFeature> index, int count)
    {
        LayerId = layerId;
        TitleZh = titleZh;
        TitleEn = titleEn;
        Category = category;
        PolicyKey = policyKey;
        Schematic = schematic;
        Index = index;
        Count = count;
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

    /// <summary>Spatial index of the features, keyed by their EPSG:4545 envelopes.</summary>
    public STRtree<ZoneFeature> Index { get; }

    /// <summary>Number of features.</summary>
    public int Count { get; }

    /// <summary>Builds the layer and its index (the index is built here, once).</summary>
    public static ZoneLayer Create(string layerId, string titleZh, string titleEn, string category, string policyKey,
        bool schematic, IEnumerable<ZoneFeature> features)
    {
        var list = features.Where(f => f.Geometry is { IsEmpty: false }).ToList();
        var tree = new STRtree<ZoneFeature>();
        foreach (var f in list)
        {
            tree.Insert(f.Geometry.EnvelopeInternal, f);
        }

        tree.Build();
        return new ZoneLayer(layerId, titleZh, titleEn, category, policyKey, schematic, tree, list.Count);
    }
}
