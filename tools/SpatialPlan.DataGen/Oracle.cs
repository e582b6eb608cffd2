using System.Diagnostics;
using System.Text.Json;

namespace SpatialPlan.DataGen;

/// <summary>
/// Runs the GDAL/GEOS oracle (oracle/sample_overlaps.py, python3 with GDAL's bindings) on the written data. Its
/// figures go into samples/projects/index.json; they never come from our own geometry code.
/// </summary>
public static class Oracle
{
    private const string Script = "tools/SpatialPlan.DataGen/oracle/sample_overlaps.py";
    private const string LawScript = "tools/SpatialPlan.DataGen/oracle/expected_verdicts.py";

    /// <summary>{"&lt;file&gt;": {"footprintAreaM2", "zones", "jurisdiction"}} for every sample.</summary>
    public static JsonDocument SampleOverlaps(string dataDir, IEnumerable<SampleSpec> samples)
    {
        var specs = JsonSerializer.Serialize(samples.Select(s => new { file = s.File, width = s.Width, radius = s.Radius, crs = s.Crs }));
        return Run(Script, [dataDir, "--specs"], specs);
    }

    /// <summary>
    /// {"&lt;file&gt;": {"verdict", "jurisdiction", "zones": {category: {verdict, inPrinciple, level, situation, authorities, why}}}}:
    /// the law fixture applied to GDAL's overlaps and distances (oracle/expected_verdicts.py), for the index.json
    /// already written to <paramref name="dataDir"/>.
    /// </summary>
    public static JsonDocument ExpectedVerdicts(string dataDir) => Run(LawScript, [dataDir, "--json"], string.Empty);

    private static JsonDocument Run(string script, string[] args, string stdin)
    {
        var python = Environment.GetEnvironmentVariable("SPATIALPLAN_PYTHON") ?? "/usr/bin/python3";
        var psi = new ProcessStartInfo(python, [FindScript(script), .. args])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{python} could not be started");
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var errors = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"样例核对脚本（{script}）失败：需要带 GDAL 绑定的 python3（apt-get install python3-gdal），或用 SPATIALPLAN_PYTHON 指定。 " +
                $"The overlap oracle failed; it needs python3 with GDAL's bindings (python3-gdal), or SPATIALPLAN_PYTHON.\n{errors.Result}");
        }

        return JsonDocument.Parse(output);
    }

    private static string FindScript(string script)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, script);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"{script} not found above {Directory.GetCurrentDirectory()}");
    }
}
