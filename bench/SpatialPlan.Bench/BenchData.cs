using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Bench;

/// <summary>
/// The benchmark data directory made by bench/make-data.sh (catalog with the 100k farmland layer, policy,
/// footprints/*.geojson in EPSG:4490), and the loaded check shared by the steady-state benchmarks.
/// </summary>
public static class BenchData
{
    /// <summary>Environment variable that points at the data directory (bench/run.sh sets it).</summary>
    public const string EnvironmentVariable = "SPATIALPLAN_BENCH_DATA";

    /// <summary>Absolute path of the data directory: the environment variable, or bench/data above the program.</summary>
    public static string Directory { get; } = Resolve();

    private static readonly Lazy<SiteCheck> LoadedCheck = new(() => SiteCheck.Load(Directory));

    /// <summary>The site check with the 100k layer loaded and indexed (loaded on first use, then shared).</summary>
    public static SiteCheck Check => LoadedCheck.Value;

    /// <summary>Footprint names: <c>park</c> (~1 km² polygon) and <c>road</c> (30 km line buffered 20 m, as a polygon).</summary>
    public static IReadOnlyList<string> FootprintNames { get; } = ["park", "road"];

    /// <summary>Reads footprints/NAME.geojson the way the CLI does (FeatureFileReader, then Footprint).</summary>
    public static (Footprint Footprint, CheckOptions Options) Footprint(string name)
    {
        var options = new CheckOptions(name == "road" ? "linear-infrastructure" : "urban-construction");
        var path = Path.Combine(Directory, "footprints", name + ".geojson");
        var load = FeatureFileReader.Read(path, new ReadOptions());
        return (Core.Checks.Footprint.From(load, options, Path.GetFileName(path)), options);
    }

    private static string Resolve()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Require(Path.GetFullPath(fromEnv));
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "data");
            if (File.Exists(Path.Combine(candidate, "catalog.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"找不到基准测试数据（bench/data/catalog.json）。先运行 bench/make-data.sh，或设置 {EnvironmentVariable}。" +
            $" Benchmark data not found: run bench/make-data.sh first or set {EnvironmentVariable}.");
    }

    private static string Require(string dir) => File.Exists(Path.Combine(dir, "catalog.json"))
        ? dir
        : throw new InvalidOperationException($"{dir} 中没有 catalog.json。No catalog.json in {dir}: run bench/make-data.sh {dir}.");
}
