using BenchmarkDotNet.Attributes;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Bench;

/// <summary>
/// The one-off cost of getting the 100k layer ready: read catalog.json and policy.json, parse the
/// 100 000-parcel GeoJSON (EPSG:4490), validate, reproject to EPSG:4545 and build the STRtree.
/// </summary>
[Config(typeof(BenchConfig.OneOff))]
public class LoadBenchmarks
{
    /// <summary>Loads the data directory from scratch; returns the parcel count so nothing is optimised away.</summary>
    [Benchmark]
    public long LoadAndIndex() => SiteCheck.Load(BenchData.Directory).Layers.Sum(l => l.Count);
}
