using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace SpatialPlan.App.Tests;

/// <summary>A copy of the fixture data folder with a records/ store of its own, and the form a planner's browser sends to save.</summary>
public sealed class RecordsTestData : IDisposable
{
    public RecordsTestData()
    {
        Root = Directory.CreateTempSubdirectory("spatialplan-app-records-").FullName;
        Path = System.IO.Path.Combine(Root, "gis-data");
        // Not the fixture's own records/ store: other tests check against the fixture, and every check is logged there.
        foreach (var file in Directory.EnumerateFiles(AppFactory.FixtureData, "*", SearchOption.AllDirectories).Where(f => !System.IO.Path.GetRelativePath(AppFactory.FixtureData, f).StartsWith("records", StringComparison.Ordinal)))
        {
            var to = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(AppFactory.FixtureData, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    public string Root { get; }

    public string Path { get; }

    public string Records => System.IO.Path.Combine(Path, "records");

    public static string Sample => System.IO.Path.Combine(AppFactory.FixtureData, "samples", "projects", "solar-test.geojson");

    public static MultipartFormDataContent SaveForm(string projectName, string? projectCode = null, byte[]? file = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file ?? File.ReadAllBytes(Sample)), "file", "solar-test.geojson" } };
        form.Add(new StringContent(projectName), "projectName");
        form.Add(new StringContent("巴彦淖尔某能源有限公司"), "builder");
        if (projectCode is not null)
        {
            form.Add(new StringContent(projectCode), "projectCode");
        }

        return form;
    }

    /// <summary>Makes the folder (and its files) unwritable even for root: chattr +i as root, else chmod a-w. Undone on dispose.</summary>
    public IDisposable Unwritable(string folder)
    {
        var paths = Directory.EnumerateFiles(folder).Append(folder).ToList();
        var root = Environment.UserName == "root";
        foreach (var p in paths)
        {
            Run(root ? "chattr" : "chmod", root ? "+i" : "a-w", p);
        }

        return new Undo(() =>
        {
            foreach (var p in Enumerable.Reverse(paths))
            {
                Run(root ? "chattr" : "chmod", root ? "-i" : "u+w", p);
            }
        });
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }

    private static void Run(string file, string mode, string path)
    {
        using var process = Process.Start(new ProcessStartInfo(file) { ArgumentList = { mode, path }, RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {mode} {path}: {error}");
        }
    }

    private sealed class Undo(Action undo) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                undo();
            }
        }
    }
}

/// <summary>The app over a given data folder (a records test's own copy).</summary>
public sealed class RecordsAppFactory(string dataDir) : AppFactory
{
    protected override string DataDir => dataDir;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SpatialPlan:MaxUploadMegabytes", "20");
    }
}
