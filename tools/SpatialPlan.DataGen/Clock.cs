using System.Diagnostics;

namespace SpatialPlan.DataGen;

/// <summary>Wall and processor time since start, for the generator's progress lines (the machine may be shared).</summary>
public sealed class Clock
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpu0 = Process.GetCurrentProcess().TotalProcessorTime;

    public override string ToString() =>
        $"{_wall.Elapsed.TotalSeconds:F1} s, CPU {(Process.GetCurrentProcess().TotalProcessorTime - _cpu0).TotalSeconds:F1} s";
}
