using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Limits;

namespace SpatialPlan.Core.Sources;

/// <summary>How to read a feature file.</summary>
/// <param name="DeclaredEpsg">A CRS the user states (e.g. CLI <c>--crs EPSG:4490</c>); wins over the file's own declaration and over guessing, but contradicting coordinates are still refused.</param>
/// <param name="MaxBytes">Largest file accepted, in bytes; null takes <see cref="InputLimits.MaxInputBytes"/> of <see cref="Limits"/> (50 MiB for uploads).</param>
public sealed record ReadOptions(int? DeclaredEpsg = null, long? MaxBytes = null)
{
    /// <summary>50 MiB, the upload default of <see cref="InputLimits.MaxInputBytes"/>.</summary>
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>
    /// When true (the default, for uploads), every feature must lie in or near the data area, so a stray
    /// feature at (0,0) is refused. Catalog context layers (neighbouring counties, the Yellow River) reach
    /// far beyond the area by design and are read with false.
    /// </summary>
    public bool RequireEveryFeatureNearArea { get; init; } = true;

    /// <summary>
    /// The data area the coordinates must lie in or near; it also gives the working zone that Gauss-Kruger eastings without
    /// a zone prefix are read in. Null is <see cref="DataArea.China"/> (no data folder): anywhere in China, and such eastings
    /// need a declared CRS.
    /// </summary>
    public DataArea? Area { get; init; }

    /// <summary>The area in force: <see cref="Area"/>, or <see cref="DataArea.China"/>.</summary>
    public DataArea EffectiveArea => Area ?? DataArea.China;

    /// <summary>The budgets the readers enforce before the work (docs/limits.md): <see cref="InputLimits.Upload"/> unless a data layer is read.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Upload;

    /// <summary>The byte limit in force: <see cref="MaxBytes"/> when given, else the limits' <see cref="InputLimits.MaxInputBytes"/>.</summary>
    public long EffectiveMaxBytes => MaxBytes ?? Limits.MaxInputBytes;

    /// <summary>No declared CRS, the upload budgets.</summary>
    public static ReadOptions Default { get; } = new();
}
