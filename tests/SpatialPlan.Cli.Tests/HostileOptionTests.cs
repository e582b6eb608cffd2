namespace SpatialPlan.Cli.Tests;

/// <summary>
/// Number options are read strictly (a decimal comma is refused, never re-read as thousands; NaN and Infinity are
/// refused), and every command is held to its work and render budgets: exit 2 with a message, never exit 1 or a hang.
/// </summary>
public sealed class HostileOptionTests : IDisposable
{
    private static readonly string RepoData = Path.Combine(TestDataDirectory.RepoRoot, "gis-data");
    private readonly TestDataDirectory _data = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("spatialplan-hostile-").FullName;

    public void Dispose()
    {
        _data.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("--width", "30,5", "30.5")]
    [InlineData("--width", "30，5", "30.5")]
    [InlineData("--radius", "1,000", "30.5")]
    [InlineData("--buffer", "NaN", "NaN")]
    [InlineData("--buffer", "Infinity", "NaN")]
    [InlineData("--buffer", "-Infinity", "NaN")]
    [InlineData("--width", "1e400", "30.5")]
    [InlineData("--radius", "∞", "30.5")]
    [InlineData("--width", "thirty", "30.5")]
    public void ANumberOptionThatIsNotAPlainFiniteNumberExitsTwoNamingTheOption(string option, string value, string hint)
    {
        var road = _data.Footprint("road", "LINESTRING(429000 4527500, 432000 4527500)");

        var run = CliRun.Of("check", road, option, value, "--data", _data.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Stderr);
        Assert.Contains(hint, run.Stderr);
        Assert.DoesNotContain("NaN 米", run.Stdout);
        Assert.False(run.HasStackTrace, run.Stderr);
    }

    [Fact]
    public void ADecimalPointWidthIsStillReadAsMetres()
    {
        var road = _data.Footprint("road", "LINESTRING(429000 4527500, 432000 4527500)");

        var run = CliRun.Of("check", road, "--type", "linear", "--width", "30.5", "--format", "json", "--data", _data.Root);

        Assert.NotEqual(2, run.ExitCode);
        Assert.Contains("\"widthM\":30.5,", run.Stdout.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1,50")]
    [InlineData("NaN")]
    [InlineData("150.5")]
    public void ADpiThatIsNotAWholeNumberExitsTwo(string dpi)
    {
        var run = CliRun.Of("render", "--out", Path.Combine(_dir, "sheet.png"), "--dpi", dpi, "--data", RepoData);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--dpi", run.Stderr);
    }

    [Fact]
    public void AnA3PngAt600DpiIsOverThePixelBudgetAndExitsTwoBeforeDrawing()
    {
        var png = Path.Combine(_dir, "big.png");
        var run = CliRun.Of("render", "--out", png, "--paper", "A3", "--dpi", "600", "--data", RepoData);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("百万像素", run.Stderr);
        Assert.Contains("431", run.Stderr);
        Assert.False(File.Exists(png));
    }

    [Fact]
    public void ARenderOverItsWorkBudgetExitsTwoWithTheBudgetsMessage()
    {
        var run = CliProcess.Run(TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["SPATIALPLAN_WORK_SECONDS"] = "0.05" },
            "render", "--out", Path.Combine(_dir, "sheet.pdf"), "--data", RepoData);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("时间上限", run.Stderr);
        Assert.Contains("SPATIALPLAN_WORK_SECONDS", run.Stderr);
    }

    [Fact]
    public void ACheckOverItsWorkBudgetExitsTwoEvenWhenItsWorkDoesNotLookAtTheToken()
    {
        // The check's reading and overlay do not take the token yet: the watchdog ends the process with the message.
        var sample = Path.Combine(RepoData, "samples", "projects", "solar-ulanbuh.geojson");
        var run = CliProcess.Run(TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["SPATIALPLAN_WORK_SECONDS"] = "0.05" },
            "check", sample, "--data", RepoData);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("时间上限", run.Stderr);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("-5")]
    public void AnUnusableWorkBudgetSettingExitsTwo(string seconds)
    {
        var run = CliProcess.Run(TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["SPATIALPLAN_WORK_SECONDS"] = seconds },
            "layers", "--data", RepoData);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("SPATIALPLAN_WORK_SECONDS", run.Stderr);
    }
}
