using System.Diagnostics;
using System.Globalization;

namespace SpatialPlan.Core.Diagnostics;

/// <summary>
/// Where a cold run's time goes: with <c>SPATIALPLAN_TRACE=1</c> each <see cref="Mark"/> writes one line to standard
/// error — milliseconds since the process started, the process's CPU milliseconds so far, and the stage just finished.
/// Off (one environment read) otherwise; output on standard output is never touched.
/// </summary>
public static class StageTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("SPATIALPLAN_TRACE") is "1" or "true";

    /// <summary>Marks the end of a stage.</summary>
    public static void Mark(string stage)
    {
        if (!Enabled)
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        var wall = (DateTime.Now - process.StartTime).TotalMilliseconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[trace] {wall,7:0} ms  cpu {process.TotalProcessorTime.TotalMilliseconds,6:0} ms  {stage}"));
    }
}
