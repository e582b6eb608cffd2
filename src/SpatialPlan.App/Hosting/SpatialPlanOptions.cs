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
}
