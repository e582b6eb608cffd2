using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SpatialPlan.App.Tests;

/// <summary>
/// The app as a child process on a free loopback port, the way a planner runs it: a native abort or a start-up
/// failure is then an exit code a test can read, not a dead test host. Also reads the process's resident memory.
/// </summary>
public sealed partial class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private AppProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_stdout) { _stdout.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_stderr) { _stderr.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The address it listens on, once started.</summary>
    public Uri? BaseAddress { get; private set; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    /// <summary>Resident set size in bytes (Linux /proc).</summary>
    public long RssBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(Digits().Match(line).Value, System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
    }

    /// <summary>Starts the app over <paramref name="dataDir"/>; returns once it listens or has exited (then read <see cref="ExitCode"/>).</summary>
    public static AppProcess Start(string dataDir, params string[] settings)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "SpatialPlan.App"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var arg in new[] { "--urls", "http://127.0.0.1:0", $"--SpatialPlan:DataDir={dataDir}" }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start the app"));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (Listening().Match(app.Stdout) is { Success: true } m)
            {
                app.BaseAddress = new Uri(m.Groups[1].Value);
                return app;
            }

            if (app._process.WaitForExit(100))
            {
                app._process.WaitForExit(); // drain the output
                return app;
            }
        }

        app.Dispose();
        throw new TimeoutException("the app did not start in 60 s: " + app.Stdout + app.Stderr);
    }

    public HttpClient Client() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(120) };

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"open in a browser: (http://\S+)")]
    private static partial Regex Listening();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
