using System.Diagnostics;

namespace SpatialPlan.Cli.Tests;

/// <summary>
/// Runs the CLI as a child process (the apphost next to the test assembly), so that a native abort (exit 134)
/// or a hang is a failing test instead of a dead test host.
/// </summary>
internal static class CliProcess
{
    public static CliRun Run(TimeSpan timeout, params string[] args) => Run(timeout, new Dictionary<string, string>(), args);

    public static CliRun Run(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "spatialplan"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start spatialplan");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new CliRun(-1, stdout.Result, $"timed out after {timeout.TotalSeconds} s; " + stderr.Result);
        }

        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
