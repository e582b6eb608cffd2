using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers;

/// <summary>Finds the data directory (a folder with catalog.json): explicit path, SPATIALPLAN_DATA, or gis-data/ above the working or program directory.</summary>
public static class DataDirectory
{
    /// <summary>Environment variable that points at a data directory.</summary>
    public const string EnvironmentVariable = "SPATIALPLAN_DATA";

    /// <summary>Resolves the data directory to an absolute path.</summary>
    /// <param name="explicitPath">A folder given by the user (e.g. <c>--data</c>); wins when set.</param>
    /// <exception cref="InputException">Nothing usable was found; the message says where we looked.</exception>
    public static string Resolve(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Require(explicitPath);
        }

        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Require(fromEnv);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "gis-data");
                if (File.Exists(Path.Combine(candidate, LayerCatalog.FileName)))
                {
                    return candidate;
                }
            }
        }

        throw new InputException(
            "找不到数据目录 gis-data（当前目录和程序目录的上级中都没有 gis-data/catalog.json）。",
            $"在仓库根目录下运行，或用 --data 指定数据文件夹，或设置环境变量 {EnvironmentVariable}。");
    }

    private static string Require(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(Path.Combine(full, LayerCatalog.FileName)))
        {
            throw new InputException(
                $"文件夹 {full} 不是数据目录：其中没有 {LayerCatalog.FileName}。",
                "指向含 catalog.json 的文件夹（例如仓库里的 gis-data）。");
        }

        return full;
    }
}
