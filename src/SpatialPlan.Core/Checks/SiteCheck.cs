using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// Checks a footprint against every zone layer (catalog layers whose <c>policy</c> names a zone of policy.json),
/// reports plan guidance (layers whose category policy.json lists under <c>guidance</c>) and the share inside the
/// data's area, and builds the one report model every output renders. Overlaps are computed in the data area's working
/// CRS (a CGCS2000 3-degree Gauss-Kruger zone) with an
/// STR-tree query, a prepared-geometry test and OverlayNG only for real candidates; areas are scale-corrected m².
/// Create once per data directory and reuse: the indexes are shared.
/// </summary>
public sealed class SiteCheck
{
    private readonly CheckPolicy _policy;
    private readonly IReadOnlyList<ZoneLayer> _layers;
    private readonly IReadOnlyList<ZoneLayer> _guidance;
    private readonly JurisdictionCheck? _jurisdiction;
    private IReadOnlyList<NotCheckedCategory>? _notChecked;

    /// <summary>Binds zone layers (and optionally guidance layers and the data's area) to the policy.</summary>
    /// <exception cref="InputException">
    /// A layer names a policy key that policy.json does not have, or a feature of a zone with levels has no level or
    /// an unknown one.
    /// </exception>
    public SiteCheck(CheckPolicy policy, IReadOnlyList<ZoneLayer> layers, IReadOnlyList<ZoneLayer>? guidance = null, JurisdictionCheck? jurisdiction = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(layers);
        _policy = policy;
        _layers = layers;
        _guidance = guidance ?? [];
        _jurisdiction = jurisdiction;
        foreach (var layer in layers)
        {
            var zone = policy.Zones.GetValueOrDefault(layer.PolicyKey) ?? throw new InputException(
                $"图层 {layer.LayerId} 指定的规则“{layer.PolicyKey}”在 policy.json 的 zones 中不存在。",
                "在 policy.json 的 zones 中补上该规则，或改正 catalog.json 中的 policy。Add the zone to policy.json or fix the layer's policy in catalog.json.",
                LayerCatalog.FileName);
            CheckLevels(layer, zone);
        }
    }

    /// <summary>The policy in use.</summary>
    public CheckPolicy Policy => _policy;

    /// <summary>The zone layers checked, in catalog order.</summary>
    public IReadOnlyList<ZoneLayer> Layers => _layers;

    /// <summary>The clock the report's check time comes from (local time, to the minute).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The data version (<see cref="Checks.DataVersion"/>) the report prints; null when the layers were built ad hoc.</summary>
    public string? DataVersion { get; init; }

    /// <summary>
    /// The data area (the catalog's, for <see cref="From"/>): footprints read by <see cref="Run(FeatureLoadResult, ProjectSettings, CheckInput?, int?, double?, CancellationToken)"/>
    /// must lie in or near it and are measured in its working CRS, the CRS of the layers. Null for layers built ad hoc:
    /// <see cref="Crs.DataArea.China"/> is used, and a footprint must then be in the layers' CRS already.
    /// </summary>
    public Crs.DataArea? Area { get; init; }

    /// <summary>
    /// Loads policy.json and every zone, guidance and area layer of a data directory's catalog, building each layer's
    /// index once. Keep the result and reuse it for many checks.
    /// </summary>
    /// <exception cref="InputException">The catalog, a layer file or the policy is missing, malformed or inconsistent.</exception>
    public static SiteCheck Load(string dataDir) => From(new LayerStore(LayerCatalog.Load(dataDir)));

    /// <summary>
    /// Binds a layer store's layers to the policy.json of the same data directory. The store's indexes are reused;
    /// create once and share (the web app keeps one).
    /// </summary>
    /// <exception cref="InputException">A layer file or the policy is missing, malformed or inconsistent.</exception>
    public static SiteCheck From(LayerStore store, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var catalog = store.Catalog;
        Diagnostics.StageTrace.Mark("catalog ready");
        var policy = CheckPolicy.Load(catalog.PathOf(CheckPolicy.FileName));
        Diagnostics.StageTrace.Mark("policy.json read");
        var zones = catalog.Layers.Where(l => l.Policy is { } key && policy.Zones.ContainsKey(key)).ToList();
        var guidance = catalog.Layers.Where(l => !zones.Contains(l) && policy.Guidance.ContainsKey(l.Policy ?? l.Category)).ToList();
        foreach (var stray in catalog.Layers.Where(l => l.Policy is not null && !zones.Contains(l) && !guidance.Contains(l)))
        {
            throw new InputException($"图层 {stray.Id} 指定的规则“{stray.Policy}”在 policy.json 的 zones 与 guidance 中都不存在。",
                "在 policy.json 中补上该管控区或规划衔接说明，或改正 catalog.json 中的 policy。Add it to policy.json or fix the layer's policy.",
                LayerCatalog.FileName);
        }

        var area = catalog.Area is { } a ? new[] { a.Layer, a.Neighbours }.OfType<string>().Select(id => AreaLayer(catalog, id)).ToList() : [];

        // GeoJSON layers are read whole here; GeoPackage and PostGIS layers are only opened (file, table, index checked):
        // a check then reads the candidates of its footprint's envelope.
        store.Preload(zones.Concat(guidance).Concat(area).Select(l => l.Id).Distinct());
        Diagnostics.StageTrace.Mark("layers opened (GeoJSON read whole, indexed opened)");
        var jurisdiction = catalog.Area is { } named
            ? new JurisdictionCheck(ZoneLayer.From(store.Source(named.Layer), "area"),
                named.Neighbours is { } n ? ZoneLayer.From(store.Source(n), "neighbours") : null)
            : null;
        var check = new SiteCheck(policy, [.. zones.Select(l => ZoneLayer.From(store.Source(l.Id)))],
            [.. guidance.Select(l => ZoneLayer.From(store.Source(l.Id), "guidance"))], jurisdiction)
        {
            Clock = clock ?? TimeProvider.System,
            DataVersion = Checks.DataVersion.Compute(catalog),
            Area = catalog.DataArea,
        };
        Diagnostics.StageTrace.Mark("zone layers, data version and area ready");
        return check;
    }

    /// <summary>
    /// Checks a read footprint file the way every front end does: the planner's settings (<paramref name="given"/>)
    /// win over the file's own project properties; then the footprint is built and checked.
    /// </summary>
    /// <param name="load">The footprint file as <see cref="FeatureFileReader"/> read it.</param>
    /// <param name="given">What the planner gave (CLI options, API fields); null values mean "not given".</param>
    /// <param name="input">The file's name and SHA-256 for the report (the caller hashes the bytes it read), or null.</param>
    /// <param name="declaredEpsg">The CRS the planner declared for the file, if any (already applied by the reader).</param>
    /// <param name="proximityOverrideM">Replaces every zone's proximity distance (metres) when set.</param>
    /// <param name="cancellationToken">Stops the check (the app passes the request's abort and its time budget).</param>
    /// <exception cref="InputException">No kind, an unknown kind or category, or the geometry cannot make a footprint.</exception>
    public CheckReport Run(FeatureLoadResult load, ProjectSettings given, CheckInput? input = null, int? declaredEpsg = null,
        double? proximityOverrideM = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(load);
        var options = ProjectSettings.Resolve(given, ProjectSettings.FromFile(load, load.FileName), _policy, declaredEpsg, proximityOverrideM, load.FileName)
            with { Input = input };
        return Run(Footprint.From(load, options, load.FileName, Area), options, cancellationToken);
    }

    /// <summary>
    /// Refuses what the planner gave before any file is read: a national-major flag, an ambiguous or unknown kind, an
    /// unknown major category (values left null are not checked: the file may still give them).
    /// </summary>
    /// <exception cref="InputException">As <see cref="ProjectSettings.Resolve"/> would throw for the given values.</exception>
    public void CheckGiven(ProjectSettings given)
    {
        ArgumentNullException.ThrowIfNull(given);
        if (given.NationalMajor is not null)
        {
            throw _policy.NationalMajorRefused("--national-major（API：nationalMajor）");
        }

        if (given.Kind is not null)
        {
            _policy.ResolveKind(given.Kind, "--type（API：type）");
        }

        _policy.ResolveMajors(given.Majors ?? [], "--major（API：major）");
    }

    /// <summary>Runs the check. Thread-safe: the layers are only read.</summary>
    /// <exception cref="InputException">The options name an unknown kind or major category.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public CheckReport Run(Footprint footprint, CheckOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        ArgumentNullException.ThrowIfNull(options);
        if (Area?.WorkingCrs is { } working && footprint.WorkingCrs != working)
        {
            throw new ArgumentException(
                $"The footprint is in {footprint.WorkingCrs.Name} but the layers are in the data area's working CRS {working.Name}.", nameof(footprint));
        }

        var project = Identity(footprint, options);
        var evaluator = new ZoneEvaluator(footprint, cancellationToken);
        var decider = new ZoneDecider(evaluator, project, _policy.SliverM2);
        var zones = _layers.Select(layer =>
        {
            var zone = _policy.Zones[layer.PolicyKey];
            var proximity = zone.Mode == ZoneMode.Avoid ? options.ProximityOverrideM ?? zone.ProximityM : 0;
            var contact = evaluator.Measure(layer, proximity);
            return zone.Mode == ZoneMode.Contain ? decider.Contain(contact, zone) : decider.Avoid(contact, zone, proximity);
        }).ToList();
        var guidance = _guidance.SelectMany(g => Guidance(evaluator, g)).ToList();
        var jurisdiction = _jurisdiction?.Evaluate(footprint, _policy.SliverM2, cancellationToken);
        var verdict = zones.Select(z => z.Verdict).Append(jurisdiction?.Verdict ?? Verdict.Clear).Max();
        return new CheckReport
        {
            Footprint = footprint,
            Options = options,
            Project = project,
            Verdict = verdict,
            InPrinciple = verdict == Verdict.Prohibited && zones.Where(z => z.Verdict == Verdict.Prohibited).All(z => z.InPrinciple),
            Zones = zones,
            Guidance = guidance,
            NotChecked = _notChecked ??= NotChecked(),
            Jurisdiction = jurisdiction,
            Approvals = Approvals(zones),
            Settings = Settings(zones, options),
            Layers = [.. _layers.Select(l => l.Provenance).Concat(_guidance.Select(g => g.Provenance)).Concat(_jurisdiction?.Layers ?? [])],
        };
    }

    private ProjectIdentity Identity(Footprint footprint, CheckOptions options)
    {
        var (kind, alias) = _policy.ResolveKind(options.Kind, "CheckOptions.Kind");
        return new ProjectIdentity
        {
            Kind = kind,
            KindAlias = options.KindAlias ?? alias,
            Majors = _policy.ResolveMajors(options.Majors ?? [], "CheckOptions.Majors"),
            Name = options.Name ?? footprint.Name,
            Builder = options.Builder,
            ProjectCode = options.ProjectCode,
            Origins = options.Origins,
        };
    }

    private IEnumerable<GuidanceResult> Guidance(ZoneEvaluator evaluator, ZoneLayer layer)
    {
        var note = _policy.Guidance[_policy.Guidance.ContainsKey(layer.PolicyKey) ? layer.PolicyKey : layer.Category];
        var contact = evaluator.Measure(layer, note.ProximityM);
        return contact.Overlaps.Select(p => (p.Feature, p.AreaM2, DistanceM: 0.0))
            .Concat(contact.Nearby.Select(n => (n.Feature, AreaM2: 0.0, n.DistanceM)))
            .OrderBy(x => x.DistanceM).ThenByDescending(x => x.AreaM2)
            .Select(x => new GuidanceResult
            {
                LayerId = layer.LayerId,
                LayerTitleZh = layer.TitleZh,
                Category = layer.Category,
                FeatureId = x.Feature.Id,
                FeatureName = x.Feature.Name,
                OverlapAreaM2 = x.AreaM2,
                DistanceM = x.DistanceM,
                NoteZh = note.NoteZh,
                NoteEn = note.NoteEn,
            });
    }

    /// <summary>The categories this check cannot cover; the same for every footprint, so made once (a read-only list shared by the reports).</summary>
    private IReadOnlyList<NotCheckedCategory> NotChecked()
    {
        var checkedCategories = _layers.Select(l => l.Category).Concat(_layers.Select(l => l.PolicyKey)).ToHashSet(StringComparer.Ordinal);
        var missingZones = _policy.Zones.Keys.Where(k => !checkedCategories.Contains(k))
            .Select(k => new NotCheckedCategory(k, LayerCategories.NamesZh.GetValueOrDefault(k, k),
                "规则中有该类管控区，但数据目录中没有它的图层，因此未核查。")
            {
                ReasonEn = "The policy covers it but the data folder has no layer for it.",
            });
        return _policy.NotChecked.Where(n => !checkedCategories.Contains(n.Category)).Concat(missingZones).DistinctBy(n => n.Category).ToList().AsReadOnly();
    }

    private List<ApprovalGroup> Approvals(IReadOnlyList<ZoneResult> zones)
    {
        var items = zones.SelectMany(z => z.Conditions.Select(c => (c.Authority, Item: new ApprovalItem(z.LayerId, z.LayerTitleZh, c.RequirementZh, c.RequirementEn, c.Basis))));
        var order = _policy.Authorities.Keys.ToList();
        return [.. items.GroupBy(x => x.Authority.Id)
            .OrderBy(g => order.IndexOf(g.Key) is var i && i < 0 ? int.MaxValue : i)
            .Select(g => new ApprovalGroup(g.First().Authority, [.. g.Select(x => x.Item)]))];
    }

    private CheckSettings Settings(IReadOnlyList<ZoneResult> zones, CheckOptions options)
    {
        var now = Clock.GetLocalNow();
        return new CheckSettings
        {
            SliverM2 = _policy.SliverM2,
            ProximityM = [.. zones.Where(z => z.Mode == ZoneMode.Avoid).Select(z => new KeyValuePair<string, double>(z.LayerId, z.ProximityM))],
            InputFile = options.Input?.FileName,
            InputSha256 = options.Input?.Sha256,
            CheckedAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, now.Offset),
            PolicyVersion = _policy.PolicyVersion,
            DataVersion = DataVersion,
        };
    }

    private static void CheckLevels(ZoneLayer layer, ZonePolicy zone)
    {
        if (zone.Levels is null)
        {
            return;
        }

        void Check(ZoneFeature feature)
        {
            if (zone.Level(feature.Level ?? string.Empty) is null)
            {
                throw new InputException(
                    $"图层 {layer.LayerId} 的要素“{feature.Id}”{(feature.Level is null ? "没有级别（level）" : $"的级别“{feature.Level}”未知")}：" +
                    $"{zone.Key} 分级管控，每个要素须写明级别。",
                    $"在该要素的属性中写 \"level\": 取 {string.Join("、", zone.LevelIds)} 之一。Give every feature a level id.",
                    layer.FileName ?? LayerCatalog.FileName);
            }
        }

        if (layer.IsInMemory)
        {
            // A layer in memory is checked whole, once, before any check runs.
            foreach (var feature in layer.Features)
            {
                Check(feature);
            }
        }
        else
        {
            // An indexed layer is read by envelope: each feature is checked as a check reads it.
            layer.CheckOnRead(Check);
        }
    }

    private static LayerDefinition AreaLayer(LayerCatalog catalog, string id) => catalog.Find(id) ?? throw new InputException(
        $"catalog.json 的 area 指定的图层“{id}”不存在。",
        $"area.layer / area.neighbours 须为 layers 中的 id：{string.Join(", ", catalog.Layers.Select(l => l.Id))}。",
        LayerCatalog.FileName);
}
