using Microsoft.Extensions.Options;
using SpatialPlan.Core.Layers;

namespace SpatialPlan.App.Hosting;

/// <summary>
/// The data folder the app serves: <c>SpatialPlan:DataDir</c> when set, else what Core's
/// <see cref="DataDirectory.Resolve"/> finds (SPATIALPLAN_DATA, or gis-data/ above the working or app folder).
/// </summary>
public sealed class GisDataFolder(IOptions<SpatialPlanOptions> options)
{
    /// <summary>Absolute path of the folder that holds catalog.json.</summary>
    public string Path { get; } = DataDirectory.Resolve(options.Value.DataDir);

    /// <summary>An existing file inside the folder, or null; refuses anything that would climb out of it.</summary>
    public string? File(string relative)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative));
        var root = Path.EndsWith(System.IO.Path.DirectorySeparatorChar) ? Path : Path + System.IO.Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) && System.IO.File.Exists(full) ? full : null;
    }
}
