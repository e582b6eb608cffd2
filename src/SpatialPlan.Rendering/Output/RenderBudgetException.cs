namespace SpatialPlan.Rendering.Output;

/// <summary>
/// A render that would go over one of its <see cref="RenderBudget"/> limits, refused before the work. The message
/// says what is over, by how much, and what to change (Chinese first, English after); the web app answers 422
/// and the CLI exits 2 with it.
/// </summary>
public sealed class RenderBudgetException : Exception
{
    public RenderBudgetException(string budget, long limit, long requested, string problem, string fix)
        : base($"{problem} 处理办法：{fix}")
    {
        Budget = budget;
        Limit = limit;
        Requested = requested;
    }

    /// <summary>Which budget: <c>pixels</c>, <c>hatchLines</c> or <c>labels</c> (docs/limits.md).</summary>
    public string Budget { get; }

    /// <summary>The budget's value.</summary>
    public long Limit { get; }

    /// <summary>What the render would have needed.</summary>
    public long Requested { get; }
}
