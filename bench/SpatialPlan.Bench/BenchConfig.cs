using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SpatialPlan.Bench;

/// <summary>
/// Jobs for the suite, kept short (it must fit in ~5 minutes on 2 shared, noisy cores). In-process: no
/// per-benchmark project is generated and built, and the 100k layer is loaded once and shared by the
/// steady-state benchmarks. Min/median/max are shown because the machine is noisy; JSON goes to
/// bench/scripts/compare.py.
/// </summary>
internal static class BenchConfig
{
    /// <summary>Global config: columns and exporters; the jobs come from each class's config.</summary>
    public static IConfig Create() => DefaultConfig.Instance
        .AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.Max)
        .AddExporter(JsonExporter.Full)
        .WithOptions(ConfigOptions.JoinSummary);

    /// <summary>Steady state: milliseconds per operation, so let BDN batch invocations per iteration.</summary>
    public sealed class SteadyState : ManualConfig
    {
        public SteadyState() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithId("SteadyState"));
    }

    /// <summary>One-off load: seconds per operation, one invocation per iteration, no batching.</summary>
    public sealed class OneOff : ManualConfig
    {
        public OneOff() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithId("OneOff"));
    }
}
