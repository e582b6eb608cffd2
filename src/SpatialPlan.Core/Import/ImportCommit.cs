using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SpatialPlan.Core.Layers;

namespace SpatialPlan.Core.Import;

/// <summary>
/// Puts an imported layer in place: the finished GeoPackage (built under a hidden staging name in <c>layers/</c>) and
/// the new catalog.json. Each step is one rename in the same folder; if a later step fails, the earlier ones are undone,
/// so the folder ends with the old layer and the old catalog, or with both new ones. Nothing here looks at the
/// cancellation token: the commit takes milliseconds and must not stop half-way.
/// </summary>
internal static partial class ImportCommit
{
    /// <summary>Test hook: thrown in the middle of a commit (after the layer file moved, before the catalog), to prove the undo.</summary>
    internal static Action? BeforeCatalog { get; set; }

    /// <returns>True when an existing layer file was replaced.</returns>
    public static bool Commit(CatalogWriter catalog, string staging, string finalPath, JsonObject entry)
    {
        catalog.Upsert(entry);
        var text = catalog.ToText();
        var backup = finalPath + ".replaced-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var replaced = File.Exists(finalPath);
        if (replaced)
        {
            File.Move(finalPath, backup, overwrite: true);
        }

        try
        {
            File.Move(staging, finalPath);
            BeforeCatalog?.Invoke();
            CatalogWriter.WriteAtomically(catalog.Path, text);
        }
        catch
        {
            if (File.Exists(finalPath) && !File.Exists(staging))
            {
                File.Move(finalPath, staging, overwrite: true);
            }

            if (replaced)
            {
                File.Move(backup, finalPath, overwrite: true);
            }

            throw;
        }

        if (replaced)
        {
            File.Delete(backup);
        }

        return replaced;
    }

    /// <summary>
    /// Removes what an import of <paramref name="layerId"/> killed outright (power cut, kill -9) left in
    /// <paramref name="layers"/>: its staging files, whose process is gone. They are never in the catalog.
    /// </summary>
    public static void RemoveStale(string layers, string layerId)
    {
        foreach (var path in Directory.EnumerateFiles(layers, $".{layerId}.import-*"))
        {
            var m = Pid().Match(Path.GetFileName(path));
            if (m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !Alive(pid))
            {
                File.Delete(path);
            }
        }
    }

    private static bool Alive(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\.import-(\d+)\.gpkg")]
    private static partial Regex Pid();
}
