using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// Checks a footprint against every zone layer (layers whose catalog entry names a policy). Overlaps are
/// computed in EPSG:4545 with an STRtree query, a prepared-geometry test and OverlayNG only for real
/// candidates; areas are scale-corrected m². Create once per data directory and reuse: the indexes are shared.
/// </summary>
public sealed class SiteCheck
{
    private readonly CheckPolicy _policy;
    private readonly IReadOnlyList<ZoneLayer> _layers;

    /// <summary>Binds zone layers to their policies.</summary>
    /// <exception cref="InputException">A layer names a policy key that policy.json does not have.</exception>
    public SiteCheck(CheckPolicy policy, IReadOnlyList<ZoneLayer> layers)
    {
        _policy = policy;
        _layers = layers;
        foreach (var layer in layers.Where(l => !policy.Zones.ContainsKey(l.PolicyKey)))
        {
            throw new InputException($"图层 {layer.LayerId} 指定的规则“{layer.PolicyKey}”在 policy.json 中不存在。",
                "在 policy.json 的 zones 中补上该规则，或改正 catalog.json 中的 policy。Add the zone to policy.json or fix the layer's policy in catalog.json.", "catalog.json");
        }
    }

    /// <summary>
    /// Loads policy.json and every zone layer of a data directory's catalog, building each layer's index once.
    /// Keep the result and reuse it for many checks.
    /// </summary>
    /// <exception cref="InputException">The catalog, a layer file or the policy is missing or malformed.</exception>
    public static SiteCheck Load(string dataDir) => From(new LayerStore(LayerCatalog.Load(dataDir)));

    /// <summary>
    /// Binds a layer store's zone layers (those with a policy) to the policy.json of the same data directory.
    /// The store's indexes are reused; create once and share (the web app keeps one).
    /// </summary>
    /// <exception cref="InputException">A layer file or the policy is missing or malformed.</exception>
    public static SiteCheck From(LayerStore store)
    {
        var zones = store.Catalog.ZoneLayers.Select(l => l.Id).ToList();
        store.Preload(zones);
        var policy = CheckPolicy.Load(store.Catalog.PathOf(CheckPolicy.FileName));
        return new SiteCheck(policy, zones.Select(id => ZoneLayer.From(store.Get(id))).ToList());
    }

    /// <summary>The policy in use.</summary>
    public CheckPolicy Policy => _policy;

    /// <summary>The zone layers checked, in catalog order.</summary>
    public IReadOnlyList<ZoneLayer> Layers => _layers;

    /// <summary>Runs the check. Thread-safe: the layers are only read.</summary>
    public CheckReport Run(Footprint footprint, CheckOptions options)
    {
        var evaluator = new ZoneEvaluator(footprint, options, _policy.SliverM2);
        var zones = _layers.Select(l => evaluator.Evaluate(l, _policy.Zones[l.PolicyKey])).ToList();
        var verdict = zones.Count == 0 ? Verdict.Clear : zones.Max(z => z.Verdict);
        return new CheckReport(footprint, options, verdict, zones, _policy.SliverM2);
    }

    /// <summary>
    /// Checks a read footprint file the way every front end does: the planner's settings (<paramref name="given"/>)
    /// win over the file's own project properties, then the defaults apply; then the footprint is built and checked.
    /// </summary>
    /// <param name="load">The footprint file as <see cref="FeatureFileReader"/> read it.</param>
    /// <param name="given">What the planner gave (CLI options, API query); null values mean "not given".</param>
    /// <param name="declaredEpsg">The CRS the planner declared for the file, if any (reported, already applied by the reader).</param>
    /// <param name="bufferOverrideM">Replaces every zone's buffer (metres) when set.</param>
    /// <exception cref="InputException">The file's project properties or geometry cannot make a footprint.</exception>
    public CheckReport Run(FeatureLoadResult load, ProjectSettings given, int? declaredEpsg = null, double? bufferOverrideM = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        var options = ProjectSettings.Resolve(given, ProjectSettings.FromFile(load, load.FileName), declaredEpsg, bufferOverrideM);
        return Run(Footprint.From(load, options, load.FileName), options);
    }
}
