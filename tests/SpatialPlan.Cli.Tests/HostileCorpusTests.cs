using System.Text.Json;
using SpatialPlan.Hostile;
using Xunit.Abstractions;

namespace SpatialPlan.Cli.Tests;

/// <summary>
/// Issue 12: every input of the hostile corpus (tests/SpatialPlan.Hostile) through <c>spatialplan check</c> and
/// <c>validate</c>, in-process: exit 0/10/20 with a report or exit 2 with a message that says how to fix it, never
/// exit 1, never a stack trace, each within its time budget. The gigabyte bombs run with
/// <c>--filter Category=HostileLarge</c>.
/// </summary>
public sealed class HostileCorpusTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string Data = Path.Combine(TestDataDirectory.RepoRoot, "gis-data");
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("spatialplan-hostile-");

    [Fact]
    public void EveryCorpusInputGetsAReportOrABadInputMessage() => Run(HostileCorpus.Default(), TimeSpan.FromSeconds(10));

    [Fact]
    [Trait("Category", "HostileLarge")]
    public void EveryLargeCorpusInputGetsAReportOrABadInputMessage() => Run(HostileCorpus.Large(), TimeSpan.FromSeconds(60));

    private void Run(IEnumerable<HostileInput> inputs, TimeSpan budget)
    {
        var check = new CorpusTally("CLI check", budget);
        var validate = new CorpusTally("CLI validate", budget);
        var n = 0;
        foreach (var input in inputs)
        {
            var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, (n++).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var path = Path.Combine(folder.FullName, input.FileName);
            File.WriteAllBytes(path, input.Bytes);
            check.Run(input, () => Judge(CliRun.Of(["check", path, "--data", Data, "--format", "json", .. input.CheckOptions()]), report: [0, 10, 20]));
            var crs = input.Crs is null ? Array.Empty<string>() : ["--crs", input.Crs];
            validate.Run(input, () => Judge(CliRun.Of(["validate", path, "--format", "json", .. crs]), report: [0]));
            folder.Delete(recursive: true);
        }

        output.WriteLine(check.Summary());
        output.WriteLine(validate.Summary());
        Assert.True(check.Inputs >= (budget.TotalSeconds > 30 ? 1 : 300), $"only {check.Inputs} inputs");
        Assert.Empty(check.Failures);
        Assert.Empty(validate.Failures);
        Assert.Equal(0, CliRun.Of(["check", Path.Combine(Data, "samples", "projects", "dairy-park.geojson"), "--data", Data, "--format", "json"]).ExitCode is 0 or 10 or 20 ? 0 : 1);
    }

    private static (bool? Report, string? Problem) Judge(CliRun run, int[] report)
    {
        if (CorpusTally.HasStackTrace(run.Stderr) || CorpusTally.HasStackTrace(run.Stdout))
        {
            return (null, $"exit {run.ExitCode} with a stack trace: {Clip(run.Stderr)}");
        }

        if (report.Contains(run.ExitCode))
        {
            try
            {
                using var _ = JsonDocument.Parse(run.Stdout);
            }
            catch (JsonException)
            {
                return (null, $"exit {run.ExitCode} but stdout is not one JSON object: {Clip(run.Stdout)}");
            }

            return (true, null);
        }

        if (run.ExitCode == 2)
        {
            return CorpusTally.HasFix(run.Stderr) && run.Stdout.Length == 0
                ? (false, null)
                : (null, $"exit 2 without a fix in the message (or with stdout): {Clip(run.Stderr)}");
        }

        return (null, $"exit {run.ExitCode}: {Clip(run.Stderr)}");
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;

    public void Dispose() => _dir.Delete(recursive: true);
}
