using System.Globalization;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Cli;

/// <summary>
/// How long one command may work (docs/limits.md, "Rendering, work and web"): 120 s by default, from reading the
/// data folder to writing the output, or <c>SPATIALPLAN_WORK_SECONDS</c>. Long loops stop on the token; if the work
/// does not stop, the process ends anyway a few seconds later (<see cref="Program"/>'s watchdog) — exit 2 with
/// <see cref="Message"/> either way, never a hang.
/// </summary>
internal static class WorkBudget
{
    public const string EnvironmentVariable = "SPATIALPLAN_WORK_SECONDS";

    public static readonly TimeSpan Default = TimeSpan.FromSeconds(120);

    /// <summary>The budget from <see cref="EnvironmentVariable"/>, else <see cref="Default"/>.</summary>
    /// <exception cref="InputException">The variable is not a positive finite number of seconds.</exception>
    public static TimeSpan FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds > 0 && seconds <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new InputException($"环境变量 {EnvironmentVariable}=“{text}” 不是有效的秒数（not a number of seconds）。",
                $"写 0 到 86400 之间的秒数，例如 {EnvironmentVariable}=300，或删去该变量（默认 {Default.TotalSeconds:0} 秒）。");
    }

    /// <summary>How long past the budget the watchdog waits for cooperative cancellation: the budget itself, at most 10 s.</summary>
    public static TimeSpan Grace(TimeSpan budget) => budget < TimeSpan.FromSeconds(10) ? budget : TimeSpan.FromSeconds(10);

    /// <summary>What the planner reads when the budget is spent.</summary>
    public static string Message(TimeSpan budget) =>
        $"处理超出时间上限（{budget.TotalSeconds:0.###} 秒），已停止。请缩小范围、减少图层或要素后重试；确需更长时间可设置环境变量 {EnvironmentVariable}。" +
        $" The work went over its {budget.TotalSeconds:0.###} s budget and was stopped: use a smaller extent, fewer layers or features, or raise {EnvironmentVariable}.";
}
