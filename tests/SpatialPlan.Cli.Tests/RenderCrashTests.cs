namespace SpatialPlan.Cli.Tests;

/// <summary>
/// A frame of a few metres over a large hatched polygon (scale about 1:1) must give a sheet, not a native abort.
/// The render runs in a child process: an abort there is exit 134 and a failing test, not a dead test host.
/// </summary>
public sealed class RenderCrashTests : IDisposable
{
    private readonly HatchedDataFolder _data = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("spatialplan-crash-").FullName;

    public void Dispose()
    {
        _data.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void APngOfAFewMetresOverAHatchedZoneIsDrawnInAChildProcess()
    {
        var png = Path.Combine(_dir, "tiny.png");
        var run = CliProcess.Run(TimeSpan.FromSeconds(60), "render", "--out", png, "--bbox", HatchedDataFolder.Bbox(0.5), "--dpi", "300", "--data", _data.Root);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
        Assert.Matches(@"比例尺 scale：1:[12]；", run.Stdout); // about 1:1, the deepest a sheet goes
    }

    [Fact]
    public void APdfOfAFewMetresOverAHatchedZoneStaysSmall()
    {
        var pdf = Path.Combine(_dir, "tiny.pdf");
        var run = CliProcess.Run(TimeSpan.FromSeconds(60), "render", "--out", pdf, "--bbox", HatchedDataFolder.Bbox(0.5), "--data", _data.Root);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        // Before the hatch was clipped to the frame, this sheet held millions of hatch lines (over 100 MB).
        Assert.InRange(new FileInfo(pdf).Length, 1, 2 * 1024 * 1024);
    }
}
