using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace SpatialPlan.TestSupport;

/// <summary>
/// A data folder with many more 图斑 than the embedded one, made at test time and never committed (issue 10): the
/// repository's gis-data (catalog, styles, policy, base and zone layers, samples) with its farmland GeoPackage replaced
/// by one of <c>parcels</c> 图斑 from the project's own generator (tools/SpatialPlan.DataGen
/// <c>--farmland-only --farmland-parcels N</c>: the same Hetao field strips, seed and attributes, denser). About two
/// minutes for 200 000 on this machine, so the folder is kept under the system temp folder, keyed by a hash of the
/// generator's build and gis-data's catalog: later runs (and other test classes) reuse it.
/// </summary>
public static class ScaleData
{
    private static readonly Lock Gate = new();

    /// <summary>The data folder with <paramref name="parcels"/> farmland 图斑, made on first use.</summary>
    public static string Farmland(int parcels)
    {
        lock (Gate)
        {
            var repo = RepoRoot();
            var gisData = Path.Combine(repo, "gis-data");
            var generator = GeneratorDll(repo);
            var key = Hash(generator, Path.Combine(gisData, "catalog.json"), Path.Combine(gisData, "styles.json"), parcels);
            var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "spatialplan-scale-data")).FullName;
            var dir = Path.Combine(root, $"farmland-{parcels}-{key}");
            if (File.Exists(Path.Combine(dir, ".done")))
            {
                return dir;
            }

            // One maker at a time across processes (two test projects may start at once): an exclusive lock file.
            using var lockFile = AcquireLock(Path.Combine(root, $"farmland-{parcels}-{key}.lock"));
            if (File.Exists(Path.Combine(dir, ".done")))
            {
                return dir;
            }

            var tmp = dir + ".making-" + Environment.ProcessId;
            if (Directory.Exists(tmp))
            {
                Directory.Delete(tmp, recursive: true);
            }

            CopyFolder(gisData, tmp, skip: f => f.EndsWith(".gpkg", StringComparison.Ordinal) || f.Contains(".lock", StringComparison.Ordinal));
            Run("dotnet", [generator, "--farmland-only", "--farmland-parcels", parcels.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--no-geojson", "--out", tmp, "--data", gisData]);
            // The generator writes the permanent farmland only at a given size; the general farmland is the embedded one.
            var general = Path.Combine(gisData, "layers", "general-farmland.gpkg");
            if (File.Exists(general))
            {
                File.Copy(general, Path.Combine(tmp, "layers", "general-farmland.gpkg"));
            }

            if (!File.Exists(Path.Combine(tmp, "layers", "farmland.gpkg")))
            {
                throw new InvalidOperationException($"the generator made no farmland.gpkg in {tmp}");
            }

            File.WriteAllText(Path.Combine(tmp, ".done"), $"{parcels} parcels from {generator}\n");
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }

            Directory.Move(tmp, dir);
            // Folders made by an older generator build are of no more use: ~70 MB each.
            foreach (var old in Directory.EnumerateDirectories(root, $"farmland-{parcels}-*").Where(d => d != dir))
            {
                try
                {
                    Directory.Delete(old, recursive: true);
                }
                catch (IOException)
                {
                    // in use by another run: left for the next one
                }
            }

            return dir;
        }
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "gis-data", "catalog.json")) && Directory.Exists(Path.Combine(d.FullName, "tools", "SpatialPlan.DataGen")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("no repository (gis-data/catalog.json and tools/SpatialPlan.DataGen) above " + AppContext.BaseDirectory);
    }

    /// <summary>The generator's build (the App project references it, so building the tests builds it): the newest one.</summary>
    private static string GeneratorDll(string repo)
    {
        var bin = Path.Combine(repo, "tools", "SpatialPlan.DataGen", "bin");
        var dll = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "SpatialPlan.DataGen.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return dll ?? throw new InvalidOperationException($"SpatialPlan.DataGen is not built under {bin}: dotnet build tools/SpatialPlan.DataGen");
    }

    private static string Hash(string generator, string catalog, string styles, int parcels)
    {
        using var sha = SHA256.Create();
        var bytes = File.ReadAllBytes(generator).Concat(File.ReadAllBytes(catalog)).Concat(File.ReadAllBytes(styles))
            .Concat(Encoding.UTF8.GetBytes(parcels.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        return Convert.ToHexString(sha.ComputeHash(bytes))[..12].ToLowerInvariant();
    }

    private static FileStream AcquireLock(string path)
    {
        var until = DateTime.UtcNow.AddMinutes(15);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < until)
            {
                Thread.Sleep(1000);
            }
        }
    }

    private static void CopyFolder(string from, string to, Func<string, bool> skip)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skip(relative))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} took over 15 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        }
    }
}
