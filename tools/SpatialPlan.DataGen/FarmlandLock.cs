namespace SpatialPlan.DataGen;

/// <summary>
/// An exclusive lock file in the layers folder, so that two builds that start the generator at once (e.g. the app and
/// the tests) do not write the same files together: the second waits, then writes the same bytes again.
/// </summary>
public static class FarmlandLock
{
    public static IDisposable Acquire(string layersDir)
    {
        Directory.CreateDirectory(layersDir);
        var path = Path.Combine(layersDir, ".farmland.lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(5))
            {
                Thread.Sleep(200);
            }
        }
    }
}
