using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// SHA-256 of a data file, remembered across processes for large files: a 300 MB GeoPackage layer takes about a second
/// to hash, which a cold check must not pay every time. The hash is kept in the user's cache folder
/// (<c>~/.cache/spatialplan/sha256/</c>), keyed by the file's full path and checked against its size and last-write
/// time; any change to the file hashes it again. Without a writable cache folder every call hashes.
/// </summary>
public static class FileHashCache
{
    /// <summary>Files smaller than this are simply hashed (a few milliseconds).</summary>
    public const long CachedFrom = 8L * 1024 * 1024;

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public static string Sha256(string path) => Sha256(path, DefaultCacheRoot());

    /// <summary>As <see cref="Sha256(string)"/>, with the cache kept under <paramref name="cacheRoot"/> (null: no cache).</summary>
    internal static string Sha256(string path, string? cacheRoot)
    {
        // A symbolic link (a large layer kept elsewhere) is judged, stamped and cached by the file it points to: the link's
        // own length is a few bytes, so it would otherwise be hashed in full on every call.
        var info = new FileInfo(path);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } target)
        {
            info = target;
        }

        if (info.Length < CachedFrom || CacheFile(cacheRoot, info.FullName) is not { } cache)
        {
            return Hash(path);
        }

        var stamp = string.Create(CultureInfo.InvariantCulture, $"{info.Length} {info.LastWriteTimeUtc.Ticks}");
        try
        {
            if (File.Exists(cache) && File.ReadAllText(cache).Split(' ') is [var length, var ticks, var hash] && $"{length} {ticks}" == stamp && hash.Length == 64)
            {
                return hash;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        var computed = Hash(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
            var temp = cache + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            File.WriteAllText(temp, $"{stamp} {computed}");
            File.Move(temp, cache, overwrite: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return computed;
    }

    private static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string? DefaultCacheRoot() =>
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? Path.Combine(home, ".cache") : null;

    private static string? CacheFile(string? root, string fullPath) =>
        root is null ? null
            : Path.Combine(root, "spatialplan", "sha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fullPath))));
}
