namespace SpatialPlan.Core.Limits;

/// <summary>
/// The input budgets (issue 12): every resource a footprint file can make the readers spend, checked before the work.
/// docs/limits.md (section "Input") lists each with its value and the message a planner gets. Uploads use
/// <see cref="Upload"/>; catalog layers, which are the data folder's own and may be large official data, use
/// <see cref="DataLayer"/>.
/// </summary>
public sealed record InputLimits
{
    /// <summary>Largest file read, in bytes (compressed size for a zip): 50 MiB.</summary>
    public long MaxInputBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Largest expanded size of any one zip entry that is read (.shp, .shx, .dbf): 50 MiB.</summary>
    public long MaxEntryBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Largest expanded size of a .prj or .cpg (a WKT is under 2 KB): 64 KiB, read by streaming no further.</summary>
    public int MaxSidecarBytes { get; init; } = 64 * 1024;

    /// <summary>Most entries in a zip's central directory, counted from its end record before the archive is opened: 64.</summary>
    public int MaxZipEntries { get; init; } = 64;

    /// <summary>Most features in one file: 1 000. The check overlays the whole footprint with every zone feature it meets, so its cost grows with both.</summary>
    public int MaxFeatures { get; init; } = 1_000;

    /// <summary>Most parts (rings, lines, points of multi-geometries) in one file: 5 000.</summary>
    public int MaxParts { get; init; } = 5_000;

    /// <summary>Most vertices in one file: 50 000 (a 47 km road centre line at 1 m spacing).</summary>
    public int MaxVertices { get; init; } = 50_000;

    /// <summary>Most points a point footprint may have when each is buffered by a radius: 500.</summary>
    public int MaxBufferedPoints { get; init; } = 500;

    /// <summary>Deepest JSON nesting (objects and arrays): 64. A MultiPolygon feature collection needs 7.</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>The budgets for a planner's footprint file (CLI <c>check</c>/<c>validate</c>, <c>POST /api/checks</c>).</summary>
    public static InputLimits Upload { get; } = new();

    /// <summary>
    /// The budgets for the data folder's own layers: the same byte and depth limits guard against a broken file, but
    /// an official layer may hold hundreds of thousands of parcels.
    /// </summary>
    public static InputLimits DataLayer { get; } = new()
    {
        MaxInputBytes = 1L * 1024 * 1024 * 1024,
        MaxEntryBytes = 1L * 1024 * 1024 * 1024,
        MaxFeatures = 2_000_000,
        MaxParts = 10_000_000,
        MaxVertices = 100_000_000,
    };
}
