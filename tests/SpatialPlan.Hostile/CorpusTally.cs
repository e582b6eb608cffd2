using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SpatialPlan.Hostile;

/// <summary>
/// Runs corpus inputs through one front end and keeps the counts the issue asks for: inputs, reports, refusals, crashes
/// (exit 1 / HTTP 500), answers over the time budget, and the largest growth of this process's resident memory.
/// </summary>
public sealed class CorpusTally(string frontEnd, TimeSpan budgetPerInput)
{
    private readonly List<string> _failures = [];
    private readonly Dictionary<string, (int Reports, int Refusals)> _byClass = new(StringComparer.Ordinal);
    private readonly Stopwatch _total = new();
    private readonly List<(TimeSpan Time, string Name)> _times = [];

    public int Inputs { get; private set; }

    public int Reports { get; private set; }

    public int Refusals { get; private set; }

    /// <summary>Exit 1, HTTP 5xx, or anything outside the allowed answers.</summary>
    public int Crashes { get; private set; }

    public int OverBudget { get; private set; }

    public long MaxRssGrowthBytes { get; private set; }

    public TimeSpan Slowest { get; private set; }

    public string SlowestName { get; private set; } = string.Empty;

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>
    /// Runs one input. <paramref name="run"/> returns whether the answer was a report (true) or a clean refusal
    /// (false), or throws / returns a problem description for anything else.
    /// </summary>
    public void Run(HostileInput input, Func<(bool? Report, string? Problem)> run)
    {
        Inputs++;
        var before = Rss();
        _total.Start();
        var clock = Stopwatch.StartNew();
        (bool? Report, string? Problem) outcome;
        try
        {
            outcome = run();
        }
        catch (Exception ex)
        {
            outcome = (null, $"threw {ex.GetType().Name}: {ex.Message}");
        }

        clock.Stop();
        _total.Stop();
        var growth = Rss() - before;
        _times.Add((clock.Elapsed, input.Name));
        MaxRssGrowthBytes = Math.Max(MaxRssGrowthBytes, growth);
        if (clock.Elapsed > Slowest)
        {
            (Slowest, SlowestName) = (clock.Elapsed, input.Name);
        }

        if (clock.Elapsed > budgetPerInput)
        {
            OverBudget++;
            _failures.Add($"{input.Name}: {clock.ElapsedMilliseconds} ms, over the {budgetPerInput.TotalMilliseconds:0} ms budget");
        }

        if (growth > 512L << 20)
        {
            _failures.Add($"{input.Name}: resident memory grew {growth >> 20} MB");
        }

        var counts = _byClass.GetValueOrDefault(input.Class);
        switch (outcome)
        {
            case (_, { } problem):
                Crashes++;
                _failures.Add($"{input.Name}: {problem}");
                break;
            case (true, null):
                Reports++;
                _byClass[input.Class] = (counts.Reports + 1, counts.Refusals);
                break;
            default:
                Refusals++;
                _byClass[input.Class] = (counts.Reports, counts.Refusals + 1);
                break;
        }
    }

    /// <summary>The closing note: one line of totals, then the counts per class.</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"{frontEnd}: {Inputs} inputs, {Reports} reports, {Refusals} refusals, {Crashes} exit-1/500 or other failures, {OverBudget} over the time budget, " +
            $"max RSS growth {MaxRssGrowthBytes / (1024.0 * 1024):0.0} MB, slowest {Slowest.TotalMilliseconds:0} ms ({SlowestName}), total {_total.Elapsed.TotalSeconds:0.0} s");
        sb.AppendLine("  slowest: " + string.Join(", ", _times.OrderByDescending(t => t.Time).Take(8)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Time.TotalMilliseconds:0} ms"))));
        foreach (var (name, (reports, refusals)) in _byClass.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {name}: {reports} reports, {refusals} refusals");
        }

        return sb.ToString();
    }

    /// <summary>True when text looks like a .NET stack trace or an exception dump.</summary>
    public static bool HasStackTrace(string text) =>
        text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception:", StringComparison.Ordinal) ||
        text.Contains("Exception (", StringComparison.Ordinal);

    /// <summary>A refusal that says how to fix it: 处理办法 (InputException), or a Chinese 请… sentence, or the CLI's usage hint.</summary>
    public static bool HasFix(string text) =>
        text.Contains("处理办法", StringComparison.Ordinal) || text.Contains('请') || text.Contains("--help", StringComparison.Ordinal);

    private static long Rss()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
