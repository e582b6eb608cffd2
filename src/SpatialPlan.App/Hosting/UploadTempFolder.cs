namespace SpatialPlan.App.Hosting;

/// <summary>
/// The folder the app owns for multipart upload buffers. ASP.NET Core's form reader spills uploads over 64 KB to
/// <c>ASPNETCORE_TEMP</c> (else the system temp folder) and deletes them when the request ends; a crash leaves them
/// behind. Pointing that variable at a folder only the app uses lets start-up empty it.
/// </summary>
public static class UploadTempFolder
{
    /// <summary>Creates the folder, removes what a previous process left in it, and makes the form reader use it.</summary>
    /// <returns>How many left-over files were removed.</returns>
    public static int Prepare(string path)
    {
        // Owner-only where the OS has modes: uploads are planners' project data.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        int removed = 0;
        foreach (var file in Directory.EnumerateFiles(path))
        {
            try
            {
                // On Linux a file still open by another instance is only unlinked; its reader keeps working.
                File.Delete(file);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use by a live instance (Windows) or not ours to delete: leave it.
            }
        }

        // Read once, lazily, by ASP.NET Core's FileBufferingReadStream (Microsoft.AspNetCore.WebUtilities).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", path);
        return removed;
    }
}
