using System.Diagnostics;

namespace SpatialPlan.Records.Tests;

/// <summary>
/// Makes a folder and its files unwritable for the duration of a test. Root ignores permission bits, so as root the
/// files and the folder are made immutable (<c>chattr +i</c>); otherwise they are made read-only (<c>chmod a-w</c>).
/// </summary>
public sealed class ReadOnlyFolder : IDisposable
{
    private readonly List<string> _paths;
    private readonly bool _root;
    private bool _disposed;

    private ReadOnlyFolder(List<string> paths, bool root)
    {
        _paths = paths;
        _root = root;
    }

    public static ReadOnlyFolder Make(string folder)
    {
        var paths = Directory.EnumerateFiles(folder).Append(folder).ToList();
        var root = Environment.UserName == "root";
        foreach (var path in paths)
        {
            Run(root ? "chattr" : "chmod", root ? "+i" : "a-w", path);
        }

        return new ReadOnlyFolder(paths, root);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var path in _paths.AsEnumerable().Reverse())
        {
            Run(_root ? "chattr" : "chmod", _root ? "-i" : "u+w", path);
        }
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
}
