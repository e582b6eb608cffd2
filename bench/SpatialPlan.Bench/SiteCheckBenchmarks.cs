using BenchmarkDotNet.Attributes;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Bench;

/// <summary>
/// Steady state: the 100k farmland layer is loaded and indexed once (global setup), then each operation
/// checks one footprint. <see cref="Check"/> is the product (what the CLI and the web API run);
/// <see cref="Overlay"/> is the bare overlay that PostGIS and GDAL run, for a like-for-like ratio.
/// </summary>
[Config(typeof(BenchConfig.SteadyState))]
public class SiteCheckBenchmarks
{
    private SiteCheck _check = null!;
    private Footprint _footprint = null!;
    private CheckOptions _options = null!;
    private ZoneLayer _farmland = null!;

    /// <summary>Which footprint: <c>park</c> or <c>road</c>.</summary>
    [Params("park", "road")]
    public string Footprint { get; set; } = "park";

    [GlobalSetup]
    public void Setup()
    {
        _check = BenchData.Check;
        (_footprint, _options) = BenchData.Footprint(Footprint);
        _farmland = _check.Layers.Single();
    }

    /// <summary>The full site check: overlaps, union, buffer search, verdict (scale-corrected areas).</summary>
    [Benchmark(Baseline = true)]
    public Verdict Check() => _check.Run(_footprint, _options).Verdict;

    /// <summary>The same overlay as the SQL: index + prepared intersects + intersection + sum of grid areas.</summary>
    [Benchmark]
    public double Overlay() => FarmlandOverlay.Run(_farmland, _footprint.Gk).GridAreaM2;
}
