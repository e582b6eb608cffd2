using System.Security.Cryptography;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.TestSupport;

namespace SpatialPlan.Core.Tests.Layers.Sources;

/// <summary>
/// The data version hashes large layer files once per change (<see cref="FileHashCache"/>), also when the data folder
/// holds a symbolic link to a layer kept elsewhere: the link's own size is a few bytes, so without following it a
/// 400 MB GeoPackage was hashed in full by every cold check.
/// </summary>
public sealed class FileHashCacheTests
{
    [Fact]
    public void ALargeLayerReachedThroughASymbolicLinkIsHashedOnceAndAgainWhenItChanges()
    {
        using var dir = new TempFolder("sp-hash");
        Directory.CreateDirectory(dir["store"]);
        Directory.CreateDirectory(dir["data/layers"]);
        var target = dir["store/farmland.gpkg"];
        using (var file = File.Create(target))
        {
            file.SetLength(FileHashCache.CachedFrom + 1); // sparse: large to the cache, cheap to hash
        }

        var link = dir["data/layers/farmland.gpkg"];
        File.CreateSymbolicLink(link, target);
        var cacheRoot = dir["cache"];
        var entries = Path.Combine(cacheRoot, "spatialplan", "sha256");
        var expected = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(target)));

        Assert.Equal(expected, FileHashCache.Sha256(link, cacheRoot));
        Assert.True(Directory.Exists(entries) && Directory.GetFiles(entries).Length == 1, "the linked file's hash is cached");
        Assert.Equal(expected, FileHashCache.Sha256(target, cacheRoot));
        Assert.Single(Directory.GetFiles(entries));

        using (var file = new FileStream(target, FileMode.Open, FileAccess.Write))
        {
            file.WriteByte(1);
        }

        File.SetLastWriteTimeUtc(target, DateTime.UtcNow.AddMinutes(1));
        var changed = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(target)));
        Assert.NotEqual(expected, changed);
        Assert.Equal(changed, FileHashCache.Sha256(link, cacheRoot));
    }
}
