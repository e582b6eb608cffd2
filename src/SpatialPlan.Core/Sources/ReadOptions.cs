namespace SpatialPlan.Core.Sources;

/// <summary>How to read a feature file.</summary>
/// <param name="DeclaredEpsg">A CRS the user states (e.g. CLI <c>--crs EPSG:4545</c>); wins over the file's own declaration and over guessing, but contradicting coordinates are still refused.</param>
/// <param name="MaxBytes">Largest file accepted, in bytes (default 50 MB).</param>
public sealed record ReadOptions(int? DeclaredEpsg = null, long MaxBytes = ReadOptions.DefaultMaxBytes)
{
    /// <summary>50 MB.</summary>
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>
    /// When true (the default, for uploads), every feature must lie in or near the banner, so a stray
    /// feature at (0,0) is refused. Catalog context layers (neighbouring counties, the Yellow River) reach
    /// far beyond the banner by design and are read with false.
    /// </summary>
    public bool RequireEveryFeatureNearBanner { get; init; } = true;

    /// <summary>No declared CRS, default size limit.</summary>
    public static ReadOptions Default { get; } = new();
}
