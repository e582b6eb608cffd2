using System.Globalization;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.App.Hosting;

/// <summary>The app's settings (appsettings.json section <c>SpatialPlan</c>, or <c>--SpatialPlan:DataDir=…</c>).</summary>
public sealed class SpatialPlanOptions
{
    public const string Section = "SpatialPlan";

    /// <summary>The gis-data folder; empty means "find gis-data/ above the working and app folders".</summary>
    public string DataDir { get; set; } = string.Empty;

    /// <summary>Largest accepted upload or request body for a site check, in MiB.</summary>
    public int MaxUploadMegabytes { get; set; } = 20;

    /// <summary>The limit in bytes.</summary>
    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    /// <summary>Wall time one request may work (reading, checking, rendering), in seconds; over it the request ends with 422.</summary>
    public double WorkBudgetSeconds { get; set; } = 30;

    /// <summary>Checks and renders that run at once; more wait in a queue (<see cref="MaxQueuedWork"/>). Default: one per core.</summary>
    public int MaxConcurrentWork { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Checks and renders that may wait for a turn; more are answered 503 at once.</summary>
    public int MaxQueuedWork { get; set; } = 64;

    /// <summary>The folder the app owns for multipart upload buffers; empty means <c>{temp}/spatialplan-uploads</c>.
    /// Emptied at start-up (left-overs of a crash).</summary>
    public string UploadTempDir { get; set; } = string.Empty;

    /// <summary>The upload buffer folder, resolved.</summary>
    public string UploadTempPath => string.IsNullOrWhiteSpace(UploadTempDir)
        ? Path.Combine(Path.GetTempPath(), "spatialplan-uploads")
        : Path.GetFullPath(UploadTempDir);

    /// <summary>The default of <see cref="WarmIndexMaxFeatures"/>.</summary>
    public const long DefaultWarmIndexMaxFeatures = 2_000_000;

    /// <summary>
    /// Indexed layers (GeoPackage, PostGIS) of at most this many features are copied into memory in the background after
    /// start-up, for warm checks at in-memory speed; larger ones, or all with 0, are read through their index.
    /// </summary>
    public long WarmIndexMaxFeatures { get; set; } = DefaultWarmIndexMaxFeatures;

    /// <summary>The default of <see cref="TileCacheMegabytes"/>.</summary>
    public const int DefaultTileCacheMegabytes = 64;

    /// <summary>
    /// The bound of the vector-tile cache in memory, megabytes of encoded tiles (docs/tiles.md §3); the small-scale tiles
    /// made ahead are kept besides it. 0 keeps no tile beyond those.
    /// </summary>
    public int TileCacheMegabytes { get; set; } = DefaultTileCacheMegabytes;

    /// <summary>The work budget as a span.</summary>
    public TimeSpan WorkBudget => TimeSpan.FromSeconds(WorkBudgetSeconds);

    /// <summary>Refuses settings that cannot work (NaN, zero or negative budgets), naming the setting and the fix.</summary>
    /// <exception cref="InputException">A setting is out of range.</exception>
    public void Validate()
    {
        if (MaxUploadMegabytes is < 1 or > 1024)
        {
            Fail("MaxUploadMegabytes", MaxUploadMegabytes.ToString(CultureInfo.InvariantCulture), "1 到 1024 之间的整数（MiB），默认 20");
        }

        if (!double.IsFinite(WorkBudgetSeconds) || WorkBudgetSeconds <= 0 || WorkBudgetSeconds > 3600)
        {
            Fail("WorkBudgetSeconds", WorkBudgetSeconds.ToString(CultureInfo.InvariantCulture), "0 到 3600 之间的秒数，默认 30");
        }

        if (MaxConcurrentWork is < 1 or > 256)
        {
            Fail("MaxConcurrentWork", MaxConcurrentWork.ToString(CultureInfo.InvariantCulture), "1 到 256 之间的整数，默认为 CPU 核数");
        }

        if (WarmIndexMaxFeatures is < 0 or > 100_000_000)
        {
            Fail("WarmIndexMaxFeatures", WarmIndexMaxFeatures.ToString(CultureInfo.InvariantCulture), "0 到 100000000 之间的整数（0 = 不预载入内存），默认 2000000");
        }

        if (TileCacheMegabytes is < 0 or > 65_536)
        {
            Fail("TileCacheMegabytes", TileCacheMegabytes.ToString(CultureInfo.InvariantCulture), "0 到 65536 之间的整数（兆字节；0 = 只保留预先生成的小比例尺分块），默认 64");
        }

        if (MaxQueuedWork is < 0 or > 10_000)
        {
            Fail("MaxQueuedWork", MaxQueuedWork.ToString(CultureInfo.InvariantCulture), "0 到 10000 之间的整数，默认 64");
        }
    }

    private static void Fail(string name, string value, string allowed) => throw new InputException(
        $"设置 {Section}:{name} 的值 {value} 不可用（setting out of range）。",
        $"在 appsettings.json 或命令行（--{Section}:{name}=…）中改为{allowed}。", "appsettings.json");
}
